"""An outline a source declares of itself (a book's table of contents), made its tree.

The text's own headings still show as headings; the tree is the outline's, with its
titles and nesting, each entry starting at the block where its text begins.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from reader.document import Document, Heading


class OutlineEntry(NamedTuple):
    """A section the source declares: where its text starts, how deep it is (0 at the
    top) and its title."""

    offset: int
    depth: int
    title: str


Outline = tuple[OutlineEntry, ...]


def apply_outline(document: Document, outline: Outline) -> Document:
    """The document with `outline` as its section tree; as it is when no entry falls in
    its text (an outline of nothing, or a preview that ends before the first entry)."""
    blocks = document.blocks
    ends = [block.end for block in blocks]
    headings = []
    for entry in sorted(outline, key=lambda each: each.offset):  # stable: parents first
        index = bisect_right(ends, entry.offset)  # the first block ending after it
        if index < len(blocks):  # declared by the book: never marked as synthesized
            headings.append(Heading(index, entry.depth + 1, entry.title))
    return document.with_headings(headings) if headings else document
