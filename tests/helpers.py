"""What the app tests share: reading the screen, waiting for a condition, common gestures.

Tests import these from here, never from one another.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

from textual.app import App
from textual.pilot import Pilot

from reader.app import ReaderApp
from reader.widgets import ContentView, SectionTree
from reader.widgets.search_bar import SearchBar
from reader.widgets.status_line import StatusLine

SECTION_ORDER = [
    "Amazon invests $4B in Anthropic AI startup",
    "The Anthropic Advantage",
    "Amazon’s Strategic Investment",
    "Implications for the AI Ecosystem",
    "1. Advancements in Natural Language Processing",
    "2. AI Generalization",
    "3. Increased Competition in AI",
    "4. Ethical Considerations",
    "Amazon’s $4 billion investment…",
]


def screen_text(app: ReaderApp) -> str:
    """What the content pane shows, as plain text lines."""
    content = app.query_one(ContentView)
    height = content.scrollable_content_region.height
    return "\n".join(content.render_line(y).text.rstrip() for y in range(height))


def top_line(app: ReaderApp) -> str:
    return screen_text(app).split("\n")[0].strip(" ▎")


def highlighted(app: ReaderApp) -> str:
    node = app.query_one(SectionTree).cursor_node
    assert node is not None and node.data is not None
    return node.data.title


def status_line(app: ReaderApp) -> str:
    return " ".join(str(app.query_one(StatusLine).render()).split())


def status(app: ReaderApp) -> str:
    """What the search bar says: where the search is, or what is wrong."""
    bar = app.query_one(SearchBar)
    problem = bar.query_one("#problem")
    return str((problem if problem.display else bar.query_one("#status")).render()).strip()


NOTICES: WeakKeyDictionary[App[Any], list[str]] = WeakKeyDictionary()  # see `conftest`


def messages(app: App[Any]) -> list[str]:
    """Every notification the app has shown, as shown (recorded at Textual's `notify`)."""
    return NOTICES.get(app, [])


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the app has handled what is pending, its workers' results included."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], bool], what: str, timeout: float = 10.0
) -> None:
    """Let the app run until `condition()` holds; fail saying `what` was waited for."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:g} s for {what}")
        await pilot.pause(0.02)


async def in_palette(pilot: Pilot[None], query: str, *, choose: bool = True) -> None:
    """Open the command palette, type `query` and (unless not `choose`) take the top hit."""
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    await pilot.press("ctrl+p")
    await settle(pilot)
    await pilot.press(*query)
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    # The palette searches its providers as a task: wait for its hits, then for them to hold.
    options = palette.query_one(OptionList)
    await wait_until(pilot, lambda: options.option_count > 0, f"palette hits for {query!r}")
    shown = -1
    while shown != options.option_count:
        shown = options.option_count
        await pilot.pause(0.05)
    if choose:
        await pilot.press("enter")
        await settle(pilot)


async def search(pilot: Pilot[None], query: str) -> None:
    await pilot.press("slash", *query)
    await pilot.app.workers.wait_for_complete()
    await settle(pilot)


async def bookmark_sections(
    app: ReaderApp, pilot: Pilot[None], jumps: list[int], notes: list[str]
) -> None:
    """Press ] the given numbers of times from the top, bookmarking each place with a note."""
    for count, note in zip(jumps, notes, strict=True):
        await pilot.press("g", *(["right_square_bracket"] * count), "m")
        await settle(pilot)
        await pilot.press(*note, "enter")
        await settle(pilot)
