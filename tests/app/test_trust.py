"""Issue 11: nothing a file, a name, a link or a state file does can crash, hang or leak."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import BUNDLED, ROOT
from helpers import highlighted, in_palette, settle, top_line
from textual.widgets import OptionList

from reader.app import ReaderApp
from reader.commands import MAX_TITLE, fuzzy_match
from reader.source import Source, load, load_path
from reader.widgets import ContentView
from reader.widgets.reading_screen import ReadingScreen

SIZE = (100, 30)


def test_fuzzy_matching_is_linear_on_long_repetitive_titles(
    deadline: Callable[[float], None],
) -> None:
    deadline(5)
    score, offsets = fuzzy_match("a" * 12 + "b", "a " * 5000 + "b")
    assert score > 0 and len(offsets) == 13
    assert fuzzy_match("ai gen", "2. AI Generalization")[1] == [3, 4, 5, 6, 7, 8]
    assert fuzzy_match("zx", "Amazon’s quiet deal") == (0.0, [])


async def test_the_palette_on_a_huge_section_title_stays_responsive(
    make_app: Callable[..., ReaderApp], deadline: Callable[[float], None]
) -> None:
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    title = "a " * 5000
    app = make_app(f"# Doc\n\n## {title}\n\nText.\n\n## Other\n\nMore.\n", "markdown", "m.md")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        deadline(20)
        await in_palette(pilot, "aaaaaaaa", choose=False)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        options = palette.query_one(OptionList)
        prompts = [
            str(options.get_option_at_index(i).prompt).split("\n")[0]
            for i in range(options.option_count)
        ]
        cut = [prompt for prompt in prompts if prompt.startswith("§ a a")]
        assert cut and all(len(prompt) <= MAX_TITLE + 2 for prompt in cut)
        assert cut[0].endswith("…")


async def test_quitting_before_the_pane_reaches_the_stored_place_keeps_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(5):
            await pilot.press("right_square_bracket")
        await settle(pilot)
        assert highlighted(app) == "2. AI Generalization"
    # The next session ends (SIGTERM, SIGHUP) as soon as the stored place is found,
    # before the pane has reported getting there: the place saved must be that one.
    resume = ReadingScreen._resume

    def resume_then_stop(self: ReadingScreen) -> None:
        resume(self)
        self.app._save_and_exit()

    with monkeypatch.context() as patched:
        patched.setattr(ReadingScreen, "_resume", resume_then_stop)
        again = ReaderApp(load(None))
        async with again.run_test(size=SIZE) as pilot:
            await settle(pilot)
    third = ReaderApp(load(None))
    async with third.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert top_line(third) == "2. AI Generalization"


async def test_a_read_that_never_ends_leaves_the_reader_responsive_and_q_quits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, deadline: Callable[[float], None]
) -> None:
    """A linked file on a hung mount (or a device put in its place) blocks its read for good."""
    import reader.widgets.loader

    (tmp_path / "hung.md").write_text("# Never read\n")
    article = tmp_path / "main.md"
    article.write_text("# Main\n\n[the hung one](hung.md)\n\n## Second\n\nMore.\n")
    release = threading.Event()
    read = reader.widgets.loader.open_path

    def blocking(path: Path) -> Source:
        if path.name == "hung.md":
            release.wait()
        return read(path)

    monkeypatch.setattr(reader.widgets.loader, "open_path", blocking)
    app = ReaderApp(read(article))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            deadline(20)
            await pilot.click(ContentView, offset=(3, 3))  # the link (not waiting for its read)
            await pilot.pause()
            assert any(worker.group == "read" and worker.is_running for worker in app.workers)
            await pilot.press("right_square_bracket")  # the UI still answers keys
            await pilot.pause()
            assert top_line(app) == "Second"
            await pilot.press("q")
            await pilot.pause()
            assert not app.is_running
    finally:
        release.set()


async def test_bookmarks_and_the_place_are_found_in_the_text_off_the_ui_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.places

    article = tmp_path / "a.txt"
    original = BUNDLED.read_text(encoding="utf-8")
    article.write_text(original, encoding="utf-8")
    app = ReaderApp(load_path(article))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(5):
            await pilot.press("right_square_bracket")
        await pilot.press("m", "enter")
        await settle(pilot)
    article.write_text("A new first paragraph.\n\n" + original, encoding="utf-8")
    threads: list[str] = []
    for name in ("locate", "locate_place"):
        real = getattr(reader.places, name)

        def spy(*args: object, real: Callable[..., object] = real, **kwargs: object) -> object:
            threads.append(threading.current_thread().name)
            return real(*args, **kwargs)

        monkeypatch.setattr(reader.places, name, spy)
    again = ReaderApp(load_path(article))
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert top_line(again).endswith("2. AI Generalization")  # marked: a bookmark
        await pilot.press("b")
        await settle(pilot)
        assert "AI Generalization" in str(
            again.screen.query_one(OptionList).get_option_at_index(0).prompt
        )
    assert len(threads) >= 3
    assert threading.main_thread().name not in threads


RUNAWAY_SEARCH = """
import asyncio, os, sys
os.environ["TEXTUAL_ANIMATIONS"] = "none"
from reader.app import ReaderApp
from reader.source import load
from reader.widgets.search_bar import SearchBar

async def main() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *sys.argv[1])
        for _ in range(400):
            await pilot.pause(0.05)
            problem = str(app.query_one(SearchBar).query_one("#problem").content)
            if problem:
                break
        await pilot.press("escape", "right_square_bracket")  # still answering keys
        await pilot.pause()
        print(problem)
        await pilot.press("q")

asyncio.run(main())
"""


def test_a_runaway_regex_search_says_so_and_the_reader_stays_responsive(tmp_path: Path) -> None:
    """`re` holds the interpreter lock and cannot be stopped: on the old code this hung for
    good, so it runs in a process of its own that is killed if it does."""
    import subprocess
    import sys

    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    try:
        result = subprocess.run(
            [sys.executable, "-c", RUNAWAY_SEARCH, "re:(?:(.)+)+\\1\\d{9}"],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the search froze the reader")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "search took too long"


async def test_a_file_name_that_is_not_utf8_opens_is_kept_and_listed(tmp_path: Path) -> None:
    import subprocess
    import sys

    from reader.widgets.title_bar import TitleBar

    article = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.txt"))
    article.write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
    app = ReaderApp(load_path(article))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "caf\\xe9.txt" in str(app.query_one(TitleBar).render())
        for _ in range(5):
            await pilot.press("right_square_bracket")
        await pilot.press("m", "enter")
        await settle(pilot)
    again = ReaderApp(load_path(article))
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert top_line(again).endswith("2. AI Generalization")
    for command in (["bookmarks", os.fsdecode(article)], ["recent"]):
        result = subprocess.run(
            [os.fsencode(sys.executable), b"-m", b"reader", *map(os.fsencode, command)],
            capture_output=True,
            timeout=60,
            cwd=ROOT,
        )
        assert result.returncode == 0, result.stderr
        assert b"caf\\xe9.txt" in result.stdout


def test_reader_toc_on_a_file_that_never_ends_exits_2_at_once(tmp_path: Path) -> None:
    import subprocess
    import sys

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        try:
            result = subprocess.run(
                [sys.executable, "-m", "reader", "toc", path],
                capture_output=True,
                text=True,
                timeout=30,
                cwd=ROOT,
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"reader toc {path} blocked")
        assert result.returncode == 2
        assert result.stderr.startswith(f"reader: {path}: ") and result.stdout == ""


@pytest.mark.parametrize("screen_key", ["question_mark", "b", "o"])
async def test_q_quits_from_help_the_bookmarks_and_the_library(screen_key: str) -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(screen_key)
        await settle(pilot)
        assert len(app.screen_stack) == 2
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
