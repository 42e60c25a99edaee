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
from reader.opening import open_path
from reader.source import ArticleError, Source


@dataclass(frozen=True, slots=True)
class PageFound:
    """What the child found: the article, or why there is none."""

    source: Source | None
    problem: str = ""


class PageAhead:
    """A page whose article a child process is finding; `found()` collects it."""

    def __init__(self, child: Forked, path: Path) -> None:
        self.path = path
        self._child = child

    def found(self) -> PageFound | None:
        """The child's answer, once it has one (blocks); None if the child failed."""
        answer = self._child.answer()
        return answer if isinstance(answer, PageFound) else None

    def cancel(self) -> None:
        """Stop the child (the app is quitting, or the article is no longer wanted)."""
        self._child.cancel()


def find_ahead(path: Path) -> PageAhead | None:
    """Start finding the article of the page at `path` in a child; None where that cannot be."""
    child = fork(lambda: _find(path))
    return PageAhead(child, path) if child is not None else None


def _find(path: Path) -> PageFound:
    try:
        return PageFound(open_path(path))
    except ArticleError as error:
        return PageFound(None, str(error))
