"""A large file opens from its start at once; its whole text follows, and with it the
reader's saved place, as for any article."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from helpers import highlighted, messages, screen_text, search, settle, status, wait_until

from reader import file_head, loading
from reader.app import ReaderApp
from reader.file_head import load_start
from reader.opening import start_of
from reader.parsers import ParseCancelled
from reader.parsers.ahead import parse_ahead
from reader.parsers.whole_ahead import parse_whole_ahead
from reader.search import SearchIndex
from reader.source import load_path
from reader.widgets import ContentView, loader, search_panel

SIZE = (100, 30)


@pytest.fixture
def large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A 'large' text file: files of 8 KB and more open from their first 2 KB here."""
    monkeypatch.setattr(file_head, "HEAD_FROM", 8192)
    monkeypatch.setattr(file_head, "HEAD_BYTES", 2048)
    body = "".join(
        f"Chapter {n}\n\n" + f"The text of chapter {n} goes on for a while. " * 20 + "\n\n"
        for n in range(1, 41)
    )
    path = tmp_path / "long.txt"
    path.write_text("A Long File\n\n" + body, encoding="utf-8")
    return path


async def test_a_large_file_shows_its_start_then_all_of_it_and_keeps_the_place(
    large_file: Path,
) -> None:
    source = load_start(large_file)
    assert source.head_only and "Chapter 40" not in source.text
    app = ReaderApp(source)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert not app.source.head_only and app.places is not None
        assert app.document is not None and app.document.text == load_path(large_file).text
        await pilot.press("G")
        await wait_until(pilot, lambda: highlighted(app) == "Chapter 40", "the last chapter")
    again = ReaderApp(load_start(large_file))
    async with again.run_test(size=SIZE, notifications=True) as pilot:
        await again.workers.wait_for_complete()
        await wait_until(
            pilot, lambda: any("Resumed at Chapter 40" in m for m in messages(again)), "resumed"
        )
        assert again.query_one(ContentView).at_end


async def test_a_large_file_gone_before_the_rest_is_read_keeps_its_start_and_says_so(
    large_file: Path,
) -> None:
    app = ReaderApp(load_start(large_file))
    large_file.unlink()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await wait_until(
            pilot,
            lambda: any(m.startswith("Only the start of long.txt") for m in messages(app)),
            "the problem told",
        )
        assert app.places is None and app.reading.complete
        await pilot.press("G")  # the start stands for the article
        await settle(pilot)
        assert app.query_one(ContentView).at_end


async def test_a_parse_under_way_is_not_waited_for_at_exit(
    large_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A pass over 100 MB runs for seconds between two checks for cancellation. Python
    # waits at exit for the executor's threads (not for daemon threads): quitting must
    # not wait for the pass.
    finish, running = threading.Event(), []

    def a_long_pass(*args: object, **kwargs: object) -> object:
        running.append(threading.current_thread())
        finish.wait(30)
        raise ParseCancelled

    monkeypatch.setattr(loader, "parse_whole", a_long_pass)
    app = ReaderApp(load_start(large_file))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, lambda: bool(running), "the whole parse under way")
            assert running[0].daemon
    finally:
        finish.set()


async def test_a_large_file_parsed_whole_by_a_child_comes_from_it(
    large_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def parsed_here(*args: object, **kwargs: object) -> None:
        raise AssertionError("the loader parsed the article itself")

    source = load_start(large_file)
    ahead = parse_ahead(
        start_of(source) or source.text, source.kind, source.name, parse_whole_ahead(source)
    )
    monkeypatch.setattr(loading, "document_of", parsed_here)  # (in this process only)
    app = ReaderApp(source, ahead)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.document is not None and app.document.text == load_path(large_file).text
        await pilot.press("G")
        await wait_until(pilot, lambda: highlighted(app) == "Chapter 40", "the last chapter")


async def test_a_long_article_read_whole_is_parsed_by_a_child_too(
    large_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def parsed_here(*args: object, **kwargs: object) -> None:
        raise AssertionError("the loader parsed the article itself")

    source = load_path(large_file)  # read whole: its start shows first all the same
    preview = start_of(source)
    assert preview is not None and not source.head_only
    ahead = parse_ahead(preview, source.kind, source.name, parse_whole_ahead(source))
    monkeypatch.setattr(loading, "document_of", parsed_here)  # (in this process only)
    app = ReaderApp(source, ahead)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await settle(pilot)
        await pilot.press("G")
        await wait_until(pilot, lambda: highlighted(app) == "Chapter 40", "the last chapter")


async def test_a_large_markdown_files_search_index_comes_from_the_child_that_parsed_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(file_head, "HEAD_FROM", 8192)
    monkeypatch.setattr(file_head, "HEAD_BYTES", 2048)
    path = tmp_path / "manual.md"
    path.write_text(
        "# A Manual\n\n"
        + "".join(f"## Part {n}\n\nSee *the* notes on part {n}. " * 3 + "\n\n" for n in range(800))
        + "## Last\n\nThe only *zebra* here.\n",
        encoding="utf-8",
    )

    class NotBuiltHere(SearchIndex):
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise AssertionError("the app built the index itself")

    source = load_start(path)
    whole = parse_whole_ahead(source)
    ahead = parse_ahead(start_of(source) or source.text, source.kind, source.name, whole)
    monkeypatch.setattr(search_panel, "SearchIndex", NotBuiltHere)  # (in this process only)
    app = ReaderApp(source, ahead)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.workers.wait_for_complete()  # the parse, then the index
        await settle(pilot)
        await search(pilot, "zebra")
        assert status(app) == "1/1"
        assert "The only zebra here." in screen_text(app)
