"""How wide the section tree is, and how a title too long for it is cut.

The tree takes the width its titles need when the window has room to spare
beside the reading column, up to `MAX_WIDTH`; in a narrow window it keeps a
quarter of it. A title that does not fit ends in "…"; when it shares a long
beginning with a sibling ("What's New in Python 3.11.0 final?" and "… release
candidate 2?"), the part that tells them apart is kept and the shared middle cut.
"""

from __future__ import annotations

from rich.text import Text

MIN_WIDTH = 16
MAX_WIDTH = 60
ELLIPSIS = "…"
_SHARED = 12  # a shared beginning at least this long is cut before the end is
_CHROME = 3  # the tree's right padding and border, and its scrollbar


def tree_width(window: int, needed: int, beside: int, chosen: int = 0) -> int:
    """The tree's width in a window `window` cells wide.

    `needed`: what its longest title needs; `beside`: what the reading column
    needs beside it (text, gutter, scrollbar and a gap); `chosen`: a width the
    reader set (by dragging or from the palette), 0 if none.
    """
    if chosen:
        return max(MIN_WIDTH, min(chosen, MAX_WIDTH, max(MIN_WIDTH, window - 20)))
    narrow = max(MIN_WIDTH, window // 4)
    spare = window - beside
    return max(MIN_WIDTH, min(needed + _CHROME, max(narrow, spare), MAX_WIDTH))


def fit_label(label: Text, width: int, siblings: tuple[str, ...] = ()) -> Text:
    """A label cut to `width` cells, ending in "…", keeping what sets it apart from `siblings`."""
    if label.cell_len <= width or width <= 1:
        return label
    plain = label.plain
    shared = max((_common_prefix(plain, other) for other in siblings if other != plain), default=0)
    if shared >= _SHARED:
        start = plain.rfind(" ", 0, shared) + 1 or shared  # from the start of its word
        tail = label[start:]
        head_room = width - tail.cell_len - 1
        if head_room >= 4:
            head = label[:head_room]
            head.rstrip()
            return Text.assemble(head, ELLIPSIS, tail)
        return _cut_end(Text.assemble(ELLIPSIS, tail), width)
    return _cut_end(label, width)


def _cut_end(label: Text, width: int) -> Text:
    cut = label.copy()
    cut.truncate(width - 1)
    cut.rstrip()
    cut.append(ELLIPSIS)
    return cut


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count
