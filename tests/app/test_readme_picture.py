"""The README's picture of the screen is the app's screen: drawn by the app, not by hand."""

from __future__ import annotations

import re

from conftest import ROOT
from helpers import settle, status_line, wait_until
from textual.pilot import Pilot

from reader.app import ReaderApp
from reader.source import load

SCROLLBAR = re.compile(r"\s*[▁▂▃▄▅▆▇█]+$")  # the thumb's place may differ by a row


def picture_in_readme() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```\n", 2)[1]  # the first code block: the screen
    return [SCROLLBAR.sub("", line).rstrip() for line in block.rstrip("\n").split("\n")]


async def screen_lines(pilot: Pilot[None]) -> list[str]:
    strips = pilot.app.screen._compositor.render_strips()
    return [SCROLLBAR.sub("", strip.text).rstrip() for strip in strips]


async def test_the_readme_shows_the_screen_as_the_app_draws_it() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(90, 22)) as pilot:
        await settle(pilot)
        await pilot.press(*["right_square_bracket"] * 3)
        await wait_until(pilot, lambda: "52%" in status_line(app), "the third section")
        assert await screen_lines(pilot) == picture_in_readme()
