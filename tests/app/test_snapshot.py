"""What the opening screen looks like, pixel for pixel (Textual is pinned, so this is stable)."""

from __future__ import annotations

from reader.app import ReaderApp
from reader.source import load


def test_opening_screen_of_the_bundled_article(snap_compare) -> None:
    assert snap_compare(ReaderApp(load(None)), terminal_size=(120, 40))


def test_after_jumping_to_a_numbered_subsection(snap_compare) -> None:
    keys = ["right_square_bracket"] * 5
    assert snap_compare(ReaderApp(load(None)), press=keys, terminal_size=(100, 30))
