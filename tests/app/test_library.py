"""The library: `o`, `reader DIR` and `--library DIR`; articles open in place."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from helpers import highlighted, messages, settle, top_line, wait_until
from textual.app import App
from textual.widgets import Input, Label, OptionList

from reader import cli
from reader.anchoring import Anchor
from reader.app import ReaderApp
from reader.library import Entry, Forget, Open, Reattach, Shelf, apply, gather
from reader.settings import settings_path
from reader.source import load, load_path
from reader.store import Store, fingerprint
from reader.widgets.choice_screen import ChoiceScreen
from reader.widgets.library_screen import MISSING_ANSWERS, LibraryScreen, PathPrompt, _prompt

FIRST = "# First article\n\nOpening words.\n\n## Part one\n\nText of part one.\n"
SECOND = "Second article\n\nIts only paragraph, long enough to read as prose.\n"


def make_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    (folder / "more").mkdir(parents=True)
    (folder / "first.md").write_text(FIRST)
    (folder / "more" / "second.txt").write_text(SECOND)
    (folder / "notes.pdf").write_bytes(b"%PDF")  # not an article: not listed
    (folder / ".hidden.md").write_text("# Hidden\n")
    return folder


def listed(app: ReaderApp) -> list[str]:
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def choose(pilot, app: ReaderApp, needle: str) -> None:
    """Highlight the library entry whose text has `needle` and press enter."""
    options = app.screen.query_one(OptionList)
    options.highlighted = next(i for i, text in enumerate(listed(app)) if needle in text)
    await pilot.press("enter")
    await settle(pilot)
    await app.workers.wait_for_complete()
    await settle(pilot)


async def test_o_lists_the_folder_recent_and_bundled_articles_and_opens_one_in_place(
    tmp_path: Path,
) -> None:
    folder = make_folder(tmp_path)
    app = ReaderApp(load(None), library=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)  # a library folder opens it at once
        shown = "\n".join(listed(app))
        assert f"In {folder}" in shown and "Bundled with reader" in shown
        assert "first" in shown and "second" in shown and "Hidden" not in shown
        assert "notes" not in shown
        await pilot.press("escape")
        for _ in range(3):
            await pilot.press("right_square_bracket")
        await settle(pilot)
        left_at = top_line(app)
        await pilot.press("o")
        await settle(pilot)
        assert "Recently read" in "\n".join(listed(app))
        await choose(pilot, app, f"{folder.name}/first.md")  # (a long path is cut on the left)
        assert app.title == "First article"
        assert app.sub_title == "first.md"
        assert highlighted(app) == "First article"
        await pilot.press("right_square_bracket", "m")
        await settle(pilot)
        await pilot.press(*"in the first", "enter")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await choose(pilot, app, "amazon-invests-4b-in-anthropic.txt")
        assert app.title == "Amazon invests $4B in Anthropic AI startup"
        assert top_line(app) == left_at  # its place was kept
        await pilot.press("o")
        await settle(pilot)
        assert "% read" in "\n".join(listed(app)) and "last read" in "\n".join(listed(app))
        await choose(pilot, app, f"{folder.name}/first.md")  # (a long path is cut on the left)
        assert top_line(app) == "◆ Part one"  # back where it was left, bookmark and all
        await pilot.press("backspace")  # and back again
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.title == "Amazon invests $4B in Anthropic AI startup"
        assert top_line(app) == left_at
    notes = {b.note for b in Store.open().bookmarks()}
    assert notes == {"in the first"}


async def test_a_file_that_cannot_be_opened_from_the_library_says_why(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    app = ReaderApp(load(None), library=folder)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await choose(pilot, app, "broken")
        assert app.title == "Amazon invests $4B in Anthropic AI startup"  # still reading
        shown = messages(app)
        assert any("a binary file, not a text article" in m for m in shown)


def test_reader_dir_opens_the_library_on_it_with_the_last_article_read_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_folder(tmp_path)
    store = Store.open()
    store.document("x", (folder / "more" / "second.txt").resolve(), "Second article")
    store.close()
    started: list[ReaderApp] = []
    monkeypatch.setattr("reader.app.ReaderApp.run", lambda self: started.append(self))
    assert cli.main([str(folder)]) == 0
    assert started[0]._library == folder.resolve()
    assert started[0].source.path == (folder / "more" / "second.txt").resolve()


def test_library_option_is_remembered_and_must_be_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_folder(tmp_path)
    started: list[ReaderApp] = []
    monkeypatch.setattr("reader.app.ReaderApp.run", lambda self: started.append(self))
    assert cli.main(["--library", str(folder)]) == 0
    assert json.loads(settings_path().read_text())["library"] == str(folder.resolve())
    assert started[0]._library == folder.resolve()
    assert cli.main(["--library", str(folder / "first.md")]) == 2
    assert "not a folder" in capsys.readouterr().err
    assert load_path(folder / "first.md").kind == "markdown"


def stored_article(store: Store, path: Path, text: str, note: str) -> int:
    """An article read at `path`, left at its last passage, bookmarked there."""
    document = store.document(fingerprint(text), path, text.split("\n")[0].lstrip("# "))
    start = text.rstrip().rindex("\n") + 1
    passage = Anchor.from_span(text, start, start + 8)
    store.save_position(document, passage, 0.5)
    store.add_bookmark(document, passage, "Last", note)
    store.mark_read(document, ["section " + note])
    return document


def test_an_article_whose_file_is_gone_stays_listed_marked_missing(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    store = Store.open()
    gone = stored_article(store, tmp_path / "gone.md", FIRST, "gone")
    stored_article(store, folder / "first.md", FIRST + "\nMore.\n", "here")
    store.document("stdin", None, "Read from standard input")  # no file to speak of
    (heading, entries), *_ = gather(store.recent(), None)
    assert heading == "Recently read"
    assert [(e.path.name, e.missing) for e in entries] == [("first.md", False), ("gone.md", True)]
    assert entries[1].document == gone and entries[1].progress == 0.5
    shown = str(_prompt(entries[1], 100))
    assert "file missing" in shown and "50% read" in shown


def test_apply_reattaches_a_missing_article_to_its_new_file(tmp_path: Path) -> None:
    store = Store.open()
    moved = tmp_path / "moved.md"
    old = stored_article(store, tmp_path / "gone.md", FIRST, "old")
    assert "is not a file" in apply(store, Reattach(old, moved))  # not there yet
    moved.write_text(FIRST + "\nEdited.\n")
    opened_since = stored_article(store, moved, FIRST + "\nEdited.\n", "since")
    message = apply(store, Reattach(old, moved))
    assert message == f"“First article” is now {moved}: its place and bookmarks follow."
    assert [(d.id, d.path) for d in store.recent()] == [(old, str(moved))]
    assert store.find_document(fingerprint(FIRST + "\nEdited.\n"), moved) == old
    assert {b.note for b in store.bookmarks()} == {"old", "since"}
    assert {b.document_id for b in store.bookmarks()} == {old}
    assert store.read_sections(old) == {"section old", "section since"}
    assert store.read_sections(opened_since) == set()
    position = store.position(old)
    assert position is not None and position.anchor.exact == "Text of "  # its own place


def test_apply_forgets_an_article_and_everything_stored_of_it(tmp_path: Path) -> None:
    store = Store.open()
    gone = stored_article(store, tmp_path / "gone.md", FIRST, "gone")
    kept = stored_article(store, tmp_path / "kept.md", SECOND, "kept")
    message = apply(store, Forget(gone))
    assert message == "“First article” is forgotten, with its place and bookmarks."
    assert [d.id for d in store.recent()] == [kept]
    assert [b.note for b in store.bookmarks()] == ["kept"]
    assert store.position(gone) is None and store.read_sections(gone) == set()
    assert store.position(kept) is not None


def test_a_folders_text_files_without_a_suffix_are_listed_but_not_scripts_or_binaries(
    tmp_path: Path,
) -> None:
    folder = make_folder(tmp_path)
    (folder / "README").write_text("Read me\n\nWhat this folder holds.\n")
    (folder / "more" / "NEWS").write_bytes("Caf\xe9 news\n".encode("latin-1"))  # legacy text
    (folder / "CHANGES").write_bytes("\ufeffChanges\n".encode("utf-16"))
    (folder / "program").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    (folder / "empty").write_text("")
    script = folder / "build"
    script.write_text("#!/bin/sh\necho hi\n")
    runnable = folder / "tool"
    runnable.write_text("print('hi')\n")
    runnable.chmod(0o755)
    os.mkfifo(folder / "pipe")  # opening it to read would wait for a writer
    (_, entries), _ = gather((), folder)
    names = [str(entry.path.relative_to(folder.resolve())) for entry in entries]
    assert names == ["CHANGES", "README", "first.md", "more/NEWS", "more/second.txt"]
    assert load_path(folder / "README").text.startswith("Read me")  # and it opens


class Gate:
    """A gather that waits to be let through, as a slow disk would."""

    def __init__(self, shelves: list[Shelf]) -> None:
        self.shelves, self.open = shelves, threading.Event()

    def __call__(self) -> list[Shelf]:
        if not self.open.wait(10):
            raise OSError("the disk did not answer")
        return self.shelves


async def test_the_library_opens_at_once_and_lists_articles_when_they_are_found(
    tmp_path: Path,
) -> None:
    (tmp_path / "here.md").write_text(FIRST)
    gate = Gate([("Recently read", [Entry("Here", tmp_path / "here.md")])])
    app = Shelves([])
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(LibraryScreen(gate))
        await pilot.pause()
        assert listed(app) == ["Looking for articles…"]  # the screen did not wait
        gate.open.set()
        await wait_until(pilot, lambda: len(listed(app)) == 2, "the articles listed")
        assert listed(app)[0] == "Recently read" and listed(app)[1].startswith("Here\n")
        assert app.screen.query_one(OptionList).highlighted == 1


async def test_a_library_that_cannot_be_listed_says_why(tmp_path: Path) -> None:
    def broken() -> list[Shelf]:
        raise OSError("permission denied")

    app = Shelves([])
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(LibraryScreen(broken))
        await pilot.pause()
        await wait_until(pilot, lambda: "could not" in listed(app)[0], "the problem shown")
        assert listed(app) == ["Articles could not be listed: permission denied"]


class Shelves(App[None]):
    """Just the library screen; what it dismisses with is kept in `results`."""

    def __init__(self, shelves: list[Shelf]) -> None:
        super().__init__()
        self.shelves = shelves
        self.results: list[Open | Reattach | Forget | None] = []

    def on_mount(self) -> None:
        self.push_screen(LibraryScreen(lambda: self.shelves), self.results.append)


async def pick(pilot, app: App[None], index: int) -> None:
    """Choose the `index`th option of the screen on top."""
    app.screen.query_one(OptionList).highlighted = index
    await pilot.press("enter")
    await settle(pilot)


async def test_the_library_screen_dismisses_with_what_was_chosen(tmp_path: Path) -> None:
    here, gone, found = tmp_path / "here.md", tmp_path / "gone.md", tmp_path / "found.md"
    here.write_text(FIRST)
    found.write_text(FIRST)
    entries = [Entry("Here", here, document=1), Entry("Gone", gone, document=2, missing=True)]
    app = Shelves([("Recently read", entries)])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pick(pilot, app, 1)
        assert app.results == [Open(here)]
        for answer, result in [
            ("keep", []),
            ("forget", [Forget(2)]),
            ("find", [Reattach(2, found)]),
        ]:
            app.results.clear()
            app.push_screen(LibraryScreen(lambda: app.shelves), app.results.append)
            await settle(pilot)
            await pick(pilot, app, 2)  # the missing one: what to do?
            assert isinstance(app.screen, ChoiceScreen)
            await pick(pilot, app, [a for _, a in MISSING_ANSWERS].index(answer))
            if answer == "forget":
                await pick(pilot, app, 0)  # yes, forget it
            if answer == "find":
                assert isinstance(app.screen, PathPrompt)
                app.screen.query_one(Input).value = str(tmp_path)  # a folder: asked again
                await pilot.press("enter")
                await settle(pilot)
                assert isinstance(app.screen, PathPrompt)
                assert "not a regular file" in str(app.screen.query_one("#problem", Label).render())
                app.screen.query_one(Input).value = str(found)
                await pilot.press("enter")
                await settle(pilot)
            assert app.results == result
            assert isinstance(app.screen, LibraryScreen) == (answer == "keep")
            if answer == "keep":
                await pilot.press("escape")
                assert app.results == [None]
        app.push_screen(LibraryScreen(lambda: app.shelves))
        await settle(pilot)
        await pilot.press("q")  # quits from the library
        await pilot.pause()
        assert not app.is_running


async def test_a_missing_article_found_again_in_the_library_opens_where_it_was_left(
    tmp_path: Path,
) -> None:
    store = Store.open()
    stored_article(store, tmp_path / "gone.md", FIRST, "old")
    store.close()
    moved = tmp_path / "moved.md"
    moved.write_text(FIRST.replace("Opening words.", "Opening words, rewritten at length."))
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await choose(pilot, app, "file missing")
        await pick(pilot, app, 0)  # find it
        app.screen.query_one(Input).value = str(moved)
        await pilot.press("enter")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.title == "First article"
        assert top_line(app) == "◆ Text of part one."  # its place and bookmark followed
        assert f"“First article” is now {moved}: its place and bookmarks follow." in messages(app)


async def test_the_article_shown_re_attached_to_a_missing_one_takes_its_place(
    tmp_path: Path,
) -> None:
    store = Store.open()
    stored_article(store, tmp_path / "gone.md", FIRST, "old")
    store.close()
    moved = tmp_path / "moved.md"
    moved.write_text(FIRST.replace("Opening words.", "Opening words, rewritten at length."))
    app = ReaderApp(load_path(moved))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await choose(pilot, app, "file missing")
        await pick(pilot, app, 0)  # find it: it is the one shown
        app.screen.query_one(Input).value = str(moved)
        await pilot.press("enter")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert top_line(app) == "◆ Text of part one."
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("q")
    assert not [m for m in messages(app) if "could not" in m]
    store = Store.open()
    assert [(d.path, d.title) for d in store.recent()] == [(str(moved), "First article")]
    assert [b.note for b in store.bookmarks()] == ["old"]


def test_a_long_path_is_cut_from_the_left_to_fit_the_line() -> None:
    path = "/home/someone/" + "very-long-folder-name/" * 6 + "notes.md"
    entry = Entry("Notes", path, progress=0.5, opened_at=0.0)
    line = _prompt(entry, 72).plain.split("\n")[1]
    assert len(line) <= 72
    assert line.strip().startswith("…") and "notes.md · 50% read · last read" in line


def test_a_folders_books_are_listed_by_title_and_author_before_they_are_read(
    tmp_path: Path,
) -> None:
    from epub_builder import simple_book

    folder = make_folder(tmp_path)
    (folder / "austen-1817.epub").write_bytes(
        simple_book([("text/one.xhtml", "<p>Text.</p>")], title="Persuasion", author="Jane Austen")
    )
    (folder / "broken.epub").write_bytes(b"PK\x03\x04 not really a zip")
    (_, entries), _ = gather((), folder)
    titles = {entry.path.name: entry.title for entry in entries}
    assert titles["austen-1817.epub"] == "Persuasion · Jane Austen"
    assert titles["broken.epub"] == "broken"  # opening it says what is wrong
