"""Text selected in the article pane: the selected rows' text as shown (for copying),
and where the selected words are in the article's source text (for a bookmark).
"""

from __future__ import annotations

import re

from textual.geometry import Offset
from textual.selection import Selection

from reader.widgets.content_lines import ContentLines

DECORATION = frozenset({"▎", "◆", "▌", "•"})  # gutter and container marks, not article text


def selected_text(selection: Selection, lines: ContentLines, indent: int) -> str | None:
    """The selected text, each row as shown `indent` columns in (None: "everything")."""
    rows = _selected_rows(selection, lines)
    if rows is None:
        return None
    first, last = rows
    shown = [_row_text(lines, row, indent) for row in range(first, last + 1)]
    start, end = selection
    shifted = Selection(
        None if start is None else Offset(start.x, start.y - first),
        None if end is None else Offset(end.x, end.y - first),
    )
    return shifted.extract("\n".join(shown))


def source_span(selection: Selection, lines: ContentLines, indent: int) -> tuple[int, int] | None:
    """Where the selected words are, in order, in the source text of the blocks selected.

    Only words count: the source wraps, indents and marks up differently.
    """
    found = selected_text(selection, lines, indent)
    rows = _selected_rows(selection, lines)
    if found is None or rows is None or lines.document is None:
        return None
    words = [word for word in found.split() if word not in DECORATION]
    if not words:
        return None
    blocks = lines.document.blocks
    first = blocks[lines.index.block_at(rows[0])]
    last = blocks[lines.index.block_at(rows[1])]
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    match = pattern.search(lines.document.text, first.start, last.end)
    return None if match is None else match.span()


def _selected_rows(selection: Selection, lines: ContentLines) -> tuple[int, int] | None:
    start, end = selection
    if start is None or end is None or not len(lines.index):
        return None  # "everything": too much to be a passage
    return start.y, min(end.y, lines.index.total - 1)


def _row_text(lines: ContentLines, row: int, indent: int) -> str:
    strip = lines.line_at(row)[2]
    return "" if strip is None else " " * indent + strip.text
