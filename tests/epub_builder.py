"""Build EPUB books in memory, for tests.

`simple_book(chapters, ...)` makes a whole valid book (EPUB 3 with a nav, or EPUB 2
with an NCX); `book_files(...)` gives the same book as a dict of members to change
before `build_epub(files)` zips it. `chapter(body)` wraps a body in an XHTML page.

    simple_book(
        [("text/one.xhtml", "<h1>One</h1><p>Text.</p>"),
         ("text/two.xhtml", '<h1 id="two">Two</h1><p>More.<a epub:type="noteref" href="#n1">1</a>'
                            '</p><aside epub:type="footnote" id="n1"><p>A note.</p></aside>')],
        toc=[("Part I", None, [("One", "text/one.xhtml"), ("Two", "text/two.xhtml#two")])],
        landmarks_start="text/one.xhtml",
    )

Chapters are (file name under OEBPS/, body markup); the body may use `epub:`
attributes. A toc item is (label, href) or (label, href, children): href None
makes a heading with no link (a <span> in the nav; in the NCX, a navPoint
pointing where its first child does). hrefs are written as given, relative to
the nav document (OEBPS/{nav_path}) or the NCX (OEBPS/toc.ncx); by default both
sit in OEBPS/. The default toc lists every chapter by its first heading.
`landmarks_start` is the nav's "bodymatter" landmark (EPUB 3) or the guide's
"text" reference (EPUB 2, relative to OEBPS/). `extra_files` (under OEBPS/)
go in the manifest but not the spine. Labels, title and authors are escaped,
their control characters written as character references (as a hostile book
would), so they reach the parser intact.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

OPF_PATH = "OEBPS/content.opf"
CONTAINER = """<?xml version="1.0" encoding="utf-8"?>
<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">
<rootfiles><rootfile full-path="{path}" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""
MEDIA_TYPES = {
    ".xhtml": "application/xhtml+xml",
    ".html": "application/xhtml+xml",
    ".css": "text/css",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".svg": "image/svg+xml",
    ".ncx": "application/x-dtbncx+xml",
    ".otf": "font/otf",
    ".ttf": "font/ttf",
}
_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.S)
_TAG = re.compile(r"<[^>]*>")

TocItem = tuple[str, str | None] | tuple[str, str | None, Sequence["TocItem"]]


def build_epub(
    files: dict[str, str | bytes],
    *,
    opf: str | None = None,
    opf_path: str = OPF_PATH,
    container: bool = True,
    mimetype: bool = True,
) -> bytes:
    """A zip of `files` (member -> text or bytes): the mimetype first and stored, then
    META-INF/container.xml naming `opf_path` (where `opf`, if given, is written over
    what `files` holds there)."""
    members: dict[str, str | bytes] = {}
    if mimetype:
        members["mimetype"] = "application/epub+zip"
    if container:
        members["META-INF/container.xml"] = CONTAINER.format(path=opf_path)
    members.update(files)
    if opf is not None:
        members[opf_path] = opf
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        for member, content in members.items():
            info = zipfile.ZipInfo(member, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = (
                zipfile.ZIP_STORED if member == "mimetype" else zipfile.ZIP_DEFLATED
            )
            book.writestr(info, content.encode() if isinstance(content, str) else content)
    return out.getvalue()


def escape(text: str) -> str:
    """Text for XML, its control characters as character references."""
    text = (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", lambda m: f"&#x{ord(m[0]):x};", text)


def chapter(body: str, *, title: str = "", language: str = "en", rtl: bool = False) -> str:
    """An XHTML page around `body` (the epub: prefix declared)."""
    direction = ' dir="rtl"' if rtl else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
        f' xml:lang="{language}" lang="{language}"{direction}>\n'
        f"<head><title>{escape(title)}</title></head>\n<body>{body}</body>\n</html>\n"
    )


def _first_href(item: TocItem) -> str | None:
    if item[1] is not None:
        return item[1]
    return next(filter(None, map(_first_href, item[2] if len(item) == 3 else ())), None)


def _nav_list(items: Sequence[TocItem]) -> str:
    lines = []
    for item in items:
        label, href = escape(item[0]), item[1]
        head = (
            f'<a href="{escape(href)}">{label}</a>' if href is not None else f"<span>{label}</span>"
        )
        children = _nav_list(item[2]) if len(item) == 3 and item[2] else ""
        lines.append(f"<li>{head}{children}</li>")
    return "<ol>" + "".join(lines) + "</ol>"


def _nav_points(items: Sequence[TocItem], counter: list[int]) -> str:
    points = []
    for item in items:
        counter[0] += 1
        href = _first_href(item)
        content = f'<content src="{escape(href)}"/>' if href is not None else ""
        children = _nav_points(item[2], counter) if len(item) == 3 else ""
        points.append(
            f'<navPoint id="p{counter[0]}" playOrder="{counter[0]}">'
            f"<navLabel><text>{escape(item[0])}</text></navLabel>{content}{children}</navPoint>"
        )
    return "".join(points)


def nav_document(toc: Sequence[TocItem], landmarks_start: str | None = None) -> str:
    """An EPUB 3 nav document: the toc nav and, given a start, the landmarks nav."""
    landmarks = (
        '<nav epub:type="landmarks"><ol><li>'
        f'<a epub:type="bodymatter" href="{escape(landmarks_start)}">Start</a></li></ol></nav>'
        if landmarks_start is not None
        else ""
    )
    return chapter(
        f'<nav epub:type="toc" id="toc"><h1>Contents</h1>{_nav_list(toc)}</nav>{landmarks}'
    )


def ncx_document(toc: Sequence[TocItem], title: str = "") -> str:
    """An EPUB 2 NCX whose navMap holds `toc`."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head/>'
        f"<docTitle><text>{escape(title)}</text></docTitle>"
        f"<navMap>{_nav_points(toc, [0])}</navMap></ncx>\n"
    )


def book_files(
    chapters: list[tuple[str, str]],
    *,
    toc: Sequence[TocItem] | None = None,
    ncx_only: bool = False,
    title: str = "A Book",
    author: str | Sequence[str] = "An Author",
    language: str = "en",
    landmarks_start: str | None = None,
    rtl: bool = False,
    extra_files: dict[str, str | bytes] | None = None,
    nav_path: str = "nav.xhtml",
) -> dict[str, str | bytes]:
    """The members of `simple_book`'s book (all under OEBPS/, the package included)."""
    authors = [author] if isinstance(author, str) else list(author)
    if toc is None:
        folder = posixpath.dirname("toc.ncx" if ncx_only else nav_path) or "."
        toc = []
        for name, body in chapters:
            heading = _HEADING.search(body)
            label = _TAG.sub("", heading[1]) if heading else name
            toc.append((label, quote(posixpath.relpath(name, folder))))
    files: dict[str, str | bytes] = {
        f"OEBPS/{name}": chapter(body, language=language, rtl=rtl) for name, body in chapters
    }
    manifest = [
        f'<item id="c{n}" href="{escape(quote(name))}" media-type="application/xhtml+xml"/>'
        for n, (name, _) in enumerate(chapters)
    ]
    for n, (name, content) in enumerate((extra_files or {}).items()):
        files[f"OEBPS/{name}"] = content
        kind = MEDIA_TYPES.get(posixpath.splitext(name)[1], "application/octet-stream")
        manifest.append(f'<item id="x{n}" href="{escape(quote(name))}" media-type="{kind}"/>')
    if ncx_only:
        files["OEBPS/toc.ncx"] = ncx_document(toc, title)
        manifest.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
        creators = "".join(f'<dc:creator opf:role="aut">{escape(a)}</dc:creator>' for a in authors)
    else:
        files[f"OEBPS/{nav_path}"] = nav_document(toc, landmarks_start)
        manifest.append(
            f'<item id="nav" href="{escape(quote(nav_path))}" properties="nav"'
            ' media-type="application/xhtml+xml"/>'
        )
        creators = "".join(
            f'<dc:creator id="a{n}">{escape(a)}</dc:creator>'
            f'<meta refines="#a{n}" property="role" scheme="marc:relators">aut</meta>'
            for n, a in enumerate(authors)
        )
    guide = (
        f'<guide><reference type="text" title="Start" href="{escape(landmarks_start)}"/></guide>'
        if ncx_only and landmarks_start is not None
        else ""
    )
    spine_attributes = (' toc="ncx"' if ncx_only else "") + (
        ' page-progression-direction="rtl"' if rtl else ""
    )
    itemrefs = "".join(f'<itemref idref="c{n}"/>' for n in range(len(chapters)))
    files[OPF_PATH] = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<package xmlns="http://www.idpf.org/2007/opf" version="{"2.0" if ncx_only else "3.0"}"'
        ' unique-identifier="uid">\n'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:opf="http://www.idpf.org/2007/opf">'
        '<dc:identifier id="uid">urn:uuid:00000000-0000-0000-0000-000000000000</dc:identifier>'
        f'<dc:title id="title">{escape(title)}</dc:title>{creators}'
        f"<dc:language>{escape(language)}</dc:language>"
        '<meta property="dcterms:modified">2020-01-01T00:00:00Z</meta></metadata>\n'
        f"<manifest>{''.join(manifest)}</manifest>\n"
        f"<spine{spine_attributes}>{itemrefs}</spine>\n{guide}</package>\n"
    )
    return files


def simple_book(chapters: list[tuple[str, str]], **options: Any) -> bytes:
    """A valid EPUB book of `chapters`; options as `book_files` (see the module docstring)."""
    return build_epub(book_files(chapters, **options))
