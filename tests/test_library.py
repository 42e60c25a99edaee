"""The library: `o`, `reader DIR` and `--library DIR`; articles open in place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_app import highlighted, settle, top_line
from textual.widgets import OptionList

from reader import cli
from reader.app import ReaderApp
from reader.settings import settings_path
from reader.source import load, load_path
from reader.store import Store
from reader.widgets.library_screen import LibraryScreen

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
        await choose(pilot, app, str(folder / "first.md"))
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
        await choose(pilot, app, str(folder / "first.md"))
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
        messages = [n.message for n in app._notifications]
        assert any("a binary file, not a text article" in m for m in messages)


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
