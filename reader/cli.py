"""The `reader` command line: open an article, or run a subcommand.

A first argument naming a subcommand runs it; anything else is an article
path (write `./toc` to open a file called `toc`).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__, keys
from reader.cli_articles import article_or_report, or_report
from reader.file_head import load_start
from reader.opening import article, is_web_address, open_path, placeholder
from reader.safe_text import visible_line
from reader.source import load

if TYPE_CHECKING:
    from reader.page_ahead import PageAhead, PageFound
    from reader.store import Store

KEYS = keys.cli_text()  # from the one table of keys, as the bindings are

ANCHOR_BUDGET = 2.0  # seconds `reader bookmarks PATH` may spend finding bookmarks in the text
# Seconds to wait, once Textual has loaded, for the child reading a book or a page. A
# book's work is bounded (about 0.3 s for 1 MB of text against Textual's 0.5 s to load):
# worth a moment, which saves the placeholder and a second open. A page's is not (loading
# trafilatura alone takes 0.4 s): waiting would only put "Reading the page…" off.
AHEAD_GRACE = {"book": 0.3, "html": 0.0}

SUBCOMMANDS_HELP = """\
commands:
  reader toc [PATH]      print the section tree as an indented outline
  reader bookmarks [PATH] [--format text|json|markdown]
                         print bookmarks (of one article, or all)
  reader recent          list recently read articles with progress
  reader save URL-or-FILE
                         keep an article in the library (a web page for offline reading)
  reader export ARTICLE [--format markdown|text|html]
                         print an article as the reader shows it"""


def run() -> None:
    """The `reader` command: `main`, then out at once. Everything is saved by then; what
    is left is freeing memory (hundreds of MB after a large article) and a parse abandoned
    at quit still running in its thread, which Python's own exit would wait through."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        return _run_subcommand(SUBCOMMANDS[args[0]], args[1:])
    parser = argparse.ArgumentParser(
        prog="reader",
        usage="reader [-h] [--version] [--config] [PATH | URL | -]\n       reader COMMAND ...",
        description="Read long-form articles (Markdown, plain text, web pages and addresses) "
        "in the terminal.",
        epilog=f"{SUBCOMMANDS_HELP}\n\n{KEYS}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="a Markdown, text or HTML file, or an http(s) address (downloaded and kept for "
        "offline reading); - reads standard input; a folder opens the library on it; none "
        "opens the bundled article",
    )
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="the folder of articles the library shows (remembered), and open the library",
    )
    parser.add_argument(
        "--config",
        action="store_true",
        help="print where the configuration file (config.toml: settings and keymap) is",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    options = parser.parse_args(args)
    if options.config:
        from reader.config import config_path

        print(config_path())
        return 0
    path, library = options.path, None
    if options.library is not None:
        library = _remember_library(options.library)
        if library is None:
            return 2
    if path not in (None, "-") and Path(path).is_dir():
        library = Path(path).resolve()
        path = _last_read_in(library)
    opening: Path | str | PageAhead | None = None
    refresh, source, grace = None, None, 0.0
    if path is not None and is_web_address(path):  # downloaded in the app, or kept before
        from reader.saved_pages import copy_of

        saved = copy_of(path)
        if saved is None:
            opening, source = path, placeholder(visible_line(path), "Downloading…")
        else:
            refresh = path
            source = or_report(lambda: open_path(saved.path))
            if source is None:
                return 2
    if source is None and opening is None:
        source = or_report(lambda: load(path) if path in (None, "-") else load_start(Path(path)))
    if source is None:
        return 2
    if source.kind in ("html", "book") and source.path is not None:  # while the app starts
        from reader.page_ahead import find_ahead

        doing = "Opening the book…" if source.kind == "book" else "Reading the page…"
        grace = AHEAD_GRACE[source.kind]
        opening = find_ahead(source.path) or source.path
        source = placeholder(source.name, doing)
    elif source.kind == "html":
        source = or_report(partial(article, source))
        if source is None:
            return 2
    if options.path == "-" and not _reattach_terminal():
        return 2
    # Starting up allocates a great deal and frees little: the cyclic collector
    # would only slow it down. The app turns it back on once the article is in.
    gc.disable()
    from reader.opening import start_of
    from reader.parsers.ahead import parse_ahead

    preview = start_of(source)
    start = preview or source.text
    whole = None
    if preview is not None:  # a long article: parsed whole on the other core
        from reader.parsers.whole_ahead import parse_whole_ahead

        whole = parse_whole_ahead(source)
    ahead = parse_ahead(start, source.kind, source.name, whole)  # before Textual loads
    from reader.app import ReaderApp  # Textual loads only when the app runs

    if not isinstance(opening, (Path, str)) and opening is not None:
        found = _found_by_now(opening, grace)
        if found is not None:
            if found.source is None:  # a bad book, a page with no article
                print(f"reader: {visible_line(found.problem)}", file=sys.stderr)
                return 2
            if ahead is not None:
                ahead.document()  # (the placeholder's, long done: its child is reaped)
            source, opening, ahead = found.source, None, found.parsed_start()
    app = ReaderApp(source, ahead, library=library, opening=opening, refresh=refresh)
    app.run()
    if whole is not None:  # (if the app quit before taking it)
        whole.cancel()
    if app.unsaved:
        print(f"reader: {visible_line(app.unsaved)}", file=sys.stderr)
    return 0


def _found_by_now(ahead: PageAhead, grace: float) -> PageFound | None:
    """The page's article or the book's text (or why there is none), if the child has it
    by the time Textual has loaded (or within `grace` seconds): then it is shown at once,
    with no "Reading the page…" first. None: the app shows that, and collects the answer."""
    return ahead.found() if ahead.ready(grace) else None


def toc(args: Sequence[str]) -> int:
    """`reader toc [PATH]`: print the section tree, one section per line."""
    parser = argparse.ArgumentParser(
        prog="reader toc",
        description="Print an article's section tree: one section per line, two spaces "
        "per level; sections the text has no heading for are marked (synthesized).",
    )
    parser.add_argument(
        "path", nargs="?", metavar="PATH", help="article path or address, - for stdin"
    )
    options = parser.parse_args(args)
    source = article_or_report(options.path)
    if source is None:
        return 2
    from reader.opening import document_of
    from reader.outline import outline

    if source.notice:
        print(f"reader: {visible_line(source.notice)}", file=sys.stderr)
    return _print(outline(document_of(source)))


def bookmarks(args: Sequence[str]) -> int:
    """`reader bookmarks [PATH] [--format F]`: bookmarks as text, JSON or Markdown."""
    from reader import export
    from reader.anchoring import resolve_all
    from reader.store import fingerprint

    parser = argparse.ArgumentParser(
        prog="reader bookmarks",
        description="Print bookmarks: of one article, or of every article if no PATH is given. "
        "JSON is W3C Web Annotation (TextQuoteSelector and TextPositionSelector).",
    )
    parser.add_argument(
        "path", nargs="?", metavar="PATH", help="article path or address, - for stdin"
    )
    parser.add_argument("--format", choices=export.FORMATS, default="text")
    options = parser.parse_args(args)
    source = None
    if options.path is not None:
        source = article_or_report(options.path)
        if source is None:
            return 2
    store = _open_store()
    if source is not None:
        document = store.find_document(fingerprint(source.text), source.path)
        found = store.bookmarks(document) if document is not None else []
    else:
        found = store.bookmarks()
    orphaned = [False] * len(found)
    if source is not None:
        matches = resolve_all([b.anchor for b in found], source.text, budget=ANCHOR_BUDGET)
        orphaned = [match is None for match in matches]
    entries = []
    for bookmark, lost in zip(found, orphaned, strict=True):
        title, path = store.document_info(bookmark.document_id)
        entries.append(export.Entry(bookmark, title, path, lost))
    entries.sort(key=lambda entry: (entry.title, entry.path or "", -entry.bookmark.created_at))
    return _print(export.bookmarks(entries, options.format))


def recent(args: Sequence[str]) -> int:
    """`reader recent`: recently read articles, newest first."""
    from reader import export

    argparse.ArgumentParser(
        prog="reader recent", description="List recently read articles with progress."
    ).parse_args(args)
    from reader.saved_pages import address_of

    documents = _open_store().recent()
    addresses = {d.path: address_of(d.path) for d in documents if d.path}
    return _print(export.recent(documents, {p: a for p, a in addresses.items() if a}))


def save(args: Sequence[str]) -> int:
    from reader.cli_articles import save

    return save(args)


def export_article(args: Sequence[str]) -> int:
    from reader.cli_articles import export

    return export(args)


SUBCOMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "toc": toc,
    "bookmarks": bookmarks,
    "recent": recent,
    "save": save,
    "export": export_article,
}


def _run_subcommand(command: Callable[[Sequence[str]], int], args: Sequence[str]) -> int:
    """Run one; saved state that cannot be read is a one-line error (status 1)."""
    from reader.store import StoreError

    try:
        return command(args)
    except StoreError as error:
        print(f"reader: the saved state could not be read: {error}", file=sys.stderr)
        return 1


def _remember_library(folder: str) -> Path | None:
    """Keep `--library DIR` in the settings; None (said why) if it is not a folder."""
    from dataclasses import replace

    from reader.settings import load_settings, save_settings

    path = Path(folder).expanduser().resolve()
    if not path.is_dir():
        print(f"reader: {visible_line(folder)}: not a folder", file=sys.stderr)
        return None
    settings, _ = load_settings()
    problem = save_settings(replace(settings, library=str(path)))
    if problem:
        print(f"reader: {visible_line(problem)}", file=sys.stderr)
    return path


def _last_read_in(folder: Path) -> str | None:
    """The article under `folder` read most recently (None: the bundled one shows)."""
    from reader.store import Store, StoreError

    store = Store.open()
    try:
        for document in store.recent(100):
            path = Path(document.path) if document.path else None
            if path is not None and path.is_relative_to(folder) and path.is_file():
                return document.path
    except StoreError:
        pass
    finally:
        store.close()
    return None


def _open_store() -> Store:
    from reader.store import Store

    store = Store.open()
    if store.warning:
        print(f"reader: {visible_line(store.warning)}", file=sys.stderr)
    return store


def _print(text: str) -> int:
    """Print to stdout; a reader that stopped early (`| head`) is not an error."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _reattach_terminal() -> bool:
    """After reading the article from stdin, read keys from the terminal instead."""
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        print(
            "reader: the article came from standard input and there is no terminal "
            "to read keys from",
            file=sys.stderr,
        )
        return False
    os.dup2(terminal, 0)
    os.close(terminal)
    return True
