"""A way back, like a browser's or vim's jump list: every jump of more than a screen leaves
its place behind; back and forward move through them, within an article and across."""

from __future__ import annotations

from pathlib import Path

from helpers import messages, search, settle, status_line, top_line, wait_until
from test_links import articles, click_text  # noqa: F401  (a fixture and a helper)

from reader.app import ReaderApp
from reader.source import load, load_path
from reader.widgets import ContentView

TITLE = "Amazon invests $4B in Anthropic AI startup"  # the top line at the start


async def test_back_returns_from_the_end_and_forward_goes_there_again() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await wait_until(pilot, lambda: app.query_one(ContentView).at_end, "the end")
        assert "⌫ Amazon invests $4B" in status_line(app)  # the status line says where back leads
        await pilot.press("backspace")
        await wait_until(pilot, lambda: top_line(app) == TITLE, "back at the start")
        await pilot.press("alt+right")
        await wait_until(pilot, lambda: app.query_one(ContentView).at_end, "the end again")
        await pilot.press("alt+left")
        await wait_until(pilot, lambda: top_line(app) == TITLE, "back at the start again")


async def test_a_search_jump_is_remembered_and_a_short_step_is_not() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket")  # the next section: on the same screen
        await settle(pilot)
        await pilot.press("backspace")
        await wait_until(
            pilot, lambda: "There is no place to go back to." in messages(app), "nowhere back"
        )
        await search(pilot, "great responsibility")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Ethical" in status_line(app), "the match, far down")
        await pilot.press("backspace")
        await wait_until(pilot, lambda: "Ethical" not in status_line(app), "back before it")


async def test_back_and_forward_cross_articles(articles: Path) -> None:  # noqa: F811
    app = ReaderApp(load_path(articles))
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        await click_text(pilot, app, "the other article")
        assert app.title == "Other article"
        assert "⌫ Main article" in status_line(app)
        await pilot.press("backspace")
        await wait_until(pilot, lambda: app.title == "Main article", "back in the first")
        await app.workers.wait_for_complete()
        await pilot.press("alt+right")
        await wait_until(pilot, lambda: app.title == "Other article", "forward in the other")
