"""Web articles kept for offline reading, in the user data directory.

Each address has one copy, `pages/<name>-<hash>.md` (`.txt` for plain text), its
name made from the address: a web page as the Markdown article found in it, a
Markdown or text file as it came. Beside it, `<same>.json` says where it came
from and when. A copy is replaced only once its successor is wholly written, so
a refresh that fails leaves the old one. The reader's place and bookmarks follow
the copy's path, like any file's.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import platformdirs

from reader.document import normalize_newlines
from reader.safe_text import visible_line
from reader.source import ArticleError, decode, decode_html, html_codec

if TYPE_CHECKING:
    from reader.fetch import Fetched

FOLDER = "pages"


@dataclass(frozen=True, slots=True)
class SavedPage:
    """A kept copy of a web article."""

    path: Path
    url: str  # where it came from, after redirects
    title: str
    saved_at: float
    requested: str = ""  # the address asked for, which names the copy ("" if the same)


def pages_dir() -> Path:
    return Path(platformdirs.user_data_dir("reader")) / FOLDER


def copy_of(url: str) -> SavedPage | None:
    """The kept copy of the article at `url`, if there is one."""
    for suffix in (".md", ".txt"):
        path = _path(url, suffix)
        if path.is_file():
            saved = described(path)
            return saved or SavedPage(path, url, path.stem, path.stat().st_mtime, url)
    return None


def described(path: Path) -> SavedPage | None:
    """What the sidecar of a kept copy says of it (None: not a kept copy, or unreadable)."""
    try:
        about = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        url, requested = str(about["url"]), str(about.get("requested") or about["url"])
        return SavedPage(path, url, str(about["title"]), float(about["saved_at"]), requested)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def address_of(path: str | Path) -> str | None:
    """The web address a file is the kept copy of (None: not a kept copy)."""
    path = Path(path)
    if path.parent.resolve() != pages_dir().resolve():  # (the data directory may be a link)
        return None
    saved = described(path)
    return saved.url if saved is not None else None


def keep(requested: str, fetched: Fetched) -> SavedPage:
    """Make the downloaded article the kept copy for `requested` (slow for a web page:
    its article is found first). Raises ArticleError if there is none, OSError if the
    copy cannot be written."""
    text, suffix, title = _article(fetched)
    path = _path(requested, suffix)
    path.parent.mkdir(parents=True, exist_ok=True)
    saved = SavedPage(path, fetched.url, title, time.time(), requested)
    _write(path, text)
    for other in (".md", ".txt"):  # a copy of another kind, from before, goes
        if other != suffix:
            _path(requested, other).unlink(missing_ok=True)
    about = {"url": saved.url, "requested": requested, "title": title, "saved_at": saved.saved_at}
    _write(path.with_suffix(".json"), json.dumps(about, ensure_ascii=False, indent=1))
    return saved


def _article(fetched: Fetched) -> tuple[str, str, str]:
    """The text to keep, its suffix and its title."""
    name = visible_line(fetched.url)
    if fetched.media_type in ("text/html", "application/xhtml+xml"):
        from reader.parsers.web_page import NoArticle, page_markdown, read_page

        markup, _ = decode_html(fetched.data, name, fetched.charset)
        try:
            page = read_page(markup, fetched.url)
        except NoArticle as error:
            raise ArticleError(f"{name}: {error}") from None
        return page_markdown(page), ".md", page.title
    text = _decode_text(fetched, name)
    markdown = fetched.media_type in ("text/markdown", "text/x-markdown") or (
        fetched.url.split("?")[0].lower().endswith((".md", ".markdown"))
    )
    first = next((line.strip("# ") for line in text.split("\n") if line.strip()), "")
    return text, ".md" if markdown else ".txt", visible_line(first[:120]) or name


def _decode_text(fetched: Fetched, name: str) -> str:
    codec = html_codec(fetched.charset) if fetched.charset else None
    if codec is not None:
        return normalize_newlines(fetched.data.decode(codec, errors="replace"))
    return decode(fetched.data, name)[0]


def _path(url: str, suffix: str) -> Path:
    try:
        parts = urlsplit(url)
        readable = f"{parts.hostname or ''}{parts.path}"
    except ValueError:  # (a malformed address: its hash names it alone)
        readable = "page"
    name = re.sub(r"[^\w]+", "-", readable, flags=re.ASCII)
    digest = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return pages_dir() / f"{name.strip('-')[:60]}-{digest}{suffix}"


def _write(path: Path, text: str) -> None:
    """Write a whole file, or leave the one there as it was."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
