"""An EPUB book's contents and start: the EPUB 3 nav, the EPUB 2 NCX and guide.

Also the pieces `epub` shares: the hardened XML parser, href resolution and the
cleaning of the untrusted strings a book carries.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.entities import html5
from urllib.parse import unquote

from lxml import etree, html

OPS_TYPE = "{http://www.idpf.org/2007/ops}type"  # epub:type
# Entities stay unresolved (no billion laughs), DTDs and the network are never loaded.
XML_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    recover=True,
    load_dtd=False,
    dtd_validation=False,
)
HTML_PARSER = html.HTMLParser(no_network=True, recover=True, remove_comments=True)

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:|//")  # an external link: http:, mailto:, //host
# Terminal escape sequences (CSI and OSC, 7- and 8-bit): dropped whole, not just their ESC.
_ESCAPE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
)
_SPACES = (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x85)
# C0, DEL and C1 controls are dropped; the ones that separate words become spaces.
_CONTROLS: dict[int, str | None] = {
    **dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)]),
    **dict.fromkeys(_SPACES, " "),
}


@dataclass(frozen=True, slots=True)
class TocEntry:
    """One line of a book's contents; `href` is "" for a heading with no link."""

    label: str
    href: str
    fragment: str
    depth: int


def clean(text: str) -> str:
    """Untrusted text from a book as one line: escapes and controls dropped, spaces collapsed."""
    return " ".join(_ESCAPE.sub("", text).translate(_CONTROLS).split())


def visible(text: str, limit: int = 120) -> str:
    """A path from a book, fit for a one-line message."""
    text = clean(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_xml(data: bytes) -> etree._Element | None:
    """The root of an XML document, or None when nothing in it parses."""
    try:
        return etree.fromstring(data, XML_PARSER)
    except (etree.LxmlError, ValueError, LookupError):
        return None


def parse_markup(data: bytes) -> etree._Element | None:
    """An XHTML document's root, read as HTML when it is not XML enough."""
    root = parse_xml(data)
    if root is not None:
        return root
    try:
        return html.document_fromstring(data, parser=HTML_PARSER)
    except (etree.LxmlError, ValueError, LookupError):
        return None


def local(node: etree._Element) -> str:
    """An element's name without its namespace; "" for comments and the like."""
    tag = node.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def kids(node: etree._Element | None, name: str) -> list[etree._Element]:
    """The child elements called `name`."""
    return [] if node is None else [child for child in node if local(child) == name]


def first(node: etree._Element | None, name: str) -> etree._Element | None:
    """The first child element called `name`."""
    found = kids(node, name)
    return found[0] if found else None


def text_of(node: etree._Element | None) -> str:
    """The text inside an element: unresolved entities as HTML's, comments left out."""
    if node is None:
        return ""
    parts = []
    for each in node.iter():
        if isinstance(each, etree._Entity):
            parts.append(html5.get(f"{each.name};", ""))
        elif isinstance(each.tag, str):
            parts.append(each.text or "")
        if each is not node:
            parts.append(each.tail or "")
    return "".join(parts)


def resolve(doc: str, href: str) -> tuple[str, str] | None:
    """The zip member and fragment `href` in member `doc` points to; None for an external link."""
    if _SCHEME.match(href):
        return None
    path, _, fragment = href.partition("#")
    if not path:
        return doc, unquote(fragment)
    joined = posixpath.join(posixpath.dirname(doc), unquote(path))
    return posixpath.normpath(joined).lstrip("/"), unquote(fragment)


def _types(node: etree._Element) -> list[str]:
    return (node.get(OPS_TYPE) or node.get("epub:type") or "").split()


def _target(doc: str, href: str, spine: frozenset[str]) -> tuple[str, str] | None:
    found = resolve(doc, href.strip())
    return found if found and found[0] in spine else None


def _walk(
    items: list[etree._Element],
    children: Callable[[etree._Element], list[etree._Element]],
    entry: Callable[[etree._Element], tuple[str, str]],
    doc: str,
    spine: frozenset[str],
) -> tuple[TocEntry, ...]:
    """Flatten nested items in document order; `entry` gives an item's label and href."""
    entries = []
    stack = [(iter(items), 0)]
    while stack:
        level, depth = stack[-1]
        item = next(level, None)
        if item is None:
            stack.pop()
            continue
        label, href = entry(item)
        label = clean(label)
        target = _target(doc, href, spine) if href else ("", "")
        if label and target:
            entries.append(TocEntry(label, *target, depth))
        stack.append((iter(children(item)), depth + 1))
    kept: list[TocEntry] = []  # headings without a link keep only with an entry under them
    for each in reversed(entries):
        if each.href or (kept and kept[-1].depth > each.depth):
            kept.append(each)
    return tuple(reversed(kept))


def _navs(root: etree._Element) -> list[etree._Element]:
    return [node for node in root.iter() if local(node) == "nav"]


def _li(item: etree._Element) -> tuple[str, str]:
    link = first(item, "a")
    href = (link.get("href") or "") if link is not None else ""
    if href:
        return text_of(link), href
    heading = next((child for child in item if local(child) not in ("", "ol")), None)
    return text_of(heading), ""


def _li_children(item: etree._Element) -> list[etree._Element]:
    return kids(first(item, "ol"), "li")


def nav_contents(root: etree._Element, doc: str, spine: frozenset[str]) -> tuple[TocEntry, ...]:
    """The EPUB 3 nav's table of contents (the nav typed "toc", else the first)."""
    navs = _navs(root)
    nav = next((each for each in navs if "toc" in _types(each)), navs[0] if navs else None)
    if nav is None:
        return ()
    top = next((node for node in nav.iter() if local(node) == "ol"), None)
    return _walk(kids(top, "li"), _li_children, _li, doc, spine)


def _point(item: etree._Element) -> tuple[str, str]:
    content = first(item, "content")
    href = (content.get("src") or "") if content is not None else ""
    return text_of(first(first(item, "navLabel"), "text")), href


def ncx_contents(root: etree._Element, doc: str, spine: frozenset[str]) -> tuple[TocEntry, ...]:
    """The EPUB 2 NCX's navMap."""
    navmap = next((node for node in root.iter() if local(node) == "navMap"), None)
    return _walk(
        kids(navmap, "navPoint"), lambda point: kids(point, "navPoint"), _point, doc, spine
    )


def nav_start(root: etree._Element, doc: str, spine: frozenset[str]) -> tuple[str, str] | None:
    """The landmarks' "bodymatter" link, if it points into the spine."""
    for nav in _navs(root):
        if "landmarks" in _types(nav):
            for link in nav.iter():
                if local(link) == "a" and "bodymatter" in _types(link):
                    target = _target(doc, link.get("href") or "", spine)
                    if target:
                        return target
    return None


def guide_start(opf: etree._Element, doc: str, spine: frozenset[str]) -> tuple[str, str] | None:
    """The EPUB 2 guide's reference of type "text", if it points into the spine."""
    for ref in opf.iter():
        if local(ref) == "reference" and (ref.get("type") or "").strip().lower() == "text":
            target = _target(doc, ref.get("href") or "", spine)
            if target:
                return target
    return None
