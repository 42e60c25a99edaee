"""Read an EPUB book's structure: metadata, spine, chapters, contents and start.

Pure: the book comes in as bytes and is read within limits (no member past
MEMBER_LIMIT, no more than TOTAL_LIMIT in all), its XML with a parser that loads
no DTD, entity or network resource. What is wrong with a book is a `BookError`
with a one-line message. Every string taken from the book is cleaned of
controls but not escaped: the caller shows it as visible text.
"""

from __future__ import annotations

import io
import lzma
import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from reader.parsers.epub_toc import (
    TocEntry,
    clean,
    guide_start,
    kids,
    local,
    nav_contents,
    nav_start,
    ncx_contents,
    parse_markup,
    parse_xml,
    resolve,
    text_of,
    visible,
)
from reader.source import ArticleError

__all__ = [
    "MEMBER_LIMIT",
    "TOTAL_LIMIT",
    "Book",
    "BookError",
    "TocEntry",
    "book_title",
    "read_book",
    "title_line",
]

MEMBER_LIMIT = 64 * 1024 * 1024  # bytes one member may inflate to
TOTAL_LIMIT = 256 * 1024 * 1024  # bytes all the members read may inflate to together
CONTAINER = "META-INF/container.xml"
ENCRYPTION = "META-INF/encryption.xml"
RIGHTS = "META-INF/rights.xml"
# Font obfuscation (IDPF, Adobe) hides fonts, not text: a book using it is not locked.
FONT_OBFUSCATION = frozenset(
    {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
)
FONT_SUFFIXES = (".otf", ".ttf", ".woff", ".woff2")
NCX_TYPE = "application/x-dtbncx+xml"
OPF_ROLE = "{http://www.idpf.org/2007/opf}role"
# What a damaged or unusual zip raises; RuntimeError: a password wanted, a compression
# method zipfile cannot read (NotImplementedError).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    OSError,
    ValueError,
    RuntimeError,
)


class BookError(ArticleError):
    """A book that cannot be opened; the message says why, in one line."""


@dataclass(frozen=True, slots=True)
class Book:
    """An EPUB book's metadata, reading order, chapters' bytes, contents and start."""

    title: str
    authors: tuple[str, ...]
    language: str
    rtl: bool
    spine: tuple[str, ...]
    chapters: dict[str, bytes]
    toc: tuple[TocEntry, ...]
    start: str
    start_fragment: str


def _megabytes(size: int) -> str:
    return f"{size // 2**20} MB" if size >= 2**20 else f"{size} bytes"


class _Archive:
    """The book's zip, its members read within MEMBER_LIMIT and TOTAL_LIMIT."""

    def __init__(self, data: bytes | Path, name: str) -> None:
        self.name = name
        self.total = 0
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data)
        except _ZIP_ERRORS as error:
            raise BookError(f"{name} is not an EPUB book (not a zip archive)") from error
        self.members = frozenset(self.zip.namelist())

    def read(self, member: str) -> bytes:
        """A member's bytes; BookError for a zip bomb or a damaged member."""
        name, shown = self.name, visible(member)
        info = self.zip.getinfo(member)
        bomb = f"{name}: {shown} inflates past {_megabytes(MEMBER_LIMIT)}; refused as a zip bomb"
        if info.file_size > MEMBER_LIMIT:
            raise BookError(bomb)
        if info.flag_bits & 0x1:
            raise BookError(f"{name}: {shown} is password-protected; reader cannot open it")
        try:
            with self.zip.open(info) as member_file:
                data = member_file.read(MEMBER_LIMIT + 1)
        except _ZIP_ERRORS as error:
            raise BookError(f"{name}: {shown} is damaged and cannot be read") from error
        if len(data) > MEMBER_LIMIT:
            raise BookError(bomb)
        self.total += len(data)
        if self.total > TOTAL_LIMIT:
            raise BookError(
                f"{name}: its files inflate past {_megabytes(TOTAL_LIMIT)}; refused as a zip bomb"
            )
        return data

    def xml(self, member: str) -> etree._Element:
        """A member parsed as XML; BookError when nothing in it parses."""
        root = parse_xml(self.read(member))
        if root is None:
            raise BookError(f"{self.name}: its {visible(member)} is not readable XML")
        return root


def _all(root: etree._Element, name: str) -> list[etree._Element]:
    return [node for node in root.iter() if local(node) == name]


def _package_path(archive: _Archive) -> str:
    name = archive.name
    if CONTAINER not in archive.members:
        raise BookError(f"{name} is not an EPUB book (no {CONTAINER})")
    paths = (node.get("full-path") for node in _all(archive.xml(CONTAINER), "rootfile"))
    path = next((each for each in paths if each), None)
    if path is None:
        raise BookError(f"{name}: its {CONTAINER} names no package file")
    path = posixpath.normpath(path).lstrip("/")
    if path not in archive.members:
        raise BookError(f"{name}: its package file {visible(path)} is missing")
    return path


def _metadata(opf: etree._Element) -> tuple[str, tuple[str, ...], str]:
    """The title, authors and language of the package's metadata."""
    metadata = next(iter(_all(opf, "metadata")), None)
    if metadata is None:
        return "", (), ""
    refined: dict[tuple[str, str], list[str]] = {}  # (id, property) -> values
    for meta in _all(metadata, "meta"):
        about = (meta.get("refines") or "").strip().removeprefix("#")
        refined.setdefault((about, meta.get("property") or ""), []).append(clean(text_of(meta)))

    def values(name: str) -> list[tuple[etree._Element, str]]:
        found = ((node, clean(text_of(node))) for node in _all(metadata, name))
        return [(node, value) for node, value in found if value]

    def refinements(node: etree._Element, refinement: str) -> list[str]:
        key = node.get("id")
        return refined.get((key, refinement), []) if key else []

    titles = values("title")
    main = [value for node, value in titles if "main" in refinements(node, "title-type")]
    title = (main or [value for _, value in titles] or [""])[0]
    authors = []
    for node, value in values("creator"):
        roles = [*refinements(node, "role"), node.get(OPF_ROLE) or "", node.get("role") or ""]
        roles = [role.strip().lower() for role in roles if role.strip()]
        if not roles or "aut" in roles:
            authors.append(value)
    languages = [value for _, value in values("language")]
    return title, tuple(authors), (languages or [""])[0]


def _check_drm(archive: _Archive, spine: frozenset[str], types: dict[str, str], name: str) -> None:
    """BookError when META-INF/encryption.xml says the text is encrypted."""
    if ENCRYPTION not in archive.members:
        return
    encrypted: dict[str, str] = {}  # member -> algorithm
    for data in _all(archive.xml(ENCRYPTION), "EncryptedData"):
        method = next(iter(_all(data, "EncryptionMethod")), None)
        algorithm = (method.get("Algorithm") or "").strip() if method is not None else ""
        for reference in _all(data, "CipherReference"):
            target = resolve("", reference.get("URI") or "")
            if target:
                encrypted[target[0]] = algorithm

    def is_font(member: str) -> bool:
        kind = types.get(member, "")
        return "font" in kind or "opentype" in kind or member.lower().endswith(FONT_SUFFIXES)

    locked = any(member in spine for member in encrypted) and RIGHTS in archive.members
    locked = locked or any(
        algorithm not in FONT_OBFUSCATION and (member in spine or not is_font(member))
        for member, algorithm in encrypted.items()
    )
    if locked:
        raise BookError(
            f"{name} is protected by DRM (its text is encrypted); reader cannot open it"
        )


def title_line(title: str, authors: tuple[str, ...]) -> str:
    """ "Persuasion · Jane Austen": how a book is named in the title bar and the library."""
    return " · ".join(part for part in (title, ", ".join(authors)) if part)


def book_title(path: Path) -> str:
    """A book's title line from its package file alone (a library lists many books);
    "" when it cannot be read."""
    try:
        archive = _Archive(path, visible(path.name))
        title, authors, _ = _metadata(archive.xml(_package_path(archive)))
    except (BookError, OSError):
        return ""
    return title_line(title, authors)


def read_book(data: bytes, name: str) -> Book:
    """Read an EPUB book; `name` is the (already terminal-safe) file name used in errors."""
    archive = _Archive(data, name)
    opf_path = _package_path(archive)
    opf = archive.xml(opf_path)
    title, authors, language = _metadata(opf)
    manifest: dict[str, tuple[str, str, list[str]]] = {}  # id -> member, media type, properties
    for item in _all(opf, "item"):
        target = resolve(opf_path, item.get("href") or "")
        key = item.get("id")
        if target and key:
            kind = (item.get("media-type") or "").strip().lower()
            manifest[key] = (target[0], kind, (item.get("properties") or "").split())
    spine_node = next(iter(_all(opf, "spine")), None)
    spine: dict[str, None] = {}  # members in reading order, each once
    for itemref in kids(spine_node, "itemref"):
        idref = itemref.get("idref") or ""
        member = manifest[idref][0] if idref in manifest else idref
        if idref not in manifest or member not in archive.members:
            shown = visible(member)
            raise BookError(f"{name}: its spine names {shown}, which the book does not contain")
        spine[member] = None
    if spine_node is None or not spine:
        raise BookError(f"{name}: its spine lists no chapters")
    in_spine = frozenset(spine)
    _check_drm(archive, in_spine, {member: kind for member, kind, _ in manifest.values()}, name)
    chapters = {member: archive.read(member) for member in spine}

    toc: tuple[TocEntry, ...] = ()
    start = None
    nav = next((item[0] for item in manifest.values() if "nav" in item[2]), "")
    if nav in archive.members:
        root = parse_markup(archive.read(nav))
        if root is not None:
            toc, start = nav_contents(root, nav, in_spine), nav_start(root, nav, in_spine)
    if not toc:
        ncx_id = spine_node.get("toc") or ""
        ncx = manifest[ncx_id][0] if ncx_id in manifest else ""
        ncx = ncx or next((item[0] for item in manifest.values() if item[1] == NCX_TYPE), "")
        if ncx in archive.members:
            root = parse_xml(archive.read(ncx))
            toc = ncx_contents(root, ncx, in_spine) if root is not None else ()
    start = start or guide_start(opf, opf_path, in_spine) or ("", "")
    direction = (spine_node.get("page-progression-direction") or "").strip().lower()
    return Book(
        title=title,
        authors=authors,
        language=language,
        rtl=direction == "rtl",
        spine=tuple(spine),
        chapters=chapters,
        toc=toc,
        start=start[0],
        start_fragment=start[1],
    )
