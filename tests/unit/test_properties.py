"""Property tests: parsers never fail and always build a well-formed document."""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.anchoring import MAX_QUOTE, Anchor, resolve
from reader.document import Document, Section
from reader.line_index import LineIndex, Shape, Shapes, estimate
from reader.outline import outline
from reader.parsers import markdown, parse
from reader.parsers.markdown import parse_markdown
from reader.parsers.plaintext import parse_plain
from reader.source import ArticleError, decode

LINE_SHAPES = st.sampled_from(
    [
        "",
        "",
        "# Heading",
        "## Sub heading",
        "Setext",
        "======",
        "------",
        "1. Numbered Heading",
        "2.3 Deeper Numbered",
        "ALL CAPS HEADING",
        "          Centred Title",
        "    indented code();",
        "- bullet item",
        "> quoted text",
        "```",
        "| a | b |",
        "|---|---|",
        "A normal sentence of body text that goes on for a while.",
        "short line",
        "<div>html</div>",
        "---",
        "title: Front",
        "\t tabbed \x1b[31m escape",
    ]
)
STRUCTURED = st.lists(st.one_of(LINE_SHAPES, st.text(max_size=30)), max_size=60).map("\n".join)
ANY_TEXT = st.one_of(st.text(max_size=400), STRUCTURED)


def check_document(document: Document) -> None:
    text_length = len(document.text)
    previous_end = 0
    for block in document.blocks:
        assert 0 <= block.start <= block.end <= text_length
        assert block.start >= previous_end
        previous_end = block.end
    assert document.sections[0] is document.root
    assert document.root.first_block == 0 and document.root.end_block == len(document.blocks)
    for section in document.sections:
        check_section(section, len(document.blocks))
        if section.heading is not None and section is not document.root:
            assert section.heading == section.first_block
    for index in range(len(document.blocks)):
        owner = document.section_of(index)
        assert owner.first_block <= index < owner.end_block
        assert all(not (c.first_block <= index < c.end_block) for c in owner.children)


def check_section(section: Section, block_count: int) -> None:
    assert 0 <= section.first_block <= section.end_block <= block_count
    assert section.depth <= 7
    for child in section.children:
        assert child.parent is section
        assert section.first_block <= child.first_block <= child.end_block <= section.end_block
    for left, right in zip(section.children, section.children[1:], strict=False):
        assert left.end_block <= right.first_block


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_plain_text_parser_builds_a_well_formed_document(text: str) -> None:
    check_document(parse_plain(text, "fuzz.txt"))


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_markdown_parser_builds_a_well_formed_document(text: str) -> None:
    check_document(parse_markdown(text, "fuzz.md"))


@given(
    st.lists(st.integers(min_value=1, max_value=50), min_size=1, max_size=200),
    st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=1, max_value=50))),
)
def test_line_index_tops_are_prefix_sums_after_any_corrections(
    heights: list[int], corrections: list[tuple[int, int]]
) -> None:
    index = LineIndex(list(heights))
    for position, height in corrections:
        index.block_at(0)  # interleave reads with writes
        index.set_exact(position % len(heights), height)
        heights[position % len(heights)] = height
    top = 0
    for block, height in enumerate(heights):
        assert index.top(block) == top
        assert index.block_at(top) == block
        assert index.block_at(top + height - 1) == block
        top += height
    assert index.total == top


MARKDOWN_LINES = st.sampled_from(
    [
        "",
        "",
        "# Heading",
        "## Sub heading",
        "Paragraph text with *emphasis* and a [ref] link.",
        "[ref]: https://example.test",
        "- item",
        "  - nested item",
        "1. numbered item",
        "    indented code",
        "> quoted",
        "```",
        "````",
        "~~~",
        "  ```python",
        "<pre>",
        "</pre>",
        "<!--",
        "-->",
        "<div>",
        "</div>",
        "<script>",
        "</script>",
        "| a | b |",
        "|---|---|",
        "Setext",
        "---",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKDOWN_LINES, min_size=10, max_size=80).map("\n".join), st.integers(1, 200))
@example("Intro\n\n```\ncode\n\n# not a heading\n```\n\n# Real\n", 1)
@example("<!--\n\n# not a heading\n-->\n\n# Real\n", 1)
@example("</pre>\n  ```python\n\n```\n\n# in code: the html block hid the first fence\n", 1)
def test_markdown_parsed_in_chunks_matches_one_parse(text: str, chunk: int) -> None:
    whole = parse_markdown(text, "a.md")
    with patch.object(markdown, "CHUNK", chunk):
        pieces = parse_markdown(text, "a.md")
    assert pieces.blocks == whole.blocks
    assert outline(pieces) == outline(whole)
    assert [pieces.styled(i) for i in range(len(pieces.blocks))] == [
        whole.styled(i) for i in range(len(whole.blocks))
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .,'\"-:;()?\n#=+"), max_size=120))
def test_unmarked_inline_text_is_styled_as_markdown_it_would(markup: str) -> None:
    md = markdown._markdown_it()
    styler = markdown._InlineStyler(md, {})
    slow = markdown._runs(md.inline.parse(markup.strip(), md, {}, []))
    assert styler(markup.strip()) == slow


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600), st.sampled_from(["markdown", "plain"]))
def test_any_bytes_are_refused_with_a_message_or_parsed_into_a_sound_document(
    data: bytes, kind: str
) -> None:
    try:
        text, _notice = decode(data, "fuzz")
    except ArticleError as error:
        assert "\n" not in str(error) and str(error).startswith("fuzz: ")
        return
    document = parse(text, kind, "fuzz")
    check_document(document)
    for index in range(len(document.blocks)):  # styling never fails either
        document.styled(index)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300), st.data())
def test_an_anchor_in_any_text_is_found_again_or_orphaned_never_an_error(
    before: str, after: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(before)))
    end = data.draw(st.integers(start, len(before)))
    anchor = Anchor.from_span(before, start, end)
    match = resolve(anchor, after)
    if match is not None:
        assert 0 <= match.start <= match.end <= len(after)
    if before == after and end > start:
        assert match is not None and after[match.start : match.end] == before[start:end]


REPETITIVE_PROSE = st.lists(
    st.sampled_from(["the ", "a ", "passage ", "text. ", "\n\n"]), min_size=60, max_size=400
).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(min_size=200, max_size=1200), REPETITIVE_PROSE), st.data())
def test_a_bounded_anchor_of_any_span_is_found_at_exactly_that_span(
    text: str, data: st.DataObject
) -> None:
    length = data.draw(st.integers(1, len(text)))
    start = data.draw(st.integers(0, len(text) - length))
    anchor = Anchor.from_span(text, start, start + length)
    assert len(anchor.exact) <= MAX_QUOTE and anchor.end - anchor.start == length
    match = resolve(anchor, text)
    assert match is not None and (match.start, match.end) == (start, start + length)


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=5),
            st.integers(min_value=-1, max_value=400),
            st.integers(min_value=0, max_value=12),
        ),
        max_size=60,
    ),
    st.integers(min_value=1, max_value=120),
)
def test_heights_looked_up_by_shape_are_the_heights_estimated_block_by_block(
    shapes: list[Shape], column: int
) -> None:
    assert Shapes(shapes).heights(column) == estimate(shapes, column)
