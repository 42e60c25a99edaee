"""Reading's rules at their edges: what a fresh session says, and the first and last sections.

Written to kill mutants that survived the other unit tests (see the mutation report).
"""

from __future__ import annotations

from pathlib import Path

from reader.parsers import parse
from reader.session import LOADING, Reading
from reader.source import FileWatch, Source, load, load_path

NESTED = (
    "# Top\n\n## First\n\nOne.\n\n## Second\n\nTwo.\n\n### Deep\n\nThree.\n\n## Last\n\nFour.\n"
)
TWO_TOPS = "# Alpha\n\nOne.\n\n# Beta\n\nTwo.\n"


def reading_of(text: str, *, complete: bool = True) -> Reading:
    reading = Reading(Source(text, "a.md", "markdown"))
    reading.show(parse(text, "markdown", "a.md"), None, complete=complete)
    return reading


def block_of(reading: Reading, title: str) -> int:
    assert reading.document is not None
    return next(s.first_block for s in reading.document.sections if s.title == title)


def test_a_fresh_reading_has_shown_read_and_restored_nothing() -> None:
    """Catches a session that starts as if loaded, restored, finding or already moved."""
    reading = Reading(load(None))
    assert reading.fragment == ""
    assert reading.document is None
    assert reading.complete is False
    assert reading.progress is None
    assert reading.finding is False
    assert reading.restored is False
    assert reading.read == set()
    assert reading.file_change is None
    assert not reading.ready_to_restore and not reading.savable
    assert reading.moved_to(0) == -1  # no block was being read before


def test_a_fragment_given_is_kept() -> None:
    """Catches a link's #section being dropped when the session is made."""
    assert Reading(load(None), "intro").fragment == "intro"


def test_only_an_article_read_from_a_file_is_watched(tmp_path: Path) -> None:
    """Catches the file watch made for text with no file, or not made for a file."""
    file = tmp_path / "a.txt"
    file.write_text("Some text.\n", encoding="utf-8")
    assert isinstance(Reading(load_path(file)).watch, FileWatch)
    assert Reading(Source("Some text.\n", "pasted", "plain")).watch is None  # no file


def test_without_a_document_there_is_no_next_or_previous_section() -> None:
    """Catches `or` turned into `and` in the guard: the session must not crash before loading."""
    reading = Reading(load(None))
    assert reading.next_section(0) is None
    assert reading.previous_section(0, lambda block: False) is None


def test_the_next_section_from_the_first_block_and_to_the_last_section() -> None:
    """Catches the first block read as the second, and the last section never reached."""
    reading = reading_of(NESTED)
    first = reading.next_section(0)  # block 0 is the root's heading
    assert first is not None and first.title == "First"
    assert reading.next_section(-5) is first
    last = reading.next_section(block_of(reading, "Deep"))
    assert last is not None and last.title == "Last"
    assert reading.next_section(block_of(reading, "Last")) is None


def test_previous_section_asks_about_the_sections_own_first_block() -> None:
    """Catches `scrolled_past` asked about anything but the section's first block."""
    reading = reading_of(NESTED)
    start = block_of(reading, "Second")
    asked: list[int] = []

    def scrolled_past(block: int) -> bool:
        asked.append(block)
        return block == start

    section = reading.previous_section(start, scrolled_past)
    assert section is not None and section.title == "Second"
    assert asked == [start]


def test_no_previous_section_before_the_first_even_under_a_synthetic_root() -> None:
    """Catches the synthetic root (starting at the same block) taken for an earlier section."""
    reading = reading_of(TWO_TOPS)
    assert reading.document is not None and reading.document.root.synthetic
    assert reading.previous_section(0, lambda block: False) is None


def test_a_preview_status_is_the_section_path_outermost_first() -> None:
    """Catches the path reversed or reduced while the article is still loading."""
    reading = reading_of(NESTED, complete=False)
    reading.moved_to(block_of(reading, "Deep") + 1)
    assert reading.status(at_end=False, words_per_minute=230) == (["Second", "Deep"], LOADING)
    reading.moved_to(0)
    assert reading.status(at_end=False, words_per_minute=230) == (["Top"], LOADING)


def test_at_the_end_every_section_still_open_is_read_through() -> None:
    """Catches `at_end` ignored: sections ending on screen at the article's end count as read."""
    reading = reading_of(NESTED)
    reading.restored = True
    start = block_of(reading, "Last")
    read = reading.passed(start, start + 1, at_end=True)
    assert {s.title for s in read} == {"Last", "Top"}
