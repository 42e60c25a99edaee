"""`reader page.html`: the page's article, read in a worker, its place kept."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import in_palette, messages, settle, wait_until
from textual.widgets import Label
from web_server import serving

from reader import cli
from reader.anchoring import Anchor
from reader.app import ReaderApp
from reader.fetch import fetch
from reader.forked import Forked
from reader.library import gather
from reader.opening import open_path, placeholder
from reader.page_ahead import PageAhead, PageFound, find_ahead
from reader.saved_pages import copy_of, keep
from reader.source import load, load_path
from reader.store import Store, fingerprint
from reader.widgets import ContentView, SectionTree
from reader.widgets.choice_screen import ChoiceScreen
from reader.widgets.library_screen import _prompt

PAGES = Path(__file__).resolve().parent.parent / "corpus" / "web"


def page_app(path: Path) -> ReaderApp:
    return ReaderApp(placeholder(load_path(path).name), opening=path)


async def test_a_saved_page_opens_as_its_article_and_reopens_at_its_place(tmp_path: Path) -> None:
    page = tmp_path / "dropbox.html"
    shutil.copy(PAGES / "dropbox-blog" / "source.html", page)
    app = page_app(page)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.source.path == page.resolve(), "the page read")
        await settle(pilot)
        assert app.title == "How we designed Dropbox’s ATF - an async task framework"
        titles = [node.data.title for node in app.query_one(SectionTree).root.children]
        assert len(titles) >= 5
        assert "Reading the page" not in app.document.text
        for _ in range(3):
            await pilot.press("right_square_bracket")
        await settle(pilot)
        left = app.query_one(ContentView).passage
        await pilot.press("q")
    again = page_app(page)
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: again.source.path == page.resolve(), "the page read")
        await wait_until(pilot, lambda: again.query_one(ContentView).passage == left, "its place")


async def test_a_page_with_no_article_says_so(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>Nothing</title></head><body><script>x()</script></body>")
    app = page_app(page)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_until(pilot, lambda: "could not" in app.document.text, "the problem shown")
        await wait_until(
            pilot,
            lambda: any("no article text" in n.message for n in app._notifications),
            "the problem told",
        )


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving() as base:
        yield base


async def test_an_address_is_downloaded_kept_and_reopened_offline_or_refreshed(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    address = f"{server}/start"
    app = ReaderApp(placeholder(address, "Downloading…"), opening=address)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: not app.source.placeholder, "the page downloaded")
        await settle(pilot)
        assert app.title == "A Page"
        assert [h.title for h in app.document.headings] == ["A Page", "Second part"]
        await pilot.press("right_square_bracket")
        await settle(pilot)
        left = app.query_one(ContentView).passage
        await pilot.press("q")
    saved = copy_of(address)
    assert saved is not None and saved.title == "A Page"
    started: list[ReaderApp] = []
    monkeypatch.setattr("reader.app.ReaderApp.run", lambda self: started.append(self))
    assert cli.main([address]) == 0  # offline now: the kept copy opens, a refresh is offered
    assert started[0].source.path == saved.path and started[0]._refresh == address
    again = ReaderApp(load_path(saved.path), refresh=address)
    async with again.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(again.screen, ChoiceScreen), "the offer")
        await pilot.pause()
        assert "kept on" in str(again.screen.query_one(Label).render())
        await pilot.press("down", "enter")  # download it again

        def refreshed() -> bool:
            now = copy_of(address)
            return now is not None and now.saved_at > saved.saved_at

        await wait_until(pilot, refreshed, "a new copy kept")
        await settle(pilot)
        await wait_until(pilot, lambda: again.query_one(ContentView).passage == left, "its place")
        assert again.source.path == saved.path and again.title == "A Page"


async def test_a_failed_download_says_why_in_place_of_the_article(server: str) -> None:
    address = f"{server}/missing"
    app = ReaderApp(placeholder(address, "Downloading…"), opening=address)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_until(pilot, lambda: "could not" in app.document.text, "the problem shown")
        assert "the server answered 404 Not Found" in app.document.text
        assert copy_of(address) is None


def test_a_kept_copy_is_listed_by_its_title_and_address(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    address = f"{server}/page.html"
    saved = keep(address, fetch(address))
    store = Store.open()
    store.document(fingerprint(saved.path.read_text()), saved.path, saved.title)
    store.close()
    (_, entries), *_ = gather(Store.open().recent(), None)
    assert [(e.title, e.address) for e in entries] == [("A Page", address)]
    assert address in str(_prompt(entries[0], 100)) and saved.path.name not in str(
        _prompt(entries[0], 100)
    )
    assert cli.main(["recent"]) == 0
    assert f"A Page  {address}" in capsys.readouterr().out


async def test_a_pages_article_found_by_a_child_while_the_app_starts(tmp_path: Path) -> None:
    page = tmp_path / "dropbox.html"
    shutil.copy(PAGES / "dropbox-blog" / "source.html", page)
    ahead = find_ahead(page)
    assert ahead is not None
    app = ReaderApp(placeholder(page.name), opening=ahead)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.source.path == page.resolve(), "the page found")
        await settle(pilot)
        assert app.title == "How we designed Dropbox’s ATF - an async task framework"
        assert app.sub_title == "dropbox.html"


async def test_a_failed_child_leaves_the_app_to_find_the_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body><script>x()</script></body></html>")
    ahead = find_ahead(page)
    assert ahead is not None
    assert ahead.found() == PageFound(None, "empty.html: no article text was found in the page")
    shutil.copy(PAGES / "dropbox-blog" / "source.html", page)  # now it has one
    monkeypatch.setattr(PageAhead, "found", lambda self: None)  # the child died
    no_process = 2**22 + 1  # over Linux's largest process id: nothing to stop by mistake
    dead = PageAhead(Forked(no_process, os.open(os.devnull, 0)), page)
    app = ReaderApp(placeholder(page.name), opening=dead)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.source.path == page.resolve(), "the page found")
        assert "Dropbox" in app.title


def test_reader_page_html_starts_finding_the_article_before_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "page.html"
    shutil.copy(PAGES / "dropbox-blog" / "source.html", page)
    started: list[ReaderApp] = []
    monkeypatch.setattr("reader.app.ReaderApp.run", lambda self: started.append(self))
    assert cli.main([str(page)]) == 0
    ahead = started[0]._opening
    assert isinstance(ahead, PageAhead) and started[0].source.placeholder
    found = ahead.found()
    assert found is not None and found.source is not None
    assert found.source.text.startswith("---\ntitle: ")


async def test_a_refreshed_copys_bookmarks_are_found_in_its_new_text(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    address = f"{server}/changing"
    saved = keep(address, fetch(address))
    text = saved.path.read_text(encoding="utf-8")
    before = text.count("added since")  # (the server adds one a fetch, for every test)
    store = Store.open()
    document = store.document(fingerprint(text), saved.path, saved.title)
    start = text.index("More words in the second part")
    store.add_bookmark(document, Anchor.from_span(text, start, start + 40), "Second part", "kept")
    store.close()
    app = ReaderApp(open_path(saved.path), refresh=address)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen), "the offer")
        await pilot.pause()
        await pilot.press("down", "enter")  # download it again: the text has moved
        await wait_until(
            pilot, lambda: app.source.text.count("added since") == before + 1, "the new copy"
        )
        await settle(pilot)
    new_text = saved.path.read_text(encoding="utf-8")
    assert new_text != text and new_text.count("added since") == before + 1
    assert cli.main(["bookmarks", str(saved.path)]) == 0
    listed = capsys.readouterr().out
    assert "kept" in listed and "orphaned" not in listed


async def test_the_palette_downloads_a_kept_article_again(server: str) -> None:
    address = f"{server}/changing"
    saved = keep(address, fetch(address))
    before = saved.path.read_text(encoding="utf-8").count("added since")
    app = ReaderApp(open_path(saved.path))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await in_palette(pilot, "Download this web article again")
        await wait_until(
            pilot, lambda: app.source.text.count("added since") == before + 1, "the new copy"
        )
    other = ReaderApp(load(None))  # not a kept web article: says so
    async with other.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await in_palette(pilot, "Download this web article again")
        await wait_until(
            pilot, lambda: any("not a web article" in m for m in messages(other)), "why not"
        )


def test_a_child_stopped_while_its_answer_is_awaited_is_reaped_once(tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    shutil.copy(PAGES / "wikipedia" / "source.html", page)
    ahead = find_ahead(page)
    assert ahead is not None
    answers: list[PageFound | None] = []
    reader = threading.Thread(target=lambda: answers.append(ahead.found()))
    reader.start()
    ahead.cancel()  # (while `found` reads: it closes the pipe, not `cancel`)
    reader.join(10)
    assert not reader.is_alive() and answers == [None]
    ahead.cancel()  # again: nothing left to stop
    with pytest.raises(ChildProcessError):
        os.waitpid(ahead._child._pid, os.WNOHANG)  # the child was reaped
