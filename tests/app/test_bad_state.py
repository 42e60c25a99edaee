"""Saved state under bad conditions: a full disk, a read-only directory, a killed writer.

Whatever happens, the reader keeps running, says what went wrong, and no
bookmark already stored is lost.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SmallDisk
from helpers import bookmark_sections, messages, settle, top_line
from textual.widgets import Input, Label, OptionList

from reader.anchoring import Anchor
from reader.app import ReaderApp
from reader.source import load
from reader.store import DATABASE_NAME, SCHEMA_VERSION, Store, StoreError, fingerprint
from reader.widgets.bookmark_list import BookmarkList
from reader.widgets.following import SAVE_DELAY
from reader.widgets.note_prompt import NotePrompt

TEXT = "Title\n\nFirst paragraph of the article.\n\nSecond paragraph, with more words.\n"


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )


def integrity(database: Path) -> str:
    with sqlite3.connect(database) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


async def test_a_full_disk_keeps_the_note_warns_and_loses_nothing(
    small_disk: SmallDisk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(small_disk.folder))
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await bookmark_sections(app, pilot, [2], ["stored before the disk filled"])
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        small_disk.fill()
        await pilot.press("right_square_bracket")
        await pilot.pause(SAVE_DELAY + 0.2)
        assert "Your place could not be saved: the disk is full." in messages(app)

        await pilot.press("m")
        await settle(pilot)
        await pilot.press(*"typed while the disk was full", "enter")
        await settle(pilot)
        assert isinstance(app.screen, NotePrompt)  # the note is not thrown away
        problem = str(app.screen.query_one("#problem", Label).render())
        assert problem.startswith("The bookmark could not be saved: the disk is full.")
        assert app.screen.query_one(Input).value == "typed while the disk was full"

        small_disk.free()
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, NotePrompt)
        assert "Bookmarked." in messages(app)
        await pilot.press("right_square_bracket")
        await pilot.pause(SAVE_DELAY + 0.2)
        assert "Your place is being saved again." in messages(app)

        small_disk.fill()
        await pilot.press("right_square_bracket")
        await pilot.press("q")
    assert app.unsaved == "Your place could not be saved: the disk is full."
    small_disk.free()
    database = small_disk.folder / "reader" / DATABASE_NAME
    assert integrity(database) == "ok"
    notes = {bookmark.note for bookmark in Store.open().bookmarks()}
    assert notes == {"stored before the disk filled", "typed while the disk was full"}
    again = ReaderApp(load(None))
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert top_line(again) == "1. Advancements in Natural Language Processing"  # last saved


def test_a_write_that_finds_the_disk_full_changes_nothing(tmp_path: Path) -> None:
    """SQLite's own full-disk error (SQLITE_FULL), wherever the tests run."""
    store = Store.open(tmp_path)
    document = store.document(fingerprint(TEXT), None, "Title")
    start = TEXT.index("Second")
    kept = store.add_bookmark(document, Anchor.from_span(TEXT, start, start + 6), "T", "kept")
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")  # no room to grow: a full disk
    with pytest.raises(StoreError, match=r"^the disk is full$"):
        for n in range(1000):
            store.add_bookmark(document, kept.anchor, "T", f"{n:04} " + "x" * 2000)
    grown = {b.note for b in store.bookmarks()}
    store.close()
    reopened = Store.open(tmp_path)
    assert {b.note for b in reopened.bookmarks()} == grown and "kept" in grown
    assert integrity(tmp_path / DATABASE_NAME) == "ok"


def store_one_bookmark(folder: Path) -> None:
    """The bundled article with one bookmark, in the data directory `folder`."""
    store = Store.open(folder / "reader")
    source = load(None)
    start = source.text.index("Amazon’s Strategic Investment")
    anchor = Anchor.from_span(source.text, start, start + 29)
    document = store.document(fingerprint(source.text), source.path, "Amazon")
    store.add_bookmark(document, anchor, "Amazon’s Strategic Investment", "made earlier")
    store.close()


@pytest.fixture
def read_only_data(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A data directory holding one bookmark, then made read-only (a read-only mount as root)."""
    if os.geteuid() == 0:
        disk = request.getfixturevalue("small_disk")
        folder = disk.folder
    else:
        folder = tmp_path / "read-only"
    store_one_bookmark(folder)
    if os.geteuid() == 0:
        disk.make_read_only()
    else:
        for path in (folder / "reader" / DATABASE_NAME, folder / "reader", folder):
            path.chmod(0o500 if path.is_dir() else 0o400)
        request.addfinalizer(lambda: (folder / "reader").chmod(0o700))
    return folder


@pytest.fixture
def newer_data(tmp_path: Path) -> Path:
    """A data directory holding one bookmark, written by a newer version of reader."""
    folder = tmp_path / "newer"
    store_one_bookmark(folder)
    db = sqlite3.connect(folder / "reader" / DATABASE_NAME)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()  # the last connection to close folds the WAL into the file
    return folder


@pytest.mark.parametrize(
    ("data", "warning"),
    [
        ("read_only_data", "Nothing will be saved: {database} is read-only"),
        ("newer_data", "{database} was written by a newer reader; it is open read-only."),
    ],
)
async def test_state_that_cannot_be_written_is_shown_and_left_alone(
    data: str, warning: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder: Path = request.getfixturevalue(data)
    database = folder / "reader" / DATABASE_NAME
    before = database.read_bytes()
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        assert any(m.startswith(warning.format(database=database)) for m in messages(app))
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert top_line(app) == "◆ Amazon’s Strategic Investment"  # the stored bookmark shows
        await pilot.press("m")
        await settle(pilot)
        assert not isinstance(app.screen, NotePrompt)
        assert "Bookmarks cannot be added: the saved state is open read-only." in messages(app)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, BookmarkList)
        await pilot.press("d")
        await settle(pilot)
        assert app.screen.query_one(OptionList).option_count == 1  # still listed
        assert any(m.startswith("The bookmark could not be deleted") for m in messages(app))
        await pilot.press("escape", "q")
    assert app.unsaved is None  # not saving is expected here, not a failure to report
    assert database.read_bytes() == before


WRITER = """
import sys
from pathlib import Path
from reader.anchoring import Anchor
from reader.store import Store, fingerprint
text = "Title\\n\\nFirst paragraph of the article.\\n\\nSecond paragraph, with more words.\\n"
store = Store.open(Path(sys.argv[1]))
if store.warning:
    sys.exit(store.warning)
document = store.document(fingerprint(text), None, "Title")
anchor = Anchor.from_span(text, 7, 12)
for n in range(1_000_000):
    note = f"{sys.argv[2]}-{n}"
    store.add_bookmark(document, anchor, "Title", note + " " + "x" * (n % 3000))
    store.save_position(document, anchor, n / 1_000_000)
    print(note, flush=True)  # stored: this bookmark must survive the kill
"""


def test_a_writer_killed_in_a_loop_leaves_a_sound_database_with_every_saved_bookmark(
    tmp_path: Path,
) -> None:
    chance = random.Random(5)
    acknowledged: set[str] = set()
    for round_ in range(25):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), str(round_)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        first = writer.stdout.readline()  # it is writing now
        assert first, writer.stderr.read() if writer.stderr else ""
        time.sleep(chance.uniform(0.0, 0.05))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate()
        assert writer.returncode == -signal.SIGKILL
        acknowledged.update((first + out).split())
    database = tmp_path / DATABASE_NAME
    assert integrity(database) == "ok"
    store = Store.open(tmp_path)
    assert store.warning is None and store.writable
    stored = {b.note.split(" ")[0] for b in store.bookmarks()}
    assert acknowledged <= stored
    assert len(acknowledged) > 25


def test_the_cli_lists_bookmarks_from_a_read_only_data_directory(read_only_data: Path) -> None:
    result = run_cli("bookmarks", env={"XDG_DATA_HOME": str(read_only_data)})
    assert result.returncode == 0
    assert "made earlier" in result.stdout
    assert "is read-only" in result.stderr


def test_the_cli_reports_saved_state_it_cannot_read_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "reader"
    Store.open(folder).close()
    with sqlite3.connect(folder / DATABASE_NAME) as db:
        db.execute("ALTER TABLE documents RENAME COLUMN opened_at TO opened")
    result = run_cli("recent", env={"XDG_DATA_HOME": str(tmp_path / "data")})
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "reader: the saved state could not be read: no such column: opened_at"
    ]


KILLED_AFTER_COMMIT = """
import sys, time
from pathlib import Path
from reader.anchoring import Anchor
from reader.store import Store, fingerprint
store = Store.open(Path(sys.argv[1]))
document = store.document(fingerprint("Title"), None, "Title")
store.add_bookmark(document, Anchor(0, 5, "Title", "", ""), "Title", "only in the log")
print("committed", flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize("index", ["kept", "lost"])
def test_a_read_only_directory_still_shows_changes_left_in_the_write_ahead_log(
    small_disk: SmallDisk, index: str
) -> None:
    folder = small_disk.folder / "reader"
    writer = subprocess.Popen(
        [sys.executable, "-c", KILLED_AFTER_COMMIT, str(folder)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None and writer.stdout.readline() == "committed\n"
    writer.kill()
    writer.wait()
    assert (folder / f"{DATABASE_NAME}-wal").stat().st_size > 0  # not yet in the main file
    if index == "lost":
        (folder / f"{DATABASE_NAME}-shm").unlink()
    small_disk.make_read_only()
    store = Store.open(folder)
    assert not store.writable and store.warning is not None and "read-only" in store.warning
    assert [b.note for b in store.bookmarks()] == ["only in the log"]


def test_an_empty_database_in_a_read_only_directory_is_a_session_that_saves_nothing(
    small_disk: SmallDisk, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = small_disk.folder / "reader"
    folder.mkdir()
    (folder / DATABASE_NAME).write_bytes(b"")  # left by a first run that found the disk full
    small_disk.make_read_only()
    result = run_cli("recent", env={"XDG_DATA_HOME": str(small_disk.folder)})
    assert result.returncode == 0
    assert result.stderr.startswith("reader: Nothing will be saved:")
    assert "read-only" in result.stderr
