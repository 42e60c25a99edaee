"""The store trusts only what it made: odd files, links, foreign schemas, loose folders.

Anything that could hang, be followed elsewhere, or run someone else's SQL is
refused before it is opened: a session-only store with one warning naming the
file, or (a database that is not ours) kept aside and a fresh one started.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.anchoring import Anchor
from reader.store import DATABASE_NAME, MIGRATIONS, SCHEMA_VERSION, Store, fingerprint

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Title\n\nFirst paragraph of the article.\n\nSecond paragraph, with more words.\n"
ANCHOR = Anchor.from_span(TEXT, 7, 12)
root_only = pytest.mark.skipif(os.geteuid() != 0, reason="needs root (mknod, chown)")

OPEN_AND_WRITE = """
import sys
from pathlib import Path
from reader.anchoring import Anchor
from reader.store import Store, fingerprint
store = Store.open(Path(sys.argv[1]))
document = store.document(fingerprint("Title"), None, "Title")
store.add_bookmark(document, Anchor(0, 5, "Title", "", ""), "Title", "a secret note")
print(store.warning)
"""


def open_elsewhere(folder: Path) -> str:
    """Open the store in `folder` and add a bookmark in a process of its own; its warning."""
    try:
        result = subprocess.run(
            [sys.executable, "-c", OPEN_AND_WRITE, str(folder)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=20,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("opening the store hung")
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def umask_zero() -> Iterator[None]:
    """The most permissive umask: modes must come from reader, not from the umask."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def objects(database: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
        return set(rows.fetchall())


# -- files that are not regular files -------------------------------------------


@pytest.mark.parametrize("name", [DATABASE_NAME, f"{DATABASE_NAME}-wal", f"{DATABASE_NAME}-shm"])
def test_a_fifo_for_the_database_never_hangs_and_is_named(tmp_path: Path, name: str) -> None:
    if name != DATABASE_NAME:
        Store.open(tmp_path).close()
    fifo = tmp_path / name
    fifo.unlink(missing_ok=True)
    os.mkfifo(fifo, 0o600)
    warning = open_elsewhere(tmp_path)
    assert warning == f"Nothing will be saved: {fifo} is a named pipe, not a regular file."
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert not list(tmp_path.glob("*.damaged-*"))


@root_only
def test_a_device_for_the_database_is_never_opened(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    device = folder / DATABASE_NAME
    os.mknod(device, 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # another /dev/null
    store = Store.open(folder)
    assert store.warning == f"Nothing will be saved: {device} is a device, not a regular file."
    assert store.writable  # for the session
    assert [p.name for p in folder.iterdir()] == [DATABASE_NAME]


def test_a_directory_for_the_write_ahead_log_is_named(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    (tmp_path / f"{DATABASE_NAME}-wal").mkdir()
    store = Store.open(tmp_path)
    wal = tmp_path / f"{DATABASE_NAME}-wal"
    assert store.warning == f"Nothing will be saved: {wal} is a directory, not a regular file."


# -- symbolic links ---------------------------------------------------------------


def test_a_dangling_link_for_the_database_creates_nothing_anywhere(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    target = tmp_path / "elsewhere" / "planted.db"
    target.parent.mkdir()
    (folder / DATABASE_NAME).symlink_to(target)
    store = Store.open(folder)
    link = folder / DATABASE_NAME
    assert store.warning == (
        f"Nothing will be saved: {link} is a symbolic link, which reader does not follow."
    )
    assert not target.exists() and not list(target.parent.iterdir())
    assert [p.name for p in folder.iterdir()] == [DATABASE_NAME]
    store.add_bookmark(store.document(fingerprint(TEXT), None, "T"), ANCHOR, "T")
    assert not target.exists()


@pytest.mark.parametrize("name", [DATABASE_NAME, f"{DATABASE_NAME}-wal"])
def test_a_link_to_a_real_database_is_not_followed(tmp_path: Path, name: str) -> None:
    elsewhere = tmp_path / "elsewhere"
    Store.open(elsewhere).close()
    (elsewhere / f"{DATABASE_NAME}-wal").write_bytes(b"")
    before = (elsewhere / DATABASE_NAME).read_bytes()
    folder = tmp_path / "data"
    Store.open(folder).close()
    (folder / name).unlink(missing_ok=True)
    (folder / name).symlink_to(elsewhere / name)
    store = Store.open(folder)
    assert store.warning is not None and f"{folder / name} is a symbolic link" in store.warning
    store.add_bookmark(store.document(fingerprint(TEXT), None, "T"), ANCHOR, "T")
    store.close()
    assert (elsewhere / DATABASE_NAME).read_bytes() == before


# -- schemas that are not ours --------------------------------------------------

FOREIGN = {
    "stealing trigger": "CREATE TABLE stolen (note TEXT);"
    " CREATE TRIGGER steal AFTER INSERT ON bookmarks BEGIN"
    " INSERT INTO stolen VALUES (new.note); END",
    "copying trigger": "CREATE TRIGGER copy AFTER INSERT ON bookmarks BEGIN"
    " UPDATE documents SET title = new.note; END",
    "freezing trigger": "CREATE TRIGGER freeze AFTER INSERT ON documents BEGIN"
    " SELECT count(*) FROM (WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n)"
    " SELECT x FROM n); END",
    "view": "CREATE VIEW everything AS SELECT note FROM bookmarks",
    "extra index": "CREATE INDEX bookmarks_note ON bookmarks (note)",
    "extra table": "CREATE TABLE extra (x)",
}


@pytest.mark.parametrize("extra", FOREIGN.values(), ids=FOREIGN.keys())
def test_our_schema_with_anything_added_is_kept_aside_and_never_runs(
    tmp_path: Path, extra: str
) -> None:
    database = tmp_path / DATABASE_NAME
    with sqlite3.connect(database) as db:
        db.executescript("".join(MIGRATIONS) + extra)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.close()
    planted = database.read_bytes()
    warning = open_elsewhere(tmp_path)
    assert "kept as" in warning
    (kept,) = tmp_path.glob(f"{DATABASE_NAME}.damaged-*")
    assert kept.read_bytes() == planted  # nothing ran in it
    fresh = objects(database)
    assert not {kind for kind, _ in fresh} & {"trigger", "view"}
    assert {name for _, name in fresh} == {name for _, name in objects(kept)} - {
        "stolen",
        "steal",
        "copy",
        "freeze",
        "everything",
        "bookmarks_note",
        "extra",
    }
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT title FROM documents").fetchall() == [("Title",)]


def test_an_older_version_must_have_exactly_that_versions_schema(tmp_path: Path) -> None:
    database = tmp_path / DATABASE_NAME
    with sqlite3.connect(database) as db:
        db.executescript(MIGRATIONS[0] + "CREATE TABLE read_sections (x)")  # not yet, in 1
        db.execute("PRAGMA user_version = 1")
    db.close()
    store = Store.open(tmp_path)
    assert store.warning is not None and "kept as" in store.warning


def test_a_negative_version_is_not_ours(tmp_path: Path) -> None:
    database = tmp_path / DATABASE_NAME
    with sqlite3.connect(database) as db:
        db.executescript("".join(MIGRATIONS))
        db.execute("PRAGMA user_version = -1")
    db.close()
    store = Store.open(tmp_path)
    assert store.warning is not None and "kept as" in store.warning


def test_every_connection_distrusts_the_schema(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    assert store._db.execute("PRAGMA trusted_schema").fetchone()[0] == 0


# -- folder and file modes --------------------------------------------------------


def test_a_data_directory_open_to_others_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o777)
    store = Store.open(folder)
    assert store.warning is None and store.writable
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@root_only
def test_a_data_directory_of_another_user_is_not_written(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o777)
    os.chown(folder, 4242, 4242)
    store = Store.open(folder)
    assert store.warning == (
        f"Nothing will be saved: the data directory {folder} belongs to another user."
    )
    assert not list(folder.iterdir())
    assert stat.S_IMODE(folder.stat().st_mode) == 0o777  # not ours to change


@pytest.mark.usefixtures("umask_zero")
def test_a_fresh_database_after_a_damaged_one_is_private_from_the_start(tmp_path: Path) -> None:
    (tmp_path / DATABASE_NAME).write_bytes(b"not a database")
    store = Store.open(tmp_path)
    assert store.warning is not None and "kept as" in store.warning
    store.add_bookmark(store.document(fingerprint(TEXT), None, "T"), ANCHOR, "T")
    for name in (DATABASE_NAME, f"{DATABASE_NAME}-wal", f"{DATABASE_NAME}-shm"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name


@pytest.mark.usefixtures("umask_zero")
def test_a_new_database_is_private_whatever_the_umask(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    store.add_bookmark(store.document(fingerprint(TEXT), None, "T"), ANCHOR, "T")
    for name in (DATABASE_NAME, f"{DATABASE_NAME}-wal", f"{DATABASE_NAME}-shm"):
        assert stat.S_IMODE((tmp_path / "data" / name).stat().st_mode) == 0o600, name


def test_a_database_readable_by_others_is_made_private(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    (tmp_path / DATABASE_NAME).chmod(0o644)
    store = Store.open(tmp_path)
    assert store.warning is None
    assert stat.S_IMODE((tmp_path / DATABASE_NAME).stat().st_mode) == 0o600


# -- file names that are not UTF-8 ---------------------------------------------------


def test_a_path_that_is_not_utf8_round_trips_exactly(tmp_path: Path) -> None:
    path = Path(os.fsdecode(b"/tmp/caf\xe9.txt"))
    plain = Path("/tmp/plain.txt")
    store = Store.open(tmp_path)
    document = store.document(fingerprint(TEXT), path, os.fsdecode(b"caf\xe9"))
    other = store.document(fingerprint("Other"), plain, "Plain")
    assert store.document(fingerprint(TEXT + "\nEdited.\n"), path, "T") == document  # by path
    assert store.find_document(fingerprint("Edited again"), path) == document
    store.close()
    store = Store.open(tmp_path)
    assert {Path(d.path or "") for d in store.recent()} == {path, plain}
    assert Path(store.document_info(document)[1] or "") == path
    assert store.document_info(other)[1] == str(plain)
    store.close()
    with sqlite3.connect(tmp_path / DATABASE_NAME) as db:
        kinds = db.execute("SELECT typeof(path) FROM documents ORDER BY id").fetchall()
    assert kinds == [("blob",), ("text",)]  # UTF-8 paths stay text, as before


def test_text_with_lone_surrogates_never_breaks_the_store(tmp_path: Path) -> None:
    odd = os.fsdecode(b"caf\xe9") + "\ud800"
    store = Store.open(tmp_path)
    document = store.document(fingerprint(TEXT), None, odd)
    bookmark = store.add_bookmark(document, Anchor(0, 5, odd, odd, odd), odd, odd)
    store.update_note(bookmark.id, odd)
    store.save_position(document, Anchor(0, 5, odd, odd, odd), 0.5)
    store.mark_read(document, [odd])
    store.delete_bookmark(bookmark.id)
    store.restore_bookmark(bookmark)
    assert store.document_info(document)[0] == "caf\ufffd\ufffd"
    assert [b.note for b in store.bookmarks()] == ["caf\ufffd\ufffd"]
