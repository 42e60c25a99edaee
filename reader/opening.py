"""Opening an article: its file read, and a web page's main content found.

Finding a page's content is slow (its extractor alone takes half a second to
load), so the app does it in a worker; the commands that print do it at once.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.source import ArticleError, Source, load_path


def article(source: Source, url: str = "") -> Source:
    """A web page as the Markdown article it holds; any other article as it is."""
    if source.kind != "html":
        return source
    from reader.parsers.web_page import NoArticle, page_markdown, read_page

    try:
        page = read_page(source.text, url)
    except NoArticle as error:
        raise ArticleError(f"{source.name}: {error}") from None
    return replace(source, text=page_markdown(page), kind="markdown")


def open_path(path: Path) -> Source:
    """Read a file as an article (see `load_path`), a web page's content found."""
    return article(load_path(path))


def placeholder(source: Source) -> Source:
    """What shows while a web page's content is found: its name, and that it is read."""
    return Source(
        f"# {source.name}\n\nReading the page…\n", source.name, "markdown", placeholder=True
    )
