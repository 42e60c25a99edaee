"""Behaviour the suite did not pin down (issue 12): each test here fails on one planted bug.

Each test names the mistake it guards against; all of them check what a reader
would notice, or a module's documented contract.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import threading
from contextlib import closing
from pathlib import Path

import pytest
from helpers import (
    bookmark_sections,
    messages,
    screen_text,
    search,
    settle,
    status,
    top_line,
    wait_until,
)
from textual.widgets import OptionList

from reader.anchoring import CONTEXT_CHARS, Anchor, resolve
from reader.app import ReaderApp
from reader.parsers import plaintext
from reader.safe_text import visible, visible_line
from reader.source import Source, load, load_path
from reader.store import Store, StoreError
from reader.widgets import ContentView
from reader.widgets.bookmark_list import BookmarkList
from reader.widgets.title_bar import TitleBar

MARKER = re.compile(r"P(\d{3}): ")


def numbered_paragraphs(count: int, words: int = 40) -> str:
    """A plain-text article: a title, then paragraphs that each start "P000: ", "P001: "…"""
    paragraphs = [
        f"P{number:03d}: " + " ".join(f"word{n}" for n in range(words)) for number in range(count)
    ]
    return "Numbered paragraphs\n\n" + "\n\n".join(paragraphs) + "\n"


def screen_lines(app: ReaderApp) -> list[str]:
    """The content pane's rows as text, without margin, gutter or bookmark marks."""
    return [line.strip(" ▎◆") for line in screen_text(app).split("\n")]


# -- anchoring: the prefix of a passage near the start --------------------------------


def test_a_passage_near_the_start_keeps_the_text_before_it_as_its_prefix() -> None:
    text = "Intro. " + "The quote itself. " + "x" * 200
    anchor = Anchor.from_span(text, 7, 7 + len("The quote itself."))
    assert anchor.prefix == "Intro. "  # all there is before it (fewer than CONTEXT_CHARS)
    assert anchor.exact == "The quote itself."
    start = 40
    assert Anchor.from_span(text, start, start + 5).prefix == text[start - CONTEXT_CHARS : start]


def test_a_passage_near_the_start_is_found_again_by_its_context_after_an_edit() -> None:
    """The same sentence inserted nearer the old place is not taken for it: its prefix differs."""
    passage = "The same sentence appears twice, word for word."
    after = " And then the story goes on."
    text = "Alpha begins. " + passage + after + " Filler." * 40
    start = len("Alpha begins. ")
    anchor = Anchor.from_span(text, start, start + len(passage))
    inserted = "Zq. " + passage + after + " Something new is inserted here." * 8
    edited = inserted + text
    match = resolve(anchor, edited)
    assert match is not None
    assert edited[match.start - len("Alpha begins. ") : match.start] == "Alpha begins. "
    assert match.start == len(inserted) + start


# -- the store: a failed write changes nothing ----------------------------------------


def test_a_write_whose_second_statement_fails_leaves_nothing_of_the_first(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    store = Store.open(folder)
    document = store.document("f" * 32, None, "An article")
    text = "First passage. Second passage, further on."
    first, second = Anchor.from_span(text, 0, 14), Anchor.from_span(text, 15, 30)
    store.save_position(document, first, 0.1)
    # save_position stores the place, then the article's progress: make the second fail
    # (as a full disk would), from another connection to the same file.
    failing = "CREATE TRIGGER failing BEFORE UPDATE OF progress ON documents"
    with closing(sqlite3.connect(folder / "reader.db")) as other:
        other.execute(f"{failing} BEGIN SELECT RAISE(ABORT, 'disk is full'); END")
        other.commit()
    with pytest.raises(StoreError):
        store.save_position(document, second, 0.9)
    store.close()
    with closing(sqlite3.connect(folder / "reader.db")) as other:
        other.execute("DROP TRIGGER failing")
        other.commit()
    reopened = Store.open(folder)
    position = reopened.position(document)
    assert position is not None
    assert position.anchor == first
    assert [recent.progress for recent in reopened.recent()] == [0.1]
    reopened.close()


# -- safe text: DEL is shown, never sent to the terminal -------------------------------


def test_del_is_made_visible() -> None:
    assert visible("rub\x7fout") == "rub␡out"
    assert visible_line("rub\x7fout\tend") == "rub␡out end"


async def test_del_in_an_article_shows_as_a_glyph_on_screen() -> None:
    app = ReaderApp(Source("Title\x7fhere\n\nA line with a DEL\x7f in it.\n", "a.txt", "plain"))
    async with app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert "A line with a DEL␡ in it." in shown
        assert "\x7f" not in shown
        title = str(app.query_one(TitleBar).render())
        assert "Title␡here" in title and "\x7f" not in title


# -- the passage being read is what is on screen --------------------------------------


def expected_passage(app: ReaderApp) -> tuple[int, bool]:
    """From the screen alone: the block at the top if it starts there, else the first block
    that starts on screen (the top one began above); and whether the top row is a block's start.

    Block 0 is the title; paragraph "P<n>: " is block n + 1.
    """
    lines = screen_lines(app)
    starts = [(row, MARKER.match(line)) for row, line in enumerate(lines)]
    starts = [(row, found) for row, found in starts if found is not None]
    assert starts, "every screen shows the start of some paragraph"
    row, found = starts[0]
    return int(found.group(1)) + 1, row == 0


async def test_the_passage_is_the_first_block_starting_on_screen_as_lines_scroll() -> None:
    app = ReaderApp(Source(numbered_paragraphs(30), "a.txt", "plain"))
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        content = app.query_one(ContentView)
        await pilot.press("right_square_bracket")  # past the title, to the paragraphs
        await settle(pilot)
        mid_block = 0
        for _ in range(25):
            await pilot.press("j")
            await settle(pilot)
            expected, at_top = expected_passage(app)
            mid_block += not at_top
            assert content.passage == expected, (content.passage, screen_lines(app)[:4])
        assert mid_block >= 10  # most rows tried begin inside a paragraph that started above


# -- search: the cap on matches counted is shown as "+" -------------------------------


def count_at_most(cap: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make search.MAX_MATCHES `cap`, in every module of the app that imported it."""
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] == "reader" and hasattr(module, "MAX_MATCHES"):
            monkeypatch.setattr(module, "MAX_MATCHES", cap)


async def test_more_matches_than_are_counted_show_a_plus(monkeypatch: pytest.MonkeyPatch) -> None:
    count_at_most(50, monkeypatch)
    text = "# Many\n\n" + "\n\n".join(f"Needle number {n} here." for n in range(80)) + "\n"
    app = ReaderApp(Source(text, "a.md", "markdown"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search(pilot, "needle")
        assert status(app) == "1/50+"
        await pilot.press("enter", "n")
        await settle(pilot)
        assert status(app) == "2/50+"


async def test_exactly_as_many_matches_as_shown_have_no_plus(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    count_at_most(50, monkeypatch)
    text = "# Few\n\n" + "\n\n".join(f"Needle number {n} here." for n in range(49)) + "\n"
    app = ReaderApp(Source(text, "a.md", "markdown"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search(pilot, "needle")
        assert status(app) == "1/49"


# -- bookmarks: undo brings back the last one deleted ---------------------------------


def listed_sections(app: ReaderApp) -> list[str]:
    options = app.screen.query_one(OptionList)
    return [
        str(options.get_option_at_index(i).prompt).split("\n")[0]
        for i in range(options.option_count)
    ]


async def test_undo_after_two_deletes_restores_the_last_deleted() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await bookmark_sections(app, pilot, [1, 3, 5], ["one", "two", "three"])
        await pilot.press("g", "b")
        await settle(pilot)
        assert isinstance(app.screen, BookmarkList)
        assert listed_sections(app) == [
            "2. AI Generalization",
            "Implications for the AI Ecosystem",
            "The Anthropic Advantage",
        ]
        await pilot.press("d")  # the newest: 2. AI Generalization
        await settle(pilot)
        await pilot.press("d")  # then Implications
        await settle(pilot)
        assert listed_sections(app) == ["The Anthropic Advantage"]
        await pilot.press("u")
        await settle(pilot)
        assert listed_sections(app) == [
            "Implications for the AI Ecosystem",
            "The Anthropic Advantage",
        ]
        await pilot.press("u")
        await settle(pilot)
        assert len(listed_sections(app)) == 3
        await pilot.press("escape")
        await settle(pilot)
    # Undone twice: all three are back, each with its own note.
    assert sorted((b.section, b.note) for b in Store.open().bookmarks()) == [
        ("2. AI Generalization", "three"),
        ("Implications for the AI Ecosystem", "two"),
        ("The Anthropic Advantage", "one"),
    ]


async def test_undo_after_two_deletes_saves_the_last_deleted() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await bookmark_sections(app, pilot, [1, 3, 5], ["one", "two", "three"])
        await pilot.press("g", "b")
        await settle(pilot)
        await pilot.press("d", "d", "u", "escape")
        await settle(pilot)
    assert [(b.section, b.note) for b in Store.open().bookmarks()] == [
        ("Implications for the AI Ecosystem", "two"),
        ("The Anthropic Advantage", "one"),
    ]


# -- resuming never yanks a reader who scrolled while the article loaded ---------------


async def test_scrolling_while_a_long_article_loads_is_not_undone_by_resuming(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "long.txt"
    article.write_text(numbered_paragraphs(400), encoding="utf-8")
    assert len(article.read_text(encoding="utf-8")) > 4 * 16 * 1024  # shown as a preview first
    app = ReaderApp(load_path(article))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("G")  # far into the article
        await settle(pilot)
        deep = app.query_one(ContentView).passage
        assert deep > 300
        await pilot.press("q")
    # Reopened and left alone, it resumes there.
    app = ReaderApp(load_path(article))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert app.query_one(ContentView).passage == deep
        assert top_line(app).startswith(f"P{deep - 1:03d}: ")
        assert any(message.startswith("Resumed at") for message in messages(app))
        await pilot.press("q")
    # Reopened, and the reader scrolls before the whole article has been parsed.
    parse, started, release = plaintext.parse_plain, threading.Event(), threading.Event()
    app = ReaderApp(load_path(article))
    full = app.source.text

    def slow_parse(text: str, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        """The parse of the whole article (in its worker) waits until the test says go."""
        if text == full and threading.current_thread() is not threading.main_thread():
            started.set()
            release.wait(30)
        return parse(text, *args, **kwargs)  # type: ignore[arg-type]

    # `reader.parsers.parse` looks the plain-text parser up at each call.
    monkeypatch.setattr(plaintext, "parse_plain", slow_parse)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        try:
            await wait_until(pilot, started.is_set, "the parse to start", timeout=30)
            await pilot.pause()
            assert top_line(app) == "Numbered paragraphs"  # the preview, at the start
            await pilot.press("j", "j", "j")
            await pilot.pause()
            assert app.query_one(ContentView).scroll_y > 0
            here = top_line(app)
        finally:
            release.set()
        await settle(pilot)
        assert app.document is not None and len(app.document.blocks) == 401  # all of it is in
        assert top_line(app) == here
        assert not any(message.startswith("Resumed at") for message in messages(app))
