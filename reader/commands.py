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
