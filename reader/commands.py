"""Command palette providers: go to a section by typing part of its title."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import Hit, Hits, Provider

from reader.outline import label

if TYPE_CHECKING:
    from reader.app import ReaderApp

SECTION_MARK = "§ "


class SectionCommands(Provider):
    """Every section of the article, found by a fuzzy match on its title."""

    async def search(self, query: str) -> Hits:
        app: ReaderApp = self.app  # type: ignore[assignment]
        document = app.document
        if document is None:
            return
        matcher = self.matcher(query)
        for section in document.sections:
            if section is document.root:
                continue
            title = label(section)
            score, offsets = matcher.fuzzy_search.match(matcher.query, title)
            if score <= 0:
                continue
            shown = Text(SECTION_MARK + title)  # article text: never read as markup
            for offset in offsets:
                shown.stylize(
                    "bold underline", len(SECTION_MARK) + offset, len(SECTION_MARK) + offset + 1
                )
            yield Hit(score, shown, partial(app.go_to_section, section), text=title, help="Section")


SPEEDS = (150, 180, 200, 230, 260, 300, 350, 400)  # words a minute offered


class SpeedCommands(Provider):
    """Reading speeds to choose from, for the minutes left in the status line."""

    async def search(self, query: str) -> Hits:
        app: ReaderApp = self.app  # type: ignore[assignment]
        matcher = self.matcher(query)
        for speed in SPEEDS:
            title = f"Reading speed: {speed} words a minute"
            score = matcher.match(title)
            if score > 0:
                current = " (now)" if speed == app.settings.words_per_minute else ""
                yield Hit(
                    score,
                    matcher.highlight(title),  # our own text: markup-free
                    partial(app.set_reading_speed, speed),
                    text=title,
                    help=f"For the minutes left in the status line{current}",
                )
