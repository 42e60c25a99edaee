"""The library: articles the reader can open, from recent reading, a folder and the bundle.

`gather` looks at the file system (it stats, walks and reads the start of files
without a suffix), so it runs in a worker, given what the store knows.
An article read before whose file is gone stays listed, marked missing: the
library screen can re-attach it to its file's new path or forget it. The screen
only says what was chosen (`Open`, `Reattach`, `Forget`); `apply` does it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.safe_text import visible_line, visible_path
from reader.saved_pages import address_of
from reader.source import (
    ARTICLE_SUFFIXES,
    BOOK_SUFFIXES,
    bundled_articles_dir,
    looks_like_text,
)
from reader.store import RecentDocument, Store, StoreError

FOLDER_LIMIT = 2000  # articles listed from a folder (and its subfolders)
FOLDERS_LIMIT = 500  # folders looked into for them
RECENT_LIMIT = 30
SNIFF_BYTES = 4096  # read of a file without a suffix to tell whether it is text


@dataclass(frozen=True, slots=True)
class Entry:
    """An article to open, with what the store knows of it."""

    title: str
    path: Path
    progress: float | None = None  # 0..1, if it has been read
    opened_at: float | None = None  # when it was last read
    document: int | None = None  # its id in the store, if it has been read
    missing: bool = False  # its file is gone (read before, then moved or deleted)
    address: str = ""  # the web address it is the kept copy of, if it is one


Shelf = tuple[str, list[Entry]]  # a heading and its articles


@dataclass(frozen=True, slots=True)
class Open:
    """Read the article at `path`."""

    path: Path


@dataclass(frozen=True, slots=True)
class Reattach:
    """A stored article's file is now at `path`."""

    document: int
    path: Path


@dataclass(frozen=True, slots=True)
class Forget:
    """Delete what is stored of an article: its place, bookmarks and sections read."""

    document: int


def gather(read: Sequence[RecentDocument], folder: Path | None) -> list[Shelf]:
    """Recently read articles, then the folder's, then the bundled ones (empty shelves left out).

    `read` is what the store lists as recently read (`Store.recent`).
    """
    recent: dict[Path, Entry] = {}
    for document in read:
        if document.path:  # not one read from standard input
            path, missing = Path(document.path), not os.path.isfile(document.path)
            known = (document.progress, document.opened_at, document.id)
            address = address_of(path) or ""
            entry = Entry(document.title, path, *known, missing=missing, address=address)
            recent.setdefault(path, entry)
    shelves: list[Shelf] = [("Recently read", list(recent.values()))]
    if folder is not None:
        shelves.append((f"In {visible_path(folder)}", _entries(_articles_in(folder), recent)))
    bundled = sorted(bundled_articles_dir().glob("*"))
    shelves.append(("Bundled with reader", _entries(bundled, recent)))
    return [(heading, entries) for heading, entries in shelves if entries]


def _articles_in(folder: Path) -> list[Path]:
    """Article files under a folder, by path; hidden files and folders left out.

    An article is a file with an article suffix, or a text file with no suffix at
    all (README, NEWS, LICENSE), which `reader FILE` opens as well.
    """
    found: list[Path] = []
    for visited, (root, folders, files) in enumerate(os.walk(folder)):
        if visited >= FOLDERS_LIMIT:  # `reader ~` must not walk the whole disk
            break
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            suffix = Path(name).suffix.lower()
            if suffix in ARTICLE_SUFFIXES or (not suffix and _is_text(Path(root) / name)):
                found.append(Path(root) / name)
                if len(found) >= FOLDER_LIMIT:
                    return found
    return found


def _is_text(path: Path) -> bool:
    """A regular, non-executable file whose start reads as text (not a script)."""
    try:  # not blocking: a named pipe must not hold the walk up
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_mode & 0o111:
            return False
        sample = os.read(descriptor, SNIFF_BYTES)
    except OSError:
        return False
    finally:
        os.close(descriptor)
    return not sample.startswith(b"#!") and looks_like_text(sample)


def _entries(paths: list[Path], recent: dict[Path, Entry]) -> list[Entry]:
    entries = []
    for path in paths:
        known = recent.get(path.resolve())
        if known is not None:
            entries.append(known)
        else:
            entries.append(Entry(_unread_title(path), path.resolve()))
    return entries


def _unread_title(path: Path) -> str:
    """What to call an article not read yet: a book by its title and author, any other
    by its file name."""
    if path.suffix.lower() in BOOK_SUFFIXES:
        from reader.parsers.epub import book_title

        title = book_title(path)
        if title:
            return title
    return path.stem.replace("-", " ").replace("_", " ")


def apply(store: Store, choice: Reattach | Forget) -> str:
    """Re-attach or forget a stored article; what was done (or why not), for the user."""
    done = "forgotten" if isinstance(choice, Forget) else "re-attached"
    try:
        title = f"“{visible_line(store.document_info(choice.document)[0])}”"
        if isinstance(choice, Forget):
            store.forget(choice.document)
            return f"{title} is forgotten, with its place and bookmarks."
        if not os.path.isfile(choice.path):
            return f"{visible_path(choice.path)} is not a file: {title} is still missing."
        store.reattach(choice.document, choice.path)
    except StoreError as error:
        return f"The article could not be {done}: {error}."
    return f"{title} is now {visible_path(choice.path)}: its place and bookmarks follow."
