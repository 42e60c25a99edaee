"""Cutting text to terminal cells: wide characters count twice, and the cut is marked."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.widgets.cells import cut_end, cut_start


def test_wide_characters_are_cut_by_their_cells_not_their_count() -> None:
    assert cut_end("日本語のタイトル", 7) == "日本語…"
    assert cut_start("日本語のタイトル", 7) == "…イトル"
    assert cut_start("/home/someone/notes/plan.md", 12) == "…tes/plan.md"


@given(st.text(max_size=40), st.integers(0, 50))
def test_a_cut_always_fits_and_text_that_fits_is_whole(text: str, cells: int) -> None:
    for cut in (cut_end, cut_start):
        shown = cut(text, cells)
        assert cell_len(shown) <= max(cells, 0) or shown == text
        if cell_len(text) <= cells:
            assert shown == text
