"""The `reader` command line: open an article, or run a subcommand.

A first argument naming a subcommand runs it; anything else is an article
path (write `./toc` to open a file called `toc`).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from reader import __version__
from reader.safe_text import visible_line
from reader.source import ArticleError, Source, load

KEYS = """\
keys:
  tab / shift+tab        switch between the section tree and the article
  j k / down up          scroll a line
  space / pagedown       next page        shift+space / pageup       previous page
  g / home               start            G / end                    end
  ] / [                  next / previous section (any depth)
  enter                  in the tree: jump to the highlighted section
  t                      show or hide the section tree
  q                      quit"""

SUBCOMMANDS_HELP = """\
commands:
  reader toc [PATH]      print the section tree as an indented outline"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        return SUBCOMMANDS[args[0]](args[1:])
    parser = argparse.ArgumentParser(
        prog="reader",
        usage="reader [-h] [--version] [PATH | -]\n       reader COMMAND ...",
        description="Read long-form articles (Markdown or plain text) in the terminal.",
        epilog=f"{SUBCOMMANDS_HELP}\n\n{KEYS}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="a .md, .markdown or .txt file; - reads standard input; "
        "none opens the bundled article",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    options = parser.parse_args(args)
    source = _load_or_report(options.path)
    if source is None:
        return 2
    if options.path == "-" and not _reattach_terminal():
        return 2
    from reader.app import ReaderApp  # Textual loads only when the app runs

    ReaderApp(source).run()
    return 0


def toc(args: Sequence[str]) -> int:
    """`reader toc [PATH]`: print the section tree, one section per line."""
    parser = argparse.ArgumentParser(
        prog="reader toc",
        description="Print an article's section tree: one section per line, two spaces "
        "per level; sections the text has no heading for are marked (synthesized).",
    )
    parser.add_argument("path", nargs="?", metavar="PATH", help="article path, - for stdin")
    options = parser.parse_args(args)
    source = _load_or_report(options.path)
    if source is None:
        return 2
    from reader.outline import outline
    from reader.parsers import parse

    if source.notice:
        print(f"reader: {visible_line(source.notice)}", file=sys.stderr)
    try:
        print(outline(parse(source.text, source.kind, source.name)), flush=True)
    except BrokenPipeError:
        # Whoever read the output stopped early (`reader toc FILE | head`): not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


SUBCOMMANDS: dict[str, Callable[[Sequence[str]], int]] = {"toc": toc}


def _load_or_report(path: str | None) -> Source | None:
    try:
        source = load(path)
    except ArticleError as error:
        print(f"reader: {visible_line(str(error))}", file=sys.stderr)
        return None
    return source


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
