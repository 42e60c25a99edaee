"""`reader page.html`: the page's article, read in a worker, its place kept."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import settle, wait_until

from reader.app import ReaderApp
from reader.opening import placeholder
from reader.source import load_path
from reader.widgets import ContentView, SectionTree

PAGES = Path(__file__).resolve().parent.parent / "corpus" / "web"


def page_app(path: Path) -> ReaderApp:
    return ReaderApp(placeholder(load_path(path)), opening=path)


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
        assert any("no article text" in n.message for n in app._notifications)
