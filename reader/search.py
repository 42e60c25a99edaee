"""Searching an article's text as it is shown: no markup, whatever the line wraps.

Each block's display text is what the content pane renders for it, character
for character (inline markup styled away, control characters made visible,
code tabs expanded), so a match's offsets in it are offsets in the rendered
block. A space in the query matches any run of white space, so a phrase is
found across a line break in the source.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from typing import NamedTuple

from reader.document import Block, BlockKind, Document
from reader.safe_text import visible

TAB_SIZE = 8  # columns between tab stops, as in less and the terminal
# Separators no query can match across: display text never has NUL or SOH
# (`visible` shows them as glyphs), and neither is white space to `\s`.
CELL_BREAK = "\x01"  # between table cells in a block's display text
BLOCK_BREAK = "\x00"  # between blocks in the index
REGEX_PREFIX = "re:"
MAX_MATCHES = 100_000  # counted at most ("100000+")


class Match(NamedTuple):
    """A match: `[start, end)` in the display text of a block."""

    block: int
    start: int
    end: int


def display_text(block: Block) -> str:
    """A styled block's text as the pane shows it (table cells joined by CELL_BREAK)."""
    if block.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH):
        return visible("".join(run.text for run in block.runs))
    if block.kind is BlockKind.TABLE:
        return CELL_BREAK.join(
            visible("".join(run.text for run in cell)) for row in block.rows for cell in row
        )
    if block.kind is BlockKind.RULE:
        return ""
    return visible(block.literal.expandtabs(TAB_SIZE))


def compile_query(query: str) -> re.Pattern[str]:
    """A query as a pattern: case-insensitive unless it has a capital; `re:` for a regex.

    A regex is compiled with re.MULTILINE (`^` and `$` at each line of a block);
    words never are, which is how `is_regex` tells them apart. Raises ValueError,
    with a message for the user, for a regex that does not compile.
    """
    regex = query.startswith(REGEX_PREFIX)
    body = query[len(REGEX_PREFIX) :] if regex else query
    letters = re.sub(r"\\.", "", body) if regex else body  # \W, \S and the like are not capitals
    flags = (re.MULTILINE if regex else 0) | (
        0 if any(char.isupper() for char in letters) else re.IGNORECASE
    )
    if not regex:
        body = r"\s+".join(re.escape(word) for word in body.split())
    try:
        return re.compile(body, flags)
    except re.error as error:
        raise ValueError(f"Not a regular expression: {error}") from None


def is_regex(pattern: re.Pattern[str]) -> bool:
    """Whether a pattern came from a `re:` query (words can never cross a block or a cell)."""
    return bool(pattern.flags & re.MULTILINE)


def matches_in(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """Non-empty matches in a block's display text, each inside one table cell."""
    offset = 0
    for piece in text.split(CELL_BREAK):
        for found in pattern.finditer(piece):
            start, end = found.span()
            if start != end:
                yield offset + start, offset + end
        offset += len(piece) + len(CELL_BREAK)


class SearchIndex:
    """Every block's display text, also joined so that one scan finds all of a word's matches.

    Building styles every block of a Markdown article: do it off the UI thread.
    """

    def __init__(self, document: Document, cancelled: Callable[[], bool] | None = None) -> None:
        texts = []
        for index in range(len(document.blocks)):
            if cancelled is not None and index % 1024 == 0 and cancelled():
                raise InterruptedError
            texts.append(display_text(document.styled(index, keep=False)))
        self.document = document
        self._texts = texts
        self._haystack = BLOCK_BREAK.join(texts)
        self._starts = []
        offset = 0
        for text in texts:
            self._starts.append(offset)
            offset += len(text) + 1

    def find(
        self, pattern: re.Pattern[str], cancelled: Callable[[], bool] | None = None
    ) -> list[Match]:
        """The non-empty matches in document order (at most MAX_MATCHES); none crosses a
        block or a table cell. Raises InterruptedError if `cancelled` says so."""
        if is_regex(pattern):
            return self._find_in_blocks(pattern, cancelled)
        matches = []
        starts = self._starts
        block, last = 0, len(starts) - 1
        for count, found in enumerate(pattern.finditer(self._haystack)):
            if count % 4096 == 4095 and cancelled is not None and cancelled():
                raise InterruptedError
            start, end = found.span()
            while block < last and starts[block + 1] <= start:
                block += 1
            matches.append(Match(block, start - starts[block], end - starts[block]))
            if len(matches) == MAX_MATCHES:
                break
        return matches

    def _find_in_blocks(
        self, pattern: re.Pattern[str], cancelled: Callable[[], bool] | None
    ) -> list[Match]:
        matches: list[Match] = []
        for block, text in enumerate(self._texts):
            if block % 256 == 255 and cancelled is not None and cancelled():
                raise InterruptedError
            for start, end in matches_in(pattern, text):
                matches.append(Match(block, start, end))
                if len(matches) == MAX_MATCHES:
                    return matches
        return matches

    def next_match(self, pattern: re.Pattern[str], block: int) -> Match | None:
        """The first match in `block` or after it, wrapping to the start; quick."""
        if is_regex(pattern):
            count = len(self._texts)
            for step in range(count):
                index = (block + step) % count
                for start, end in matches_in(pattern, self._texts[index]):
                    return Match(index, start, end)
            return None
        position = self._starts[block] if self._starts else 0
        for start_at in (position, 0):
            found = pattern.search(self._haystack, start_at)
            if found is not None:
                start, end = found.span()
                index = bisect_right(self._starts, start) - 1
                return Match(index, start - self._starts[index], end - self._starts[index])
        return None


def first_match(
    document: Document,
    pattern: re.Pattern[str],
    block: int,
    cancelled: Callable[[], bool] | None = None,
) -> Match | None:
    """The first match in `block` or after it, wrapping, without an index.

    Styles blocks one by one until it finds one, so a common word is found
    at once even in an article whose index is still being built.
    """
    count = len(document.blocks)
    for step in range(count):
        if cancelled is not None and step % 64 == 63 and cancelled():
            raise InterruptedError
        index = (block + step) % count
        for start, end in matches_in(pattern, display_text(document.styled(index, keep=False))):
            return Match(index, start, end)
    return None
