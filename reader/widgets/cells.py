"""Cutting a line of text to a number of terminal cells, with "…" where it was cut.

Cells, not characters: a wide (CJK) character takes two.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size


def cut_end(text: str, cells: int) -> str:
    """`text` in at most `cells` columns, its end cut off ("Amazon’s Strateg…")."""
    if cell_len(text) <= cells:
        return text
    return set_cell_size(text, max(0, cells - 1)).rstrip() + "…" if cells > 0 else ""


def cut_start(text: str, cells: int) -> str:
    """`text` in at most `cells` columns, its start cut off ("…/notes/plan.md")."""
    if cell_len(text) <= cells:
        return text
    if cells <= 0:
        return ""
    used, start = 0, len(text)
    while start > 0:
        width = cell_len(text[start - 1])
        if used + width > cells - 1:
            break
        used += width
        start -= 1
    return "…" + text[start:]
