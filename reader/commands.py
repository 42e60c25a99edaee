"""Command palette providers: go to a section by typing part of its title."""

from __future__ import annotations

from functools import partial
from itertools import pairwise
from typing import Protocol

from rich.text import Text
from textual.command import Hit, Hits, Provider

from reader.document import Document, Section
from reader.outline import label
from reader.settings import Settings


class Reader(Protocol):
    """What the palette's providers need of the app (no import of it: no cycle)."""

    @property
    def document(self) -> Document | None: ...

    settings: Settings

    def go_to_section(self, section: Section) -> None: ...

    def set_reading_speed(self, words_per_minute: int) -> None: ...


SECTION_MARK = "§ "
MAX_TITLE = 120  # characters of a section title matched and shown: titles are untrusted


def fuzzy_match(query: str, title: str) -> tuple[float, list[int]]:
    """Score `title` (already cut to MAX_TITLE) against a typed query, and the matched offsets.

    Textual's fuzzy search tries every combination of matching positions, which
    grows without bound on long, repetitive titles; this takes the query as a
    substring if it is one, else each letter at its first place after the last,
    preferring the start of a word: linear in the title.
    """
    query, candidate = query.lower(), title.lower()
    if not query:
        return 0.0, []
    found = candidate.find(query)
    if found >= 0:
        offsets = list(range(found, found + len(query)))
        return _score(candidate, offsets) * (2.0 if candidate == query else 1.5), offsets
    letters = [letter for letter in query if not letter.isspace()]
    offsets = _in_order(candidate, letters, word_starts=True) or _in_order(
        candidate, letters, word_starts=False
    )
    return _score(candidate, offsets), offsets


def _in_order(candidate: str, letters: list[str], *, word_starts: bool) -> list[int]:
    """Each letter at its first place after the one before (else []); with `word_starts`,
    a letter that does not follow on from the one before goes to the next word start."""
    offsets: list[int] = []
    position = 0
    for letter in letters:
        at = candidate.find(letter, position)
        if at < 0:
            return []
        if word_starts and not (offsets and at == offsets[-1] + 1):
            start = at
            while start > 0 and candidate[start - 1].isalnum():
                start = candidate.find(letter, start + 1)
            at = at if start < 0 else start
        offsets.append(at)
        position = at + 1
    return offsets


def _score(candidate: str, offsets: list[int]) -> float:
    """More letters, more of them at word starts, and fewer separate groups score higher."""
    if not offsets:
        return 0.0
    starts = sum(1 for at in offsets if at == 0 or not candidate[at - 1].isalnum())
    groups = 1 + sum(1 for a, b in pairwise(offsets) if b != a + 1)
    together = (len(offsets) - (groups - 1)) / len(offsets)
    return (len(offsets) + starts) * (1 + together * together)


class SectionCommands(Provider):
    """Every section of the article, found by a fuzzy match on its title."""

    async def search(self, query: str) -> Hits:
        app: Reader = self.app  # type: ignore[assignment]
        document = app.document
        if document is None:
            return
        for section in document.sections:
            if section is document.root:
                continue
            title = label(section)
            if len(title) > MAX_TITLE:
                title = title[: MAX_TITLE - 1] + "…"
            score, offsets = fuzzy_match(query, title)
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
        app: Reader = self.app  # type: ignore[assignment]
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
