"""`reader export`: the article as the reader shows it, as Markdown, text or HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from web_server import serving

from reader import cli
from reader.article_export import export
from reader.parsers import parse
from reader.store import Store

ARTICLE = (
    "# Title\n\nIntro with *em*, **strong**, `code` and [a link](https://x.test/a).\n\n"
    "## Part\n\n- one\n- two\n  - inner\n\n1. first\n2. second\n\n> quoted\n\n"
    "```py\nx = 1\n```\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n\n---\n\nEnd.\n"
)


def shown(text: str, kind: str = "markdown") -> list[str]:
    document = parse(text, kind, "a")
    return [document.styled(i).plain for i in range(len(document.blocks))]


def test_markdown_export_reads_back_as_the_same_article() -> None:
    exported = export(parse(ARTICLE, "markdown", "a"), "markdown")
    assert shown(exported) == shown(ARTICLE)
    assert "- two\n  - inner" in exported and "1. first" in exported


def test_a_plain_text_article_exports_with_the_structure_found_in_it() -> None:
    plain = "GUIDE\n\nIntro text that runs on for a while here.\n\nInstalling\n==========\n\n"
    plain += "Run the installer and follow what it says.\n"
    exported = export(parse(plain, "plain", "guide.txt"), "markdown")
    assert "## Installing" in exported or "# Installing" in exported


def test_text_export_underlines_headings_and_keeps_markers() -> None:
    text = export(parse(ARTICLE, "markdown", "a"), "text")
    assert "Title\n=====" in text and "Part\n----" in text
    assert "• one" in text and "  • inner" in text and "│ quoted" in text


def test_html_export_is_escaped_and_keeps_only_safe_links() -> None:
    hostile = (
        "# <script>alert(1)</script> \x1b[31mred\n\n"
        "[bad](javascript:alert(1)) [good](https://x.test/?a=1&b=2) <b>&lt;i&gt;</b>\n"
    )
    page = export(parse(hostile, "markdown", "h"), "html")
    assert "<script>" not in page and "<h1> ␛[31mred</h1>" in page  # (the script hidden)
    assert "\x1b" not in page and 'href="javascript' not in page
    assert '<a href="https://x.test/?a=1&amp;b=2">good</a>' in page
    assert "<strong>&lt;i&gt;</strong>" in page


words = st.text(st.characters(codec="ascii", exclude_categories=("Cc",)), min_size=1, max_size=30)


@settings(max_examples=100, deadline=None)
@given(st.lists(words.filter(str.strip), min_size=1, max_size=5))
def test_any_paragraphs_survive_a_markdown_round_trip(paragraphs: list[str]) -> None:
    text = "\n\n".join(p.replace("\n", " ") for p in paragraphs)
    document = parse(text, "plain", "p.txt")
    again = parse(export(document, "markdown"), "markdown", "p")
    before = [" ".join(document.styled(i).plain.split()) for i in range(len(document.blocks))]
    after = [" ".join(again.styled(i).plain.split()) for i in range(len(again.blocks))]
    assert after == before


def test_reader_save_and_export_a_web_address_and_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# My notes\n\nText.\n")
    with serving() as base:
        assert cli.main(["save", f"{base}/page.html"]) == 0
        assert capsys.readouterr().out == "A Page\n"
        assert cli.main(["export", f"{base}/page.html", "--format", "markdown"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("# A Page\n") and "## Second part" in out
        assert cli.main(["save", f"{base}/missing"]) == 2
        assert "404 Not Found" in capsys.readouterr().err
    assert cli.main(["export", f"{base}/page.html", "--format", "text"]) == 0  # offline
    assert "Second part" in capsys.readouterr().out
    assert cli.main(["save", str(notes)]) == 0
    assert capsys.readouterr().out == "My notes\n"
    titles = [document.title for document in Store.open().recent()]
    assert titles == ["My notes", "A Page"]


PIECES = [
    "# Title\n",
    "Plain words here.\n",
    "- a\n- b\n",
    "1. one\n2. two\n",
    "> quoted\n>\n> more\n",
    "> 1. a\n>\n>    b\n",
    "- x\n\n  > q1\n  >\n  > q2\n",
    "```\ncode\n```\n",
    "| A | B |\n| --- | --- |\n| 1 | 2 |\n",
    "## Part\n",
    "Some *em* and **strong** words.\n",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8))
def test_an_articles_markdown_export_reads_back_as_the_same_blocks(pieces: list[str]) -> None:
    text = "\n".join(pieces)
    document = parse(text, "markdown", "a")
    again = parse(export(document, "markdown"), "markdown", "a")

    def shape(d):
        return [(b.kind, b.plain, b.containers) for b in map(d.styled, range(len(d.blocks)))]

    assert shape(again) == shape(document)


@pytest.mark.parametrize(
    "text", ["**bold *both***\n", "<span></span> - dash\n", "~~a *b*~~\n", "**a `c` b**\n"]
)
def test_nested_styles_and_a_leading_tag_export_as_they_show(text: str) -> None:
    def runs(markdown: str) -> list[tuple[str, object]]:
        block = parse(markdown, "markdown", "a").styled(0)
        return [(r.text.strip(), r.style) for r in block.runs if r.text.strip()]

    exported = export(parse(text, "markdown", "a"), "markdown")
    assert runs(exported) == runs(text)
    assert (
        parse(exported, "markdown", "a").styled(0).kind
        is parse(text, "markdown", "a").styled(0).kind
    )


def test_an_entity_written_out_in_the_text_exports_as_written() -> None:
    text = "Write \\&amp; for an ampersand, and \\!\\[not an image\\](x).\n"
    exported = export(parse(text, "markdown", "a"), "markdown")
    assert (
        shown(exported) == shown(text) == ["Write &amp; for an ampersand, and ![not an image](x)."]
    )
