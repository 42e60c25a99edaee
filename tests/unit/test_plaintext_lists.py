"""Plain-text lists: each item re-flowed under its marker, nested items inside their parent."""

from __future__ import annotations

from textwrap import dedent

from hypothesis import given
from hypothesis import strategies as st

from reader.document import BlockKind, ContainerKind
from reader.parsers.plaintext import parse_plain

INTRO = (
    "The reader has these features, which matter to people who read long texts in a\n"
    "terminal, and it wraps its paragraphs at about the width most plain text uses.\n\n"
)


def items(text: str) -> list[tuple[str, list[tuple[str, bool]]]]:
    document = parse_plain(INTRO + dedent(text), "list")
    return [
        (block.runs[0].text, [(c.marker, c.first) for c in block.containers])
        for block in document.blocks
        if block.kind is BlockKind.PARAGRAPH
        and any(c.kind is ContainerKind.LIST_ITEM for c in block.containers)
    ]


def test_every_item_of_a_list_keeps_its_hanging_indent_when_reflowed() -> None:
    assert items(
        """\
        - It keeps your place in every article, even when the file changes under it,
          by anchoring the place to the text itself.
        - It finds the structure of plain text, Markdown, web pages and books and shows
          it as a tree you can walk with the keyboard.
        - It bookmarks passages.
        """
    ) == [
        (
            "It keeps your place in every article, even when the file changes under it, "
            "by anchoring the place to the text itself.",
            [("•", True)],
        ),
        (
            "It finds the structure of plain text, Markdown, web pages and books and shows "
            "it as a tree you can walk with the keyboard.",
            [("•", True)],
        ),
        ("It bookmarks passages.", [("•", True)]),
    ]


def test_numbered_and_nested_items_keep_their_markers() -> None:
    assert items(
        """\
        1. Download the archive from the usual place, check its signature and unpack
           it somewhere you can write to.
             a) On Windows, use the installer instead of the archive.
        2. Run the installer.
        """
    ) == [
        (
            "Download the archive from the usual place, check its signature and unpack "
            "it somewhere you can write to.",
            [("1.", True)],
        ),
        ("On Windows, use the installer instead of the archive.", [("1.", False), ("a)", True)]),
        ("Run the installer.", [("2.", True)]),
    ]


def test_a_block_with_a_line_hanging_under_no_item_is_not_a_list() -> None:
    assert items("- a dash opens this line\nbut the next one runs flush left\n") == []


WORDS = st.text(alphabet="abcdefghij ", min_size=1, max_size=40).map(str.strip).filter(bool)


@given(st.lists(st.tuples(st.sampled_from(["-", "*", "1.", "2.", "b)"]), WORDS), min_size=1))
def test_list_items_keep_every_word_in_order(entries: list[tuple[str, str]]) -> None:
    text = "".join(f"{marker} {words}\n" for marker, words in entries)
    document = parse_plain(INTRO + text, "list")
    shown = " ".join(b.runs[0].text if b.runs else b.literal for b in document.blocks)
    markers = {"-", "*", "1.", "2.", "b)", "•"}  # shown in the text when it is not a list
    words = [word for word in shown.split() if word not in markers]
    assert words[-sum(len(w.split()) for _, w in entries) :] == [
        word for _, text in entries for word in text.split()
    ]


def test_an_indented_item_may_go_on_flush_with_its_marker() -> None:
    """GPL-3's "    a) The work must carry ...\n    it, and giving a relevant date."""
    text = (
        "    a) The work must carry prominent notices stating that you modified\n"
        "    it, and giving a relevant date.\n\n"
        "    b) The work must carry prominent notices stating that it is\n"
        "    released under this License.\n\n"
        "You may convey a work based on the Program on these terms.\n"
    )
    assert items(text) == [
        (
            "The work must carry prominent notices stating that you modified "
            "it, and giving a relevant date.",
            [("a)", True)],
        ),
        (
            "The work must carry prominent notices stating that it is released under this License.",
            [("b)", True)],
        ),
    ]


def test_a_number_wrapped_to_the_start_of_a_line_is_not_an_item() -> None:
    """GPL-3: "...added under section\\n    7.  This requirement modifies ..." inside b)."""
    text = (
        "    b) The work must carry prominent notices stating that it is\n"
        "    released under this License and any conditions added under section\n"
        "    7.  This requirement modifies the requirement in section 4 to\n"
        '    "keep intact all notices".\n\n'
        "You may convey a work based on the Program on these terms.\n"
    )
    assert items(text) == [
        (
            "The work must carry prominent notices stating that it is released under this "
            "License and any conditions added under section 7.  This requirement modifies "
            'the requirement in section 4 to "keep intact all notices".',
            [("b)", True)],
        )
    ]


def test_a_tab_in_an_item_loses_no_text() -> None:
    text = "-\tfoo bar baz\n\tmore text of the item\n-\tsecond item\n\nThe end of the list.\n"
    assert [" ".join(words.split()) for words, _ in items(text)] == [
        "foo bar baz more text of the item",
        "second item",
    ]
