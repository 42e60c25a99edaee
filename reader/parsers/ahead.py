"""Parse the start of a Markdown article in a forked process while Textual loads.

Importing markdown-it and parsing an article's first screens take 10-20 ms of
the first frame. A child forked before Textual is imported does that work on
another core and sends back the blocks, already styled, so the first frame
needs no Markdown parser at all. Where there is no `os.fork`, or the child
fails, the app parses the start itself as before.
"""

from __future__ import annotations

from reader.document import Document
from reader.forked import Forked, fork
from reader.parsers import parse


class ParsedAhead:
    """A preview being parsed by a child process; `document()` collects it."""

    def __init__(self, child: Forked, text: str) -> None:
        self._child = child
        self._text = text

    def document(self) -> Document | None:
        """The parsed start of the article (every block styled), or None if the child failed."""
        answer = self._child.answer()
        if not isinstance(answer, tuple) or len(answer) != 3:
            return None
        title, blocks, headings = answer
        return Document(self._text, title, blocks, headings)


def parse_ahead(text: str, kind: str, name: str) -> ParsedAhead | None:
    """Start parsing `text` (the start of an article) in a child; None where that cannot be."""
    if kind != "markdown":
        return None
    child = fork(lambda: _parsed(text, kind, name))
    return ParsedAhead(child, text) if child is not None else None


def _parsed(text: str, kind: str, name: str) -> tuple[object, ...]:
    document = parse(text, kind, name)
    blocks = [document.styled(index) for index in range(len(document.blocks))]
    return document.title, blocks, document.headings
