"""Searching an article's text as it is shown: no markup, whatever the line wraps.

Each block's display text is what the content pane renders for it, character
for character (inline markup styled away, control characters made visible,
code tabs expanded), so a match's offsets in it are offsets in the rendered
block. A space in the query matches any run of white space, so a phrase is
found across a line break in the source.

Queries are compiled with the `regex` package (its VERSION0, `re`-compatible
syntax), not `re`: a regex can backtrack for ever, and `re` can neither be
stopped nor let another thread run while it does. `regex` takes a timeout and
releases the GIL while it matches, so every search here has a deadline and
raises SearchTimeout past it, while the interface stays responsive. (`regex`
counts its timeout in the matching thread's own time, checked now and then: a
thread kept waiting by others, or a runaway recursion, can overrun it a little.)
"""

from __future__ import annotations

import re
import time
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, NamedTuple, TypeAlias

from reader.document import Block, BlockKind, Document
from reader.safe_text import visible

if TYPE_CHECKING:
    import regex  # imported by compile_query: 20-50 ms that start-up need not wait for

TAB_SIZE = 8  # columns between tab stops, as in less and the terminal
# Separators no query can match across: display text never has NUL or SOH
# (`visible` shows them as glyphs), and neither is white space to `\s`.
CELL_BREAK = "\x01"  # between table cells in a block's display text
BLOCK_BREAK = "\x00"  # between blocks in the index
REGEX_PREFIX = "re:"
MAX_MATCHES = 100_000  # counted at most ("100000+")
INDEX_CHUNK = 256 * 1024  # characters of blocks' text joined into one to search at a time
SEARCH_TIMEOUT = 2.0  # seconds a whole search may match for before SearchTimeout
# `regex` unrolls counted repeats when it compiles: `a{1000000}` takes ~0.3 GB
# and a second, `(){4000}` 0.4 s; nested counts multiply. Larger ones are refused.
MAX_REPEAT = 1000
MAX_REPEAT_WIDTH = 100_000

Pattern: TypeAlias = "regex.Pattern[str]"  # what compile_query returns


class Match(NamedTuple):
    """A match: `[start, end)` in the display text of a block."""

    block: int
    start: int
    end: int


OUT_OF_MEMORY = "search took too much memory"


class SearchTimeout(Exception):
    """A search ran past its deadline, or out of memory: a runaway regex, not a fault."""

    def __init__(self, message: str = "search took too long") -> None:
        super().__init__(message)


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


def compile_query(query: str) -> Pattern:
    """A query as a pattern: case-insensitive unless it has a capital; `re:` for a regex.

    A regex is compiled with MULTILINE (`^` and `$` at each line of a block);
    words never are, which is how `is_regex` tells them apart. Raises ValueError,
    with a message for the user, for a regex that does not compile, that turns
    MULTILINE off or searches backwards, or whose counted repeats are too long.
    """
    import regex

    is_re = query.startswith(REGEX_PREFIX)
    body = query[len(REGEX_PREFIX) :] if is_re else query
    letters = re.sub(r"\\.", "", body) if is_re else body  # \W, \S and the like are not capitals
    flags = (
        regex.VERSION0
        | (regex.MULTILINE if is_re else 0)
        | (0 if any(char.isupper() for char in letters) else regex.IGNORECASE)
    )
    if not is_re:
        return regex.compile(r"\s+".join(regex.escape(word) for word in body.split()), flags)
    if _repeats_too_long(body):
        raise ValueError(
            f"Too long a regular expression: counts over {MAX_REPEAT:,}, or"
            f" {MAX_REPEAT_WIDTH:,} multiplied, are not searched"
        )
    try:
        pattern = regex.compile(body, flags)
    except regex.error as error:
        raise ValueError(f"Not a regular expression: {error}") from None
    except Exception:  # `regex` has bugs of its own: (?V1) with VERSION0 is a KeyError
        raise ValueError("Not a regular expression: it does not compile") from None
    if not pattern.flags & regex.MULTILINE:
        raise ValueError("Not a regular expression here: ^ and $ match at each line, (?-m) or not")
    if pattern.flags & regex.REVERSE:
        raise ValueError("Not a regular expression here: (?r) would search backwards")
    return pattern


def _repeats_too_long(body: str) -> bool:
    """Whether counted repeats (`{m}`, `{m,}`, `{m,n}`) would make `regex` unroll too much
    when compiling: any count over MAX_REPEAT, or all of them multiplied over
    MAX_REPEAT_WIDTH (which is how nested ones grow). A guard against counts typed by
    mistake, on the safe side: repeats side by side are multiplied too."""
    width = 1
    for count in _COUNT.findall(body):
        repeat = int("".join(count.split())[:9])  # (?x) allows `{1 000}`
        if repeat > MAX_REPEAT:
            return True
        width *= max(repeat, 1)
    return width > MAX_REPEAT_WIDTH


_COUNT = re.compile(r"\{\s*([0-9][0-9\s]*)(?:,[0-9\s]*)?\}")


def is_regex(pattern: Pattern) -> bool:
    """Whether a pattern came from a `re:` query (words can never cross a block or a cell)."""
    return bool(pattern.flags & re.MULTILINE)  # the same flag in `regex`


def _deadline(deadline: float | None) -> float:
    return time.monotonic() + SEARCH_TIMEOUT if deadline is None else deadline


def _left(deadline: float) -> float:
    """Seconds left before `deadline`; SearchTimeout if none are."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise SearchTimeout
    return left


def _search(pattern: Pattern, text: str, pos: int, deadline: float) -> regex.Match[str] | None:
    """`pattern.search` with the GIL released, timed out at `deadline`."""
    try:
        found: regex.Match[str] | None = pattern.search(
            text, pos, concurrent=True, timeout=_left(deadline)
        )
    except TimeoutError:
        raise SearchTimeout from None
    except MemoryError:  # a runaway recursion, such as (?R), fills regex's stack
        raise SearchTimeout(OUT_OF_MEMORY) from None
    return found


def matches_in(
    pattern: Pattern, text: str, *, deadline: float | None = None
) -> Iterator[tuple[int, int]]:
    """Non-empty matches in a block's display text, each inside one table cell.

    Raises SearchTimeout past `deadline` (time.monotonic(); SEARCH_TIMEOUT from now by default).
    """
    deadline = _deadline(deadline)
    offset = 0
    try:
        for piece in text.split(CELL_BREAK) if CELL_BREAK in text else (text,):
            for found in pattern.finditer(piece, concurrent=True, timeout=_left(deadline)):
                start, end = found.span()
                if start != end:
                    yield offset + start, offset + end
            offset += len(piece) + len(CELL_BREAK)
    except TimeoutError:
        raise SearchTimeout from None
    except MemoryError:
        raise SearchTimeout(OUT_OF_MEMORY) from None


class IndexParts(NamedTuple):
    """What a SearchIndex is made of, apart from its document (to send it between processes)."""

    chunks: list[str]
    first_blocks: list[int]
    starts: array[int]


class SearchIndex:
    """Every block's display text, joined a chunk of blocks at a time so that one scan
    finds all of a word's matches in a chunk.

    Chunks, not one text: a text holds every character at the width of its widest
    (one emoji makes it 4 bytes a character), and joining all the blocks' texts at
    once held them twice. Building styles every block of a Markdown article: do it
    off the UI thread.
    """

    def __init__(self, document: Document, cancelled: Callable[[], bool] | None = None) -> None:
        self.document = document
        self._chunks: list[str] = []
        self._first_blocks: list[int] = []  # the first block of each chunk
        self._starts = array("q")  # where each block's text starts in its chunk
        texts: list[str] = []
        size = 0
        for index in range(len(document.blocks)):
            if cancelled is not None and index % 1024 == 0 and cancelled():
                raise InterruptedError
            text = display_text(document.styled(index, keep=False))
            self._starts.append(size)
            texts.append(text)
            size += len(text) + 1
            if size >= INDEX_CHUNK:
                self._add_chunk(index + 1 - len(texts), texts)
                texts, size = [], 0
        if texts or not self._chunks:
            self._add_chunk(len(document.blocks) - len(texts), texts)

    @classmethod
    def of_parts(cls, document: Document, parts: IndexParts) -> SearchIndex:
        """The index of `document` that `parts` were taken from (`parts`), built elsewhere."""
        index = cls.__new__(cls)
        index.document = document
        index._chunks, index._first_blocks, index._starts = parts
        return index

    @property
    def parts(self) -> IndexParts:
        return IndexParts(self._chunks, self._first_blocks, self._starts)

    def _add_chunk(self, first: int, texts: list[str]) -> None:
        self._chunks.append(BLOCK_BREAK.join(texts))
        self._first_blocks.append(first)

    def _text(self, block: int) -> str:
        """A block's display text."""
        chunk = bisect_right(self._first_blocks, block) - 1
        start = self._starts[block]
        following = block + 1
        in_chunk = chunk + 1 >= len(self._first_blocks) or following < self._first_blocks[chunk + 1]
        if following < len(self._starts) and in_chunk:
            return self._chunks[chunk][start : self._starts[following] - 1]
        return self._chunks[chunk][start:]

    def _located(self, chunk: int, start: int, end: int) -> Match:
        """A match at `[start, end)` of a chunk, in its block."""
        first = self._first_blocks[chunk]
        last = self._first_blocks[chunk + 1] if chunk + 1 < len(self._first_blocks) else None
        block = bisect_right(self._starts, start, first, last) - 1
        return Match(block, start - self._starts[block], end - self._starts[block])

    def find(
        self,
        pattern: Pattern,
        cancelled: Callable[[], bool] | None = None,
        *,
        deadline: float | None = None,
    ) -> list[Match]:
        """The non-empty matches in document order (at most MAX_MATCHES); none crosses a
        block or a table cell. Raises InterruptedError if `cancelled` says so, and
        SearchTimeout past `deadline` (time.monotonic(); SEARCH_TIMEOUT from now by default)."""
        deadline = _deadline(deadline)
        if is_regex(pattern):
            return self._find_in_blocks(pattern, cancelled, deadline)
        # Words cannot run away (escaped words joined by \s+): the clock is read every 4096
        # matches instead of by `regex`, whose timeout costs ~2 µs a match (4x for "e").
        matches = []
        _left(deadline)
        count = 0
        for chunk, text in enumerate(self._chunks):
            for found in _all_matches(pattern, text):
                count += 1
                if count % 4096 == 0:
                    if cancelled is not None and cancelled():
                        raise InterruptedError
                    _left(deadline)
                matches.append(self._located(chunk, *found.span()))
                if len(matches) == MAX_MATCHES:
                    return matches
        return matches

    def _find_in_blocks(
        self, pattern: Pattern, cancelled: Callable[[], bool] | None, deadline: float
    ) -> list[Match]:
        matches: list[Match] = []
        for block in range(len(self._starts)):
            if block % 256 == 255 and cancelled is not None and cancelled():
                raise InterruptedError
            for start, end in matches_in(pattern, self._text(block), deadline=deadline):
                matches.append(Match(block, start, end))
                if len(matches) == MAX_MATCHES:
                    return matches
        return matches

    def next_match(
        self, pattern: Pattern, block: int, *, deadline: float | None = None
    ) -> Match | None:
        """The first match in `block` or after it, wrapping to the start; quick for words.

        Raises SearchTimeout past `deadline` (SEARCH_TIMEOUT from now by default): on the
        UI thread, give a regex a short one and go on in a thread if it runs out.
        """
        deadline = _deadline(deadline)
        count = len(self._starts)
        if is_regex(pattern):
            for step in range(count):
                index = (block + step) % count
                for start, end in matches_in(pattern, self._text(index), deadline=deadline):
                    return Match(index, start, end)
            return None
        if not count:
            return None
        here = bisect_right(self._first_blocks, block) - 1
        chunks = len(self._chunks)
        for step in range(chunks + 1):  # from `block` to the end, then from the start
            chunk = (here + step) % chunks
            position = self._starts[block] if step == 0 else 0
            found = _search(pattern, self._chunks[chunk], position, deadline)
            if found is not None:
                return self._located(chunk, *found.span())
        return None


def _all_matches(pattern: Pattern, text: str) -> Iterator[regex.Match[str]]:
    try:
        yield from pattern.finditer(text, concurrent=True)
    except MemoryError:
        raise SearchTimeout(OUT_OF_MEMORY) from None


def first_match(
    document: Document,
    pattern: Pattern,
    block: int,
    cancelled: Callable[[], bool] | None = None,
    *,
    deadline: float | None = None,
) -> Match | None:
    """The first match in `block` or after it, wrapping, without an index.

    Styles blocks one by one until it finds one, so a common word is found
    at once even in an article whose index is still being built. Raises
    SearchTimeout when matching runs past `deadline` (SEARCH_TIMEOUT from now by
    default); styling is not matching, and moves the deadline on by its time.
    """
    deadline = _deadline(deadline)
    count = len(document.blocks)
    for step in range(count):
        if cancelled is not None and step % 64 == 63 and cancelled():
            raise InterruptedError
        index = (block + step) % count
        styling = time.monotonic()
        text = display_text(document.styled(index, keep=False))
        deadline += time.monotonic() - styling
        for start, end in matches_in(pattern, text, deadline=deadline):
            return Match(index, start, end)
    return None
