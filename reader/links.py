"""Links in an article: where an href points, and the sections `#fragments` name."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

from reader.document import Document, Section
from reader.source import ARTICLE_SUFFIXES

WEB_SCHEMES = frozenset({"http", "https", "mailto"})
BOOK_LINK = "book-"  # a link within a book, to its target N: #book-N (see Source.anchors)

LinkKind = Literal["fragment", "file", "web", "other"]


@dataclass(frozen=True, slots=True)
class FileTarget:
    """A local file a link names, the section its #fragment names, and whether it is
    followed without asking: an article file in the linking article's own folder tree."""

    path: Path
    fragment: str
    trusted: bool


@dataclass(frozen=True, slots=True)
class WebLink:
    """A web page (or a mail address), opened in the browser once the reader agrees."""

    url: str


@dataclass(frozen=True, slots=True)
class Refused:
    """A link that is not followed, and what the reader is told."""

    reason: str


@dataclass(frozen=True, slots=True)
class Passage:
    """A block of this article a link leads to (a book's note, say)."""

    block: int


def resolve(
    href: str, document: Document, article: Path | None, anchors: tuple[int, ...] = ()
) -> Section | Passage | FileTarget | WebLink | Refused:
    """Where following a link in `document` (read from the file `article`) leads;
    `anchors`: where a book's links within itself (`#book-N`) lead, by text offset."""
    kind = classify(href)
    if kind == "fragment" and anchors:
        number = fragment_of(href).removeprefix(BOOK_LINK)
        if number.isdigit() and int(number) < len(anchors):
            return Passage(document.block_at_offset(anchors[int(number)]))
    if kind == "fragment":
        section = section_for_fragment(document, fragment_of(href))
        return section or Refused(f"No section here is called #{fragment_of(href)}.")
    if kind == "file":
        return file_target(href, article)
    if kind == "web":
        return WebLink(href)
    return Refused(f"Not followed: {href}")


def classify(href: str) -> LinkKind:
    """What following a link means: a section here, a local file, a web page, or nothing."""
    parts = urlsplit(href)
    if parts.scheme.lower() in WEB_SCHEMES:
        return "web"
    if parts.scheme or parts.netloc:
        return "other"  # file:, javascript:, data: and unknown schemes are never followed
    if not parts.path:
        return "fragment" if parts.fragment else "other"
    return "file"


def file_target(href: str, article: Path | None) -> FileTarget:
    """Where a link to a local file points, from the folder of the article it is in.

    Only a relative link to an article file (.md, .txt…) that stays inside that
    folder's tree, symbolic links resolved, is trusted; an absolute path, a way
    out with `..`, any other kind of file, or a link in an article read from
    standard input is not.
    """
    parts = urlsplit(href)
    written = Path(unquote(parts.path))
    folder = article.parent if article is not None else Path.cwd()
    path = (folder / written).resolve()
    trusted = (
        article is not None
        and not written.is_absolute()
        and path.suffix.lower() in ARTICLE_SUFFIXES
        and path.is_relative_to(folder.resolve())
    )
    return FileTarget(path, unquote(parts.fragment), trusted)


def fragment_of(href: str) -> str:
    return unquote(urlsplit(href).fragment)


def slug(title: str) -> str:
    """A heading's #fragment as GitHub makes it: lower case, punctuation dropped, spaces to -."""
    text = unicodedata.normalize("NFKC", title).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def section_for_fragment(document: Document, fragment: str) -> Section | None:
    """The section a `#fragment` names; repeated titles get -1, -2… as on GitHub."""
    wanted = fragment.lower()
    seen: dict[str, int] = {}
    for section in document.sections:
        if section.synthetic:
            continue
        base = slug(section.title)
        count = seen.get(base, 0)
        seen[base] = count + 1
        if (base if count == 0 else f"{base}-{count}") == wanted:
            return section
    return None
