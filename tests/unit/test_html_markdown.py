"""HTML to Markdown: each element as its Markdown counterpart, text never read as markup."""

from __future__ import annotations

import html as html_escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document import BlockKind, ContainerKind, Inline
from reader.parsers.html_markdown import html_to_markdown
from reader.parsers.markdown import parse_markdown


def blocks(markup: str):
    document = parse_markdown(html_to_markdown(markup), "page")
    return [document.styled(i) for i in range(len(document.blocks))], document


def test_headings_paragraphs_and_inline_styles() -> None:
    shown, document = blocks(
        "<h2>Intro <a href='#intro'>¶</a></h2><p>Some <b>bold</b>, <em>slanted</em>, "
        "<code>x = 1</code>, <kbd>Ctrl</kbd> and <a href='https://example.com/a b'>a link</a>."
    )
    assert [h.title for h in document.headings] == ["Intro"]  # (its permalink dropped)
    runs = {run.text: run for run in shown[1].runs}
    assert Inline.STRONG in runs["bold"].style and Inline.EMPHASIS in runs["slanted"].style
    assert Inline.CODE in runs["x = 1"].style and Inline.CODE in runs["Ctrl"].style
    assert runs["a link"].href == "https://example.com/a%20b"
    assert shown[1].plain == "Some bold, slanted, x = 1, Ctrl and a link."


def test_scripts_styles_comments_and_controls_never_show() -> None:
    shown, _ = blocks(
        "<p>Kept<script>alert('x')</script><style>p{}</style><!-- hidden --> text"
        "<button>Share</button></p><noscript>Enable JS</noscript>"
    )
    assert [b.plain for b in shown] == ["Kept text"]


def test_images_show_their_alt_text_and_wrappers_keep_their_text() -> None:
    shown, _ = blocks(
        "<div align='center'><picture><source srcset='a.webp'><img src='a.png' alt='The logo'>"
        "</picture></div><p align='center'><span>Centred <font>words</font></span></p>"
        "<img src='pixel.gif'><center>Old</center>"
    )
    assert [b.plain for b in shown] == ["[image: The logo]", "Centred words", "Old"]


def test_lists_nest_and_number_from_their_start() -> None:
    shown, _ = blocks("<ul><li>one<li>two<ul><li>inner</ul></ul><ol start=3><li>c<li>d</ol>")
    assert [b.plain for b in shown] == ["one", "two", "inner", "c", "d"]
    markers = [[c.marker for c in b.containers if c.kind is ContainerKind.LIST_ITEM] for b in shown]
    assert markers == [["•"], ["•"], ["•", "•"], ["3."], ["4."]]


def test_quotes_code_rules_tables_details_and_breaks() -> None:
    shown, _ = blocks(
        "<blockquote><p>Said</p></blockquote><pre class='language-python'>x = 1\n\n  y</pre>"
        "<hr><table><caption>Sizes</caption><tr><th>A</th><th>B|C</th></tr>"
        "<tr><td>1</td><td colspan=1>2</td></tr></table>"
        "<details><summary>More</summary><p>Hidden until opened</p></details>"
        "<p>line one<br>line two</p>"
    )
    kinds = [b.kind for b in shown]
    assert kinds == [
        BlockKind.PARAGRAPH,
        BlockKind.CODE,
        BlockKind.RULE,
        BlockKind.PARAGRAPH,
        BlockKind.TABLE,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
    ]
    assert shown[0].containers[0].kind is ContainerKind.QUOTE
    assert shown[1].literal == "x = 1\n\n  y" and shown[1].language == "python"
    assert shown[4].plain == "A | B|C\n1 | 2"
    assert [shown[5].plain, shown[6].plain] == ["More", "Hidden until opened"]
    assert shown[7].plain == "line one\nline two"


def test_a_layout_table_reads_as_its_content() -> None:
    shown, _ = blocks("<table><tr><td><h2>Story</h2><p>Once.</p></td></tr></table>")
    assert [(b.kind, b.plain) for b in shown] == [
        (BlockKind.HEADING, "Story"),
        (BlockKind.PARAGRAPH, "Once."),
    ]


def test_a_table_with_one_column_of_content_among_empty_ones_reads_as_its_content() -> None:
    spacer = "<td></td>"
    page = (
        f"<table><tr>{spacer}<td></td>{spacer}</tr>"
        f"<tr>{spacer}<td><h2>Story</h2>Once upon a time.<br>The end.</td>{spacer}</tr></table>"
    )
    shown, _ = blocks(page)
    assert [(b.kind, b.plain) for b in shown] == [
        (BlockKind.HEADING, "Story"),
        (BlockKind.PARAGRAPH, "Once upon a time.\nThe end."),
    ]
    data, _ = blocks("<table><tr><th>Name</th><th></th></tr><tr><td>Anne</td><td>27</td></tr>")
    assert [b.kind for b in data] == [BlockKind.TABLE]  # two columns hold something


def test_unsafe_links_keep_their_text_only() -> None:
    shown, _ = blocks("<p><a href='javascript:alert(1)'>click</a> <a href='data:x'>d</a></p>")
    assert [(r.text, r.href) for r in shown[0].runs] == [("click d", "")]


def test_markup_looking_text_is_shown_as_written() -> None:
    text = "# not a heading *no* _em_ [x](y) <b>raw</b> `tick` &amp; 1. one - two | ~~s~~ \\"
    shown, document = blocks(f"<p>{html_escape.escape(text)}</p>")
    assert [b.plain for b in shown] == [text] and not document.headings


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=80))
def test_any_text_in_a_paragraph_comes_back_as_that_text(text: str) -> None:
    shown, _ = blocks(f"<p>{html_escape.escape(text)}</p>")
    expected = " ".join(text.split())
    assert "".join(b.plain for b in shown) == expected


@pytest.mark.parametrize(
    "text",
    ["<!-- starts a comment", "* Milk", "# of users", "> quoted", "1. first", "\\ back"],
)
def test_a_paragraph_broken_by_br_keeps_its_first_characters_as_text(text: str) -> None:
    shown, document = blocks(
        f"<p>{html_escape.escape(text)}<br>second line</p><h2>Part two</h2><p>The end.</p>"
    )
    assert [b.plain for b in shown] == [f"{text}\nsecond line", "Part two", "The end."]
    assert [h.title for h in document.headings] == ["Part two"]


@pytest.mark.parametrize(
    ("markup", "runs"),
    [
        (
            "<p>这是<strong>「重要」</strong>的内容</p>",
            [("这是", 0), ("「重要」", 1), ("的内容", 0)],
        ),
        ("<p><b>Note:</b>Read this</p>", [("Note:", 1), ("Read this", 0)]),
        ("<p><i>a</i><em>b</em> c</p>", [("ab", 2), (" c", 0)]),
        (
            "<p><kbd>Ctrl</kbd>+<kbd>C</kbd> <b>go</b></p>",
            [("Ctrl", 3), ("+", 0), ("C", 3), (" ", 0), ("go", 1)],
        ),
    ],
)
def test_styles_hold_beside_letters_and_each_other(
    markup: str, runs: list[tuple[str, int]]
) -> None:
    styles = [Inline.PLAIN, Inline.STRONG, Inline.EMPHASIS, Inline.CODE]
    shown, _ = blocks(markup)
    assert [(run.text, run.style) for run in shown[0].runs] == [
        (text, styles[style]) for text, style in runs
    ]


def test_pipes_in_a_tables_code_and_links_keep_its_cells() -> None:
    shown, _ = blocks(
        "<table><tr><th>Command</th><th>Link</th></tr><tr><td><code>a || b | c</code></td>"
        "<td><a href='https://x.test/a|b\\c'>there</a></td></tr></table>"
    )
    (table,) = shown
    assert table.kind is BlockKind.TABLE
    code, link = table.rows[1]
    assert code[0].text == "a || b | c" and code[0].style == Inline.CODE
    assert link[0].text == "there" and link[0].href == "https://x.test/a%7Cb%5Cc"


def test_a_nested_list_numbered_from_three_stays_a_list() -> None:
    shown, _ = blocks("<ul><li>Intro<ol start='3'><li>three</li><li>four</li></ol></li></ul>")
    assert [b.plain for b in shown] == ["Intro", "three", "four"]
    assert [b.containers[-1].marker for b in shown] == ["•", "3.", "4."]


def test_text_nested_past_libxml2s_usual_depth_is_kept() -> None:
    deep = "<div>" * 300 + "<p>Deep text.</p>" + "</div>" * 300 + "<p>After.</p>"
    shown, _ = blocks(deep)
    assert [b.plain for b in shown] == ["Deep text.", "After."]


def test_text_nested_past_pythons_recursion_limit_is_one_paragraph() -> None:
    deep = "<div>" * 1500 + "<p>Deep *text*.</p>" + "</div>" * 1500 + "<p>After.</p>"
    shown, _ = blocks(deep)
    assert [b.plain for b in shown] == ["Deep *text*. After."]
