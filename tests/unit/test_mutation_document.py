"""The document model's lookups at their edges, and safe_text's path display.

Written to kill mutants that survived the other unit tests (see the mutation report).
"""

from __future__ import annotations

from pathlib import Path

from reader.document import Block, BlockKind, Document, Heading, Run
from reader.parsers import parse
from reader.safe_text import visible_path

TWINS = "# Notes\n\n## Part\n\nOne.\n\n## Other\n\nTwo.\n\n## Part\n\nThree.\n"


def test_a_table_cells_runs_are_joined_without_a_separator_in_plain_text() -> None:
    """Catches a cell's runs joined with anything but nothing."""
    cell = (Run("bo"), Run("ld"))
    table = Block(BlockKind.TABLE, 0, 9, rows=((cell, (Run("x"),)),))
    assert table.plain == "bold | x"


def test_section_keys_keep_their_stored_form_and_count_twins() -> None:
    """Catches the stored form of section keys changed: sections read before would be lost."""
    document = parse(TWINS, "markdown", "notes.md")
    keys = [document.section_key(section) for section in document.sections]
    assert keys == ["1:0:Notes", "2:0:Part", "2:0:Other", "2:1:Part"]


def test_sections_ending_includes_every_section_ending_in_the_range() -> None:
    """Catches a section's last block miscounted, or the first section of a tie skipped."""
    document = parse(TWINS, "markdown", "notes.md")
    last = len(document.blocks) - 1
    assert [s.title for s in document.sections_ending(last, last)] == ["Notes", "Part"]
    two = next(i for i, b in enumerate(document.blocks) if b.plain == "Two.")
    assert [s.title for s in document.sections_ending(two, two)] == ["Other"]
    assert document.sections_ending(two - 1, two - 1) == []


def test_an_offset_in_the_first_block_is_in_block_zero() -> None:
    """Catches the first block never returned for an offset."""
    document = parse(TWINS, "markdown", "notes.md")
    assert document.block_at_offset(0) == 0
    assert document.block_at_offset(3) == 0
    assert document.block_at_offset(-5) == 0


def test_a_styled_block_is_the_block_with_runs_and_no_markup_left() -> None:
    """Catches styled blocks left with anything but an empty markup."""
    style = lambda markup: (Run(markup.upper()),)  # noqa: E731
    paragraph = Block(BlockKind.PARAGRAPH, 0, 3, markup=("abc",))
    document = Document("abc", "t", [paragraph], [], style)
    assert document.styled(0) == Block(BlockKind.PARAGRAPH, 0, 3, runs=(Run("ABC"),))


def test_a_table_without_column_alignments_is_one_column() -> None:
    """Catches the cells of a table with no column list laid out two to a row."""
    style = lambda markup: (Run(markup),)  # noqa: E731
    table = Block(BlockKind.TABLE, 0, 3, markup=("a", "b"))
    document = Document("a|b", "t", [table], [Heading(0, 1, "t")], style)
    styled = document.styled(0)
    assert styled.rows == (((Run("a"),),), ((Run("b"),),))
    assert styled.markup == ()


def test_a_path_of_bytes_is_shown_decoded_with_undecodable_bytes_escaped() -> None:
    """Catches a bytes path shown as Python's repr (b'...') or not decoded at all."""
    assert visible_path(b"caf\xc3\xa9/r\xe9sum\xe9.txt") == "café/r\\xe9sum\\xe9.txt"
    assert visible_path(Path("plain/name.txt")) == "plain/name.txt"


def test_a_block_past_the_end_is_in_the_last_blocks_section() -> None:
    """Catches the clamp of a block index letting one past the end through."""
    document = parse(TWINS, "markdown", "notes.md")
    assert document.section_of(10_000) is document.section_of(len(document.blocks) - 1)


def test_a_synthetic_root_is_level_zero() -> None:
    """Catches the root of the section tree given a level of its own."""
    document = parse("# Alpha\n\nOne.\n\n# Beta\n\nTwo.\n", "markdown", "a.md")
    assert document.root.synthetic and document.root.level == 0


def test_one_heading_is_the_root_only_at_the_start_or_when_it_is_the_title() -> None:
    """Catches the rule for taking the only top-level heading as the root inverted."""
    blocks = [
        Block(BlockKind.PARAGRAPH, 0, 5, runs=(Run("Intro"),)),
        Block(BlockKind.HEADING, 7, 11, runs=(Run("Head"),), level=1),
    ]
    later = Document("Intro\n\nHead", "Other title", blocks, [Heading(1, 1, "Head")])
    assert later.root.synthetic and later.root.title == "Other title"
    first = Document("Head", "Other title", blocks[1:], [Heading(0, 1, "Head")])
    assert not first.root.synthetic and first.root.title == "Head"


def test_a_block_is_styled_once_while_among_the_512_most_recent() -> None:
    """Catches the styled-block cache not used, not filled, or evicting the wrong block."""
    calls: list[str] = []

    def style(markup: str) -> tuple[Run, ...]:
        calls.append(markup)
        return (Run(markup),)

    blocks = [Block(BlockKind.PARAGRAPH, n, n + 1, markup=(str(n),)) for n in range(513)]
    document = Document("x" * 513, "t", blocks, [], style)
    document.styled(0)
    document.styled(0)
    assert calls == ["0"]
    document.styled(1, keep=False)
    document.styled(1)
    assert calls == ["0", "1", "1"]  # keep=False neither reads nor fills the cache
    for index in range(2, 513):
        document.styled(index)
    calls.clear()
    document.styled(512)
    document.styled(1)
    assert calls == []  # the 512 most recent are still styled
    document.styled(0)
    assert calls == ["0"]  # the oldest was let go
