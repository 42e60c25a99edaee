"""The article's rows at the reading column's width: where each block is, and its strips.

Each block is rendered to strips when it is first needed and cached per width
(with the search marks in it); rendering a block corrects its estimated
height. Blocks never rendered keep their estimate, so a long article is laid
out without rendering it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from textual.cache import LRUCache
from textual.strip import Strip

from reader.document import Block, Document
from reader.line_index import LineIndex, Shapes, gap_after
from reader.search import Match
from reader.widgets.blocks import CURRENT_MATCH, Mark

STRIPS_CACHED = 4096  # blocks' strips kept, over all widths and marks
# Renders a block's strips at a column width, with search marks.
Render = Callable[[Block, int, tuple[Mark, ...]], list[Strip]]


class ContentLines:
    """A document's blocks as rows of strips at one column width, with blank rows after."""

    def __init__(self, render: Render) -> None:
        self.document: Document | None = None
        self.index = LineIndex([])
        self.column = 0  # 0: not laid out yet
        self.tail = 0  # blank rows after the end, so a jump can put any block at the top
        self.drawn_top: tuple[int, int, int] | None = None  # (block, line in it, scroll row)
        self.matches: list[Match] = []  # search matches, in document order
        self.current: Match | None = None  # the one the search is at
        self._shapes = Shapes([])
        self._strips: LRUCache[tuple[int, int, tuple[Mark, ...]], list[Strip]] = LRUCache(
            STRIPS_CACHED
        )
        self._render = render

    @property
    def rows(self) -> int:
        """Rows to scroll through: every block's, then the tail (none without a layout)."""
        return self.index.total + self.tail if len(self.index) else 0

    def show(self, document: Document, shapes: Shapes) -> None:
        """Take a new document and its blocks' shapes: nothing rendered, no matches yet."""
        self.document = document
        self._shapes = shapes
        self._strips.clear()
        self.matches, self.current = [], None

    def relayout(self, column: int) -> None:
        """Estimate every block's height at a column width."""
        self.column = column
        self.drawn_top = None
        self.tail = 0
        self.index = LineIndex(self._shapes.heights(column))

    def forget_layout(self) -> None:
        """No layout until the pane has a width: its first render lays out."""
        self.index, self.column = LineIndex([]), 0

    def drop_tail(self) -> None:
        """No blank rows after the end, and no drawn top: the pane goes to the start or the end."""
        self.tail = 0
        self.drawn_top = None

    def forget_strips(self) -> None:
        """Render every block again (the styles changed)."""
        self._strips.clear()

    def measure(self, block: int) -> list[Strip]:
        """A block's strips at the column width, correcting its height in the index."""
        document = self.document
        assert document is not None
        marks = self._marks(block)
        key = (block, self.column, marks)
        strips = self._strips.get(key)
        if strips is None:
            strips = self._render(document.styled(block), self.column, marks)
            self._strips[key] = strips
        if not self.index.is_exact(block):
            self.index.set_exact(block, len(strips) + gap_after(document.blocks, block))
        return strips

    def measure_from(self, block: int, rows: int) -> None:
        """Measure blocks from `block` on until `rows` rows are covered."""
        covered = 0
        while block < len(self.index) and covered < rows:
            self.measure(block)
            covered += self.index.height(block)
            block += 1

    def measure_back_from(self, block: int, rows: int) -> None:
        """Measure blocks from `block` back until `rows` rows are covered."""
        covered = 0
        while block >= 0 and covered < rows:
            self.measure(block)
            covered += self.index.height(block)
            block -= 1

    def line_at(self, row: int) -> tuple[int, int, Strip | None]:
        """The block covering a row, the row's line in it, and its strip (None: in the gap
        after the block).
        """
        block = self.index.block_at(row)
        strips = self.measure(block)
        line = row - self.index.top(block)
        return block, line, strips[line] if 0 <= line < len(strips) else None

    def rows_between(self, first: int, last: int) -> int:
        """Rows from the top of block `first` to the top of block `last` (as now estimated)."""
        if not len(self.index):
            return 0
        end = len(self.index) - 1
        return self.index.top(min(last, end)) - self.index.top(min(first, end))

    def match_line(self, block: int) -> int:
        """The line of a block that the current search match is on (0: none of them)."""
        for number, strip in enumerate(self.measure(block)):
            if any(segment.style and segment.style.meta.get(CURRENT_MATCH) for segment in strip):
                return number
        return 0

    def place(self, block: int, row: int, height: int) -> int:
        """The scroll row that puts a block's top `row` rows below the top of a pane
        `height` rows high, measuring what it shows and adding a tail if it is needed.
        """
        self.measure_from(block, height)
        target = max(0, self.index.top(block) - row)
        self.tail = max(0, target + height - self.index.total)
        self.drawn_top = None
        return target

    def measure_view(self, top: int, height: int) -> bool:
        """Measure the blocks in view with the pane's top row at `top`, keeping it;
        whether the article's height changed.
        """
        index = self.index
        before = index.total
        first = index.block_at(top)
        self.measure_from(first, top + height - index.top(first))
        self.drawn_top = (first, top - index.top(first), top)
        return index.total != before

    def kept_top(self, top: int, height: int) -> int | None:
        """The top row that makes a scroll up into never-rendered blocks move exactly as far
        as asked, if it is not `top`.

        Blocks above the last drawn top row may still have estimated heights;
        measuring them moves everything below, so the scroll position is
        recomputed from the last drawn top row and the distance moved.
        """
        if self.drawn_top is None:
            return None
        block, line, row = self.drawn_top
        moved = top - row
        if moved >= 0 or -moved > 3 * height or block >= len(self.index):
            return None
        self.measure_back_from(block - 1, -moved - line)
        target = max(0, self.index.top(block) + line + moved)
        return None if target == top else target

    def _marks(self, block: int) -> tuple[Mark, ...]:
        """The search matches in a block, as offsets in its display text."""
        matches = self.matches
        if not matches and self.current is None:
            return ()
        first = bisect_left(matches, (block, -1, -1))
        marks = []
        for match in matches[first:]:
            if match.block != block:
                break
            marks.append((match.start, match.end, match == self.current))
        current = self.current
        if current is not None and current.block == block and current not in matches:
            marks.append((current.start, current.end, True))  # found before the rest
        return tuple(marks)
