"""What the store keeps of an article, as plain values: its place and its bookmarks.

Nothing here touches SQLite, so screens can show and hand back these values
without the store (`reader.places.Places` is what writes them).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.anchoring import Anchor
from reader.safe_text import visible_line

QUOTE_LINE = 100  # characters of a bookmarked passage shown on one line


@dataclass(frozen=True, slots=True)
class Position:
    """Where the reader was in a document."""

    anchor: Anchor


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A bookmarked passage with an optional note."""

    id: int
    document_id: int
    anchor: Anchor
    section: str
    note: str
    created_at: float


@dataclass(frozen=True, slots=True)
class RecentDocument:
    """A document the reader opened, for `reader recent` and the library."""

    id: int
    title: str
    path: str | None
    opened_at: float
    progress: float


def quote_line(exact: str, limit: int = QUOTE_LINE) -> str:
    """A bookmarked passage's start on one line, safe to show, ending in "…" where cut."""
    text = " ".join(exact.split())
    if len(text) <= limit:
        return visible_line(text)
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]  # at a word's end
    return visible_line(cut.rstrip(" ,;:")) + "…"
