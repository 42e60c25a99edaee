"""The SQLite state store, used directly."""

from __future__ import annotations

import multiprocessing
import random
import sqlite3
import stat
from pathlib import Path

import pytest

from reader.anchoring import Anchor
from reader.store import DATABASE_NAME, SCHEMA_VERSION, Store, StoreError, fingerprint

TEXT = "Title\n\nFirst paragraph of the article.\n\nSecond paragraph, with more words.\n"


def anchor(text: str = TEXT, passage: str = "Second paragraph") -> Anchor:
    start = text.index(passage)
    return Anchor.from_span(text, start, start + len(passage))


def test_a_new_store_is_private_versioned_and_in_wal_mode(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "reader"
    store = Store.open(folder)
    assert store.warning is None and store.writable
    database = folder / DATABASE_NAME
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    store.close()
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_default_location_honours_xdg_data_home(isolated_dirs: Path) -> None:
    Store.open().close()
    assert (isolated_dirs / "xdg_data_home" / "reader" / DATABASE_NAME).is_file()


def test_a_document_keeps_its_state_when_moved_or_edited(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    moved, other = Path("/moved/a.txt"), Path("/other.txt")
    first = store.document(fingerprint(TEXT), Path("/articles/a.txt"), "Title")
    assert store.document(fingerprint(TEXT.replace("\n", "\r\n")), moved, "Title") == first
    assert store.document(fingerprint(TEXT + "\nAn added line.\n"), moved, "Title") == first
    assert store.document(fingerprint("Something else entirely."), other, "Other") != first
    assert fingerprint("a  \nb\n") == fingerprint("a\r\nb")


def test_positions_and_bookmarks_round_trip(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    document = store.document(fingerprint(TEXT), None, "Title")
    assert store.position(document) is None
    store.save_position(document, anchor(passage="First paragraph"), 0.1)
    store.save_position(document, anchor(), 0.5)
    position = store.position(document)
    assert position is not None and position.anchor == anchor()
    assert store.recent()[0].progress == 0.5
    older = store.add_bookmark(document, anchor(passage="First paragraph"), "Title")
    newer = store.add_bookmark(document, anchor(), "Title", "a note")
    assert [b.id for b in store.bookmarks(document)] == [newer.id, older.id]
    store.update_note(older.id, "edited")
    store.delete_bookmark(newer.id)
    assert [(b.id, b.note) for b in store.bookmarks()] == [(older.id, "edited")]
    store.restore_bookmark(newer)
    assert [b.id for b in store.bookmarks(document)] == [newer.id, older.id]
    store.close()
    reopened = Store.open(tmp_path)
    assert len(reopened.bookmarks(document)) == 2


@pytest.mark.parametrize(
    "content",
    [random.Random(4096).randbytes(4096), b"SQLite format 3\x00" + b"\x00" * 50, b"not a database"],
    ids=["noise", "empty header", "text"],
)
def test_a_damaged_database_is_kept_aside_and_a_new_one_started(
    tmp_path: Path, content: bytes
) -> None:
    (tmp_path / DATABASE_NAME).write_bytes(content)
    store = Store.open(tmp_path)
    assert store.writable and store.warning is not None and "kept as" in store.warning
    kept = list(tmp_path.glob(f"{DATABASE_NAME}.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert str(kept[0]) in store.warning
    store.add_bookmark(store.document(fingerprint(TEXT), None, "T"), anchor(), "T")


@pytest.mark.parametrize("version", [0, SCHEMA_VERSION])
def test_someone_elses_database_is_kept_aside(tmp_path: Path, version: int) -> None:
    with sqlite3.connect(tmp_path / DATABASE_NAME) as db:
        db.execute("CREATE TABLE documents (name TEXT)")
        db.execute(f"PRAGMA user_version = {version}")
    store = Store.open(tmp_path)
    assert store.warning is not None and store.writable
    assert list(tmp_path.glob(f"{DATABASE_NAME}.damaged-*"))
    store.add_bookmark(store.document(fingerprint(TEXT), None, "T"), anchor(), "T")


def test_a_truncated_database_is_kept_aside_and_the_rest_is_not_touched(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    document = store.document(fingerprint(TEXT), None, "Title")
    for n in range(200):
        store.add_bookmark(document, anchor(), "Title", f"note {n} " + "x" * 500)
    store.close()
    database = tmp_path / DATABASE_NAME
    whole = database.read_bytes()
    database.write_bytes(whole[: len(whole) // 2])
    store = Store.open(tmp_path)
    assert store.writable and store.warning is not None and "kept as" in store.warning
    (kept,) = tmp_path.glob(f"{DATABASE_NAME}.damaged-*[0-9]")  # and its -wal, -shm files
    assert kept.read_bytes() == whole[: len(whole) // 2]
    assert store.bookmarks() == []


def test_an_unreadable_database_is_never_moved_aside(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    (tmp_path / DATABASE_NAME).unlink()
    (tmp_path / DATABASE_NAME).mkdir()  # cannot be opened, but is not damaged data either
    store = Store.open(tmp_path)
    assert store.warning is not None and store.warning.startswith("Nothing will be saved")
    assert not list(tmp_path.glob(f"{DATABASE_NAME}.damaged-*"))


def test_an_empty_file_becomes_a_fresh_store(tmp_path: Path) -> None:
    (tmp_path / DATABASE_NAME).write_bytes(b"")
    store = Store.open(tmp_path)
    assert store.warning is None and store.writable


def test_a_newer_database_is_opened_read_only(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    document = store.document(fingerprint(TEXT), None, "Title")
    store.add_bookmark(document, anchor(), "Title")
    store.close()
    with sqlite3.connect(tmp_path / DATABASE_NAME) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    newer = Store.open(tmp_path)
    assert not newer.writable and newer.warning is not None and "newer" in newer.warning
    assert len(newer.bookmarks()) == 1
    with pytest.raises(StoreError, match="read-only"):
        newer.add_bookmark(document, anchor(), "Title")


def test_an_unusable_data_directory_keeps_state_for_the_session_only(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("")
    store = Store.open(blocker / "reader")
    assert store.writable and store.warning is not None
    assert store.warning.startswith("Nothing will be saved")
    document = store.document(fingerprint(TEXT), None, "Title")
    store.add_bookmark(document, anchor(), "Title")
    assert len(store.bookmarks()) == 1


def _add_bookmarks(folder: str, worker: int, count: int) -> None:
    store = Store.open(Path(folder))
    document = store.document(fingerprint(TEXT), None, "Title")
    for n in range(count):
        store.add_bookmark(document, anchor(), "Title", f"worker {worker} #{n}")
    store.close()


def test_two_processes_adding_bookmarks_lose_none(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_add_bookmarks, args=(str(tmp_path), worker, 60))
        for worker in range(2)
    ]
    for process in workers:
        process.start()
    for process in workers:
        process.join(60)
        assert process.exitcode == 0
    notes = {b.note for b in Store.open(tmp_path).bookmarks()}
    assert notes == {f"worker {w} #{n}" for w in range(2) for n in range(60)}


def test_a_data_directory_whose_path_looks_like_a_uri_is_used_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("a text file where a careless URI would point")
    folder = tmp_path / "notes#2?x=%41" / "reader"
    store = Store.open(folder)
    store.add_bookmark(store.document(fingerprint(TEXT), None, "T"), anchor(), "T", "kept")
    store.close()
    again = Store.open(folder)
    assert again.warning is None and [b.note for b in again.bookmarks()] == ["kept"]
    assert not list(folder.glob("*.damaged-*"))


def test_damaged_databases_kept_in_the_same_second_never_overwrite_each_other(
    tmp_path: Path,
) -> None:
    for content in (b"first damaged file", b"second damaged file"):
        (tmp_path / DATABASE_NAME).write_bytes(content)
        Store.open(tmp_path).close()
    kept = {path.read_bytes() for path in tmp_path.glob(f"{DATABASE_NAME}.damaged-*")}
    assert kept == {b"first damaged file", b"second damaged file"}


def test_undo_gives_a_new_id_when_another_reader_took_the_old_one(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    document = store.document(fingerprint(TEXT), None, "Title")
    deleted = store.add_bookmark(document, anchor(), "Title", "deleted, then undone")
    store.delete_bookmark(deleted.id)
    other = Store.open(tmp_path)
    taken = other.add_bookmark(document, anchor(), "Title", "added elsewhere")
    assert taken.id == deleted.id
    restored = store.restore_bookmark(deleted)
    assert restored.id != deleted.id and restored.created_at == deleted.created_at
    assert {b.note for b in store.bookmarks()} == {"deleted, then undone", "added elsewhere"}


def test_a_version_1_database_is_migrated_keeping_every_bookmark(tmp_path: Path) -> None:
    from reader.store import MIGRATIONS

    database = tmp_path / DATABASE_NAME
    db = sqlite3.connect(database)
    db.executescript(MIGRATIONS[0])
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO documents (id, fingerprint, path, title, opened_at)"
        " VALUES (1, ?, NULL, 'T', 0)",
        (fingerprint(TEXT),),
    )
    db.execute(
        'INSERT INTO bookmarks (document_id, start, "end", exact, prefix, suffix, block_id,'
        " section, note, created_at) VALUES (1, 7, 12, 'First', '', '', 'p', 'T', 'old note', 0)"
    )
    db.commit()
    db.close()
    store = Store.open(tmp_path)
    assert store.warning is None and store.writable
    assert [b.note for b in store.bookmarks()] == ["old note"]
    store.mark_read(1, ["2:0:Section", "2:0:Section"])
    assert store.read_sections(1) == {"2:0:Section"}
    store.close()
    with sqlite3.connect(database) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4


def columns(database: Path, table: str) -> list[str]:
    with sqlite3.connect(database) as db:
        return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]


def test_a_version_3_database_is_migrated_keeping_positions_and_bookmarks(tmp_path: Path) -> None:
    from reader.store import MIGRATIONS

    database = tmp_path / DATABASE_NAME
    db = sqlite3.connect(database)
    for step in MIGRATIONS[:3]:
        db.executescript(step)
    db.execute("PRAGMA user_version = 3")
    db.execute(
        "INSERT INTO documents (id, fingerprint, path, title, opened_at, progress, sketch)"
        " VALUES (1, ?, '/a.txt', 'Title', 5, 0.5, x'00')",
        (fingerprint(TEXT),),
    )
    db.execute(
        'INSERT INTO positions (document_id, start, "end", exact, prefix, suffix, block_id,'
        " updated_at) VALUES (1, 7, 12, 'First', 'Title\n\n', ' paragraph', 'p1a2b', 9)"
    )
    for id_, note, created in ((3, "older", 1.0), (7, "newer", 2.0)):
        db.execute(
            'INSERT INTO bookmarks (id, document_id, start, "end", exact, prefix, suffix,'
            " block_id, section, note, created_at)"
            " VALUES (?, 1, 7, 12, 'First', '', '', 'p1a2b', 'Title', ?, ?)",
            (id_, note, created),
        )
    db.execute("INSERT INTO read_sections VALUES (1, '2:0:Title', 0)")
    db.commit()
    db.close()
    store = Store.open(tmp_path)
    assert store.warning is None and store.writable
    position = store.position(1)
    assert position is not None
    assert position.anchor == Anchor(7, 12, "First", "Title\n\n", " paragraph")
    bookmarks = store.bookmarks(1)
    assert [(b.id, b.note, b.created_at) for b in bookmarks] == [
        (7, "newer", 2.0),
        (3, "older", 1.0),
    ]
    assert bookmarks[0].anchor == Anchor(7, 12, "First", "", "") and bookmarks[0].section == "Title"
    assert store.read_sections(1) == {"2:0:Title"}
    assert store.recent()[0].progress == 0.5
    assert store.add_bookmark(1, anchor(), "Title", "added after").id == 8  # ids go on
    store.save_position(1, anchor(), 0.7)
    store.close()
    assert columns(database, "positions") == [
        "document_id",
        "start",
        "end",
        "exact",
        "prefix",
        "suffix",
    ]
    assert "block_id" not in columns(database, "bookmarks")
    with sqlite3.connect(database) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert check.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = check.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'bookmarks'")
        assert {row[0] for row in indexes} == {"bookmarks", "bookmarks_document"}
    again = Store.open(tmp_path)  # the migrated schema is taken for ours
    assert again.warning is None and len(again.bookmarks()) == 3
