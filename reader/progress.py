"""How far through an article the reader is: percent read and minutes left, in words."""

from __future__ import annotations

import math
from itertools import accumulate

from reader.document import Document

WORDS_PER_MINUTE = 230  # a common adult reading speed for prose


class ReadingProgress:
    """Words before each block of a document, to say how far a block is into it.

    Counting the words of a long article takes a while: build it off the UI thread.
    """

    def __init__(self, document: Document) -> None:
        counts = [len(block.plain.split()) for block in document.blocks]
        self._before = [0, *accumulate(counts)]
        self.total = self._before[-1]

    def fraction(self, block: int, *, at_end: bool = False) -> float:
        """How far through the article's words the reader is at `block`: 1.0 at the end
        only, so a place short of it never reads as finished."""
        if at_end or not self.total:
            return 1.0
        return min(0.99, self._words_before(block) / self.total)

    def percent(self, block: int, *, at_end: bool = False) -> int:
        """Percent of the words before `block` (100 at the end)."""
        return percent(self.fraction(block, at_end=at_end))

    def minutes_left(
        self, block: int, words_per_minute: int, *, at_end: bool = False, until: int | None = None
    ) -> float:
        """Minutes to read from `block` to the end (or to block `until`, not included)."""
        if at_end:
            return 0.0
        end = self.total if until is None else self._words_before(until)
        return max(0, end - self._words_before(block)) / max(1, words_per_minute)

    def _words_before(self, block: int) -> int:
        return self._before[min(max(block, 0), len(self._before) - 1)]


def time_left(minutes: float) -> str:
    """ "12 min left", "1 h 5 min left", "< 1 min left" or "the end"."""
    return f"{duration(minutes)} left" if minutes > 0 else "the end"


def duration(minutes: float) -> str:
    """ "12 min", "1 h 5 min" or "< 1 min"."""
    if minutes < 1:
        return "< 1 min"
    whole = math.ceil(minutes)
    if whole < 60:
        return f"{whole} min"
    return f"{whole // 60} h {whole % 60} min"


def percent(fraction: float) -> int:
    """A fraction read as a whole percent: 100 only when finished, never rounded up to it."""
    return 100 if fraction >= 1.0 else min(99, math.floor(100 * fraction))


def read_label(fraction: float) -> str:
    """ "52% read", or "finished": how the library and `reader recent` show progress."""
    return "finished" if fraction >= 1.0 else f"{percent(fraction)}% read"
