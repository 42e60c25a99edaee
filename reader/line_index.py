"""Where each block sits in the scrolling content, in rows.

Heights start as estimates and are corrected as blocks are rendered; tops are
prefix sums, recomputed lazily from the first corrected block.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from itertools import accumulate
from math import ceil

from reader.document import Block, BlockKind, ContainerKind

# A block's shape: (rows at any width, characters to wrap (-1: none), columns of indent).
Shape = tuple[int, int, int]
WRAP_SLACK = 1.08  # wrapped lines end short of the column by about this much


class Shapes:
    """Blocks' shapes, each distinct one kept once: estimating heights at a width
    computes each distinct shape's height once (a long document has far fewer shapes
    than blocks), then looks every block's up.
    """

    __slots__ = ("_distinct", "_ids")

    def __init__(self, shapes: list[Shape]) -> None:
        ids: dict[Shape, int] = {}
        self._ids = array("I", [ids.setdefault(shape, len(ids)) for shape in shapes])
        self._distinct = list(ids)

    def __len__(self) -> int:
        return len(self._ids)

    def heights(self, column: int) -> list[int]:
        """Estimated heights (gaps included) of the blocks at a column width."""
        table = estimate(self._distinct, column)
        return list(map(table.__getitem__, self._ids))


def block_shapes(blocks: list[Block]) -> Shapes:
    """What a block's height depends on, for estimating it at any width.

    Pure and done once per document (off the UI thread for long ones); the
    gap after each block is included.
    """
    shapes: list[Shape] = []
    literal = (BlockKind.CODE, BlockKind.PREFORMATTED)
    for index, block in enumerate(blocks):
        gap = gap_after(blocks, index)
        kind = block.kind
        if kind is BlockKind.RULE:
            shapes.append((1 + gap, -1, 0))
        elif kind in literal:
            shapes.append((block.literal.count("\n") + 1 + gap, -1, 0))
        elif kind is BlockKind.TABLE:
            rows = len(block.rows) or len(block.markup) // max(1, len(block.align))
            shapes.append((rows + 3 + gap, -1, 0))
        else:
            text = block.plain
            indent = sum(2 if c.kind is ContainerKind.QUOTE else 3 for c in block.containers)
            fixed = gap + text.count("\n") + (kind is BlockKind.HEADING and block.level <= 2)
            shapes.append((fixed, len(text), indent))
    return Shapes(shapes)


def gap_after(blocks: list[Block], index: int) -> int:
    """Blank rows after a block: two before a heading, none inside a tight list, else one."""
    if index + 1 >= len(blocks):
        return 1
    following = blocks[index + 1]
    if following.kind is BlockKind.HEADING:
        return 2
    return 0 if blocks[index].tight and following.tight else 1


def estimate(shapes: list[Shape], column: int) -> list[int]:
    """Estimated heights (gaps included) of blocks at a column width."""
    return [
        fixed if chars < 0 else fixed + max(1, ceil(chars * WRAP_SLACK / max(1, column - indent)))
        for fixed, chars, indent in shapes
    ]


class LineIndex:
    """Heights (rows, including the gap after each block) and tops of a list of blocks."""

    def __init__(self, heights: list[int]) -> None:
        self._heights = heights
        self._exact = bytearray(len(heights))
        self._tops: list[int] = []
        self._dirty_from = 0

    def __len__(self) -> int:
        return len(self._heights)

    @property
    def total(self) -> int:
        """Rows taken by all blocks."""
        self._refresh()
        return self._tops[-1]

    def top(self, index: int) -> int:
        """The first row of a block."""
        self._refresh()
        return self._tops[index]

    def height(self, index: int) -> int:
        return self._heights[index]

    def is_exact(self, index: int) -> bool:
        return bool(self._exact[index])

    def block_at(self, row: int) -> int:
        """The block that covers a row (clamped to the first and last block)."""
        self._refresh()
        return min(max(bisect_right(self._tops, row) - 1, 0), len(self._heights) - 1)

    def set_exact(self, index: int, height: int) -> None:
        """Record a block's measured height."""
        self._exact[index] = 1
        if self._heights[index] != height:
            self._heights[index] = height
            self._dirty_from = min(self._dirty_from, index)

    def _refresh(self) -> None:
        if self._dirty_from >= len(self._heights) and self._tops:
            return
        start = self._dirty_from
        base = self._tops[start] if self._tops else 0
        tail = accumulate(self._heights[start:], initial=base)
        self._tops[start:] = tail
        self._dirty_from = len(self._heights)
