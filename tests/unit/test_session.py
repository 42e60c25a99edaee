"""The reading session's rules, without Textual: status, sections, read-through, saving."""

from __future__ import annotations

from pathlib import Path

from reader.parsers import parse
from reader.session import LOADING, Reading
from reader.source import load


def opened(*, complete: bool = True) -> Reading:
    source = load(None)
    reading = Reading(source)
    reading.show(parse(source.text, source.kind, source.name), None, complete=complete)
    return reading


def first_block(reading: Reading, title: str) -> int:
    assert reading.document is not None
    return next(s.first_block for s in reading.document.sections if s.title == title)


def test_the_status_is_the_section_path_and_how_far_through() -> None:
    reading = opened()
    assert reading.status(at_end=False, words_per_minute=230) == ([], "")  # nothing reported
    reading.moved_to(first_block(reading, "2. AI Generalization"))
    path, progress = reading.status(at_end=False, words_per_minute=230)
    assert path == ["Implications for the AI Ecosystem", "2. AI Generalization"]
    assert progress.endswith("min left") and 0 < int(progress.split("%")[0]) < 100
    assert reading.status(at_end=True, words_per_minute=230)[1] == "100%  ·  the end"


def test_the_time_left_in_the_section_counts_its_words_alone() -> None:
    from reader.progress import ReadingProgress

    reading = opened()
    assert reading.document is not None
    reading.show(reading.document, ReadingProgress(reading.document), complete=True)
    section = next(s for s in reading.document.sections if s.title == "2. AI Generalization")
    reading.moved_to(section.first_block)
    words = sum(
        len(reading.document.blocks[b].plain.split())
        for b in range(section.first_block, section.end_block)
    )
    assert reading.section_time(at_end=False, words_per_minute=2 * words) == "< 1 min in section"
    assert reading.section_time(at_end=False, words_per_minute=words) == "1 min in section"
    assert reading.section_time(at_end=True, words_per_minute=230) == ""
    reading.moved_to(0)  # the title: the time left is the article's
    assert reading.section_time(at_end=False, words_per_minute=230) == ""
    last = reading.document.sections[-1]
    reading.moved_to(last.first_block)  # the last section: the same
    assert reading.section_time(at_end=False, words_per_minute=230) == ""


def test_a_preview_says_loading() -> None:
    reading = opened(complete=False)
    reading.moved_to(0)
    assert reading.status(at_end=False, words_per_minute=230)[1] == LOADING


def test_next_and_previous_sections() -> None:
    reading = opened()
    assert reading.document is not None
    heading = first_block(reading, "2. AI Generalization")
    nxt = reading.next_section(heading)
    assert nxt is not None and nxt.title == "3. Increased Competition in AI"
    never_past = lambda block: False  # noqa: E731
    prev = reading.previous_section(heading, never_past)
    assert prev is not None and prev.title == "1. Advancements in Natural Language Processing"
    inside = reading.previous_section(heading + 1, never_past)  # back to its own start
    assert inside is not None and inside.title == "2. AI Generalization"
    assert reading.previous_section(0, never_past) is None
    last = len(reading.document.blocks) - 1
    assert reading.next_section(last) is None


def test_sections_are_read_through_only_once_restored_and_only_once() -> None:
    reading = opened()
    start = first_block(reading, "1. Advancements in Natural Language Processing")
    end = first_block(reading, "3. Increased Competition in AI")
    assert reading.passed(start, end, at_end=False) == []  # the stored place is not back yet
    reading.restored = True
    read = reading.passed(start, end, at_end=False)
    assert [s.title for s in read] == [
        "1. Advancements in Natural Language Processing",
        "2. AI Generalization",
    ]
    assert reading.passed(start, end, at_end=False) == []  # already read


def test_the_place_is_savable_only_after_the_stored_one_was_applied() -> None:
    reading = opened()
    reading.moved_to(3)
    assert not reading.savable  # no saved state (store not open) and not restored
    reading.restored = True
    assert not reading.savable  # still no saved state to save to


def test_a_reader_who_moved_before_the_stored_place_was_found_is_saved(tmp_path: Path) -> None:
    """The terminal may close before the stored place is even looked up: a place the
    reader moved to on their own is theirs to keep; the start of the article is not."""
    from reader.places import Places
    from reader.store import Store

    reading = opened()
    reading.places = Places(Store.open(tmp_path), reading.source.text, None)
    reading.moved_to(0)
    assert not reading.savable  # the start: saving it would lose the stored place
    reading.moved_to(3)
    assert reading.savable


def test_a_file_change_is_told_once_and_its_going_back_restores_the_title() -> None:
    reading = opened()
    name = reading.source.name
    assert reading.file_changed(None) is None  # as opened: nothing to say
    subtitle, warning = reading.file_changed("changed") or ("", "")
    assert subtitle == f"{name} (changed on disk)" and "open it again" in warning
    assert reading.file_changed("changed") is None  # said once, not at every look
    subtitle, warning = reading.file_changed("gone") or ("", "")
    assert subtitle == f"{name} (deleted or moved)" and "kept" in warning
    assert reading.file_changed(None) == (name, "")  # put back: the plain name, no notice
