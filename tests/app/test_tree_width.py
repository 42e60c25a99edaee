"""The section tree's width: fitted to its titles where there is room, cut with "…" where not,
and dragged or set by the reader and remembered."""

from __future__ import annotations

import json

import pytest
from helpers import in_palette, screen_text, settle, status_line, wait_until

from reader.app import ReaderApp
from reader.settings import Settings, settings_path
from reader.source import load
from reader.widgets import ContentView, SectionTree

TITLES = [
    "Amazon invests $4B in Anthropic AI startup",
    "The Anthropic Advantage",
    "Implications for the AI Ecosystem",
    "1. Advancements in Natural Language Processing",
]


def tree_rows(app: ReaderApp) -> list[str]:
    tree = app.query_one(SectionTree)
    return [tree.render_line(y).text.rstrip() for y in range(tree.size.height)]


async def test_a_wide_window_gives_the_tree_every_title_whole_and_the_text_its_width() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        rows = "\n".join(tree_rows(app))
        assert all(title in rows for title in TITLES)
        assert "…" not in rows.replace("investment…", "")  # (the synthesized title's own)
        assert app.query_one(ContentView).column == Settings().width
        lines = [line for line in screen_text(app).split("\n") if line.strip()]
        gap = min(len(line) - len(line.lstrip()) for line in lines)
        assert gap < 30  # the tree took spare room that was a blank margin (37 columns before)


@pytest.mark.parametrize(("columns", "width"), [(120, 30), (80, 20)])
async def test_a_narrow_window_cuts_titles_with_an_ellipsis(columns: int, width: int) -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(columns, 30)) as pilot:
        await settle(pilot)
        assert app.query_one(SectionTree).outer_size.width == width
        row = next(row for row in tree_rows(app) if "Implications" in row)
        assert row.endswith("…")
        assert "Implications for the AI Ecosystem" not in row


async def test_dragging_the_trees_edge_sets_its_width_and_it_is_remembered() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        tree = app.query_one(SectionTree)
        edge = tree.outer_size.width - 1
        await pilot.mouse_down(SectionTree, offset=(edge, 3))
        await pilot.hover(SectionTree, offset=(edge + 14, 3))
        await pilot.mouse_up(SectionTree, offset=(edge + 14, 3))
        await wait_until(pilot, lambda: app.settings.tree_width == 44, "the dragged width saved")
        row = next(row for row in tree_rows(app) if "Implications" in row)
        assert "Implications for the AI Ecosystem" in row
        await app.workers.wait_for_complete()
    assert json.loads(settings_path().read_text())["tree_width"] == 44
    again = ReaderApp(load(None))
    async with again.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert again.query_one(SectionTree).outer_size.width == 44
        await in_palette(pilot, "Fit the tree to its titles")
        await wait_until(pilot, lambda: again.settings.tree_width == 0, "the fitted width")
        await wait_until(
            pilot, lambda: again.query_one(SectionTree).outer_size.width == 30, "the fitted tree"
        )


async def test_the_tree_cursors_whole_title_is_in_the_status_line_while_the_tree_has_focus() -> (
    None
):
    app = ReaderApp(load(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reading_path = status_line(app)
        await pilot.press("tab")  # into the tree
        await settle(pilot)
        tree = app.query_one(SectionTree)
        assert tree.has_focus
        row = next(y for y, text in enumerate(tree_rows(app)) if "Implications" in text)
        assert tree_rows(app)[row].endswith("…")  # cut in the tree...
        while tree.cursor_line != row + tree.scroll_offset.y:
            await pilot.press("down")
        await settle(pilot)
        assert "Implications for the AI Ecosystem" in status_line(app)  # ...whole here
        await pilot.press("down")  # a section under it: its path, deepest kept
        await settle(pilot)
        assert status_line(app).startswith(
            "…Ecosystem › 1. Advancements in Natural Language Processing "
        )
        await pilot.press("tab")  # back to the article: the passage being read again
        await settle(pilot)
        assert status_line(app) == reading_path
