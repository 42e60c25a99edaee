"""Loading an article: what to show first, and the whole parse.

The whole parse and file reads run in workers (`reader.widgets.loader`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from reader.file_head import read_whole
from reader.line_index import Shapes, block_shapes
from reader.opening import document_of, start_of
from reader.parsers.outline import apply_outline
from reader.progress import ReadingProgress
from reader.safe_text import visible_line
from reader.source import ArticleError
from reader.widgets.blocks import prepare_highlighting

if TYPE_CHECKING:
    from reader.document import Document
    from reader.parsers.ahead import ParsedAhead
    from reader.parsers.whole_ahead import WholeAhead
    from reader.places import Places
    from reader.session import Reading
    from reader.source import Source

PlacesFor = Callable[["Source"], "Places | None"]  # an article's saved state, by its source


@dataclass(frozen=True, slots=True)
class Whole:
    """The whole of an article: its source, its places, and why the rest of a file read
    only in part could not be read (then its start stands for it, and nothing is saved)."""

    source: Source
    places: Places | None
    problem: str | None = None


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


def read_rest(reading: Reading, places_for: PlacesFor | None) -> Whole:
    """The reading's whole source (read from its file if it has only the start; then its
    places from `places_for`). Reads a file: run it in a worker."""
    source = reading.source
    if not source.head_only:
        return Whole(source, reading.places)
    try:
        whole = read_whole(source)
    except ArticleError as error:
        problem = (
            f"Only the start of {source.name} could be read ({visible_line(str(error))}): "
            "your place in it is not saved."
        )
        return Whole(replace(source, head_only=False), None, problem)
    return Whole(whole, places_for(whole) if places_for is not None else None)


def parse_whole(
    shown: Document | None,
    source: Source,
    places: Places | None,
    cancelled: Callable[[], bool],
    ahead: WholeAhead | None = None,
) -> tuple[Document, Shapes, ReadingProgress]:
    """The whole of `source` (`shown`: its preview), its blocks' shapes and word counts
    (and the text's fingerprint, for `places`), as the child parsing it `ahead` has them
    if it does.

    Long: run it in a worker. Raises ParseCancelled once `cancelled()` says so.
    """
    if shown is not None:  # the preview's code blocks are highlighted soon
        prepare_highlighting({block.language for block in shown.blocks if block.language})
    collected = ahead.collect(source, cancelled) if ahead is not None else None
    if collected is not None:
        if places is not None:
            places.identified(collected.identity, collected.sketch)
        return collected.document, collected.shapes, collected.progress
    document = document_of(source, cancelled=cancelled)
    if places is not None:
        places.identify()  # hashing megabytes would stall the UI thread
    return document, block_shapes(document.blocks), ReadingProgress(document)
