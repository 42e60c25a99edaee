"""An article's saved state: its place and bookmarks, remembered and found again.

A place is the passage at the top of the pane, stored as a text anchor on
the passage's first words (not a screen row or a scroll fraction), so it
survives a different terminal size and edits to the file.

`Places` is the one way the app and its screens change what is stored of an
article: screens are handed it (or the few of its methods they need), never
the store, and what fails comes back as a message for the user.

Finding stored passages in the text (`locate`, `locate_place`) is pure
computation, safe in a worker thread. `Places` reads and writes the store,
whose sqlite connection belongs to the thread that opened it (the UI thread).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from reader.anchoring import Anchor, resolve, resolve_all
from reader.document import Document, Section
from reader.records import Bookmark
from reader.safe_text import visible_line, visible_path
from reader.similarity import sketch
from reader.store import Store, StoreError, fingerprint
from reader.store_documents import Recognised

QUOTE_CHARS = 64  # how much of a passage's start is quoted to find it again
BUDGET = 0.5  # seconds that `Places.resume` and `Places.bookmarks` may spend re-anchoring


def locate(
    bookmarks: Sequence[Bookmark],
    document: Document,
    budget: float | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[tuple[Bookmark, int | None]]:
    """Each bookmark with its block now: None if it is orphaned, or not found in time.

    Pure computation: safe in a worker thread (see `reader.anchoring.resolve_all`).
    """
    anchors = [bookmark.anchor for bookmark in bookmarks]
    matches = resolve_all(anchors, document.text, budget=budget, cancelled=cancelled)
    return [
        (bookmark, None if match is None else document.block_at_offset(match.start))
        for bookmark, match in zip(bookmarks, matches, strict=True)
    ]


def locate_place(
    anchor: Anchor,
    document: Document,
    budget: float | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int | None:
    """The block of a stored place now (None: not found). Pure: safe in a worker thread."""
    match = resolve(anchor, document.text, budget=budget, cancelled=cancelled)
    return None if match is None else document.block_at_offset(match.start)


class Places:
    """One article's saved state: its place, bookmarks and sections read.

    Every change to them goes through here. Its methods use the store, so run
    them on the store's thread; only `identify` may run elsewhere. `resume` and
    `bookmarks` also re-anchor, within a budget; to do that in a worker thread,
    use `stored_place` / `stored_bookmarks` here and `locate_place` / `locate` there.
    """

    def __init__(self, store: Store, text: str, path: Path | None) -> None:
        self._store = store
        self._text = text
        self._path = path
        self._identity: str | None = None
        self._sketch = b""  # set with `_identity`
        self._opened = False  # `stored_place` has looked the article up
        self._document_id: int | None = None  # None: not in the store (it could not be added)

    @property
    def writable(self) -> bool:
        """Whether anything can be saved (not when the saved state is open read-only)."""
        return self._store.writable

    @property
    def document_id(self) -> int | None:
        """This article's id in the store (None: not looked up yet, or it could not be added)."""
        return self._document_id

    def identify(self) -> str:
        """The text's fingerprint, computed once with its sketch (`reader.similarity`).

        This may be called off the UI thread: for a long text it takes a while.
        """
        if self._identity is None:
            self._sketch = sketch(self._text)
            self._identity = fingerprint(self._text)
        return self._identity

    def identified(self, identity: str, text_sketch: bytes) -> None:
        """Take the text's fingerprint and sketch as `identify` would compute them (a
        process that parsed the same text did)."""
        self._identity, self._sketch = identity, text_sketch

    def stored_place(self, document: Document) -> tuple[Anchor | None, str | None]:
        """The article's stored place (None: none) and a message for the user, if any.

        Looks the article up, adding it to the store: call it on the store's thread.
        An article found by neither its text nor its path may be one moved and then
        edited: a stored one whose file is gone and whose text is alike is taken
        for it, and the message says which.
        """
        self._opened = True
        identity = self.identify()
        problem: str | None = None
        recognised: Recognised | None = None
        try:
            if self._store.find_document(identity, self._path) is None and self._sketch:
                recognised = self._store.similar_document(self._sketch, document.title)
            adopt = None if recognised is None else recognised.id
            self._document_id = self._store.document(
                identity, self._path, document.title, self._sketch, adopt=adopt
            )
        except StoreError as error:  # e.g. the disk is full: what is stored can still be read
            problem = f"Nothing can be saved at the moment: {error}."
        try:
            if self._document_id is None:  # it could not be added: the disk is full, say
                self._document_id = (
                    recognised.id if recognised else self._store.find_document(identity, self._path)
                )
            position = None
            if self._document_id is not None:
                position = self._store.position(self._document_id)
        except StoreError as error:
            return None, f"Your saved place could not be read: {error}."
        if problem is None and recognised is not None:
            problem = _recognised(recognised)
        return (None if position is None else position.anchor), problem

    def resume(
        self, document: Document, budget: float | None = BUDGET
    ) -> tuple[int | None, str | None]:
        """The block to resume at (None: the start) and a message if something failed.

        `stored_place`, then `locate_place` within `budget` seconds.
        """
        anchor, problem = self.stored_place(document)
        block = None if anchor is None else locate_place(anchor, document, budget)
        return block, problem

    def _stored_id(self, document: Document) -> int:
        """This article's id in the store, adding it now if that failed when it opened."""
        if self._document_id is None:
            self._document_id = self._store.document(
                self.identify(), self._path, document.title, self._sketch
            )
        return self._document_id

    def bookmark(
        self, document: Document, block: int, note: str, span: tuple[int, int] | None = None
    ) -> Bookmark | str:
        """Bookmark a passage: `span` of the text, else the whole block.

        Returns the bookmark, or a message for the user if that failed.
        """
        if not self._opened:
            return "Bookmarks are available once the article has loaded."
        passage = document.blocks[block]
        start, end = span or (passage.start, passage.end)
        anchor = Anchor.from_span(document.text, start, end)
        section = document.section_of(block).title
        try:
            return self._store.add_bookmark(self._stored_id(document), anchor, section, note)
        except StoreError as error:
            return f"The bookmark could not be saved: {error}."

    def edit_note(self, bookmark: Bookmark, note: str) -> str | None:
        """Change a bookmark's note; a message for the user if that failed."""
        try:
            self._store.update_note(bookmark.id, note)
        except StoreError as error:
            return f"The note could not be saved: {error}."
        return None

    def delete(self, bookmark: Bookmark) -> str | None:
        """Delete a bookmark (`restore` puts it back); a message for the user if that failed."""
        try:
            self._store.delete_bookmark(bookmark.id)
        except StoreError as error:
            return f"The bookmark could not be deleted: {error}."
        return None

    def restore(self, bookmark: Bookmark) -> Bookmark | str:
        """Put a deleted bookmark back (undo): it as stored now, or a message for the user.

        It keeps its creation time, and its id unless another reader has taken that.
        """
        try:
            return self._store.restore_bookmark(bookmark)
        except StoreError as error:
            return f"The bookmark could not be restored: {error}."

    def stored_bookmarks(self) -> list[Bookmark]:
        """This article's bookmarks, newest first. Store access: call it on the store's thread.

        Raises `StoreError` if they cannot be read.
        """
        return [] if self._document_id is None else self._store.bookmarks(self._document_id)

    def bookmarks(
        self, document: Document, budget: float | None = BUDGET
    ) -> list[tuple[Bookmark, int | None]]:
        """This article's bookmarks, newest first, each with its block now (None: orphaned).

        `stored_bookmarks`, then `locate` within `budget` seconds. Raises `StoreError`
        if they cannot be read.
        """
        return locate(self.stored_bookmarks(), document, budget)

    def read_sections(self, document: Document) -> set[Section]:
        """The sections the reader has read through before (none if that cannot be read)."""
        if self._document_id is None:
            return set()
        try:
            keys = self._store.read_sections(self._document_id)
        except StoreError:
            return set()
        return {section for section in document.sections if document.section_key(section) in keys}

    def mark_read(self, document: Document, sections: list[Section]) -> str | None:
        """Remember sections as read through; a message for the user if that failed."""
        if not self._opened or not self._store.writable or not sections:
            return None
        try:
            stored = self._stored_id(document)
            self._store.mark_read(stored, [document.section_key(s) for s in sections])
        except StoreError as error:
            return f"Reading progress could not be saved: {error}."
        return None

    def save(self, document: Document, block: int, progress: float) -> str | None:
        """Remember a passage as the place, and how far through the article it is
        (`ReadingProgress.fraction`); a message for the user if that failed."""
        if not self._opened or not self._store.writable or not document.blocks:
            return None
        passage = document.blocks[block]
        end = min(passage.end, passage.start + QUOTE_CHARS)
        anchor = Anchor.from_span(document.text, passage.start, max(end, passage.start + 1))
        try:
            self._store.save_position(self._stored_id(document), anchor, progress)
        except StoreError as error:
            return f"Your place could not be saved: {error}."
        return None


def _recognised(article: Recognised) -> str:
    """What the reader is told when an article is taken for one stored before."""
    where = "" if article.path is None else f" (last opened as {visible_path(article.path)})"
    title = visible_line(article.title)
    return f"Recognised as “{title}”{where}: your place and bookmarks follow."
