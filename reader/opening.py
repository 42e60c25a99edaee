"""Opening an article: its file read, and a web page's main content found.

Finding a page's content is slow (its extractor alone takes half a second to
load), so the app does it in a worker; the commands that print do it at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.safe_text import visible_line
from reader.source import ArticleError, Source, load_path, read_file

if TYPE_CHECKING:
    from reader.document import Document


def article(source: Source, url: str = "") -> Source:
    """A web page or a book as the Markdown article it holds; any other as it is."""
    if source.kind == "book" and source.path is not None:
        data, version = read_file(source.path, source.name)
        return book_source(data, replace(source, version=version))
    if source.kind != "html":
        return source
    from reader.parsers.web_page import NoArticle, page_markdown, read_page

    try:
        page = read_page(source.text, url)
    except NoArticle as error:
        raise ArticleError(f"{source.name}: {error}") from None
    return replace(source, text=page_markdown(page), kind="markdown")


def book_source(data: bytes, source: Source) -> Source:
    """An EPUB book's bytes as a Markdown article, with its table of contents as its
    outline and its first chapter as where it opens (see `parsers.book_markdown`)."""
    from reader.parsers.book_markdown import book_markdown
    from reader.parsers.epub import read_book

    book = book_markdown(read_book(data, source.name), source.name)
    return replace(
        source,
        text=book.text,
        kind="markdown",
        outline=book.outline,
        opening=book.opening,
        anchors=book.anchors,
    )


def start_of(source: Source) -> str | None:
    """The text shown first: the start of a long article (a book's, to past where it
    opens), cut where a parse of it alone is safe; None for an article shown whole.
    (The start of a file read only in part is cut at a line where no place is safe.)"""
    from reader.parsers import PREVIEW_CHARS, preview

    limit = PREVIEW_CHARS + (source.opening or 0)
    start = preview(source.text, source.kind, limit)
    if start is None and source.head_only:
        start = source.text[: source.text.rfind("\n", 0, limit) + 1] or source.text[:limit]
    return start


def document_of(
    source: Source, text: str | None = None, cancelled: Callable[[], bool] | None = None
) -> Document:
    """The article parsed (or `text`, its start), its declared outline (a book's contents)
    as its tree; see `parsers.parse` for `cancelled`."""
    from reader.parsers import parse

    whole = source.text if text is None else text
    return parse(whole, source.kind, source.name, cancelled, source.outline)


def is_web_address(argument: str) -> bool:
    """Whether a command-line argument is an http(s) address rather than a path."""
    return argument.lower().startswith(("http://", "https://"))


def open_path(path: Path) -> Source:
    """Read a file as an article (see `load_path`), a web page's content found; a kept
    copy of a web article is named by its address."""
    source = article(load_path(path))
    if path.parent.name == "pages":  # perhaps the data directory's kept copies
        from reader.saved_pages import described

        saved = described(path)
        if saved is not None:
            return replace(source, name=visible_line(saved.url))
    return source


def placeholder(name: str, doing: str = "Reading the page…") -> Source:
    """What shows while a web page is downloaded or its content found."""
    from reader.parsers.markdown_html import escape_markdown

    text = f"# {escape_markdown(name)}\n\n{escape_markdown(doing)}\n"
    return Source(text, name, "markdown", placeholder=True)
