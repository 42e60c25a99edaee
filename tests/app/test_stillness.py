"""Work done while the reader is still, so the next key draws at once: the next section's
first screen wrapped ahead, and garbage collected then rather than during a key."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from helpers import highlighted, settle, wait_until

from reader.app import ReaderApp
from reader.widgets import ContentView

SIZE = (100, 30)


def long_article() -> str:
    """An article long enough to be shown from its start while the rest is parsed."""
    body = ("A sentence of body text for the section. " * 12 + "\n\n") * 6
    return "Big Article\n\n" + "".join(f"Section {n}\n\n{body}" for n in range(1, 301))


def wrapped(app: ReaderApp, title: str) -> bool:
    """Whether the first block of the section `title` has been wrapped at the pane's width."""
    document = app.document
    assert document is not None
    section = next(each for each in document.sections if each.title == title)
    return app.query_one(ContentView)._lines.index.is_exact(section.first_block)


async def test_the_next_section_is_wrapped_ahead_and_again_when_the_whole_article_comes(
    make_app: Callable[..., ReaderApp],
) -> None:
    app = make_app(long_article())
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await wait_until(pilot, lambda: highlighted(app) == "Section 1", "at section 1")
        await wait_until(pilot, lambda: wrapped(app, "Section 2"), "the next one ahead")
        assert app.document is not None
        app.reading_screen.show(app.document, complete=True)  # as the whole article comes
        assert not wrapped(app, "Section 2")  # a new document: wrapped afresh
        await wait_until(pilot, lambda: wrapped(app, "Section 2"), "ahead again, with no key")


async def test_garbage_is_collected_once_the_reader_is_still(
    make_app: Callable[..., ReaderApp],
) -> None:
    full: list[int] = []

    def record(phase: str, info: dict[str, Any]) -> None:
        if phase == "stop" and info["generation"] == 2:
            full.append(1)

    app = make_app(long_article())
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await settle(pilot)
        gc.callbacks.append(record)
        try:
            await pilot.press("right_square_bracket")
            await wait_until(pilot, lambda: bool(full), "a full collection, once still")
        finally:
            gc.callbacks.remove(record)
