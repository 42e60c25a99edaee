"""The plain-text layout measures: the cheap column test agrees with the full one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.parsers import plaintext_layout
from reader.parsers.plaintext_layout import Chunk

LINES = st.text(alphabet="ab .:|+-=\t\xa0─│", max_size=30)


@given(LINES)
def test_the_quick_column_test_agrees_with_the_pattern(line: str) -> None:
    columns = plaintext_layout._COLUMNS.search(line.strip()) is not None
    assert plaintext_layout._columns(line.strip()) == columns


def test_a_block_asks_whether_its_layout_matters_once() -> None:
    chunk = Chunk(["a | b | c", "d | e | f"], [0, 10], 0)
    assert chunk.layout_matters() is True
    chunk.lines = ["plain words", "and more of them"]  # the answer is kept, not asked again
    assert chunk.layout_matters() is True


@given(text=st.text(alphabet="ab\n\f", max_size=40))
def test_lines_split_a_piece_at_a_time_are_the_lines_split_at_once(text: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plaintext_layout, "SPLIT_PIECE", 3)
        assert list(plaintext_layout.lines_of(text)) == text.split("\n")
