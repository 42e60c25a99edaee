"""The start of a large text file, read alone so its first screen need not wait for the rest.

Reading, decoding and normalising a whole file grows with its size (some 9 ms a MB),
while the first screen needs only its first few thousand characters. A UTF-8 text
file of HEAD_FROM bytes or more is opened from its first HEAD_BYTES: a `Source`
marked `head_only`, whose whole text the loader reads after the first frame. Any
file this cannot vouch for from its start (another encoding, a web page or a book,
something that is not a regular file) is read whole as before.
"""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import replace
from pathlib import Path

from reader.document import normalize_newlines
from reader.safe_text import visible_path
from reader.source import (
    BOOK_SUFFIXES,
    MARKDOWN_SUFFIXES,
    MAX_BYTES,
    Kind,
    Source,
    file_version,
    is_epub,
    is_page,
    load_path,
)

HEAD_FROM = 2 * 1024 * 1024  # files this large open from their start
HEAD_BYTES = 256 * 1024  # read for the first screens (the preview is 16K characters)


def load_start(path: Path) -> Source:
    """The article at `path`: its start only (`head_only`) when it is a large UTF-8 text
    file, else all of it (`source.load_path`). Raises ArticleError as that does."""
    return _head(path) or load_path(path)


def read_whole(source: Source) -> Source:
    """The whole article a `head_only` source is the start of (ArticleError if it cannot
    be read now). Reads the file: call it off the UI thread."""
    assert source.path is not None
    whole = load_path(source.path)
    return replace(whole, name=source.name)


def _head(path: Path) -> Source | None:
    suffix = path.suffix.lower()
    if suffix in BOOK_SUFFIXES:
        return None
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or not HEAD_FROM <= info.st_size <= MAX_BYTES:
            return None
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
        try:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode):
                return None
            data = os.read(descriptor, HEAD_BYTES)
        finally:
            os.close(descriptor)
    except OSError:
        return None  # read whole, which says what is wrong
    if len(data) < HEAD_BYTES or b"\x00" in data or is_epub(data) or is_page(suffix, data):
        return None
    try:  # (final=False: a character cut at the end is left out, not an error)
        text = codecs.getincrementaldecoder("utf-8-sig")().decode(data, final=False)
    except UnicodeDecodeError:
        return None  # another encoding: guessed from the whole file
    text = normalize_newlines(text[: text.rfind("\n") + 1])  # whole lines only
    if not text.strip():
        return None
    kind: Kind = "markdown" if suffix in MARKDOWN_SUFFIXES else "plain"
    name = visible_path(path.name)
    return Source(text, name, kind, path.resolve(), version=file_version(info), head_only=True)
