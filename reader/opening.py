"""Opening an article: its file read, and a web page's main content found.

Finding a page's content is slow (its extractor alone takes half a second to
load), so the app does it in a worker; the commands that print do it at once.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.safe_text import visible_line
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

    text = f"# {escape_markdown(name)}\n\n{doing}\n"
    return Source(text, name, "markdown", placeholder=True)
