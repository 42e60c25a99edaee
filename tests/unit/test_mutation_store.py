"""The store used directly, at the edges the other tests leave: read-only, adoption, lists.

Written to kill mutants that survived the other unit tests (see the mutation report).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import SmallDisk

from reader.anchoring import Anchor
from reader.similarity import sketch
from reader.store import (
    DATABASE_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    Store,
    StoreError,
    fingerprint,
)

TEXT = "Title\n\nFirst paragraph of the article.\n\nSecond paragraph, with more words.\n"
LONG = " ".join(f"Sentence number {n} of a long article about many things." for n in range(60))


def anchor(passage: str = "Second paragraph") -> Anchor:
    start = TEXT.index(passage)
    return Anchor.from_span(TEXT, start, start + len(passage))


def newer(folder: Path) -> Store:
    """The store in `folder` as a newer reader left it: opened read-only."""
    with sqlite3.connect(folder / DATABASE_NAME) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    store = Store.open(folder)
    assert not store.writable
    return store


def test_a_read_only_store_finds_articles_by_text_or_path_and_never_adds_one(
    tmp_path: Path,
) -> None:
    """Catches a read-only lookup that ignores the text or the path, or answers wrongly."""
    store = Store.open(tmp_path)
    path = tmp_path / "a.txt"
    known = store.document(fingerprint(TEXT), path, "Title")
    store.close()
    store = newer(tmp_path)
    assert store.document(fingerprint(TEXT), None, "Title") == known  # by its text
    assert store.document(fingerprint("edited"), path, "Title") == known  # by its path
    assert store.document(fingerprint("new"), None, "New") == -1  # not there: nothing added
    assert store.document(fingerprint("new"), None, "New", adopt=known) == known
    assert store.document(fingerprint(TEXT), None, "Title", adopt=known + 5) == known
    assert len(store.recent()) == 1


def test_an_article_is_adopted_only_when_the_one_to_adopt_exists(tmp_path: Path) -> None:
    """Catches adoption skipped, forced on a known article, or of an id that is not there."""
    store = Store.open(tmp_path)
    old = store.document(fingerprint(TEXT), tmp_path / "a.txt", "Title")
    assert store.document(fingerprint(TEXT), tmp_path / "a.txt", "Title") == old  # no adopt
    other = store.document(fingerprint("other"), tmp_path / "o.txt", "Other")
    edited = fingerprint(TEXT + "An edit.")
    assert store.document(edited, tmp_path / "b.txt", "Title", adopt=old) == old
    assert store.document(fingerprint("other"), None, "Other", adopt=old) == other  # known
    missing = store.document(fingerprint("new"), None, "New", adopt=old + 100)
    assert missing not in (old, other, old + 100)
    assert len(store.recent()) == 3


def test_similar_document_recognises_a_stored_article_whose_file_is_gone(tmp_path: Path) -> None:
    """Catches the sketch or the title not passed on to the comparison."""
    store = Store.open(tmp_path)
    gone = tmp_path / "gone.txt"
    stored = store.document(fingerprint(LONG), gone, "Long", sketch(LONG))
    found = store.similar_document(sketch(LONG + " One more sentence."), "Long")
    assert found is not None
    assert (found.id, found.title, found.path) == (stored, "Long", str(gone))


def test_reattach_moves_an_article_to_its_new_path(tmp_path: Path) -> None:
    """Catches the article or its new path not passed on."""
    store = Store.open(tmp_path)
    document = store.document(fingerprint(TEXT), tmp_path / "gone.txt", "Title")
    store.reattach(document, tmp_path / "new.txt")
    assert store.document_info(document) == ("Title", str(tmp_path / "new.txt"))


def test_forget_deletes_an_article_and_all_its_state(tmp_path: Path) -> None:
    """Catches the article to forget not passed on."""
    store = Store.open(tmp_path)
    document = store.document(fingerprint(TEXT), None, "Title")
    kept = store.document(fingerprint("other"), None, "Other")
    store.add_bookmark(document, anchor(), "Title")
    store.save_position(document, anchor(), 0.5)
    store.forget(document)
    assert store.bookmarks() == [] and store.position(document) is None
    assert [entry.id for entry in store.recent()] == [kept]


def test_an_unknown_article_has_a_placeholder_title(tmp_path: Path) -> None:
    """Catches the placeholder title changed."""
    assert Store.open(tmp_path).document_info(42) == ("(unknown article)", None)


def test_recent_lists_the_latest_twenty_with_their_details(tmp_path: Path) -> None:
    """Catches the default limit changed, or an entry's id, title or time lost."""
    store = Store.open(tmp_path)
    ids = [store.document(fingerprint(f"text {n}"), None, f"Article {n}") for n in range(21)]
    recent = store.recent()
    assert len(recent) == 20
    latest = recent[0]
    assert (latest.id, latest.title) == (ids[-1], "Article 20")
    assert latest.opened_at > 0 and latest.path is None


def test_a_bookmark_has_no_note_unless_given_one(tmp_path: Path) -> None:
    """Catches a default note that is not empty."""
    store = Store.open(tmp_path)
    document = store.document(fingerprint(TEXT), None, "Title")
    assert store.add_bookmark(document, anchor(), "Title").note == ""
    assert store.bookmarks(document)[0].note == ""


def test_a_restored_bookmark_keeps_its_id_when_it_is_free(tmp_path: Path) -> None:
    """Catches undo always giving the bookmark a new id."""
    store = Store.open(tmp_path)
    document = store.document(fingerprint(TEXT), None, "Title")
    bookmark = store.add_bookmark(document, anchor(), "Title", "note")
    store.add_bookmark(document, anchor("First paragraph"), "Title")  # a later one
    store.delete_bookmark(bookmark.id)
    assert store.restore_bookmark(bookmark) == bookmark
    assert bookmark in store.bookmarks(document)


def test_a_store_on_a_read_only_disk_shows_what_it_has_and_says_why(
    small_disk: SmallDisk,
) -> None:
    """Catches the read-only store's warning, connection or read-only flag lost."""
    store = Store.open(small_disk.folder)
    document = store.document(fingerprint(TEXT), None, "Title")
    bookmark = store.add_bookmark(document, anchor(), "Title")
    store.close()
    small_disk.make_read_only()
    read_only = Store.open(small_disk.folder)
    path = small_disk.folder / DATABASE_NAME
    assert read_only.writable is False
    assert read_only.warning == (
        f"Nothing will be saved: {path} is read-only; your bookmarks are shown as they were."
    )
    assert read_only.bookmarks() == [bookmark]
    with pytest.raises(StoreError):
        read_only.add_bookmark(document, anchor(), "Title")


def test_fingerprints_ignore_line_endings_a_bom_and_trailing_space_but_nothing_else() -> None:
    """Catches an article's identity made blind to real edits, or sensitive to line endings."""
    assert fingerprint("a\r\nb\rc") == fingerprint("a\nb\nc")
    assert fingerprint("\ufeffa  \nb\n\n") == fingerprint("a\nb")
    assert fingerprint("a b") != fingerprint("a\nb")
    assert fingerprint("  indented") != fingerprint("indented")
    assert fingerprint("Xylophone") != fingerprint("ylophone")


def test_a_fingerprint_is_32_hex_digits_even_for_lone_surrogates() -> None:
    """Catches the stored identity's length changed, or undecodable text refused."""
    identity = fingerprint("caf\udce9")
    assert len(identity) == 32 and int(identity, 16) >= 0
    assert identity != fingerprint("caf\udce8")


def test_a_newer_store_is_exactly_not_writable(tmp_path: Path) -> None:
    """Catches a read-only store whose `writable` is not False."""
    Store.open(tmp_path).close()
    assert newer(tmp_path).writable is False


def test_an_empty_store_on_a_read_only_disk_keeps_state_for_the_session(
    small_disk: SmallDisk,
) -> None:
    """Catches a read-only database with nothing in it opened read-only instead of in memory."""
    (small_disk.folder / DATABASE_NAME).write_bytes(b"")
    small_disk.make_read_only()
    store = Store.open(small_disk.folder)
    assert store.writable
    assert store.warning == (
        f"Nothing will be saved: the data directory {small_disk.folder} cannot be used"
        " (it is read-only)."
    )


def test_an_old_store_that_cannot_be_migrated_on_a_full_disk_is_shown_read_only(
    small_disk: SmallDisk,
) -> None:
    """Catches a sound older database dropped (or garbled) when migrating it fails."""
    database = small_disk.folder / DATABASE_NAME
    db = sqlite3.connect(database)
    for step in MIGRATIONS[:3]:
        db.executescript(step)
    db.execute("PRAGMA user_version = 3")
    db.execute(
        "INSERT INTO documents (id, fingerprint, path, title, opened_at, progress, sketch)"
        " VALUES (1, ?, NULL, 'Title', 5, 0.5, x'00')",
        (fingerprint(TEXT),),
    )
    db.commit()
    db.close()
    small_disk.fill()
    store = Store.open(small_disk.folder)
    assert store.writable is False
    assert store.warning == (
        "Nothing will be saved: the disk is full; your bookmarks are shown as they were."
    )
    assert store.document_info(1) == ("Title", None)
    small_disk.free()
