"""Links and the mouse: #fragments, linked articles (and back), web pages after asking."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import highlighted, messages, screen_text, settle, top_line
from textual.pilot import Pilot
from textual.widgets import Label

from reader.app import ReaderApp
from reader.links import FileTarget, classify, file_target, section_for_fragment, slug
from reader.parsers import parse
from reader.source import load_path
from reader.widgets import ContentView
from reader.widgets.choice_screen import ChoiceScreen

MAIN = """# Main article

See [the details](#details-and-more) below, or [the other article](other.md#second-part).
Also [the project page](https://example.com/project) and [a trap](ftp://example.com/file).

## Introduction

Opening words of the introduction.

## Details and more

The details themselves.
"""

OTHER = """# Other article

## First part

Words.

## Second part

More words in the second part.
"""


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    (tmp_path / "main.md").write_text(MAIN)
    (tmp_path / "other.md").write_text(OTHER)
    return tmp_path / "main.md"


async def click_text(pilot: Pilot[None], app: ReaderApp, text: str) -> None:
    lines = screen_text(app).split("\n")
    y = next(y for y, line in enumerate(lines) if text in line)
    await pilot.click(ContentView, offset=(lines[y].index(text) + 1, y))
    await settle(pilot)
    await app.workers.wait_for_complete()
    await settle(pilot)


def test_links_are_classified_and_fragments_named_as_on_github() -> None:
    assert classify("#details") == "fragment"
    assert classify("other.md#x") == "file" and classify("notes/plain.txt") == "file"
    assert classify("https://example.com") == "web" and classify("mailto:a@b.c") == "web"
    for never in ("javascript:alert(1)", "file:///etc/passwd", "data:text/plain,hi", "x-y:z"):
        assert classify(never) == "other"
    assert classify("image.png") == "file" and classify("/etc/shadow") == "file"
    assert slug("Details and more!") == "details-and-more"
    document = parse("# A\n\n## Same\n\nx\n\n## Same\n\ny\n", "markdown", "a.md")
    second = section_for_fragment(document, "same-1")
    assert second is not None and second is document.sections[-1]


async def test_clicking_a_fragment_link_goes_to_its_section(articles: Path) -> None:
    app = ReaderApp(load_path(articles))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await click_text(pilot, app, "the details")
        assert highlighted(app) == "Details and more"
        assert top_line(app) == "Details and more"


async def test_a_linked_article_opens_at_its_fragment_and_backspace_comes_back(
    articles: Path,
) -> None:
    app = ReaderApp(load_path(articles))
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        await click_text(pilot, app, "the other article")
        assert app.title == "Other article"
        assert top_line(app) == "Second part"
        await pilot.press("backspace")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.title == "Main article"
        await pilot.press("backspace")
        await settle(pilot)
        assert "There is no place to go back to." in messages(app)


async def test_a_web_link_opens_the_browser_only_when_confirmed(
    articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    app = ReaderApp(load_path(articles))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await click_text(pilot, app, "the project page")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("down", "enter")  # "Stay here"
        await settle(pilot)
        assert opened == []
        await click_text(pilot, app, "the project page")
        await pilot.press("enter")  # "Open it in the browser"
        await settle(pilot)
        await app.workers.wait_for_complete()
        assert opened == ["https://example.com/project"]
        await click_text(pilot, app, "a trap")  # neither a page nor an article: not followed
        assert not isinstance(app.screen, ChoiceScreen) and app.title == "Main article"
        assert opened == ["https://example.com/project"]


async def test_enter_follows_the_passage_s_link_or_asks_which(articles: Path) -> None:
    app = ReaderApp(load_path(articles))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await click_text(pilot, app, "See ")  # make that passage the one being read
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)  # it has four links
        await pilot.press("enter")  # the first: #details-and-more
        await settle(pilot)
        assert highlighted(app) == "Details and more"


async def test_clicking_a_passage_makes_it_the_one_being_read(articles: Path) -> None:
    app = ReaderApp(load_path(articles))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await click_text(pilot, app, "Opening words")
        assert app.query_one(ContentView).passage == app.reading.passage
        assert highlighted(app) == "Introduction"
        assert "▎ Opening words of the introduction." in screen_text(app)


async def test_a_fragment_that_looks_like_markup_is_shown_as_written(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("# A\n\nSee [here](<#x[/]>) and [there](#[@click=app.quit]x).\n")
    app = ReaderApp(load_path(article))
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        await click_text(pilot, app, "here")
        await click_text(pilot, app, "there")
        assert app.is_running
        shown = messages(app)
        assert "No section here is called #x[/]." in shown
        assert "No section here is called #[@click=app.quit]x." in shown


def test_only_article_files_inside_the_article_s_folder_are_trusted(tmp_path: Path) -> None:
    article = tmp_path / "docs" / "main.md"
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / "inside.md").symlink_to("/etc/hostname")
    assert file_target("sub/next.md#part", article) == FileTarget(
        (tmp_path / "docs" / "sub" / "next.md").resolve(), "part", True
    )
    for untrusted in (
        "/etc/shadow",
        "../outside.md",
        "sub/../../outside.md",
        "LICENSE",
        "image.png",
        "inside.md",
        "/tmp/a.md",
    ):
        target = file_target(untrusted, article)
        assert not target.trusted, untrusted
    assert file_target("/etc/shadow", article).path == Path("/etc/shadow")
    assert not file_target("next.md", None).trusted  # an article from stdin has no folder


async def test_a_link_outside_the_article_s_folder_asks_first_showing_the_path(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    secret = tmp_path / "secret"
    secret.write_text("Private words.\n")
    article = folder / "main.md"
    article.write_text(f"# Main\n\n[chapter]({secret}) and [up](../secret).\n")
    app = ReaderApp(load_path(article))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        for text in ("chapter", "up"):
            await click_text(pilot, app, text)
            assert isinstance(app.screen, ChoiceScreen)
            assert str(secret) in str(app.screen.query_one(Label).content)
            await pilot.press("down", "enter")  # "Stay here"
            await settle(pilot)
            assert app.title == "Main"
        await click_text(pilot, app, "chapter")
        await pilot.press("enter")  # "Open it here"
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.source.path == secret


async def test_a_link_to_a_fifo_does_not_freeze_the_reader(
    tmp_path: Path, deadline: Callable[[float], None]
) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    article = tmp_path / "main.md"
    article.write_text("# Main\n\n[the pipe](pipe.md)\n")
    app = ReaderApp(load_path(article))
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        deadline(20)
        await click_text(pilot, app, "the pipe")
        assert app.title == "Main"
        assert any("not a regular file" in m for m in messages(app))


def test_a_link_resolves_to_a_section_a_file_a_web_page_or_a_refusal(tmp_path: Path) -> None:
    from reader.links import Refused, WebLink, resolve

    document = parse(MAIN, "markdown", "main.md")
    article = tmp_path / "main.md"
    section = resolve("#details-and-more", document, article)
    assert section is document.sections[-1]
    assert resolve("#nowhere", document, article) == Refused("No section here is called #nowhere.")
    assert resolve("other.md#second-part", document, article) == FileTarget(
        (tmp_path / "other.md").resolve(), "second-part", True
    )
    assert resolve("https://example.com", document, article) == WebLink("https://example.com")
    assert resolve("javascript:alert(1)", document, article) == Refused(
        "Not followed: javascript:alert(1)"
    )
