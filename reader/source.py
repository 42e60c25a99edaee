"""Read an article from a file, standard input or the bundled articles.

Everything that can go wrong while reading becomes an `ArticleError` with a
message fit to show the user.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
import sys
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import BinaryIO, Literal

from reader.document import normalize_newlines
from reader.encodings import describe, guess
from reader.parsers.outline import Outline
from reader.safe_text import visible_path

Kind = Literal["markdown", "plain", "html", "book"]
FileVersion = tuple[int, int, int, int]  # device, inode, size, modification time in ns

MAX_BYTES = 200 * 1024 * 1024
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
BOOK_SUFFIXES = frozenset({".epub"})
ARTICLE_SUFFIXES = (  # the library's
    MARKDOWN_SUFFIXES | HTML_SUFFIXES | BOOK_SUFFIXES | {".txt", ".text"}
)
_EPUB_START = b"PK\x03\x04"  # a zip, whose first member an EPUB's mimetype should be
BUNDLED_ARTICLE = "amazon-invests-4b-in-anthropic.txt"


META_SAMPLE = 16 * 1024  # bytes of a page looked in for its <meta charset>
_NOT_TEXT = frozenset({"undefined", "idna", "punycode"})  # codecs that cannot read a page
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
PAGE_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
READ_CHUNK = 1024 * 1024  # bytes read at a time once the size a file reports is read
DECODE_PIECE = 1024 * 1024  # bytes whose newlines are normalized at a time
BINARY_SAMPLE = 64 * 1024  # bytes looked at to tell text from binary
BINARY_SHARE = 0.05  # more control bytes than this (and BINARY_COUNT) and it is not text
BINARY_COUNT = 16
# Control bytes text does not use, in any encoding. Text does use tab, newlines, form feed,
# backspace (overstrike in man pages), ESC (colour codes in logs) and Ctrl-Z (DOS end of file).
_UNLIKELY_IN_TEXT = tuple(
    bytes([code]) for code in (*range(0x08), *range(0x0E, 0x1A), *range(0x1C, 0x20), 0x7F)
)

# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class ArticleError(Exception):
    """An article that cannot be opened; the message says why, in one line."""


@dataclass(frozen=True, slots=True)
class Source:
    """An article's decoded text and where it came from."""

    text: str
    name: str
    kind: Kind
    path: Path | None = None
    notice: str | None = None
    version: FileVersion | None = None  # the file as it was read, to notice later changes
    placeholder: bool = False  # shown while the article is read: nothing is stored of it
    outline: Outline = ()  # the sections the article declares (a book's table of contents)
    opening: int | None = None  # where to open it the first time (a book's first chapter)
    anchors: tuple[int, ...] = ()  # where a book's links within itself lead (#book-N: [N])
    head_only: bool = False  # `text` is the file's start: the rest is read after the first frame


def bundled_articles_dir() -> Path:
    """The bundled articles: inside the installed package, else the source checkout's."""
    packaged = Path(str(resources.files("reader"))) / "articles"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "articles"


def load(argument: str | None) -> Source:
    """Load the article named on the command line: a path, "-" (stdin) or None (bundled)."""
    if argument == "-":
        if sys.stdin is None:
            raise ArticleError("standard input is closed")
        return load_stream(sys.stdin.buffer, "stdin")
    path = Path(argument) if argument else bundled_articles_dir() / BUNDLED_ARTICLE
    return load_path(path)


def load_path(path: Path) -> Source:
    """Read and decode a file, refusing what is not a readable text article."""
    shown = visible_path(path)
    data, version = read_file(path, shown)
    suffix = path.suffix.lower()
    if suffix in BOOK_SUFFIXES or is_epub(data):  # made text later (see opening.article)
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise ArticleError(f"{shown} is not an EPUB book (not a zip archive)")
        return Source("", visible_path(path.name), "book", path.resolve(), None, version)
    if is_page(suffix, data):
        text, notice = decode_html(data, shown)
        return Source(text, visible_path(path.name), "html", path.resolve(), notice, version)
    text, notice = decode(data, shown)
    kind: Kind = "markdown" if suffix in MARKDOWN_SUFFIXES else "plain"
    return Source(text, visible_path(path.name), kind, path.resolve(), notice, version)


def is_page(suffix: str, data: bytes) -> bool:
    """Whether a file is a web page: by its suffix, or (a page saved with no suffix, or
    another) by how it starts."""
    if suffix in HTML_SUFFIXES:
        return True
    return suffix not in ARTICLE_SUFFIXES and bool(PAGE_START.match(data[:1000].decode("latin-1")))


def is_epub(data: bytes) -> bool:
    """Whether bytes look like an EPUB book: a zip whose first member is its mimetype."""
    return data.startswith(_EPUB_START) and b"application/epub+zip" in data[30:80]


def read_file(path: Path, shown: str) -> tuple[bytes, FileVersion]:
    """A regular file's bytes, never more than MAX_BYTES, and never waiting for a writer.

    The path is looked at before it is opened (opening a device can do things) and the
    open file again (the path may have been swapped for a FIFO in between); O_NONBLOCK
    keeps that open, and reads from what claims to be a file, from blocking.
    """
    try:
        _check_regular(path.stat(), shown)
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
        try:
            info = os.fstat(descriptor)
            _check_regular(info, shown)
            data = _read_at_most(descriptor, info.st_size, shown)
        finally:
            os.close(descriptor)
    except FileNotFoundError:
        raise ArticleError(f"{shown}: no such file") from None
    except PermissionError:
        raise ArticleError(f"{shown}: permission denied") from None
    except BlockingIOError:
        raise ArticleError(f"{shown}: gives no data to read (not a regular file)") from None
    except OSError as error:
        raise ArticleError(f"{shown}: {error.strerror or error}") from None
    return data, file_version(info)


def _check_regular(info: os.stat_result, shown: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError(f"{shown}: is a directory, not an article")
    if not stat.S_ISREG(info.st_mode):
        raise ArticleError(f"{shown}: not a regular file (a device, FIFO or socket)")
    if info.st_size > MAX_BYTES:
        raise ArticleError(
            f"{shown}: {info.st_size / 2**20:.0f} MB is too large for an article "
            f"(the limit is {MAX_BYTES // 2**20} MB)"
        )


def _read_at_most(descriptor: int, size: int, shown: str) -> bytes:
    """Read to the end, refusing more than MAX_BYTES whatever size the file reported."""
    chunks: list[bytes] = []
    total = 0
    want = min(size, MAX_BYTES) + 1  # the reported size in one read, then chunks (/proc says 0)
    while chunk := os.read(descriptor, want):
        total += len(chunk)
        if total > MAX_BYTES:
            raise ArticleError(_too_large(shown))
        chunks.append(chunk)
        want = READ_CHUNK
    return b"".join(chunks)


def _too_large(name: str) -> str:
    return f"{name}: more than {MAX_BYTES // 2**20} MB is too large for an article"


class FileWatch:
    """Notices when the file an article was read from changes or goes.

    `check` may block on a slow file system: call it off the UI thread.
    """

    def __init__(self, source: Source) -> None:
        assert source.path is not None
        self._source = source
        self._path = source.path
        self._version = source.version
        self.change: Literal["changed", "gone"] | None = None

    @property
    def version(self) -> tuple[int, int, int, int] | None:
        """The file's version (as `Source.version`) when last looked at; None once gone."""
        return self._version

    def check(self) -> Literal["changed", "gone"] | None:
        """The file's state now: changed (its text differs), gone, or None (as read)."""
        try:
            version = file_version(self._path.stat())
        except (FileNotFoundError, NotADirectoryError):
            self.change, self._version = "gone", None
            return self.change
        except OSError:
            return self.change  # cannot look right now: no news
        if version != self._version:  # touched, rewritten or replaced: compare the text
            self._version = version
            from reader.opening import open_path

            try:
                same = open_path(self._path).text == self._source.text
            except ArticleError:
                same = False
            self.change = None if same else "changed"
        return self.change


def file_version(info: os.stat_result) -> FileVersion:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def load_stream(stream: BinaryIO, name: str) -> Source:
    """Read a whole stream (standard input) and guess whether it is a web page or Markdown."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ArticleError(_too_large(name))
    if is_epub(data):
        from reader.opening import book_source

        return book_source(data, Source("", name, "book"))
    text, notice = decode(data, name)
    kind = sniff_kind(text)
    if kind == "html":  # its <meta charset> says how to read it
        text, notice = decode_html(data, name)
    return Source(text, name, kind, None, notice)


def decode_html(data: bytes, name: str, charset: str | None = None) -> tuple[str, str | None]:
    """A web page's bytes to text: by its byte order mark, else the `charset` its server
    declared, else the one in its `<meta>`, else as any text is (see `decode`)."""
    declared = charset or _meta_charset(data[:META_SAMPLE])
    codec = html_codec(declared) if declared else None
    if codec is None or any(data.startswith(bom) for bom, _ in _BOMS):
        return decode(data, name)
    text = data.decode(codec, errors="replace").removeprefix("\ufeff")
    notice = f"{name} has bytes that are not valid {declared}; they are shown as \ufffd."
    return normalize_newlines(text), (notice if "\ufffd" in text else None)


def _meta_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def html_codec(declared: str) -> str | None:
    """The codec a browser uses for a declared charset (Latin-1 is read as Windows-1252);
    None for one Python does not know, or a UTF-16/32 a page cannot declare of itself."""
    try:
        info = codecs.lookup(declared.strip())
    except LookupError:
        return None
    codec = info.name
    text_codec = getattr(info, "_is_text_encoding", True)  # not base64, zlib, rot13...
    if not text_codec or codec in _NOT_TEXT or codec.startswith(("utf-16", "utf-32")):
        return None
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def decode(data: bytes, name: str) -> tuple[str, str | None]:
    """Bytes to text with normalized newlines, and a notice when it was not UTF-8."""
    notice = None
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise ArticleError(f"{name}: damaged {encoding.upper()} text") from None
    else:
        if b"\x00" in data:
            raise ArticleError(f"{name}: a binary file, not a text article")
        try:
            return _utf8_in_pieces(data), None
        except UnicodeDecodeError:
            pass
        try:
            text = data.decode("utf-8-sig")  # (fails again, saying where)
        except UnicodeDecodeError as error:
            if _mostly_binary(data):
                raise ArticleError(f"{name}: a binary file, not a text article") from None
            encoding = guess(data, error.start)
            text = data.decode(encoding, errors="replace").removeprefix("\ufeff")
            notice = (
                f"{name} has bytes that are not valid UTF-8; they are shown as \ufffd."
                if encoding == "utf-8"
                else f"{name} is not UTF-8; it was read as {describe(encoding)}."
            )
    return normalize_newlines(text), notice


def _utf8_in_pieces(data: bytes) -> str:
    """UTF-8 bytes as text with normalized newlines. The newlines are normalized in the
    bytes a piece at a time (in UTF-8 a CR byte is only ever a CR): two passes of
    `str.replace` over the text of 50 MB held the interpreter lock for over a second, and
    the app's keys waited for them; the bytes are then decoded at once."""
    if b"\r" in data:
        pieces = []
        start = 0
        while start < len(data):
            end = start + DECODE_PIECE
            end += data[end - 1 : end + 1] == b"\r\n"  # a CRLF is never cut
            pieces.append(data[start:end].replace(b"\r\n", b"\n").replace(b"\r", b"\n"))
            start = end
        data = b"".join(pieces)
    return data.decode("utf-8-sig")


def looks_like_text(sample: bytes) -> bool:
    """Whether the start of a file (a few KB) reads as text: no NUL, and UTF-8 or legacy text."""
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return True
    if not sample.strip() or b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start >= len(sample) - 3:  # a character cut at the sample's end
            return True
        return not _mostly_binary(sample)
    return True


def _mostly_binary(data: bytes) -> bool:
    """Whether bytes that are not UTF-8 are also not text in a legacy encoding.

    Text, in any encoding, has next to no C0 control bytes (tab, newlines and the
    like aside); binary data has about one in eleven.
    """
    sample = data[:BINARY_SAMPLE]
    unlikely = sum(sample.count(byte) for byte in _UNLIKELY_IN_TEXT)
    return unlikely > max(BINARY_COUNT, BINARY_SHARE * len(sample))


def sniff_kind(text: str) -> Kind:
    """A web page if the text starts as one; Markdown if it has Markdown headings or fences
    near its start; else plain."""
    if PAGE_START.match(text[:1000]):
        return "html"
    for line in text[:20_000].split("\n"):
        if line.startswith(("# ", "## ", "### ", "```", "~~~")):
            return "markdown"
    return "plain"
