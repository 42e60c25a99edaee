"""One row of the article pane as drawn: the margin that centres the reading column,
the gutter (the passage's bar, a bookmark's mark), the block's line and the
selection's highlight; or a centred, muted message of the pane's own.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from reader.widgets.blocks import Palette

GUTTER = "▎ "  # beside the lines of the passage being read
BOOKMARK = "◆ "  # beside a bookmarked block's first line
RIGHT_GAP = 2  # blank columns between the text and the scrollbar


def column_width(width: int, max_column: int) -> int:
    """The reading column's width in a pane `width` wide: at most `max_column`, with room
    left for the gutter and a gap before the scrollbar.
    """
    return max(1, min(max_column, width - len(GUTTER) - RIGHT_GAP))


def left_margin(width: int, column: int) -> int:
    """Blank columns left of the gutter that centre a column in a pane `width` wide."""
    return max(0, (width - column - len(GUTTER) - RIGHT_GAP) // 2)


def gutter_mark(palette: Palette, style: Style, *, bookmark: bool, passage: bool) -> Segment:
    """A line's gutter: a bookmark's mark, else the passage's bar, else blank."""
    if bookmark:
        return Segment(BOOKMARK, palette.bookmark)
    if passage:
        return Segment(GUTTER, palette.gutter)
    return Segment(" " * len(GUTTER), style)


def article_row(line: Strip, margin: int, gutter: Segment, width: int, style: Style) -> Strip:
    """A block's line after the margin and gutter, cropped or padded to the pane's width."""
    return Strip([Segment(" " * margin, style), gutter, *line]).crop_extend(0, width, style)


def highlighted(row: Strip, span: tuple[int, int], width: int, highlight: Style) -> Strip:
    """A row with the selected columns, `span` (end -1: to the row's end), highlighted."""
    start, end = span
    end = width if end == -1 else min(end, width)
    return Strip.join(
        [row.crop(0, start), row.crop(start, end).apply_style(highlight), row.crop(end)]
    )


def message_row(message: str, width: int, style: Style, muted: Style) -> Strip:
    """A muted line of the pane's own (not article text), centred."""
    margin = max(0, (width - len(message)) // 2)
    return Strip([Segment(" " * margin, style), Segment(message, muted)]).crop_extend(
        0, width, style
    )
