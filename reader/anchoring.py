"""Anchor a passage to an article's text so it can be found again after edits.

Follows the W3C Web Annotation selectors: a text quote (`exact` with
`prefix` and `suffix` context) and a text position (`start`, `end`).
Re-anchoring tries, in order: the old position if the quote is still there;
an exact search of the quote, best context and nearest first; an approximate
search (up to half the quote may differ where its context still matches, a
fifth where it does not); else the anchor is orphaned (None).
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

CONTEXT_CHARS = 32
MIN_QUOTE_SIMILARITY = 0.5
_PROBES = 8  # distinct pieces of the quote searched for to find approximate candidates
_MAX_HITS_PER_PROBE = 64
_MAX_EXACT_HITS = 1000

Method = Literal["position", "exact", "approximate"]


@dataclass(frozen=True, slots=True)
class Anchor:
    """A passage: where it was and what it said, with some text either side."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str

    @classmethod
    def from_span(cls, text: str, start: int, end: int) -> Anchor:
        """The anchor of `text[start:end]`."""
        return cls(
            start,
            end,
            text[start:end],
            text[max(0, start - CONTEXT_CHARS) : start],
            text[end : end + CONTEXT_CHARS],
        )


@dataclass(frozen=True, slots=True)
class Match:
    """Where an anchor was found, and how."""

    start: int
    end: int
    method: Method


def resolve(anchor: Anchor, text: str) -> Match | None:
    """Find an anchor's passage in `text`; None when it is gone (orphaned)."""
    exact = anchor.exact
    if not exact:
        return None
    if text[anchor.start : anchor.end] == exact:
        return Match(anchor.start, anchor.end, "position")
    hits = _occurrences(text, exact, _MAX_EXACT_HITS)
    if hits:
        best = max(hits, key=lambda start: _score(anchor, text, start, start + len(exact), 1.0))
        return Match(best, best + len(exact), "exact")
    return _approximate(anchor, text)


def _occurrences(text: str, needle: str, limit: int) -> list[int]:
    found: list[int] = []
    position = text.find(needle)
    while position >= 0 and len(found) < limit:
        found.append(position)
        position = text.find(needle, position + 1)
    return found


def _approximate(anchor: Anchor, text: str) -> Match | None:
    """Candidates where pieces of the quote still occur, aligned and scored."""
    exact = anchor.exact
    piece = max(4, min(16, len(exact) // 4))
    starts: set[int] = set()
    step = max(1, (len(exact) - piece) // max(1, _PROBES - 1))
    for offset in range(0, max(1, len(exact) - piece + 1), step):
        probe = exact[offset : offset + piece]
        for hit in _occurrences(text, probe, _MAX_HITS_PER_PROBE):
            starts.add(max(0, hit - offset))
    best: tuple[float, int, int] | None = None
    for candidate in starts:
        aligned = _align(exact, text, candidate)
        if aligned is None:
            continue
        start, end, similarity = aligned
        # A loose match counts only where the text around it still matches too:
        # short quotes resemble many sentences.
        context = _context(anchor, text, start, end)
        if similarity < MIN_QUOTE_SIMILARITY or (similarity < 0.8 and context < 0.5):
            continue
        score = _score(anchor, text, start, end, similarity)
        if best is None or score > best[0]:
            best = (score, start, end)
    return None if best is None else Match(best[1], best[2], "approximate")


def _align(exact: str, text: str, candidate: int) -> tuple[int, int, float] | None:
    """Align the quote with the text around a candidate start: (start, end, similarity)."""
    slack = len(exact) // 2 + 1
    window_start = max(0, candidate - slack)
    window = text[window_start : candidate + len(exact) + slack]
    matcher = SequenceMatcher(None, exact, window, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    if not blocks:
        return None
    start = window_start + blocks[0].b - blocks[0].a
    end = (
        window_start
        + blocks[-1].b
        + blocks[-1].size
        + (len(exact) - blocks[-1].a - blocks[-1].size)
    )
    start, end = max(0, start), min(len(text), max(end, start))
    similarity = SequenceMatcher(None, exact, text[start:end], autojunk=False).ratio()
    return start, end, similarity


def _score(anchor: Anchor, text: str, start: int, end: int, similarity: float) -> float:
    """Quote similarity first, then matching context, then closeness to the old place."""
    closeness = 1 / (1 + abs(start - anchor.start) / 1000)
    return 0.6 * similarity + 0.3 * _context(anchor, text, start, end) + 0.1 * closeness


def _context(anchor: Anchor, text: str, start: int, end: int) -> float:
    """How well the text either side of a span matches the anchor's prefix and suffix."""
    prefix = text[max(0, start - len(anchor.prefix)) : start]
    suffix = text[end : end + len(anchor.suffix)]
    return (_similar(anchor.prefix, prefix) + _similar(anchor.suffix, suffix)) / 2


def _similar(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
