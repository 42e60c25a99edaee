"""One figure for how far through an article the reader is: the status line, the tree,
the library and `reader recent` agree, and an article read to its end is finished."""

from __future__ import annotations

from helpers import settle, status_line, wait_until
from textual.widgets import OptionList

from reader.app import ReaderApp
from reader.export import recent
from reader.progress import read_label
from reader.source import load
from reader.store import Store
from reader.widgets import SectionTree
from reader.widgets.library_screen import LibraryScreen


def stored_progress() -> str:
    """What `reader recent` prints (the same function, on the same store)."""
    return recent(Store.open().recent())


async def test_the_status_line_the_library_and_recent_give_one_figure() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*["right_square_bracket"] * 3)
        await wait_until(pilot, lambda: "52%" in status_line(app), "the place 52% in")
        tree = app.query_one(SectionTree)
        await wait_until(pilot, lambda: "52%" in tree.render_line(0).text, "52% in the tree")
        app.reading_screen.save_place()
        await app.workers.wait_for_complete()
    assert "52% read" in stored_progress()
    again = ReaderApp(load(None))
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await wait_until(pilot, lambda: "100%" in status_line(again), "the end")
        again.reading_screen.save_place()
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(again.screen, LibraryScreen), "the library")
        await wait_until(pilot, lambda: "finished" in library_text(again), "finished in it")
    assert "finished" in stored_progress()


def library_text(app: ReaderApp) -> str:
    options = app.screen.query_one(OptionList)
    return "\n".join(
        str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
    )


def test_progress_reads_as_a_whole_percent_never_rounded_up_to_finished() -> None:
    assert read_label(0.524) == "52% read"
    assert read_label(0.999) == "99% read"
    assert read_label(1.0) == "finished"
    assert read_label(0.0) == "0% read"
