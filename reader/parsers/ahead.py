"""Parse the start of an article in a forked process while Textual loads.

Importing a parser (markdown-it, or the plain-text rules) and parsing an article's
first screens take 10-40 ms of the first frame. A child forked before Textual is
imported does that work on another core and sends back the blocks, already styled,
so the first frame needs no parser at all. Where there is no `os.fork`, or the
child fails, the app parses the start itself as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.document import Document
from reader.forked import fork
from reader.parsers import parse
from reader.parsers.outline import Outline

if TYPE_CHECKING:
    from reader.parsers.whole_ahead import WholeAhead


class ParsedAhead:
    """A preview parsed by a child process; `document()` collects it. (`answer` gives
    what `parsed` made: the child's answer, or one that came with a page's or book's.)
    `whole`: the whole article being parsed by another child, if it is."""

    def __init__(
        self, answer: Callable[[], object], text: str, whole: WholeAhead | None = None
    ) -> None:
        self._answer = answer
        self._text = text
        self.whole = whole

    def document(self) -> Document | None:
        """The parsed start of the article (every block styled), or None if the child failed."""
        answer = self._answer()
        if not isinstance(answer, tuple) or len(answer) != 3:
            return None
        title, blocks, headings = answer
        return Document(self._text, title, blocks, headings)


def parse_ahead(
    text: str, kind: str, name: str, whole: WholeAhead | None = None
) -> ParsedAhead | None:
    """Start parsing `text` (the start of an article) in a child; None where that cannot be
    (then `whole`, the whole article's parse, is let go)."""
    child = fork(lambda: parsed(text, kind, name)) if kind in ("markdown", "plain") else None
    if child is None:
        if whole is not None:
            whole.cancel()
        return None
    return ParsedAhead(child.answer, text, whole)


def parsed(text: str, kind: str, name: str, outline: Outline = ()) -> tuple[object, ...]:
    """The start of an article parsed, as a child sends it (see `ParsedAhead`)."""
    document = parse(text, kind, name, outline=outline)
    blocks = [document.styled(index) for index in range(len(document.blocks))]
    return document.title, blocks, document.headings
