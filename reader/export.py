"""Bookmarks and reading history as text, Markdown or W3C Web Annotation JSON.

Everything from an article or a note is untrusted: control characters are
made visible in text and Markdown, and escaped in JSON.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader.progress import read_label
from reader.records import quote_line
from reader.safe_text import visible, visible_line
from reader.store import Bookmark, RecentDocument

FORMATS = ("text", "json", "markdown")
_UNSAFE_IN_JSON = {
    code: f"\\u{code:04x}"
    for code in (
        *range(0x7F, 0xA0),
        *(0x061C, 0x200E, 0x200F),
        *range(0x2028, 0x202F),
        *range(0x2066, 0x206A),
    )
}


@dataclass(frozen=True, slots=True)
class Entry:
    """A bookmark with its article, and whether its passage is still in the text."""

    bookmark: Bookmark
    title: str
    path: str | None
    orphaned: bool = False


def bookmarks(entries: Sequence[Entry], form: str) -> str:
    """Bookmarks in one of FORMATS."""
    if form == "json":
        return _json([_annotation(entry) for entry in entries])
    if form == "markdown":
        return _markdown(entries)
    return _text(entries)


def recent(documents: Sequence[RecentDocument], addresses: Mapping[str, str] | None = None) -> str:
    """One line per article that can be opened again: progress, when last read, title and
    path (a kept web article's address, from `addresses` by path). (One read from
    standard input has no file to reopen: its place and bookmarks come back when the
    same text is piped in again.)"""
    lines = []
    for document in documents:
        if not document.path:
            continue
        when = _local(document.opened_at).strftime("%Y-%m-%d %H:%M")
        read = read_label(document.progress)
        where = visible_line((addresses or {}).get(document.path, document.path))
        lines.append(f"{read:>9}  {when}  {visible_line(document.title)}  {where}")
    return "\n".join(lines) if lines else "No articles read yet."


def _text(entries: Sequence[Entry]) -> str:
    if not entries:
        return "No bookmarks."
    lines: list[str] = []
    article = None
    for entry in entries:
        if (entry.title, entry.path) != article:
            article = (entry.title, entry.path)
            where = f"  ({visible_line(entry.path)})" if entry.path else ""
            if lines:
                lines.append("")
            lines.append(f"{visible_line(entry.title)}{where}")
        bookmark = entry.bookmark
        first_line = quote_line(bookmark.anchor.exact)
        status = "  [orphaned: passage not found]" if entry.orphaned else ""
        when = f"{_local(bookmark.created_at):%Y-%m-%d %H:%M}"
        lines.append(f"  {visible_line(bookmark.section)} · {when}{status}")
        lines.append(f"    “{first_line}”")
        if bookmark.note:
            lines.append(f"    note: {visible_line(bookmark.note)}")
    return "\n".join(lines)


# A Markdown heading's markup around its title: "## " before, or a "---" underline.
_HEADING_MARKUP = re.compile(r"^\s*#{1,6}[ \t]+|[ \t]+#+\s*$|\n[ \t]*[=-]+\s*$")


def _words(text: str) -> str:
    return " ".join(text.split())


def _markdown(entries: Sequence[Entry]) -> str:
    out = ["# Bookmarks"]
    article = None
    for entry in entries:
        if (entry.title, entry.path) != article:
            article = (entry.title, entry.path)
            out.append(f"\n## {visible_line(entry.title)}")
        bookmark = entry.bookmark
        out.append(f"\n### {visible_line(bookmark.section)}\n")
        quote = visible(bookmark.anchor.exact.strip())
        if _words(_HEADING_MARKUP.sub("", quote)) != _words(visible_line(bookmark.section)):
            out.extend(f"> {line}".rstrip() for line in quote.split("\n"))  # (a heading: once)
        if entry.orphaned:
            out.append("\n*This passage is no longer in the article.*")
        if bookmark.note:
            out.append(f"\n{visible(bookmark.note)}")
    return "\n".join(out)


def _annotation(entry: Entry) -> dict[str, object]:
    bookmark = entry.bookmark
    anchor = bookmark.anchor
    annotation: dict[str, object] = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": f"urn:reader:bookmark:{bookmark.id}",
        "type": "Annotation",
        "motivation": "bookmarking",
        "created": datetime.fromtimestamp(bookmark.created_at, UTC).isoformat(),
        "target": {
            "source": (
                Path(entry.path).as_uri()
                if entry.path
                else f"urn:reader:article:{bookmark.document_id}"
            ),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": anchor.exact,
                    "prefix": anchor.prefix,
                    "suffix": anchor.suffix,
                },
                {"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end},
            ],
        },
    }
    if bookmark.note:
        annotation["body"] = {
            "type": "TextualBody",
            "value": bookmark.note,
            "purpose": "commenting",
        }
    return annotation


def _json(value: object) -> str:
    """JSON with non-ASCII text kept readable but terminal-unsafe characters escaped."""
    return json.dumps(value, ensure_ascii=False, indent=2).translate(_UNSAFE_IN_JSON)


def _local(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp).astimezone()
