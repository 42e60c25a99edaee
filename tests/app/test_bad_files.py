"""Articles that are odd, huge or unstable, opened in the real app."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import SECTION_ORDER, highlighted, messages, screen_text, settle, top_line, wait_until
from rich.cells import cell_len

from reader.app import ReaderApp
from reader.source import Source, load, load_path
from reader.store import Store
from reader.widgets import ContentView
from reader.widgets.bookmark_list import BookmarkList


def article_version(path: Path) -> tuple[int, int, int, int]:
    info = path.stat()
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def loaded(app: ReaderApp) -> Callable[[], bool]:
    return lambda: app.document is not None and app.reading.complete and app.reading.restored


async def test_a_file_that_changes_or_goes_while_open_stays_on_screen_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Often enough to notice soon; 0.05 s kept the app so busy that each key waited a second.
    monkeypatch.setattr("reader.widgets.reading_screen.WATCH_INTERVAL", 0.25)
    article = tmp_path / "article.txt"
    original = Path(load(None).path or "").read_text(encoding="utf-8")
    article.write_text(original, encoding="utf-8")
    app = ReaderApp(load_path(article))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_until(pilot, loaded(app), "the whole article")
        await pilot.press("right_square_bracket", "right_square_bracket", "m")
        await settle(pilot)
        await pilot.press(*"before the edit", "enter")
        await settle(pilot)
        shown = screen_text(app)

        os.utime(article)  # touched, then rewritten and replaced with the same text: no news
        replacement = tmp_path / "replacement.txt"
        replacement.write_text(original, encoding="utf-8")
        replacement.replace(article)
        await wait_until(
            pilot,
            lambda: (
                app.reading.watch is not None
                and app.reading.watch.version == article_version(article)
            ),
            "the watch to see the replaced file",
        )
        await settle(pilot)  # any notice of that look has been handled
        assert app.sub_title == "article.txt" and not any("disk" in m for m in messages(app))

        article.write_text("Something else entirely.\n\nNothing like it.\n", encoding="utf-8")
        changed = "article.txt (changed on disk)"
        await wait_until(pilot, lambda: app.sub_title == changed, "the changed file noticed")
        assert any(m.startswith("article.txt changed on disk.") for m in messages(app))
        assert screen_text(app) == shown  # what was read stays
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert highlighted(app) == SECTION_ORDER[3]  # and can still be read through

        article.unlink()
        gone = "article.txt (deleted or moved)"
        await wait_until(pilot, lambda: app.sub_title == gone, "the deleted file noticed")
        assert any(m.startswith("article.txt was deleted or moved.") for m in messages(app))
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, BookmarkList)
        await pilot.press("escape", "q")
    article.write_text("A new opening paragraph.\n\n" + original, encoding="utf-8")
    again = ReaderApp(load_path(article))
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, loaded(again), "the whole article")
        assert top_line(again) == SECTION_ORDER[3]  # the place re-anchored in the new text
    assert [b.note for b in Store.open().bookmarks()] == ["before the edit"]


@pytest.mark.parametrize("kind", ["plain", "markdown"])
async def test_a_10_mb_single_line_opens_wraps_and_scrolls_to_its_end(kind: str) -> None:
    words = "one line with no newline at all for ten megabytes "
    text = "FIRST " + words * (10_000_000 // len(words)) + "LAST"
    app = ReaderApp(Source(text, f"line.{'md' if kind == 'markdown' else 'txt'}", kind))  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, loaded(app), "the whole article")
        content = app.query_one(ContentView)
        width = content.scrollable_content_region.width
        lines = screen_text(app).split("\n")
        assert lines[0].strip(" ▎").startswith("FIRST one line")
        assert all(cell_len(line) <= width for line in lines)
        assert content.virtual_size.height > 10_000_000 // width  # wrapped, not cut
        await pilot.press("space")
        assert screen_text(app).split("\n")[0] != lines[0]
        await pilot.press("G")
        await settle(pilot)
        assert "LAST" in screen_text(app).split("\n")[-1] + screen_text(app).rstrip()[-80:]


DEEP = (
    "###### A level-six heading first\n\nBefore the title.\n\n"
    "# Title\n\nIntro.\n\n"
    "#### Skipped from one to four\n\nUnder four.\n\n"
    "## Back to two\n\n"
    + "".join("  " * level + f"- item at depth {level}\n" for level in range(50))
    + "\n###### Six under two\n\n"
    + "".join("> " * level + f"quote at depth {level}\n\n" for level in range(1, 40))
)


async def test_deep_lists_skipped_heading_levels_and_a_level_six_heading_first() -> None:
    app = ReaderApp(Source(DEEP, "deep.md", "markdown"))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, loaded(app), "the whole article")
        document = app.document
        assert document is not None
        titles = [section.title for section in document.sections]
        assert titles[1:] == [
            "A level-six heading first",
            "Title",
            "Skipped from one to four",
            "Back to two",
            "Six under two",
        ]
        seen: list[str] = []
        for _ in titles[1:]:  # the root starts with the first heading
            seen.append(highlighted(app))
            await pilot.press("right_square_bracket")
            await settle(pilot)
        assert seen == titles[1:]
        await pilot.press("g")
        text = ""
        for _ in range(60):  # page through everything
            text += screen_text(app) + "\n"
            await pilot.press("pagedown")
            await settle(pilot)
        words = " ".join(
            text.replace("▌", " ").replace("▎", " ").split()
        )  # no wraps, indents, bars
        for level in range(50):
            assert f"item at depth {level}" in words
        for level in range(1, 40):
            assert f"quote at depth {level}" in words


WIDE = (
    "# 幅の広い文字\n\n"
    "| 名前 | 説明 | 絵 |\n|:--|:--:|--:|\n"
    "| 東京 | 日本の首都 | 🎉 |\n"
    "| a | 中文字符测试内容 | 🐍 |\n"
    "| Ünïcödé | e\u0301\u0301 combining | x\u200by |\n\n"
    + "日本語の文章は空白なしで続きます。" * 30
    + "\n\nZero\u200bwidth\u200cnon\u200djoiners, e\u0301 and a\u0300\u0301\u0302 stacked, "
    + "emoji 🎉🐍🚀 and 한국어 text.\n"
)


@pytest.mark.parametrize("width", [80, 51])
async def test_wide_zero_width_and_combining_characters_keep_columns_lined_up(width: int) -> None:
    app = ReaderApp(Source(WIDE, "wide.md", "markdown"))
    async with app.run_test(size=(width, 70)) as pilot:
        await wait_until(pilot, loaded(app), "the whole article")
        content = app.query_one(ContentView)
        pane = content.scrollable_content_region.width
        lines = screen_text(app).split("\n")
        assert all(cell_len(line) <= pane for line in lines)
        table = [line for line in lines if "│" in line or "┬" in line or "┼" in line]
        assert len(table) >= 5

        def columns(line: str) -> list[int]:
            return [cell_len(line[:i]) for i, char in enumerate(line) if char in "│┬┼┴╭╮╰╯├┤"]

        assert len({tuple(columns(line)) for line in table}) == 1
        prose = " ".join(" ".join(lines).split())
        assert "日本語の文章は" in prose and "한국어" in prose
        assert "e\u0301 and a\u0300\u0301\u0302" in prose  # marks stay on their letters
        wrapped = [line for line in lines if "続きます" in line]
        assert all(cell_len(line) <= pane for line in wrapped) and len(wrapped) > 5


async def test_a_hundred_thousand_headings_open_and_every_end_is_reachable() -> None:
    text = "# Changelog\n\n" + "".join(
        f"## Release {n}\n\nFixed issue {n}.\n\n" for n in range(100_000)
    )
    app = ReaderApp(Source(text, "CHANGELOG.md", "markdown"))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, loaded(app), "the whole article", timeout=60)
        await pilot.press("G")
        await settle(pilot)
        assert "Fixed issue 99999." in screen_text(app)
        assert highlighted(app).startswith("Release 9999")  # the section at the top
        await pilot.press("g")
        await settle(pilot)
        assert highlighted(app) == "Changelog"
        for n in range(3):
            await pilot.press("right_square_bracket")
            await settle(pilot)
            assert highlighted(app) == f"Release {n}"


@pytest.mark.parametrize("kind", ["plain", "markdown"])
async def test_tabs_expand_to_tab_stops_so_columns_line_up(kind: str) -> None:
    break_ = "\n" if kind == "plain" else "\\\n"  # Markdown: a hard line break
    table = f"name\tvalue\tnote{break_}alpha\t1\tfirst\n"
    code = (
        "\tcode\twith\ttabs\n\tx\ty\tz\n"
        if kind == "plain"
        else "```\ncode\twith\ttabs\nx\ty\tz\n```\n"
    )
    text = f"Tabs\n\n{table}\n{code}" if kind == "plain" else f"# Tabs\n\n{table}\n{code}"
    app = ReaderApp(Source(text, "tabs", kind))  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, loaded(app), "the whole article")
        lines = screen_text(app).split("\n")
        assert not any("\t" in line for line in lines)

        def row(start: str) -> str:
            return next(line for line in lines if line.strip().startswith(start))

        assert row("name").index("value") == row("alpha").index("1")
        assert row("name").index("note") == row("alpha").index("first")
        assert row("code").index("with") == row("x").index("y")
        assert row("code").index("tabs") == row("x").index("z")
