"""Bookmarking passages with `m`."""

from __future__ import annotations

from test_app import screen_text, settle

from reader.app import ReaderApp
from reader.source import load
from reader.store import Store
from reader.widgets.note_prompt import NotePrompt


async def test_m_bookmarks_the_passage_with_a_note_and_marks_it() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        for _ in range(2):
            await pilot.press("right_square_bracket")
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, NotePrompt)
        await pilot.press(*"worth rereading")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, NotePrompt)
        assert "Bookmarked." in [n.message for n in app._notifications]
        assert screen_text(app).split("\n")[0].startswith("◆ Amazon’s Strategic Investment")
    (bookmark,) = Store.open().bookmarks()
    assert (bookmark.note, bookmark.section) == ("worth rereading", "Amazon’s Strategic Investment")
    assert bookmark.anchor.exact == "Amazon’s Strategic Investment"
    again = ReaderApp(load(None))
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert screen_text(again).split("\n")[0].startswith("◆ Amazon’s Strategic Investment")


async def test_escape_cancels_a_bookmark() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press(*"never mind", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, NotePrompt)
    assert Store.open().bookmarks() == []


async def test_a_note_is_plain_text() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press(*"[bold]x[/bold]", "enter")
        await settle(pilot)
    assert Store.open().bookmarks()[0].note == "[bold]x[/bold]"
