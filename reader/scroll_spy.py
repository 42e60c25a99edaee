"""The scroll spy: which block is the passage being read, from the pane's scroll row.

The passage is the first block whose top is in view. A jump pins the block it
went to as the passage while the pane stays at the row the jump left it at:
near the article's end, that block cannot reach the top.
"""

from __future__ import annotations

from reader.line_index import LineIndex


class ScrollSpy:
    """The passage, whether a jump or a scroll made it so, and which one was announced."""

    def __init__(self) -> None:
        self.passage = -1  # -1: none yet
        self.jumped = False  # the passage changed by a jump, not by scrolling
        self._announced = -1
        self._pinned: tuple[int, int] | None = None  # (block, scroll row) set by a jump
        self._jump_pending = False  # g or G: the next passage change is a jump

    def forget(self) -> None:
        """No passage: the next one is announced, even if it is the same block."""
        self.passage = self._announced = -1
        self._pinned = None

    def pin(self, block: int, top: int) -> None:
        """Make `block` the passage while the pane's top row is `top`."""
        self._pinned = (block, top)

    def expect_jump(self) -> None:
        """Count the next change of passage as a jump (to the start or the end)."""
        self._jump_pending = True

    def update(self, index: LineIndex, top: int, height: int) -> bool:
        """Recompute the passage with the pane's top row at `top`; whether it changed.

        Without blocks (none, or not laid out yet) nothing changes.
        """
        if not len(index):
            return False
        if self._pinned is not None and self._pinned[1] == top:
            passage = self._pinned[0]
        else:
            self._pinned = None
            passage = index.block_at(top)
            below = passage + 1
            if index.top(passage) < top and below < len(index) and index.top(below) < top + height:
                passage = below
        jumped = self._pinned is not None or self._jump_pending
        self._jump_pending = False
        if passage == self.passage:
            return False
        self.passage = passage
        self.jumped = jumped
        return True

    def announcement(self) -> int | None:
        """The passage, if it has not been announced yet (it now counts as announced)."""
        if self.passage == self._announced:
            return None
        self._announced = self.passage
        return self.passage
