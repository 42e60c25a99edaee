"""The way back keeps places, not articles' texts."""

from __future__ import annotations

from pathlib import Path

from reader.jumps import JumpList, Place
from reader.source import Source


def test_a_place_left_in_a_file_keeps_the_file_not_its_text() -> None:
    book = Source("A long book. " * 100_000, "book.txt", "plain", Path("/books/book.txt"))
    jumps = JumpList()
    jumps.jumped(Place(book, 7, "A Book", "Chapter 2"))
    kept = jumps.behind
    assert kept is not None and kept.source is None  # the text is read again on the way back
    assert kept.path == book.path and kept.block == 7 and kept.section == "Chapter 2"
    assert kept.same_article(book)
    assert not kept.same_article(Source("Other.", "other.txt", "plain", Path("/other.txt")))


def test_a_place_in_text_with_no_file_keeps_the_text() -> None:
    piped = Source("Text read from a pipe.", "stdin", "plain")
    jumps = JumpList()
    jumps.jumped(Place(piped, 0, "Piped", "Piped"))
    assert jumps.behind is not None and jumps.behind.source is piped
    back = jumps.back(Place(piped, 3, "Piped", "Piped"))
    assert back is not None and back.source is piped
    assert jumps.forward(back) is not None
