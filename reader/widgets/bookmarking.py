"""Bookmarks on the reading screen: add one (with a note), list them, mark them.

A part of the reading screen, kept apart for its size. Bookmarks are written through
the article's `Places` only; they are found in the text by the `Loader`, off the UI
thread, and shown as gutter markers, counts in the tree, or a list to jump from.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from reader.widgets.content import ContentView
from reader.widgets.loader import Loader
from reader.widgets.section_tree import SectionTree

if TYPE_CHECKING:
    from reader.widgets.reading_screen import ReadingScreen


class Bookmarking:
    """Adds, lists and marks the bookmarks of the article a reading screen shows."""

    def __init__(self, screen: ReadingScreen) -> None:
        self.screen = screen

    def add(self) -> None:
        """Bookmark the passage being read (or the words selected), asking for a note."""
        screen = self.screen
        document, places = screen.reading.document, screen.reading.places
        if document is None or not document.blocks or places is None:
            return
        if not places.writable:
            screen.warn("Bookmarks cannot be added: the saved state is open read-only.")
            return
        content = screen.query_one(ContentView)
        passage = max(content.passage, 0)
        selection = screen.selections.get(content)
        span = content.selected_span(selection) if selection is not None else None
        if span is not None:  # the words selected with the mouse, exactly
            passage = document.block_at_offset(span[0])
            quote = document.text[span[0] : span[1]]
        else:
            quote = document.styled(passage).plain
        quote = quote.split("\n", 1)[0]
        from reader.widgets.note_prompt import NotePrompt  # screens load when first opened

        def save(note: str) -> str | None:
            result = places.bookmark(document, passage, note, span)
            return result if isinstance(result, str) else None

        def saved(note: str | None) -> None:
            screen.clear_selection()
            if note is not None:
                self.mark()  # the whole article may have come in since
                screen.notify("Bookmarked.", timeout=2)

        screen.app.push_screen(NotePrompt(quote, save=save), saved)

    def open_list(self) -> None:
        """List this article's bookmarks (found in the text off the UI thread)."""
        self._find(listing=True)

    def mark(self) -> None:
        """Bookmark markers in the gutter and counts in the tree, once found in the text."""
        self._find(listing=False)

    def _find(self, listing: bool) -> None:
        reading = self.screen.reading
        if reading.document is None or reading.places is None:
            return
        stored, problem = reading.stored_bookmarks()
        if problem:
            self.screen.warn(problem)
        self.screen.query_one(Loader).find_bookmarks(reading, stored, listing)

    def found(self, event: Loader.BookmarksFound) -> None:
        """Mark the bookmarks found; when listing, list them (enter jumps to one)."""
        screen = self.screen
        reading, found = event.reading, event.found
        document, places = reading.document, reading.places
        if reading is not screen.reading or places is None or document is None:
            return
        blocks = [block for _, block in found if block is not None]
        content = screen.query_one(ContentView)
        content.mark_bookmarks(set(blocks))
        counts = Counter(document.section_of(block) for block in blocks)
        screen.query_one(SectionTree).show_bookmark_counts(counts)
        if not event.listing:
            return
        from reader.widgets.bookmark_list import BookmarkList, Listed

        def closed(block: int | None) -> None:
            self.mark()
            if block is not None:
                content.scroll_to_block(block)

        listed = [Listed(bookmark, block) for bookmark, block in found]
        screen.app.push_screen(BookmarkList(places, listed), closed)
