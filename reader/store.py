"""The state store: reading positions and bookmarks in one SQLite database.

One file in the user data directory (honours XDG_DATA_HOME), WAL mode,
every write in its own short transaction, the schema versioned with
`PRAGMA user_version` and brought up to date by migrations. Nothing here
deletes a user's data unasked: a corrupt file is moved aside, a newer schema
or a read-only directory is opened read-only, a directory that cannot be
used at all gives a store that keeps state for this session only, and so
does a file that is not a regular one, a link, or a directory of another
user (`reader.store_files`); a schema with anything in it we did not make
counts as damaged. `Store.warning` says which, for the user. A read or
write that fails later (the disk is full, the file was damaged meanwhile)
raises `StoreError` with a message for the user; a failed write changes
nothing. An article moved and then edited is recognised by a sketch of its
text; one whose file is gone can be re-attached or forgotten
(`reader.store_documents`).
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path

import platformdirs

from reader import store_documents as documents
from reader import store_files as files
from reader.anchoring import Anchor
from reader.records import Bookmark, Position, RecentDocument
from reader.store_documents import Recognised
from reader.store_schema import MIGRATIONS, SCHEMA_VERSION

DATABASE_NAME = "reader.db"


class StoreError(Exception):
    """Saved state that could not be read or changed; the message says why, for the user."""


def fingerprint(text: str) -> str:
    """Identity of an article's text, insensitive to line endings and trailing spaces."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    normalized = "\n".join(line.rstrip() for line in lines).strip("\n")
    return hashlib.sha256(normalized.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class Store:
    """Reading state for every article, in one SQLite database."""

    def __init__(self, connection: sqlite3.Connection, *, writable: bool, warning: str | None):
        self._db = connection
        self.writable = writable
        self.warning = warning

    @classmethod
    def open(cls, directory: Path | None = None) -> Store:
        """Open (or create) the store; never raises for a bad file or directory."""
        folder = directory or Path(platformdirs.user_data_dir("reader"))
        path = folder / DATABASE_NAME
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            problem = files.folder_problem(folder) or files.file_problem(path)
            if problem is not None:
                return cls._session_only(f"Nothing will be saved: {problem}.")
            return cls._open_file(path)
        except (OSError, sqlite3.Error, StoreError) as error:
            reason = getattr(error, "strerror", None) or files.reason(error)
            return cls._session_only(
                f"Nothing will be saved: the data directory {folder} cannot be used ({reason})."
            )

    @classmethod
    def _open_file(cls, path: Path) -> Store:
        warning = None
        if path.exists():
            version = files.schema_version(path, MIGRATIONS)
            if version is None:
                moved = files.move_aside(path)
                warning = (
                    f"The saved state was damaged; it was kept as {moved} and a new one started."
                )
            elif version > SCHEMA_VERSION:
                return cls(
                    files.connect_read_only(path),
                    writable=False,
                    warning=f"{path} was written by a newer reader; it is open read-only.",
                )
            elif not files.can_write(path):
                if version == 0:  # nothing stored yet: nothing to show
                    raise StoreError("it is read-only")
                return cls._read_only(path, f"{path} is read-only")
        if not path.exists():  # new, or the damaged one was just moved aside
            files.create_private(path)
        connection = files.connect(path, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA foreign_keys = ON")
            store = cls(connection, writable=True, warning=warning)
            store._migrate()
        except (sqlite3.Error, StoreError) as error:
            connection.close()
            if warning is None and path.stat().st_size:  # a sound file (a full disk, say)
                return cls._read_only(path, files.reason(error))
            raise
        return store

    @classmethod
    def _read_only(cls, path: Path, reason: str) -> Store:
        """The stored state, shown but never changed; `reason` says why it cannot be written."""
        warning = f"Nothing will be saved: {reason}; your bookmarks are shown as they were."
        return cls(files.connect_read_only(path), writable=False, warning=warning)

    @classmethod
    def _session_only(cls, warning: str) -> Store:
        """A store in memory: the reader works, nothing outlives the session."""
        store = cls(files.connect(":memory:", isolation_level=None), writable=True, warning=warning)
        store._migrate()
        return store

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction; takes the write lock at once so concurrent writers queue.

        Any failure (a full disk included) rolls the whole transaction back.
        """
        if not self.writable:
            raise StoreError("the saved state is open read-only")
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    with suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise StoreError(files.reason(error)) from error

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        try:
            yield self._db
        except sqlite3.Error as error:
            raise StoreError(files.reason(error)) from error

    def _migrate(self) -> None:
        if self._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
            return  # up to date: opening writes nothing
        with self._write() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]  # another may have begun
            for step in MIGRATIONS[version:]:
                for statement in step.split(";"):
                    if statement.strip():
                        db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- documents ----------------------------------------------------------

    def document(
        self,
        identity: str,
        path: Path | None,
        title: str,
        sketch: bytes | None = None,
        *,
        adopt: int | None = None,
    ) -> int:
        """The id of an article's state, creating it if new; `identity` is its `fingerprint`.

        The same text at a new path keeps its state (the file moved); new text
        at a known path keeps it too (the file was edited; anchors re-find
        their passages); else the article `adopt` (from `similar_document`: moved
        and edited) becomes this one. Nothing is deleted because a file is missing.
        `sketch` (`reader.similarity.sketch`) is kept to recognise the text later.
        """
        stored_path, title = files.stored_path(path), files.storable(title)
        now = time.time()
        if not self.writable:
            found = self.find_document(identity, path)
            found = adopt if found is None else found
            return -1 if found is None else found
        with self._write() as db:
            found = self._find_document(identity, stored_path)
            if found is None and adopt is not None:
                row = db.execute("SELECT id FROM documents WHERE id = ?", (adopt,)).fetchone()
                found = None if row is None else adopt
            if found is None:
                cursor = db.execute(
                    "INSERT INTO documents (fingerprint, path, title, opened_at, sketch)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (identity, stored_path, title, now, sketch),
                )
                return int(cursor.lastrowid or 0)
            db.execute(
                "UPDATE documents SET fingerprint = ?, path = coalesce(?, path), title = ?,"
                " opened_at = ?, sketch = coalesce(?, sketch) WHERE id = ?",
                (identity, stored_path, title, now, sketch, found),
            )
            return found

    def similar_document(self, sketch: bytes, title: str) -> Recognised | None:
        """The stored article most like this text whose file is gone, if one is alike enough."""
        with self._read() as db:
            return documents.similar(db, sketch, files.storable(title))

    def reattach(self, document: int, path: Path) -> None:
        """An article's file is now at `path` (see `store_documents.reattach`)."""
        with self._write() as db:
            documents.reattach(db, document, files.stored_path(path))

    def forget(self, document: int) -> None:
        """Delete an article's state: its place, bookmarks and sections read."""
        with self._write() as db:
            documents.forget(db, document)

    def find_document(self, identity: str, path: Path | None) -> int | None:
        """The id of an article's state if it has any (never creates one)."""
        with self._read():
            return self._find_document(identity, files.stored_path(path))

    def document_info(self, document: int) -> tuple[str, str | None]:
        """An article's title and last known path."""
        with self._read() as db:
            row = db.execute("SELECT title, path FROM documents WHERE id = ?", (document,))
            title, path = row.fetchone() or ("(unknown article)", None)
        return title, files.shown_path(path)

    def _find_document(self, identity: str, path: str | bytes | None) -> int | None:
        query = "SELECT id FROM documents WHERE fingerprint = ? ORDER BY opened_at DESC LIMIT 1"
        row = self._db.execute(query, (identity,)).fetchone()
        if row is None and path is not None:
            query = "SELECT id FROM documents WHERE path = ? ORDER BY opened_at DESC LIMIT 1"
            row = self._db.execute(query, (path,)).fetchone()
        return None if row is None else int(row[0])

    def recent(self, limit: int = 20) -> list[RecentDocument]:
        with self._read() as db:
            rows = db.execute(
                "SELECT id, title, path, opened_at, progress FROM documents"
                " ORDER BY opened_at DESC LIMIT ?",
                (limit,),
            )
            return [RecentDocument(i, t, files.shown_path(p), o, r) for i, t, p, o, r in rows]

    # -- positions ----------------------------------------------------------

    def save_position(self, document: int, anchor: Anchor, progress: float) -> None:
        with self._write() as db:
            db.execute(
                'INSERT INTO positions (document_id, start, "end", exact, prefix, suffix)'
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (document_id) DO UPDATE SET"
                ' start = excluded.start, "end" = excluded."end", exact = excluded.exact,'
                " prefix = excluded.prefix, suffix = excluded.suffix",
                (document, *_anchor_row(anchor)),
            )
            db.execute("UPDATE documents SET progress = ? WHERE id = ?", (progress, document))

    def position(self, document: int) -> Position | None:
        with self._read() as db:
            row = db.execute(
                'SELECT start, "end", exact, prefix, suffix FROM positions WHERE document_id = ?',
                (document,),
            ).fetchone()
        return None if row is None else Position(Anchor(*row))

    # -- sections read --------------------------------------------------------

    def mark_read(self, document: int, sections: list[str]) -> None:
        """Remember sections (`Document.section_key`) as read through."""
        now = time.time()
        with self._write() as db:
            db.executemany(
                "INSERT OR IGNORE INTO read_sections (document_id, section, read_at)"
                " VALUES (?, ?, ?)",
                [(document, files.storable(section), now) for section in sections],
            )

    def read_sections(self, document: int) -> set[str]:
        with self._read() as db:
            rows = db.execute(
                "SELECT section FROM read_sections WHERE document_id = ?", (document,)
            ).fetchall()
        return {row[0] for row in rows}

    # -- bookmarks ----------------------------------------------------------

    def add_bookmark(self, document: int, anchor: Anchor, section: str, note: str = "") -> Bookmark:
        now = time.time()
        with self._write() as db:
            cursor = db.execute(
                'INSERT INTO bookmarks (document_id, start, "end", exact, prefix, suffix,'
                " section, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (document, *_anchor_row(anchor), *_texts(section, note), now),
            )
        return Bookmark(int(cursor.lastrowid or 0), document, anchor, section, note, now)

    def bookmarks(self, document: int | None = None) -> list[Bookmark]:
        """Bookmarks of one document (or all), newest first."""
        query = (
            'SELECT id, document_id, start, "end", exact, prefix, suffix, section, note,'
            " created_at FROM bookmarks"
        )
        order = " ORDER BY created_at DESC, id DESC"
        with self._read() as db:
            if document is None:
                rows = db.execute(query + order).fetchall()
            else:
                rows = db.execute(query + " WHERE document_id = ?" + order, (document,)).fetchall()
        return [Bookmark(row[0], row[1], Anchor(*row[2:7]), *row[7:]) for row in rows]

    def update_note(self, bookmark: int, note: str) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE bookmarks SET note = ? WHERE id = ?", (files.storable(note), bookmark)
            )

    def delete_bookmark(self, bookmark: int) -> None:
        with self._write() as db:
            db.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark,))

    def restore_bookmark(self, bookmark: Bookmark) -> Bookmark:
        """Put a deleted bookmark back with its creation time (undo); returns it as stored.

        It keeps its id unless another reader has since given that id to a new bookmark.
        """
        with self._write() as db:
            taken = db.execute("SELECT 1 FROM bookmarks WHERE id = ?", (bookmark.id,)).fetchone()
            cursor = db.execute(
                'INSERT INTO bookmarks (id, document_id, start, "end", exact, prefix, suffix,'
                " section, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    None if taken else bookmark.id,
                    bookmark.document_id,
                    *_anchor_row(bookmark.anchor),
                    *_texts(bookmark.section, bookmark.note),
                    bookmark.created_at,
                ),
            )
        return replace(bookmark, id=int(cursor.lastrowid or bookmark.id))


def _anchor_row(anchor: Anchor) -> tuple[int, int, str, str, str]:
    exact, prefix, suffix = _texts(anchor.exact, anchor.prefix, anchor.suffix)
    return (anchor.start, anchor.end, exact, prefix, suffix)


def _texts(*texts: str) -> tuple[str, ...]:
    return tuple(files.storable(text) for text in texts)
