"""A book as one Markdown article: its spine in order, each chapter's HTML made Markdown
by the converter web pages use, and where each table-of-contents entry starts in it.

An entry that points inside a chapter (`chapter.xhtml#sec2`) is found by a mark put
in the element with that id before conversion and taken out after, its offset kept;
so is the target of each link within the book (a note reference, a cross-reference),
which becomes `#book-N`.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from lxml import etree, html

from reader.document import normalize_newlines
from reader.links import BOOK_LINK
from reader.parsers.epub import Book, title_line
from reader.parsers.html_markdown import element_to_markdown, parser
from reader.parsers.html_tags import DROPPED
from reader.parsers.outline import Outline, OutlineEntry
from reader.source import ArticleError, decode_html

_MARK = re.compile("\ue001(\\d+)\ue002")
_STRAY = re.compile("[\ue001\ue002]")
# The XML declaration and a DOCTYPE with its internal subset, which an HTML parser would
# end at the subset's first ">" and show the rest ("]>") as text.
_PROLOG = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)?", re.I | re.S)
_XML_ENCODING = re.compile(rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)")
VOID = frozenset({"img", "br", "hr", "wbr", "input", "area", "col", "embed", "source"})
_EXTERNAL = ("http:", "https:", "mailto:")


class BookText(NamedTuple):
    """The book's Markdown, its table of contents by offset, where its body starts, and
    where each link within the book leads (`#book-N` is `anchors[N]`)."""

    text: str
    outline: Outline
    opening: int | None
    anchors: tuple[int, ...] = ()


def book_markdown(book: Book, name: str) -> BookText:
    """The book as Markdown (titled in front matter), its outline, the offset of its
    first body chapter (None: the book does not say) and of each link's target."""
    title = title_line(book.title, book.authors)
    # (Not the file's name for an untitled book: the text would change with the name, and
    # the place and bookmarks, found by the text, would not follow a renamed copy.)
    front = f"---\ntitle: {_yaml(title)}\n---\n\n" if title else ""
    bodies = {href: _body(book.chapters[href], href) for href in book.spine}
    # Targets, each a number: the contents' entries, the opening, then the links' targets.
    targets = [(entry.href, entry.fragment) for entry in book.toc]
    targets.append((book.start, book.start_fragment))
    links = _links(bodies)
    first_link = len(targets)
    targets.extend(links)
    wanted: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for number, (href, fragment) in enumerate(targets):
        wanted[href][fragment].append(number)
    pieces, found, length = [front], {}, len(front)
    for href in book.spine:
        ids = wanted.get(href, {})
        for number in ids.get("", []):
            found[number] = length
        markdown, marks = _chapter(bodies[href], ids)
        for number, offset in marks.items():
            found.setdefault(number, length + offset)
        for number in (n for fragment, ns in ids.items() if fragment for n in ns):
            found.setdefault(number, length)  # an id not found: the chapter's start
        if markdown:
            pieces.append(markdown + "\n\n")
            length += len(markdown) + 2
    text = "".join(pieces)
    opening = found.get(first_link - 1) if book.start else None
    anchors = tuple(found[number] for number in range(first_link, len(targets)))
    return BookText(text, _outline(book, found), opening, anchors)


def _outline(book: Book, found: dict[int, int]) -> Outline:
    """The entries found, in order; an entry without a link starts where the next does."""
    entries: list[OutlineEntry] = []
    waiting: list[tuple[int, str]] = []  # (depth, title) of entries with no link yet
    for number, entry in enumerate(book.toc):
        offset = found.get(number) if entry.href else None
        if offset is None:
            waiting.append((entry.depth, entry.label))
            continue
        entries.extend(OutlineEntry(offset, depth, title) for depth, title in waiting)
        waiting = []
        entries.append(OutlineEntry(offset, entry.depth, entry.label))
    return tuple(entries)


def _body(data: bytes, href: str) -> etree._Element | None:
    """A chapter's parsed body; None for one that is not text (an image in the spine)."""
    declared = _XML_ENCODING.match(data[:200])
    try:
        text, _ = decode_html(data, href, declared[1].decode("ascii") if declared else None)
    except ArticleError:
        return None
    root = _document(_STRAY.sub("", text))  # the book's own would be read as marks
    body = root.find("body")
    return root if body is None else body


def _links(bodies: dict[str, etree._Element | None]) -> list[tuple[str, str]]:
    """Each link within the book made `#book-N`, N its target's number in the list
    returned; a link to a file outside the reading order keeps its text only. A note
    reference reads "[1]" rather than a bare "1" run into the word before."""
    targets: dict[tuple[str, str], int] = {}
    for chapter, body in bodies.items():
        for anchor in body.iter("a") if body is not None else ():
            href = (anchor.get("href") or "").strip()
            if not href or href.lower().startswith(_EXTERNAL):
                continue
            target = _target(chapter, href)
            if target is None or target[0] not in bodies:
                del anchor.attrib["href"]
                continue
            anchor.set("href", f"#{BOOK_LINK}{targets.setdefault(target, len(targets))}")
            kinds = (anchor.get("epub:type") or "").split()
            label = (anchor.text or "").strip()
            if "noteref" in kinds and len(anchor) == 0 and label and not label.startswith("["):
                anchor.text = f"[{label}]"
    return list(targets)


def _target(chapter: str, href: str) -> tuple[str, str] | None:
    """The member and fragment a link in `chapter` points at; None for another scheme."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    member = (
        posixpath.normpath(posixpath.join(posixpath.dirname(chapter), path)) if path else chapter
    )
    return member, unquote(parts.fragment)


def _chapter(body: etree._Element | None, ids: dict[str, list[int]]) -> tuple[str, dict[int, int]]:
    """A chapter's body as Markdown, and the offset in it of each mark (by number)."""
    if body is None:
        return "", {}
    for element in body.iter():
        numbers = ids.get(element.get("id") or "") if isinstance(element.tag, str) else None
        if numbers and element.get("id"):
            _mark(element, "".join(f"\ue001{number}\ue002" for number in numbers))
    markdown = normalize_newlines(element_to_markdown(body)).strip("\n")
    offsets: dict[int, int] = {}
    kept: list[str] = []
    position = removed = 0
    for match in _MARK.finditer(markdown):
        kept.append(markdown[position : match.start()])
        offsets[int(match[1])] = match.start() - removed
        removed += len(match[0])
        position = match.end()
    kept.append(markdown[position:])
    return "".join(kept), offsets


def _mark(element: etree._Element, marks: str) -> None:
    """Put marks where an element's content starts (in its first child when it opens
    with one: a mark of its own would be a paragraph, and could change the structure
    around it); before an element that has none to show (an image, a rule)."""
    while not (element.text or "").strip() and len(element) and _opens_with_content(element):
        element = element[0]
    parent = element.getparent()
    if element.tag not in VOID or parent is None:
        element.text = marks + (element.text or "")
        return
    before = element.getprevious()
    if before is None:
        parent.text = (parent.text or "") + marks
    else:
        before.tail = (before.tail or "") + marks


def _opens_with_content(element: etree._Element) -> bool:
    first = element[0]
    return isinstance(first.tag, str) and first.tag not in VOID and first.tag not in DROPPED


def _document(text: str) -> etree._Element:
    """A chapter parsed as HTML (an XML declaration in a string is not an error)."""
    bare = _PROLOG.sub("", text, count=1) or "<p/>"
    try:
        return html.document_fromstring(bare, parser=parser())
    except (etree.ParserError, ValueError):
        return html.fromstring("<p/>")


def _yaml(value: str) -> str:
    """A one-line YAML string, quoted."""
    flat = " ".join(value.split())
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'
