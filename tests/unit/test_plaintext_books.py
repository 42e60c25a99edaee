"""Books in plain text: chapters make the tree; dialogue, verse and title pages do not."""

from __future__ import annotations

from reader.outline import outline
from reader.parsers.plaintext import parse_plain

PARAGRAPH = (
    "Alice was beginning to get very tired of sitting by her sister on the\n"
    "bank, and of having nothing to do: once or twice she had peeped into the\n"
    "book her sister was reading, but it had no pictures or conversations in it.\n"
)


def chapter(number: str, title: str, *middle: str) -> str:
    return (
        f"CHAPTER {number}. {title}\n\n"
        + PARAGRAPH
        + "\n"
        + "".join(line + "\n\n" + PARAGRAPH + "\n" for line in middle)
    )


def test_a_title_page_does_not_hide_the_first_chapter() -> None:
    text = (
        "ALICE'S ADVENTURES IN WONDERLAND\n\nLewis Carroll\n\n"
        "THE MILLENNIUM FULCRUM EDITION 3.0\n\n\n\n"
        + chapter("I", "Down the Rabbit-Hole")
        + chapter("II", "The Pool of Tears")
        + chapter("III", "A Caucus-Race and a Long Tale")
    )
    assert outline(parse_plain(text, "alice")) == (
        "ALICE'S ADVENTURES IN WONDERLAND\n  CHAPTER I. Down the Rabbit-Hole\n"
        "  CHAPTER II. The Pool of Tears\n  CHAPTER III. A Caucus-Race and a Long Tale"
    )


def test_dialogue_on_a_line_of_its_own_is_not_a_heading() -> None:
    text = (
        "Alice's Adventures\n\n"
        + chapter("I", "Down the Rabbit-Hole", "Oh dear, what nonsense I'm talking!'")
        + chapter("II", "The Pool of Tears", "Alice folded her hands, and began:--")
        + chapter("III", "A Caucus-Race", "Can it be Neptune?", "The next question was--")
    )
    assert outline(parse_plain(text, "alice")) == (
        "Alice's Adventures\n  CHAPTER I. Down the Rabbit-Hole\n  CHAPTER II. The Pool of Tears\n"
        "  CHAPTER III. A Caucus-Race"
    )


def test_a_word_in_capitals_inside_verse_is_not_a_heading() -> None:
    verse = "   Speak roughly to your little boy,\n    And beat him when he sneezes:\n"
    text = (
        "Alice's Adventures\n\n"
        + chapter("I", "Pig and Pepper")
        + verse
        + "\n         CHORUS.\n\n"
        + verse
        + "\n"
        + PARAGRAPH
    )
    assert outline(parse_plain(text, "alice")) == (
        "Alice's Adventures\n  CHAPTER I. Pig and Pepper"
    )


def test_header_fields_are_not_headings() -> None:
    text = (
        "Project Gutenberg's Alice's Adventures in Wonderland, by Lewis Carroll\n\n"
        + PARAGRAPH
        + "\n\nTitle: Alice's Adventures in Wonderland\n\nAuthor: Lewis Carroll\n\n"
        + PARAGRAPH
        + "\nIntroduction\n\n"
        + PARAGRAPH
    )
    assert [s.title for s in parse_plain(text, "alice").sections][1:] == ["Introduction"]


def test_chapters_nest_under_their_volume() -> None:
    text = (
        "VOLUME I\n\nCHAPTER I\n\n\n"
        + PARAGRAPH
        + "\nCHAPTER II\n\n\n"
        + PARAGRAPH
        + "\nVOLUME II\n\nCHAPTER I\n\n\n"
        + PARAGRAPH
    )
    assert outline(parse_plain(text, "emma")) == (
        "emma  (synthesized)\n  VOLUME I\n    CHAPTER I\n    CHAPTER II\n  VOLUME II\n    CHAPTER I"
    )


def test_an_epilogue_stands_level_with_the_chapters_and_stage_directions_do_not() -> None:
    text = (
        "[Moby Dick by Herman Melville 1851]\n\n\nETYMOLOGY.\n\n"
        + PARAGRAPH
        + "\n"
        + chapter("1", "Loomings")
        + chapter("2", "The Carpet-Bag", "HARPOONEERS AND SAILORS.")
        + chapter("3", "The Spouter-Inn", "AHAB (ADVANCING)")
        + "Epilogue\n\n"
        + PARAGRAPH
    )
    assert outline(parse_plain(text, "moby")) == (
        "moby  (synthesized)\n  ETYMOLOGY.\n  CHAPTER 1. Loomings\n"
        "  CHAPTER 2. The Carpet-Bag\n  CHAPTER 3. The Spouter-Inn\n  Epilogue"
    )
