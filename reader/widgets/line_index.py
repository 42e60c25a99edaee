"""Where each block sits in the scrolling content, in rows.

Heights start as estimates and are corrected as blocks are rendered; tops are
prefix sums, recomputed lazily from the first corrected block.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate


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
