"""Parse a long article whole in a forked process while the app shows its start.

Python runs one thread at a time, so a parse in the app's own worker shares a core
with the UI (keys and frames wait on it) and takes about twice as long as on its
own. A child forked before Textual loads parses all of it (reading the rest of a
large file itself) on the other core, at a lower priority so the first frame comes
first; it sends the blocks in batches, each quick to unpickle, then their shapes
and word counts, and the text's fingerprint and sketch (to find its saved state
by); then, for Markdown, the search index (styling every block takes seconds).
The app's loader takes them in place of parsing, hashing and indexing, once its
own read of the file shows the child read the same text; where the child fails,
or the file changed, the app does that work as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from reader.document import Block, Document, Heading, InlineStyler
from reader.file_head import read_whole
from reader.forked import Stream, fork_stream
from reader.line_index import Shapes, block_shapes
from reader.opening import document_of
from reader.parsers.cancelled import ParseCancelled
from reader.progress import ReadingProgress
from reader.source import FileVersion, Source

if TYPE_CHECKING:  # (imported where used: what start-up imports here delays the first frame)
    from reader.search import SearchIndex

BATCH = 4096  # blocks a message: some 5-10 ms to unpickle, which holds the UI thread
NICE = 10  # the child's priority below the app's: starting the app comes first


@dataclass(frozen=True, slots=True)
class _Header:
    """What the child read and parsed, before its blocks."""

    version: FileVersion | None
    length: int  # characters of the text parsed
    title: str
    headings: list[Heading]
    style: InlineStyler | None
    blocks: int


class Collected(NamedTuple):
    """The whole article, as the child parsed it."""

    document: Document
    shapes: Shapes
    progress: ReadingProgress
    identity: str  # the text's fingerprint (`store.fingerprint`)
    sketch: bytes  # and its sketch (`similarity.sketch`)


class WholeAhead:
    """A whole parse under way in a child; `collect` takes it (once), `cancel` stops it."""

    def __init__(self, stream: Stream) -> None:
        self._stream = stream
        self.indexing = False  # `collect` took a Markdown article: its search index follows

    def collect(self, source: Source, cancelled: Callable[[], bool]) -> Collected | None:
        """The whole of `source` as the child parsed it; None if it failed or read other
        text than `source` has. Raises ParseCancelled once `cancelled()` says so."""
        try:
            collected = self._collect(source, cancelled)
        except InterruptedError:
            self.cancel()
            raise ParseCancelled from None
        self.indexing = collected is not None and collected.document.style is not None
        if not self.indexing:
            self.cancel()
        return collected

    def _collect(self, source: Source, cancelled: Callable[[], bool]) -> Collected | None:
        receive = self._stream.receive
        header = receive(cancelled)
        if not (
            isinstance(header, _Header)
            and header.version == source.version
            and header.length == len(source.text)
        ):
            return None
        blocks: list[Block] = []
        while len(blocks) < header.blocks:
            batch = receive(cancelled)
            if not isinstance(batch, list) or not batch:
                return None
            blocks.extend(batch)
        tail = receive(cancelled)
        if not isinstance(tail, tuple) or len(tail) != 4:
            return None
        document = Document(source.text, header.title, blocks, header.headings, header.style)
        return Collected(document, *tail)

    def search_index(self, document: Document, cancelled: Callable[[], bool]) -> SearchIndex | None:
        """The search index of a Markdown `document` (as `collect` gave it), which the child
        builds next: styling every block takes seconds for a long one. None if there is
        none to come. Raises InterruptedError once `cancelled()` says so."""
        from reader.search import IndexParts, SearchIndex

        try:
            parts = self._stream.receive(cancelled)
        finally:
            self.cancel()
        if not isinstance(parts, IndexParts) or len(parts.starts) != len(document.blocks):
            return None
        return SearchIndex.of_parts(document, parts)

    def cancel(self) -> None:
        """Stop the child (if it is still at work) and let it go."""
        self._stream.cancel()


def parse_whole_ahead(source: Source) -> WholeAhead | None:
    """Start parsing the whole of `source`, a long Markdown or plain-text article shown
    from its start (or the start of a file, `head_only`), in a child; None where that
    cannot be."""
    if source.kind not in ("markdown", "plain") or (source.head_only and source.path is None):
        return None
    stream = fork_stream(lambda send: _parse_and_send(source, send), nice=NICE)
    return WholeAhead(stream) if stream is not None else None


def _parse_and_send(start: Source, send: Callable[[object], None]) -> None:
    """The child's work: read (if `start` is a file's start), parse, and send the header,
    the blocks, then shapes, word counts and the text's identity. (A file that cannot be
    read sends nothing: the app says why.)"""
    from reader.search import SearchIndex
    from reader.similarity import sketch
    from reader.store import fingerprint

    source = read_whole(start) if start.head_only else start
    document = document_of(source)
    blocks = document.blocks
    send(
        _Header(
            source.version,
            len(source.text),
            document.title,
            document.headings,
            document.style,
            len(blocks),
        )
    )
    for first in range(0, len(blocks), BATCH):
        send(blocks[first : first + BATCH])
    progress = ReadingProgress(document)
    send((block_shapes(blocks), progress, fingerprint(source.text), sketch(source.text)))
    if document.style is not None:  # Markdown, whose blocks are styled to be searched
        send(SearchIndex(document).parts)
