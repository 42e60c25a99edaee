"""Parse the start of an article in a forked process while Textual loads.

Importing a parser (markdown-it, or the plain-text rules) and parsing an article's
first screens take 10-40 ms of the first frame. A child forked before Textual is
imported does that work on another core and sends back the blocks, already styled,
so the first frame needs no parser at all. Where there is no `os.fork`, or the
child fails, the app parses the start itself as before.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.document import Document
from reader.forked import fork
from reader.parsers import parse
from reader.parsers.outline import Outline


class ParsedAhead:
    """A preview parsed by a child process; `document()` collects it. (`answer` gives
    what `parsed` made: the child's answer, or one that came with a page's or book's.)"""

    def __init__(self, answer: Callable[[], object], text: str) -> None:
        self._answer = answer
        self._text = text

    def document(self) -> Document | None:
        """The parsed start of the article (every block styled), or None if the child failed."""
        answer = self._answer()
        if not isinstance(answer, tuple) or len(answer) != 3:
            return None
        title, blocks, headings = answer
        return Document(self._text, title, blocks, headings)


def parse_ahead(text: str, kind: str, name: str) -> ParsedAhead | None:
    """Start parsing `text` (the start of an article) in a child; None where that cannot be."""
    if kind not in ("markdown", "plain"):
        return None
    child = fork(lambda: parsed(text, kind, name))
    return ParsedAhead(child.answer, text) if child is not None else None


def parsed(text: str, kind: str, name: str, outline: Outline = ()) -> tuple[object, ...]:
    """The start of an article parsed, as a child sends it (see `ParsedAhead`)."""
    document = parse(text, kind, name, outline=outline)
    blocks = [document.styled(index) for index in range(len(document.blocks))]
    return document.title, blocks, document.headings
