"""The section tree's width and how a long title is cut to it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text

from reader.widgets.tree_layout import MAX_WIDTH, MIN_WIDTH, fit_label, tree_width

FINAL = "What's New in Python 3.11.0 final?"
CANDIDATE = "What's New in Python 3.11.0 release candidate 2?"


def test_siblings_sharing_a_long_beginning_keep_what_tells_them_apart() -> None:
    assert fit_label(Text(FINAL), 28, (CANDIDATE,)).plain == "What's New in Python…final?"
    assert fit_label(Text(CANDIDATE), 28, (FINAL,)).plain == "What's…release candidate 2?"


def test_a_title_that_does_not_fit_ends_in_an_ellipsis_and_one_that_fits_is_whole() -> None:
    assert fit_label(Text("Implications for the AI Ecosystem"), 24).plain == (
        "Implications for the AI…"
    )
    assert fit_label(Text("The Anthropic Advantage"), 24).plain == "The Anthropic Advantage"


@given(st.text(min_size=1, max_size=80), st.integers(2, 60), st.lists(st.text(max_size=80)))
def test_a_cut_title_always_fits(title: str, width: int, siblings: list[str]) -> None:
    fitted = fit_label(Text(title), width, tuple(siblings))
    assert fitted.cell_len <= max(width, 1) or fitted.plain == title


def test_the_tree_takes_spare_room_up_to_what_its_titles_need() -> None:
    beside = 94  # an 88-column text, its gutter, scrollbar and a gap
    assert tree_width(200, 52, beside) == 55  # the titles' width, and its edge
    assert tree_width(200, 90, beside) == MAX_WIDTH
    assert tree_width(120, 52, beside) == 30  # a quarter: more than the 26 to spare
    assert tree_width(80, 52, beside) == 20
    assert tree_width(60, 52, beside) == MIN_WIDTH
    assert tree_width(120, 10, beside) == MIN_WIDTH


def test_a_chosen_width_wins_within_bounds() -> None:
    assert tree_width(120, 52, 94, chosen=44) == 44
    assert tree_width(120, 52, 94, chosen=200) == MAX_WIDTH
    assert tree_width(40, 52, 94, chosen=30) == 20  # the text keeps 20 columns
