"""The way back: places left by a jump, within an article or for another, like a browser.

A jump (a section, a search match, a link, a bookmark, the start or the end, or
another article) of more than a screen leaves a place behind; back returns to
the last place left, and forward undoes a back. A new jump forgets the places
ahead, as a browser does. A place keeps its article's file, not its text (which
may be a book or a 50 MB log): back to another article reads it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.source import Source

LIMIT = 100  # places kept behind


@dataclass(frozen=True, slots=True)
class Place:
    """A passage of an article: its block, and names for saying where it is."""

    source: Source | None  # None: the article is read again from `path`
    block: int
    article: str  # the article's title
    section: str  # the title of the section the passage is in
    path: Path | None = None  # the article's file

    def same_article(self, source: Source) -> bool:
        if self.source is source:
            return True
        path = self.path if self.source is None else self.source.path
        return path is not None and path == source.path

    def kept(self) -> Place:
        """The place as kept for later: an article read from a file without its text."""
        source = self.source
        if source is None or source.path is None or source.placeholder:
            return self
        return Place(None, self.block, self.article, self.section, source.path)


class JumpList:
    """Places behind and ahead of the reader."""

    def __init__(self) -> None:
        self._behind: list[Place] = []
        self._ahead: list[Place] = []

    def jumped(self, left: Place) -> None:
        """The reader jumped away from `left`."""
        self._behind.append(left.kept())
        del self._behind[:-LIMIT]
        self._ahead.clear()

    def back(self, here: Place) -> Place | None:
        """The place to go back to (None if none), remembering `here` for forward."""
        if not self._behind:
            return None
        self._ahead.append(here.kept())
        return self._behind.pop()

    def forward(self, here: Place) -> Place | None:
        """The place a back left (None if none), remembering `here` for back."""
        if not self._ahead:
            return None
        self._behind.append(here.kept())
        return self._ahead.pop()

    @property
    def behind(self) -> Place | None:
        """Where back leads."""
        return self._behind[-1] if self._behind else None
