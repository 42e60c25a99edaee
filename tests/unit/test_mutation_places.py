"""Places on its own: what is saved and found again, what is refused before loading, messages.

Written to kill mutants that survived the other unit tests (see the mutation report).
"""

from __future__ import annotations

from pathlib import Path

from conftest import NEWS, SmallDisk

from reader.anchoring import Anchor
from reader.document import Document
from reader.parsers import parse
from reader.places import Places, locate, locate_place
from reader.records import Bookmark
from reader.similarity import sketch
from reader.store import Store

TEXT = NEWS.read_text(encoding="utf-8")
TITLE = "Amazon invests $4B in Anthropic AI startup"
EDITED = TEXT.replace("a loud public statement", "a clear statement")
PASSAGE = "Implications for the AI Ecosystem"
MOVED = "A new first paragraph, added above everything else.\n\n" + TEXT
OTHER = (
    "Tomatoes\n\nSow the seeds indoors six weeks before the last frost, in trays of fine"
    " compost kept warm and damp, and plant them out when the nights stay mild.\n"
)
GONE = Anchor(100, 124, "no such passage anywhere", "", "")


def document(text: str) -> Document:
    return parse(text, "plain", "article.txt")


def block_of(doc: Document, passage: str) -> int:
    return next(
        i for i, block in enumerate(doc.blocks) if doc.text[block.start :].startswith(passage)
    )


def opened(store: Store, text: str, path: Path | None) -> tuple[Places, Document]:
    places, doc = Places(store, text, path), document(text)
    places.stored_place(doc)
    return places, doc


def a_bookmark(text: str, passage: str) -> Bookmark:
    start = text.index(passage)
    return Bookmark(1, 1, Anchor.from_span(text, start, start + len(passage)), "", "", 0.0)


def test_locate_finds_moved_passages_orphans_gone_ones_and_keeps_to_its_budget() -> None:
    """Catches the budget or `cancelled` not passed on, and an orphan looked up anyway."""
    doc = document(MOVED)
    moved, gone = a_bookmark(TEXT, PASSAGE), Bookmark(2, 1, GONE, "", "", 0.0)
    assert locate([moved, gone], doc) == [(moved, block_of(doc, PASSAGE)), (gone, None)]
    assert locate([moved], doc, budget=0) == [(moved, None)]  # no time: only the old position
    assert locate([moved], doc, cancelled=lambda: True) == [(moved, None)]


def test_locate_place_finds_a_moved_place_and_keeps_to_its_budget() -> None:
    """Catches the place not searched for, not placed, or searched past its budget."""
    doc = document(MOVED)
    anchor = a_bookmark(TEXT, PASSAGE).anchor
    assert locate_place(anchor, doc) == block_of(doc, PASSAGE)
    assert locate_place(anchor, doc, budget=0) is None
    assert locate_place(anchor, doc, cancelled=lambda: True) is None
    assert locate_place(GONE, doc) is None


def test_nothing_is_stored_before_the_article_is_looked_up(tmp_path: Path) -> None:
    """Catches bookmarks, places or sections read written before `stored_place` ran."""
    store = Store.open(tmp_path / "state")
    places, doc = Places(store, TEXT, tmp_path / "a.txt"), document(TEXT)
    assert places.document_id is None
    assert places.bookmark(doc, 3, "") == "Bookmarks are available once the article has loaded."
    assert places.save(doc, 3, 0.5) is None
    assert places.mark_read(doc, doc.sections[:2]) is None
    assert places.stored_bookmarks() == []
    assert places.read_sections(doc) == set()
    assert store.recent() == []


def test_a_new_article_is_stored_at_its_path_with_no_message(tmp_path: Path) -> None:
    """Catches the path dropped, or an empty message given instead of none."""
    store = Store.open(tmp_path / "state")
    path = tmp_path / "a.txt"
    places, doc = Places(store, TEXT, path), document(TEXT)
    assert places.resume(doc) == (None, None)
    assert places.document_id is not None
    (entry,) = store.recent()
    assert entry.path == str(path) and entry.title == TITLE


def test_a_saved_place_is_resumed_with_its_progress(tmp_path: Path) -> None:
    """Catches the place not saved under the article, not resumed, or a wrong progress."""
    store = Store.open(tmp_path / "state")
    places, doc = opened(store, TEXT, tmp_path / "a.txt")
    block = block_of(doc, PASSAGE)
    assert places.save(doc, block, 0.37) is None
    (entry,) = store.recent()
    assert entry.progress == 0.37  # what the session worked out, stored as it is
    again = Places(store, TEXT, tmp_path / "a.txt")
    assert again.resume(document(TEXT)) == (block, None)
    moved_doc = document(MOVED)
    assert Places(store, MOVED, tmp_path / "a.txt").resume(moved_doc, budget=0) == (None, None)
    assert Places(store, MOVED, tmp_path / "a.txt").resume(moved_doc)[0] == block_of(
        moved_doc, PASSAGE
    )


def test_a_one_character_passage_is_saved_as_that_character(tmp_path: Path) -> None:
    """Catches a place anchored on more than its passage when the passage is one character."""
    text = "I\n\nA paragraph after a one-letter line, long enough to be body text here.\n"
    store = Store.open(tmp_path / "state")
    places, doc = opened(store, text, None)
    assert doc.text[doc.blocks[0].start : doc.blocks[0].end] == "I"
    assert places.save(doc, 0, 0.5) is None
    assert places.document_id is not None
    position = store.position(places.document_id)
    assert position is not None and (position.anchor.start, position.anchor.end) == (0, 1)


def test_an_empty_article_saves_no_place(tmp_path: Path) -> None:
    """Catches a place saved in an article with no blocks (there is none to save)."""
    store = Store.open(tmp_path / "state")
    places, doc = opened(store, "", None)
    assert places.save(doc, 0, 0.5) is None


def test_sections_marked_read_are_read_back_for_this_article_only(tmp_path: Path) -> None:
    """Catches sections read stored under no article, or read back inverted or for another."""
    store = Store.open(tmp_path / "state")
    places, doc = opened(store, TEXT, tmp_path / "a.txt")
    other, other_doc = opened(store, OTHER, tmp_path / "b.txt")
    read = doc.sections[1:3]
    assert places.mark_read(doc, read) is None
    assert places.read_sections(doc) == set(read)
    assert Places(store, TEXT, tmp_path / "a.txt").read_sections(doc) == set()  # not looked up
    assert other.read_sections(other_doc) == set()


def test_bookmarks_are_this_articles_only_and_kept_to_their_budget(tmp_path: Path) -> None:
    """Catches every article's bookmarks returned, or the budget not passed on."""
    store = Store.open(tmp_path / "state")
    places, doc = opened(store, TEXT, tmp_path / "a.txt")
    other, other_doc = opened(store, OTHER, tmp_path / "b.txt")
    mine = places.bookmark(doc, block_of(doc, PASSAGE), "mine")
    assert isinstance(other.bookmark(other_doc, 0, "theirs"), Bookmark)
    assert isinstance(mine, Bookmark)
    assert places.stored_bookmarks() == [mine]
    moved = document(MOVED)
    assert places.bookmarks(moved) == [(mine, block_of(moved, PASSAGE))]
    assert places.bookmarks(moved, budget=0) == [(mine, None)]


def test_a_moved_and_edited_article_is_recognised_and_says_where_it_was(tmp_path: Path) -> None:
    """Catches the sketch not computed, and the recognition message changed or lost."""
    store = Store.open(tmp_path / "state")
    old = tmp_path / "gone.txt"  # never there: the file is gone
    places, doc = opened(store, TEXT, old)
    places.save(doc, block_of(doc, PASSAGE), 0.5)
    edited = document(EDITED)
    block, message = Places(store, EDITED, tmp_path / "b.txt").resume(edited)
    assert block == block_of(edited, PASSAGE)
    assert message == (
        f"Recognised as “{TITLE}” (last opened as {old}): your place and bookmarks follow."
    )


def test_an_article_stored_without_a_path_is_recognised_without_one(tmp_path: Path) -> None:
    """Catches the “last opened as” part shown (or garbled) for an article that had no path."""
    store = Store.open(tmp_path / "state")
    places, doc = opened(store, TEXT, None)
    places.save(doc, block_of(doc, PASSAGE), 0.5)
    _, message = Places(store, EDITED, tmp_path / "b.txt").resume(document(EDITED))
    assert message == f"Recognised as “{TITLE}”: your place and bookmarks follow."


def test_an_article_that_could_not_be_added_is_added_by_its_first_save(
    small_disk: SmallDisk,
) -> None:
    """Catches the article added late without its text, path, title or sketch, or not at all."""
    Store.open(small_disk.folder).close()
    store = Store.open(small_disk.folder)
    path = small_disk.folder / "never-there.txt"  # its file is gone: it may be recognised
    doc = document(TEXT)
    small_disk.fill()
    for action in ("bookmark", "mark_read", "save"):
        places = Places(store, TEXT, path)
        anchor, problem = places.stored_place(doc)
        assert anchor is None and problem is not None and places.document_id is None
        small_disk.free()
        if action == "bookmark":
            assert isinstance(places.bookmark(doc, 3, "late"), Bookmark)
        elif action == "mark_read":
            assert places.mark_read(doc, doc.sections[1:2]) is None
            assert places.read_sections(doc) == set(doc.sections[1:2])
        else:
            assert places.save(doc, 3, 0.5) is None
        assert places.document_id is not None
        (entry,) = store.recent()
        assert (entry.id, entry.title, entry.path) == (places.document_id, TITLE, str(path))
        found = store.similar_document(sketch(EDITED), TITLE)
        assert found is not None and found.id == places.document_id
        store.forget(places.document_id)
        small_disk.fill()
    small_disk.free()
