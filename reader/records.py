"""What the store keeps of an article, as plain values: its place and its bookmarks.

Nothing here touches SQLite, so screens can show and hand back these values
without the store (`reader.places.Places` is what writes them).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.anchoring import Anchor


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
