"""Anchor a passage to an article's text so it can be found again after edits.

Follows the W3C Web Annotation selectors: a text quote (`exact` with
`prefix` and `suffix` context) and a text position (`start`, `end`). The quote
is bounded: a passage longer than MAX_QUOTE characters is quoted by its start,
and `end - start` keeps its length. (Anchors stored before quotes were bounded
quote their whole passage; they are searched for by the same bounded start.)

Re-anchoring tries, in order: the old position if the quote is still there;
an exact search of the quote, best context and nearest first; an approximate
search (up to half the quote may differ where its context still matches, a
fifth where it does not); else the anchor is orphaned (None). A passage longer
than its quote ends where its suffix is now, nearest its old length on.

Only bounded strings are compared, and each search looks near the old position
before the whole text, so the cost grows linearly with the text. A deadline
(`budget` seconds, or a `cancelled` check) stops a search early: it returns the
best match found so far, or None.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

MAX_QUOTE = 256  # characters of a passage quoted to find it again
CONTEXT_CHARS = 32
MIN_QUOTE_SIMILARITY = 0.5
NEARBY = 1 << 16  # characters either side of the old position searched before the whole text
_PROBES = 8  # distinct pieces of the quote searched for to find approximate candidates
_MAX_HITS_PER_PROBE = 64
_MAX_EXACT_HITS = 1000
_CANDIDATES = 4  # approximate candidates aligned per area searched, best supported first
_PIECE = 8  # characters in each piece of a quote that `_plausible` looks for
_CHECKED_FROM = 64  # characters in the shortest quote that `_plausible` checks
_SAME_START = 8  # characters a candidate must start with as the quote does to be taken as its start

Method = Literal["position", "exact", "approximate"]


@dataclass(frozen=True, slots=True)
class Anchor:
    """A passage: where it was and (the start of) what it said, with some text either side."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str

    @classmethod
    def from_span(cls, text: str, start: int, end: int) -> Anchor:
        """The anchor of `text[start:end]`, quoting at most its first MAX_QUOTE characters."""
        return cls(
            start,
            end,
            text[start : min(end, start + MAX_QUOTE)],
            text[max(0, start - CONTEXT_CHARS) : start],
            text[end : end + CONTEXT_CHARS],
        )

    @property
    def length(self) -> int:
        """The passage's length (its quote may be shorter)."""
        return max(self.end - self.start, len(self.exact))

    @property
    def quote(self) -> str:
        """What is searched for: at most the passage's first MAX_QUOTE characters."""
        return self.exact[:MAX_QUOTE]


@dataclass(frozen=True, slots=True)
class Found:
    """Where an anchor was found, and how."""

    start: int
    end: int
    method: Method


@dataclass(frozen=True, slots=True)
class _Deadline:
    """When a search gives up: a time on the monotonic clock, or once `cancelled()`."""

    until: float | None
    cancelled: Callable[[], bool] | None

    def expired(self) -> bool:
        if self.until is not None and time.monotonic() >= self.until:
            return True
        return self.cancelled is not None and self.cancelled()

    def share(self, ways: int) -> _Deadline:
        """An equal share of the time left, for one of `ways` searches."""
        if self.until is None:
            return self
        now = time.monotonic()
        return _Deadline(now + max(0.0, self.until - now) / ways, self.cancelled)


def resolve(
    anchor: Anchor,
    text: str,
    *,
    budget: float | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Found | None:
    """Find an anchor's passage in `text`; None when it is gone (orphaned).

    After `budget` seconds, or once `cancelled()` is true, the search stops
    with the best match found so far, or None.
    """
    return resolve_all([anchor], text, budget=budget, cancelled=cancelled)[0]


def resolve_all(
    anchors: Sequence[Anchor],
    text: str,
    *,
    budget: float | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Found | None]:
    """Find many anchors' passages in `text` (see `resolve`) within one total budget.

    Each method is tried for every anchor still unfound before the next, costlier
    one, and the time left is shared equally among them, so that a hard anchor
    cannot use up the others' time. Pure computation: it may run in a worker thread.
    """
    deadline = _Deadline(None if budget is None else time.monotonic() + budget, cancelled)
    found = [_at_position(anchor, text) for anchor in anchors]
    for search in (_exact, _approximate):
        left = [i for i, match in enumerate(found) if match is None and anchors[i].exact]
        for done, index in enumerate(left):
            if deadline.expired():
                return found
            found[index] = search(anchors[index], text, deadline.share(len(left) - done))
    return found


def _at_position(anchor: Anchor, text: str) -> Found | None:
    """The anchor at its old position, if its quote is still there."""
    quote = anchor.quote
    start = anchor.start
    if not quote or start < 0 or text[start : start + len(quote)] != quote:
        return None
    return Found(start, _end(anchor, text, start, start + len(quote)), "position")


def _exact(anchor: Anchor, text: str, deadline: _Deadline) -> Found | None:
    """The quote where it occurs verbatim: best context first, then nearest the old position."""
    quote = anchor.quote
    best: tuple[float, int, int] | None = None
    for lo, hi in _areas(anchor, text):
        hits = _occurrences(text, quote, _MAX_EXACT_HITS, lo, hi)
        for start in sorted(hits, key=lambda hit: abs(hit - anchor.start)):
            end = _end(anchor, text, start, start + len(quote))
            context = _context(anchor, text, start, end)
            score = _score(anchor, start, 1.0, context)
            if best is None or score > best[0]:
                best = (score, start, end)
            # Hits are nearest first, so none after one in its full context scores higher;
            # nor does any outside the area searched first.
            if context == 1.0 or deadline.expired():
                return Found(best[1], best[2], "exact")
    return None if best is None else Found(best[1], best[2], "exact")


def _approximate(anchor: Anchor, text: str, deadline: _Deadline) -> Found | None:
    """Candidates where pieces of the quote still occur, aligned and scored.

    Those near the old position come first; the whole text is searched only if
    none of them is a close match in its context.
    """
    quote = anchor.quote
    best: tuple[float, int, int] | None = None
    tried: set[int] = set()
    for lo, hi in _areas(anchor, text):
        close = False
        for candidate in _candidates(quote, text, lo, hi, anchor.start, deadline):
            if deadline.expired():
                break
            if candidate in tried:
                continue
            tried.add(candidate)
            aligned = _align(quote, text, candidate)
            if aligned is None:
                continue
            start, quote_end, similarity = aligned
            end = _end(anchor, text, start, quote_end)
            context = _context(anchor, text, start, end)
            # A loose match counts only where the text around it still matches too:
            # short quotes resemble many sentences.
            if similarity < MIN_QUOTE_SIMILARITY or (similarity < 0.8 and context < 0.5):
                continue
            close = close or (similarity >= 0.8 and context >= 0.5)
            score = _score(anchor, start, similarity, context)
            if best is None or score > best[0]:
                best = (score, start, end)
            if similarity >= 0.8 and context == 1.0:  # less supported candidates will not beat it
                break
        if close or deadline.expired():
            break
    return None if best is None else Found(best[1], best[2], "approximate")


def _areas(anchor: Anchor, text: str) -> list[tuple[int, int]]:
    """Where to search, as ranges of starts: near the old position, then the whole text."""
    near = (max(0, anchor.start - NEARBY), min(len(text), anchor.start + NEARBY))
    whole = (0, len(text))
    return [whole] if near[0] == 0 and near[1] == len(text) else [near, whole]


def _occurrences(text: str, needle: str, limit: int, lo: int, hi: int) -> list[int]:
    """Where `needle` starts in the text, from `lo` to `hi`: at most `limit` places."""
    found: list[int] = []
    stop = hi + len(needle)
    position = text.find(needle, lo, stop)
    while position >= 0 and len(found) < limit:
        found.append(position)
        position = text.find(needle, position + 1, stop)
    return found


def _candidates(
    quote: str, text: str, lo: int, hi: int, near: int, deadline: _Deadline
) -> list[int]:
    """Likely starts of the quote between `lo` and `hi`: most pieces agreeing, then nearest."""
    piece = max(4, min(16, len(quote) // 4))
    step = max(1, (len(quote) - piece) // max(1, _PROBES - 1))
    votes: Counter[int] = Counter()
    for offset in range(0, max(1, len(quote) - piece + 1), step):
        if deadline.expired():
            break
        probe = quote[offset : offset + piece]
        for hit in _occurrences(text, probe, _MAX_HITS_PER_PROBE, lo, hi):
            votes[max(0, hit - offset)] += 1
    slack = len(quote) // 2 + 1  # the alignment looks this far either side
    picked: list[int] = []
    for start in sorted(votes, key=lambda start: (-votes[start], abs(start - near))):
        if all(abs(start - other) > slack for other in picked):
            picked.append(start)
            if len(picked) == _CANDIDATES:
                break
    return picked


def _align(quote: str, text: str, candidate: int) -> tuple[int, int, float] | None:
    """Align the quote with the text around a candidate start: (start, end, similarity)."""
    slack = len(quote) // 2 + 1
    if not _plausible(quote, text[max(0, candidate - slack) : candidate + len(quote) + slack]):
        return None
    same = _common_prefix(quote, text[candidate : candidate + len(quote)])
    if same < _SAME_START:
        same = 0
    # Where the text starts as the quote does, only the rest of the quote is aligned.
    window_start = candidate + same if same else max(0, candidate - slack)
    window = text[window_start : candidate + len(quote) + slack]
    matcher = SequenceMatcher(None, quote[same:], window, autojunk=False)
    blocks = [
        (same + a, window_start + b, size) for a, b, size in matcher.get_matching_blocks() if size
    ]
    if same:
        blocks.insert(0, (0, candidate, same))
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    start = max(0, first[1] - first[0])
    end = min(len(text), max(start, last[1] + len(quote) - last[0]))
    matched = sum(size for _, _, size in blocks)  # all within start..end
    return start, end, 2 * matched / (len(quote) + end - start)


def _plausible(quote: str, window: str) -> bool:
    """Whether enough pieces of the quote are in the window for it to be similar enough.

    A quote at least half the same (in runs of two pieces or more, not a letter
    here and there) keeps a quarter of its pieces. This rules candidates out
    before the costly alignment; short quotes are cheap to align, and always tried.
    """
    if len(quote) < _CHECKED_FROM:
        return True
    pieces = range(0, len(quote) - _PIECE + 1, _PIECE)
    found = sum(quote[at : at + _PIECE] in window for at in pieces)
    return found >= len(pieces) * MIN_QUOTE_SIMILARITY / 2


def _common_prefix(a: str, b: str) -> int:
    """How many characters two strings start with in common."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _end(anchor: Anchor, text: str, start: int, quote_end: int) -> int:
    """Where the passage whose quote was found at `start`..`quote_end` ends.

    That is the quote's end if it quotes the whole passage; else where the
    suffix is, nearest the passage's old length on (or just that length).
    """
    rest = anchor.length - len(anchor.quote)
    if rest <= 0:
        return quote_end
    expected = min(len(text), quote_end + rest)
    suffix = anchor.suffix
    if not suffix:
        return expected
    slack = min(NEARBY, max(CONTEXT_CHARS, rest // 4))
    after = text.find(suffix, expected, expected + slack + len(suffix))
    before = text.rfind(suffix, max(quote_end, expected - slack), expected + len(suffix))
    found = [end for end in (before, after) if end >= 0]
    return min(found, key=lambda end: abs(end - expected)) if found else expected


def _score(anchor: Anchor, start: int, similarity: float, context: float) -> float:
    """Quote similarity first, then matching context, then closeness to the old place."""
    closeness = 1 / (1 + abs(start - anchor.start) / 1000)
    return 0.6 * similarity + 0.3 * context + 0.1 * closeness


def _context(anchor: Anchor, text: str, start: int, end: int) -> float:
    """How well the text either side of a span matches the anchor's prefix and suffix."""
    prefix = text[max(0, start - len(anchor.prefix)) : start]
    suffix = text[end : end + len(anchor.suffix)]
    return (_similar(anchor.prefix, prefix) + _similar(anchor.suffix, suffix)) / 2


def _similar(a: str, b: str) -> float:
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
