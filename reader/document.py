"""The document model: an article's text, its blocks and its section tree.

Pure Python: parsers build it, everything else reads it. Every block and
section knows the character span of the source text it came from, so positions
can be anchored to the text rather than to screen rows.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Flag, StrEnum, auto


class BlockKind(StrEnum):
    """What a block is."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    CODE = "code"
    PREFORMATTED = "preformatted"
    HTML = "html"
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


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of inline text with one style."""

    text: str
    style: Inline = Inline.PLAIN
    href: str = ""


class ContainerKind(StrEnum):
    """A structure that encloses blocks."""

    QUOTE = "quote"
    LIST_ITEM = "list_item"


@dataclass(frozen=True, slots=True)
class Container:
    """One level of enclosing structure around a block.

    `marker` is the list item's marker ("•", "3."); `first` is true on the
    first block of an item, the one that shows the marker.
    """

    kind: ContainerKind
    marker: str = ""
    first: bool = False


Cells = tuple[tuple[Run, ...], ...]


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the article, with its span `[start, end)` in the source text."""

    id: str
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

    @property
    def plain(self) -> str:
        """The block's text without styling."""
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


class BlockIds:
    """Makes block ids that depend only on a block's kind and source text.

    An id survives edits elsewhere in the file; repeated identical blocks get
    a numeric suffix in document order.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._seen: Counter[str] = Counter()

    def __call__(self, kind: BlockKind, start: int, end: int) -> str:
        digest = hashlib.blake2b(
            self._text[start:end].encode("utf-8", "surrogatepass"), digest_size=5
        ).hexdigest()
        base = f"{kind.value[0]}{digest}"
        self._seen[base] += 1
        count = self._seen[base]
        return base if count == 1 else f"{base}-{count}"


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


@dataclass(frozen=True, slots=True)
class Heading:
    """A parser's note that a section starts at `block` with `level`."""

    block: int
    level: int
    title: str
    synthetic: bool = False


class Document:
    """A parsed article: source text, title, blocks and section tree."""

    def __init__(self, text: str, title: str, blocks: list[Block], headings: list[Heading]):
        self.text = text
        self.title = title
        self.blocks = blocks
        self.root = _build_tree(title, len(blocks), headings)
        self.sections: list[Section] = list(self.root.walk())
        self._positions = {section: index for index, section in enumerate(self.sections)}
        self._starts = [block.start for block in blocks]
        self._section_of_block = _section_index(self.sections, len(blocks))

    def section_of(self, block_index: int) -> Section:
        """The deepest section that contains a block."""
        if not self.blocks:
            return self.root
        index = min(max(block_index, 0), len(self.blocks) - 1)
        return self.sections[self._section_of_block[index]]

    def section_position(self, section: Section) -> int:
        """A section's index in `sections` (document order)."""
        return self._positions[section]

    def block_at_offset(self, offset: int) -> int:
        """Index of the block whose span contains (or last precedes) a text offset."""
        return max(0, bisect_right(self._starts, offset) - 1)


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
