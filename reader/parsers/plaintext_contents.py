"""A table of contents in plain text: a map of the document, not a run of headings.

The contents start under a "Contents" or "Table of Contents" line and end where
the body begins: at the first block that repeats one of its entries, or at the
first paragraph of prose. The entries are shown as they are laid out; a block in
the body whose first line repeats an entry is a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.parsers.plaintext_layout import Chunk

TITLES = frozenset({"contents", "table of contents", "contents of this file", "index"})
_PAGE = re.compile(r"\s(?:\d+|[ivxlcdm]+)$", re.IGNORECASE)  # "  12", "....iv" (after dots)
_LEADER_END = re.compile(r"(?:\.\s?){2,}$|\s{2,}$")  # dot leaders or a wide gap before it
_MAX_ENTRY_WORDS = 16
_MAX_LINES = 400  # a contents list longer than this is not one


@dataclass(slots=True)
class Contents:
    """Where a table of contents is and what it lists."""

    title: int | None = None  # the id of the chunk opening with the "Contents" line
    listed: set[int] = field(default_factory=set)  # ids of the chunks that list entries
    entries: set[str] = field(default_factory=set)  # normalised entry texts
    title_lines: int = 1  # the title's lines: 2 when it is underlined
    title_only: bool = True  # the title's chunk holds nothing but the title


def find_contents(chunks: list[Chunk]) -> Contents:
    """The document's table of contents (an empty one when it has none)."""
    for index, chunk in enumerate(chunks):
        if normalise(chunk.lines[0]) not in TITLES:
            continue
        underlined = len(chunk.lines) > 1 and set(chunk.lines[1].strip()) <= set("=-~*_")
        contents = Contents(title=id(chunk), title_lines=2 if underlined else 1)
        body = chunk.lines[contents.title_lines :]
        if body:
            contents.title_only = False
            contents.entries.update(_listed(body))
        lines = len(body)
        for following in chunks[index + 1 :]:
            lines += len(following.lines)
            if lines > _MAX_LINES:
                return Contents()  # too long to be a table of contents
            listed = _listed(following.lines)
            if listed & contents.entries or not _entries(following):
                break  # the body begins
            contents.listed.add(id(following))
            contents.entries.update(listed)
        if contents.listed or not contents.title_only:
            return contents
    return Contents()


def normalise(line: str) -> str:
    """An entry's text for comparison: no leader or page number, case or end punctuation."""
    text = line.strip()
    page = _PAGE.search(" " + text.replace(".", ". ")[-12:])  # a page number at the end
    if page is not None:
        number = page.group().strip()
        before = text[: len(text) - len(number)]
        if _LEADER_END.search(before[-12:]):  # only after a leader: "Chapter 1" keeps its 1
            text = before
    return " ".join(text.split()).strip(" .:").lower()


def _listed(lines: list[str]) -> set[str]:
    """The normalised entries of some lines of the contents (rules are not entries)."""
    return {text for text in map(normalise, lines) if any(c.isalpha() for c in text)}


def _entries(chunk: Chunk) -> bool:
    """Whether a block reads as contents entries: short lines, not sentences of prose."""
    lines = [line.strip() for line in chunk.lines]
    if any(len(line.split()) > _MAX_ENTRY_WORDS for line in lines):
        return False
    sentences = sum(1 for line in lines if line.endswith(".") and not _LEADER_END.search(line))
    return sentences * 2 <= len(lines)
