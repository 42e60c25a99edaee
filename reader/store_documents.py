"""Stored articles recognised by their text, re-attached to a file, or forgotten.

Queries on a connection of `reader.store.Store`, which runs each in its transaction.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass

from reader.similarity import similarity
from reader.store_files import shown_path

ADOPT_AT = 0.4  # estimated Jaccard similarity of word shingles (see `reader.similarity`)
CANDIDATES = 200  # stored articles compared with a new one, same title first, then latest


@dataclass(frozen=True, slots=True)
class Recognised:
    """A stored article whose file is gone, found again in a new one by its text."""

    id: int
    title: str
    path: str | None  # where it was last opened
    similarity: float


def similar(db: sqlite3.Connection, sketch: bytes, title: str) -> Recognised | None:
    """The stored article most like `sketch` whose file is gone, if any is alike enough.

    One whose file is still there is never taken: a copy, edited, is another article.
    """
    rows = db.execute(
        "SELECT id, title, path, sketch FROM documents WHERE typeof(sketch) = 'blob'"
        " ORDER BY title = ? DESC, opened_at DESC LIMIT ?",
        (title, CANDIDATES),
    )
    best = None
    for document, stored_title, path, stored in rows:
        score = similarity(sketch, stored)
        better = score >= ADOPT_AT and (best is None or score > best.similarity)
        if better and (path is None or not os.path.exists(path)):
            best = Recognised(document, stored_title, shown_path(path), score)
    return best


def reattach(db: sqlite3.Connection, document: int, path: str | bytes | None) -> None:
    """The article's file is now `path`; what was stored for that path since joins it.

    Its own place is kept (the other's only if it had none), bookmarks and sections
    read are put together, and the text last read there is what it is known by now.
    """
    others = db.execute(
        "SELECT id, fingerprint, title, sketch, opened_at FROM documents"
        " WHERE path = ? AND id != ? ORDER BY opened_at",
        (path, document),
    ).fetchall()
    for other, identity, title, sketch, opened_at in others:
        db.execute("UPDATE bookmarks SET document_id = ? WHERE document_id = ?", (document, other))
        for table, columns in _MOVED:
            db.execute(
                f"INSERT OR IGNORE INTO {table} (document_id, {columns})"
                f" SELECT ?, {columns} FROM {table} WHERE document_id = ?",
                (document, other),
            )
        db.execute(
            "UPDATE documents SET fingerprint = ?, title = ?, sketch = coalesce(?, sketch),"
            " opened_at = max(opened_at, ?) WHERE id = ?",
            (identity, title, sketch, opened_at, document),
        )
        forget(db, other)
    db.execute("UPDATE documents SET path = ? WHERE id = ?", (path, document))


def forget(db: sqlite3.Connection, document: int) -> None:
    """Delete an article's place, bookmarks, sections read and row."""
    for table in ("positions", "bookmarks", "read_sections"):
        db.execute(f"DELETE FROM {table} WHERE document_id = ?", (document,))
    db.execute("DELETE FROM documents WHERE id = ?", (document,))


_MOVED = (  # a merged article's rows that the one it joins keeps unless it has its own
    ("positions", 'start, "end", exact, prefix, suffix'),
    ("read_sections", "section, read_at"),
)
