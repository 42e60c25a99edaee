"""Loading an article: what to show first, and the whole parse.

The whole parse and file reads run in workers (`reader.widgets.loader`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.line_index import Shape, block_shapes
from reader.opening import document_of, start_of
from reader.parsers.outline import apply_outline
from reader.progress import ReadingProgress
from reader.widgets.blocks import prepare_highlighting

if TYPE_CHECKING:
    from reader.document import Document
    from reader.parsers.ahead import ParsedAhead
    from reader.session import Reading
    from reader.source import Source


def first_document(source: Source, ahead: ParsedAhead | None) -> tuple[Document, bool]:
    """The document to show first: all of a short article, the start of a long one (parsed
    by the process started ahead if it has it); and whether it is the whole article."""
    head = start_of(source)
    start = source.text if head is None else head
    document = ahead.document() if ahead is not None else None
    if document is None or document.text != start:
        document = document_of(source, start)
    elif source.outline:
        document = apply_outline(document, source.outline)
    return document, head is None


def parse_whole(
    reading: Reading, cancelled: Callable[[], bool]
) -> tuple[Document, list[Shape], ReadingProgress]:
    """The whole article, its blocks' shapes and word counts (and the text's fingerprint).

    Long: run it in a worker. Raises ParseCancelled once `cancelled()` says so.
    """
    shown = reading.document
    if shown is not None:  # the preview's code blocks are highlighted soon
        prepare_highlighting({block.language for block in shown.blocks if block.language})
    source = reading.source
    document = document_of(source, cancelled=cancelled)
    shapes = block_shapes(document.blocks)
    if reading.places is not None:
        reading.places.identify()  # hashing megabytes would stall the UI thread
    return document, shapes, ReadingProgress(document)
