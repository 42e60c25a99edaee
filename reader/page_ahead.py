"""Find a web page's article in a forked process while Textual loads.

Loading trafilatura and finding the article of a large page take seconds. A child
forked before Textual is imported does it on another core while the app starts,
and sends the article back; the app shows "Reading the page…" until then. Where
there is no `os.fork`, or the child fails, the app finds the article itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.forked import Forked, fork
from reader.opening import open_path, start_of
from reader.parsers.ahead import ParsedAhead, parsed
from reader.source import ArticleError, Source


@dataclass(frozen=True, slots=True)
class PageFound:
    """What the child found: the article and its start parsed (see `parsers.ahead`), or
    why there is none."""

    source: Source | None
    problem: str = ""
    start: tuple[object, ...] | None = None

    def parsed_start(self) -> ParsedAhead | None:
        """The start of the article as the child parsed it, to show first."""
        if self.source is None or self.start is None:
            return None
        start = self.start
        return ParsedAhead(lambda: start, start_of(self.source) or self.source.text)


class PageAhead:
    """A page whose article a child process is finding; `found()` collects it."""

    def __init__(self, child: Forked, path: Path) -> None:
        self.path = path
        self._child = child

    def found(self) -> PageFound | None:
        """The child's answer, once it has one (blocks); None if the child failed."""
        answer = self._child.answer()
        return answer if isinstance(answer, PageFound) else None

    def ready(self, timeout: float) -> bool:
        """Whether the child has answered (waiting up to `timeout` seconds)."""
        return self._child.ready(timeout)

    def cancel(self) -> None:
        """Stop the child (the app is quitting, or the article is no longer wanted)."""
        self._child.cancel()


def find_ahead(path: Path) -> PageAhead | None:
    """Start finding the article of the page at `path` in a child; None where that cannot be."""
    child = fork(lambda: _find(path))
    return PageAhead(child, path) if child is not None else None


def _find(path: Path) -> PageFound:
    try:
        source = open_path(path)
    except ArticleError as error:
        return PageFound(None, str(error))
    text = start_of(source) or source.text
    return PageFound(source, start=parsed(text, source.kind, source.name, source.outline))
