"""Links in an article: where an href points, and the sections `#anchors` name."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

from reader.document import Document, Section
from reader.source import ARTICLE_SUFFIXES

LINKED_SUFFIXES = ARTICLE_SUFFIXES | {""}  # a link to a file with no suffix is plain text
WEB_SCHEMES = frozenset({"http", "https", "mailto"})

LinkKind = Literal["anchor", "article", "web", "other"]


def classify(href: str) -> LinkKind:
    """What following a link means: a section here, another article, a web page, or nothing."""
    parts = urlsplit(href)
    if parts.scheme.lower() in WEB_SCHEMES:
        return "web"
    if parts.scheme or parts.netloc:
        return "other"  # file:, javascript: and the like are never followed
    if not parts.path:
        return "anchor" if parts.fragment else "other"
    return "article" if Path(unquote(parts.path)).suffix.lower() in LINKED_SUFFIXES else "other"


def article_target(href: str, base: Path) -> tuple[Path, str]:
    """A relative link's file, from the folder of the article it is in, and its #anchor."""
    parts = urlsplit(href)
    return (base / unquote(parts.path)).resolve(), unquote(parts.fragment)


def anchor_of(href: str) -> str:
    return unquote(urlsplit(href).fragment)


def slug(title: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to -."""
    text = unicodedata.normalize("NFKC", title).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def section_for_anchor(document: Document, anchor: str) -> Section | None:
    """The section a `#anchor` names; repeated titles get -1, -2… as on GitHub."""
    wanted = anchor.lower()
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
