"""The document model: an article's text, its blocks and its section tree.

Pure Python: parsers build it, everything else reads it. Every block and
section knows the character span of the source text it came from, so positions
can be anchored to the text rather than to screen rows.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Flag, StrEnum, auto
from typing import NamedTuple


class BlockKind(StrEnum):
    """What a block is."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    CODE = "code"
    PREFORMATTED = "preformatted"
    TABLE = "table"
    RULE = "rule"


class Inline(Flag):
    """Inline styling of a run of text."""

    PLAIN = 0
    EMPHASIS = auto()
    STRONG = auto()
    CODE = auto()
    STRIKE = auto()
    LINK = auto()
    IMAGE = auto()


class Run(NamedTuple):
    """A stretch of inline text with one style."""

    text: str
    style: Inline = Inline.PLAIN
    href: str = ""


class ContainerKind(StrEnum):
    """A structure that encloses blocks."""

    QUOTE = "quote"
    LIST_ITEM = "list_item"


class Container(NamedTuple):
    """One level of enclosing structure around a block.

    `marker` is the list item's marker ("•", "3."); `first` is true on the
    first block of an item, the one that shows the marker.
    """

    kind: ContainerKind
    marker: str = ""
    first: bool = False


Cells = tuple[tuple[Run, ...], ...]


class Block(NamedTuple):
    """One block of the article, with its span `[start, end)` in the source text.

    A parser may leave inline markup unstyled in `markup` (one string for a
    paragraph or heading, one per cell, row by row, for a table); `Document.styled`
    turns it into `runs` or `rows` when the block is first needed.
    """

    kind: BlockKind
    start: int
    end: int
    runs: tuple[Run, ...] = ()
    literal: str = ""
    level: int = 0
    language: str = ""
    rows: tuple[Cells, ...] = ()
    align: tuple[str, ...] = ()  # table columns: "left", "right", "center" or ""
    containers: tuple[Container, ...] = ()
    tight: bool = False  # an item of a tight list: no blank line after it
    markup: tuple[str, ...] = ()

    @property
    def plain(self) -> str:
        """The block's text without styling (its raw markup while not yet styled)."""
        if self.markup:
            return "\n".join(self.markup)
        if self.runs:
            return "".join(run.text for run in self.runs)
        if self.rows:
            return "\n".join(" | ".join(_cell_text(c) for c in row) for row in self.rows)
        return self.literal


def _cell_text(cell: tuple[Run, ...]) -> str:
    return "".join(run.text for run in cell)


def normalize_newlines(text: str) -> str:
    """CRLF and CR line endings to LF: spans always refer to LF-only text."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


@dataclass(eq=False, slots=True)
class Section:
    """A node of the section tree.

    `heading` is the index of the heading block, or None for a synthesized
    section (one the text has no heading for). The section covers blocks
    `[first_block, end_block)`, its children included.
    """

    title: str
    level: int
    heading: int | None
    first_block: int
    end_block: int
    children: list[Section] = field(default_factory=list)
    parent: Section | None = field(default=None, repr=False)

    @property
    def synthetic(self) -> bool:
        """True when the text has no heading for this section."""
        return self.heading is None

    @property
    def depth(self) -> int:
        """Distance from the root of the tree."""
        depth, node = 0, self.parent
        while node is not None:
            depth, node = depth + 1, node.parent
        return depth

    def walk(self) -> Iterator[Section]:
        """This section and its descendants, in document order."""
        stack = [self]
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.children))


class Heading(NamedTuple):
    """A parser's note that a section starts at `block` with `level`."""

    block: int
    level: int
    title: str
    synthetic: bool = False


InlineStyler = Callable[[str], tuple[Run, ...]]
STYLED_CACHE = 512  # blocks kept styled: several screens' worth


class Document:
    """A parsed article: source text, title, blocks and section tree.

    `style` turns a block's unstyled `markup` into runs (see `styled`).
    """

    def __init__(
        self,
        text: str,
        title: str,
        blocks: list[Block],
        headings: list[Heading],
        style: InlineStyler | None = None,
    ):
        self.text = text
        self.title = title
        self.blocks = blocks
        self.headings = headings
        self._style = style
        self._styled: OrderedDict[int, Block] = OrderedDict()
        self.root = _build_tree(title, len(blocks), headings)
        self.sections: list[Section] = list(self.root.walk())
        self._positions = {section: index for index, section in enumerate(self.sections)}
        self._keys: list[str] | None = None  # see section_key
        self._ends: list[tuple[int, int]] | None = None  # (last block, index): sections_ending
        self._starts = [block.start for block in blocks]
        self._section_of_block = _section_index(self.sections, len(blocks))

    @property
    def style(self) -> InlineStyler | None:
        """What styles a block's `markup` (None: the parser styled every block)."""
        return self._style

    def with_headings(self, headings: list[Heading]) -> Document:
        """The same text and blocks under another section tree (a book's own table of
        contents in place of the headings its text has)."""
        return Document(self.text, self.title, self.blocks, headings, self._style)

    def section_of(self, block_index: int) -> Section:
        """The deepest section that contains a block."""
        if not self.blocks:
            return self.root
        index = min(max(block_index, 0), len(self.blocks) - 1)
        return self.sections[self._section_of_block[index]]

    def section_key(self, section: Section) -> str:
        """A name for a section that survives edits elsewhere in the article.

        Its level and title, and how many sections before it have both.
        """
        if self._keys is None:
            seen: dict[tuple[int, str], int] = {}
            keys = []
            for each in self.sections:
                twins = seen.get((each.level, each.title), 0)
                seen[(each.level, each.title)] = twins + 1
                keys.append(f"{each.level}:{twins}:{each.title}")
            self._keys = keys
        return self._keys[self._positions[section]]

    def sections_ending(self, first: int, last: int) -> list[Section]:
        """The sections whose last block is from block `first` to block `last`."""
        if self._ends is None:
            self._ends = sorted(
                (section.end_block - 1, index) for index, section in enumerate(self.sections)
            )
        start = bisect_left(self._ends, (first, -1))
        stop = bisect_right(self._ends, (last, len(self.sections)))
        return [self.sections[index] for _, index in self._ends[start:stop]]

    def section_position(self, section: Section) -> int:
        """A section's index in `sections` (document order)."""
        return self._positions[section]

    def block_at_offset(self, offset: int) -> int:
        """Index of the block whose span contains (or last precedes) a text offset."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def styled(self, index: int, *, keep: bool = True) -> Block:
        """A block with its inline markup turned into styled runs.

        Recently styled blocks are cached; `keep=False` neither reads nor fills
        the cache (for a scan of every block, from any thread).
        """
        block = self.blocks[index]
        if not block.markup or self._style is None:
            return block
        if not keep:
            return self._apply_style(block, self._style)
        styled = self._styled.get(index)
        if styled is None:
            styled = self._apply_style(block, self._style)
            self._styled[index] = styled
            if len(self._styled) > STYLED_CACHE:
                self._styled.popitem(last=False)
        return styled

    @staticmethod
    def _apply_style(block: Block, style: InlineStyler) -> Block:
        if block.kind is not BlockKind.TABLE:
            return block._replace(runs=style(block.markup[0]), markup=())
        columns = max(1, len(block.align))
        cells = [style(markup) for markup in block.markup]
        rows = tuple(tuple(cells[i : i + columns]) for i in range(0, len(cells), columns))
        return block._replace(rows=rows, markup=())


def _build_tree(title: str, block_count: int, headings: list[Heading]) -> Section:
    """Nest headings by level; wrap them in a synthetic root unless one heading is the root."""
    root = Section(title, 0, None, 0, block_count)
    stack = [root]
    for heading in headings:
        while len(stack) > 1 and stack[-1].level >= heading.level:
            stack.pop().end_block = heading.block
        parent = stack[-1]
        section = Section(
            heading.title,
            heading.level,
            None if heading.synthetic else heading.block,
            heading.block,
            block_count,
            parent=parent,
        )
        parent.children.append(section)
        stack.append(section)
    only = root.children[0] if len(root.children) == 1 else None
    if (
        only is not None
        and only.heading is not None
        and (only.first_block == 0 or only.title == title)
    ):
        # The one top-level heading is the root; blocks before the title belong to it.
        only.parent = None
        only.first_block, only.end_block = 0, block_count
        return only
    return root


def _section_index(sections: list[Section], block_count: int) -> list[int]:
    """For each block, the index (in `sections`) of the deepest section holding it.

    In pre-order, that is the last section starting at or before the block.
    """
    owner = [0] * block_count
    for index, section in enumerate(sections):
        if section.first_block < block_count:
            owner[section.first_block] = index
    current = 0
    for block in range(block_count):
        if owner[block]:
            current = owner[block]
        owner[block] = current
    return owner
