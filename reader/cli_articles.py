"""`reader save` and `reader export`: keep an article in the library, print one."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.opening import is_web_address, open_path
from reader.safe_text import visible_line
from reader.source import ArticleError, Source, load


def save(args: Sequence[str]) -> int:
    """`reader save URL-or-FILE`: keep an article in the library without opening it."""
    parser = argparse.ArgumentParser(
        prog="reader save",
        description="Keep an article in the library without opening it: a web address is "
        "downloaded and kept for offline reading (again, if it was kept before); a file is "
        "listed under Recently read. Prints the article's title.",
    )
    parser.add_argument("article", metavar="URL-or-FILE")
    options = parser.parse_args(args)
    from reader.opening import document_of
    from reader.store import fingerprint

    source = article_or_report(options.article, refresh=True)
    if source is None:
        return 2
    title = document_of(source).title
    if source.path is not None:
        from reader.cli import _open_store

        store = _open_store()
        store.document(fingerprint(source.text), source.path, title)
        store.close()
    print(visible_line(title))
    return 0


def export(args: Sequence[str]) -> int:
    """`reader export ARTICLE --format F`: the article as the reader shows it."""
    from reader import article_export

    parser = argparse.ArgumentParser(
        prog="reader export",
        description="Print an article as the reader shows it (a web page: the article found "
        "in it), as Markdown, plain text or HTML.",
    )
    parser.add_argument("article", metavar="ARTICLE", help="path, web address, or - for stdin")
    parser.add_argument("--format", choices=article_export.FORMATS, default="markdown")
    options = parser.parse_args(args)
    source = article_or_report(options.article)
    if source is None:
        return 2
    from reader.cli import _print
    from reader.opening import document_of

    document = document_of(source)
    return _print(article_export.export(document, options.format).rstrip("\n"))


def article_or_report(argument: str | None, *, refresh: bool = False) -> Source | None:
    """The article an argument names: a path, "-", or a web address (its kept copy, else
    downloaded and kept; downloaded again if `refresh`). None once told why not."""
    if argument is not None and is_web_address(argument):
        return or_report(lambda: _web_article(argument, refresh))
    from reader.opening import article

    return or_report(lambda: article(load(argument)))


def or_report(read: Callable[[], Source]) -> Source | None:
    """What `read` reads; None once the reason it could not is printed, in one line."""
    try:
        return read()
    except ArticleError as error:
        print(f"reader: {visible_line(str(error))}", file=sys.stderr)
        return None


def _web_article(url: str, refresh: bool) -> Source:
    from reader.fetch import FetchError, fetch
    from reader.saved_pages import copy_of, keep

    saved = None if refresh else copy_of(url)
    if saved is None:
        try:
            saved = keep(url, fetch(url))
        except FetchError as error:
            raise ArticleError(str(error)) from None
        except OSError as error:
            problem = f"the copy of {visible_line(url)} could not be kept: {error.strerror}"
            raise ArticleError(problem) from None
    return open_path(Path(saved.path))
