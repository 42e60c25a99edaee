"""Markdown parsing into the document model."""

from __future__ import annotations

from textwrap import dedent

import pytest

from reader.document import BlockKind, ContainerKind, Inline
from reader.outline import outline
from reader.parsers import ParseCancelled
from reader.parsers.markdown import parse_markdown


def parse(text: str, name: str = "doc.md"):
    return parse_markdown(dedent(text).lstrip("\n"), name)


def test_atx_and_setext_headings_make_the_tree() -> None:
    document = parse(
        """
        # Guide

        Intro.

        Setup
        -----

        ### Linux

        Steps.

        ## Usage

        Run it.
        """
    )
    assert outline(document) == "Guide\n  Setup\n    Linux\n  Usage"
    assert document.title == "Guide"


def test_title_falls_back_to_the_file_name_and_multiple_h1s_get_a_synthetic_root() -> None:
    document = parse("## One\n\ntext\n\n## Two\n\ntext\n", name="notes.md")
    assert document.title == "notes.md"
    assert document.root.synthetic
    assert [s.title for s in document.root.children] == ["One", "Two"]


def test_front_matter_is_hidden_and_its_title_wins() -> None:
    document = parse(
        """
        ---
        title: "The Real Title"
        author: someone
        ---

        # A Heading

        Body text.
        """
    )
    assert document.title == "The Real Title"
    assert "author" not in " ".join(block.plain for block in document.blocks)
    assert document.blocks[0].kind is BlockKind.HEADING
    assert document.text[document.blocks[0].start :].startswith("# A Heading")


def test_code_blocks_keep_their_text_exactly() -> None:
    document = parse(
        """
        ```python
        def f():
            return  1   # spaced
        ```

            indented code
              keeps indentation
        """
    )
    fence, indented = document.blocks
    assert fence.kind is BlockKind.CODE and fence.language == "python"
    assert fence.literal == "def f():\n    return  1   # spaced"
    assert indented.literal == "indented code\n  keeps indentation"


def test_inline_styles_links_and_images() -> None:
    document = parse(
        "Some *em*, **strong**, `code`, ~~gone~~, [a link](https://x.test) ![a cat](cat.png)\n"
    )
    assert document.blocks[0].runs == ()  # styled when first shown
    runs = document.styled(0).runs
    styles = {run.text: run.style for run in runs}
    assert styles["em"] == Inline.EMPHASIS
    assert styles["strong"] == Inline.STRONG
    assert styles["code"] == Inline.CODE
    assert styles["gone"] == Inline.STRIKE
    link = next(run for run in runs if run.text == "a link")
    assert link.style == Inline.LINK and link.href == "https://x.test"
    assert "[image: a cat]" in document.styled(0).plain


def test_html_inside_markdown_is_rendered_not_dumped() -> None:
    text = (
        "# Guide\n\n<!-- YAML\nadded: v0.1.8\n-->\n\nIntro.\n\n"
        '<div align="center">\n  <picture>\n    <source srcset="logo.svg">\n'
        '    <img alt="Project logo" src="logo.png">\n  </picture>\n</div>\n\n'
        "<h2>Install</h2>\n\n"
        'Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, see <a href="https://x.test">the site</a>,'
        ' <b>bold</b><br>next line, <img src=x alt="a chart"> <span>kept</span>.\n\n'
        "<details>\n<summary>Why?</summary>\n\nBecause.\n\n</details>\n\n"
        "<script>alert(1)</script>\n\n<table><tr><th>A</th><th>B</th></tr>"
        "<tr><td>1</td><td>2</td></tr></table>\n"
    )
    document = parse(text)
    shown = [document.styled(i) for i in range(len(document.blocks))]
    assert [b.plain for b in shown] == [
        "Guide",
        "Intro.",
        "[image: Project logo]",
        "Install",
        "Press Ctrl+C, see the site, bold\nnext line, [image: a chart] kept.",
        "Why?",
        "Because.",
        "A | B\n1 | 2",
    ]
    assert [(h.level, h.title) for h in document.headings] == [(1, "Guide"), (2, "Install")]
    runs = {run.text: run for run in shown[4].runs}
    assert runs["Ctrl"].style == Inline.CODE and runs["bold"].style == Inline.STRONG
    assert runs["the site"].href == "https://x.test"
    logo = shown[2]  # its span starts at its words in the HTML
    assert text[logo.start :].startswith("Project logo")
    assert text[shown[3].start :].startswith("Install</h2>")


def test_a_blocks_span_in_an_html_block_ends_where_the_next_starts() -> None:
    document = parse("<div>\n<p>First para</p>\n<p>Second para</p>\n</div>\n\nAfter.\n")
    first, second, after = document.blocks
    assert first.end == second.start and second.end <= after.start
    assert document.text[first.start : first.end].startswith("First para")


def test_tables_keep_their_cells() -> None:
    document = parse(
        """
        | Name | Score |
        |------|------:|
        | Ann  | *9*   |
        """
    )
    table = document.styled(0)
    assert table.kind is BlockKind.TABLE
    assert [[cell[0].text for cell in row] for row in table.rows] == [
        ["Name", "Score"],
        ["Ann", "9"],
    ]


def test_lists_and_quotes_are_containers_with_markers_on_first_blocks() -> None:
    document = parse(
        """
        > quoted
        >
        > 1. first
        > 2. second
        >
        >    more of second

        - outer
          - inner
        """
    )
    quoted, first, second, more, outer, inner = document.blocks
    assert [c.kind for c in quoted.containers] == [ContainerKind.QUOTE]
    assert first.containers[-1].marker == "1." and first.containers[-1].first
    assert second.containers[-1].marker == "2."
    assert more.containers[-1].marker == "2." and not more.containers[-1].first
    assert outer.containers[-1].marker == "•"
    assert len(inner.containers) == 2


def test_spans_cover_each_block_in_order() -> None:
    text = "# T\n\npara one\nstill one\n\n- item\n\n```\ncode\n```\n"
    document = parse_markdown(text, "t.md")
    spans = [(b.start, b.end) for b in document.blocks]
    assert [text[s:e] for s, e in spans] == [
        "# T",
        "para one\nstill one",
        "- item",
        "```\ncode\n```",
    ]


def test_headings_inside_quotes_and_lists_are_in_the_tree() -> None:
    document = parse("# Top\n\n> ## Quoted heading\n\n- ## Listed heading\n")
    assert outline(document) == "Top\n  Quoted heading\n  Listed heading"


def test_a_rule_at_the_top_is_not_front_matter() -> None:
    document = parse("---\n\n# Title\n\nIntro.\n\n## Part\n\nBody.\n\n---\n\n## Later\n\nEnd.\n")
    assert outline(document) == "Title\n  Part\n  Later"
    assert [b.kind for b in document.blocks].count(BlockKind.RULE) == 2


def test_deep_nesting_keeps_all_the_text() -> None:
    text = (
        "Before\n\n" + "- " * 50 + "deep\n\n" + ">" * 60 + " quoted\n\nAfter\n\n# Heading\n\nEnd\n"
    )
    document = parse_markdown(text, "deep.md")
    plain = [document.styled(i).plain for i in range(len(document.blocks))]
    assert plain == ["Before", "deep", "quoted", "After", "Heading", "End"]


def test_table_column_alignment_is_kept() -> None:
    table = parse("| a | b | c | d |\n|:-|--:|:-:|---|\n| 1 | 2 | 3 | 4 |\n").blocks[0]
    assert table.align == ("left", "right", "center", "")


def test_a_long_parse_stops_when_cancelled() -> None:
    text = "".join(f"# Part {n}\n\n" + "Some text.\n\n" * 2000 for n in range(40))
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(ParseCancelled):
        parse_markdown(text, "long.md", cancelled)
    assert len(asked) == 3  # it stopped at the first chunk after being told


def test_an_html_block_whose_markdown_holds_another_is_rendered_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import reader.parsers.html_markdown as converter

    real = converter.html_to_markdown
    # Were an HTML block's Markdown ever to hold raw HTML (escaping failing), it must nest.
    monkeypatch.setattr(
        converter,
        "html_to_markdown",
        lambda html: "<div>\nInner\n</div>" if "outer" in html else real(html),
    )
    document = parse("# Notes\n\n<div>outer</div>\n\n## More\n\ntext\n")
    assert [document.styled(i).plain for i in range(len(document.blocks))] == [
        "Notes",
        "Inner",
        "More",
        "text",
    ]


def test_an_inline_script_or_style_shows_nothing() -> None:
    document = parse("Before <script>alert('x')</script> between <style>p{}</style> after.\n")
    assert document.styled(0).plain == "Before  between  after."
