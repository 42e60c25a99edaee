"""Infer the structure of a plain-text article.

Blocks are runs of non-blank lines. A short single-line block followed by body
text is a heading; so are underlined lines and ALL-CAPS lines. Unnumbered
heading styles get levels in order of first appearance (as reStructuredText
does); numbered headings ("2.", "2.3") nest by their numbering, under the
unnumbered heading before them. Body text separated by two or more blank lines
from the last of a run of numbered subsections goes back up to the parent's
level, in a synthesized section. Hard-wrapped lines are re-flowed; blocks whose layout
matters (code, tables, ASCII art) are kept as preformatted text.

`plaintext_layout` splits and measures the text and `plaintext_classify` sorts
its blocks; this module confirms headings, gives them levels and builds the Document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from reader.document import (
    Block,
    BlockKind,
    Container,
    ContainerKind,
    Document,
    Heading,
    Run,
    normalize_newlines,
)
from reader.parsers.cancelled import ParseCancelled
from reader.parsers.plaintext_classify import Item, classify
from reader.parsers.plaintext_contents import TITLES as CONTENTS_TITLES
from reader.parsers.plaintext_frames import unframe
from reader.parsers.plaintext_front import demote_title_details
from reader.parsers.plaintext_layout import Chunk, measure, split_chunks
from reader.parsers.plaintext_levels import numbered_level, rank_line_styles
from reader.parsers.plaintext_pages import drop_page_furniture
from reader.parsers.plaintext_shapes import FIELD, NOT_HEADING

MAX_HEADING_RUN = 3  # more consecutive short lines than this are a list, not headings
_MATTER = re.compile(
    r"^(?:prologue|epilogue|preface|foreword|afterword|postscript|appendix)\.?$", re.IGNORECASE
)
_MUTED = "muted"  # the style of a short line that can be no heading
_CASE_RANK = (
    "caps-centred",
    "caps",
    "caps-indented",
    "centered",
    "plain",
)  # unnumbered line styles, highest first


def parse_plain(text: str, name: str, cancelled: Callable[[], bool] | None = None) -> Document:
    """Parse plain text into a Document; `name` titles an article without a title line.

    `cancelled` is asked between the passes; when it answers True the parse
    raises `ParseCancelled`.
    """

    def check() -> None:
        if cancelled is not None and cancelled():
            raise ParseCancelled

    text = normalize_newlines(text)
    chunks = unframe(drop_page_furniture(text, split_chunks(text)))
    check()
    base_indent, wrap_width, body_indent = measure(chunks)
    check()
    items = classify(chunks, base_indent, wrap_width, body_indent)
    check()
    _resolve_candidates(items)
    levels = _Levels(
        has_title=any(item.title for item in items),
        section_break=_section_break(chunks),
        ranked=rank_line_styles(items),
    )
    blocks: list[Block] = []
    headings: list[Heading] = []
    title = next((item.text for item in items if item.title), name)
    numbered_ahead = _numbered_ahead(items)
    for item, ahead in zip(items, numbered_ahead, strict=True):
        index = len(blocks)
        chunk = item.chunk
        if item.kind is BlockKind.HEADING:
            level = levels.heading(item)
            headings.append(Heading(index, level, " ".join(item.text.split())))
            blocks.append(
                Block(
                    BlockKind.HEADING,
                    chunk.start,
                    chunk.end,
                    runs=(Run(item.text),),
                    level=level,
                )
            )
            continue
        closing = None if ahead else levels.closing_section(item)
        if closing is not None:
            headings.append(Heading(index, closing, _excerpt(item.text), synthetic=True))
        blocks.append(_body_block(item))
    return Document(text, title, blocks, headings)


def _resolve_candidates(items: list[Item]) -> None:
    """Turn heading candidates into headings when body text follows them.

    The title line is judged on its own; a run of more short lines than
    MAX_HEADING_RUN, or of numbered siblings with nothing between them, is a
    list, not headings.
    """
    title = next((i for i, item in enumerate(items) if item.title), None)
    for item in items:
        item.title = False
    if title is not None:
        head = items[title]
        # A style that recurs (NAME, SYNOPSIS...) marks sections, not a title,
        # unless a heading follows at once (TERMS OF SERVICE, then INTRODUCTION).
        recurs = head.style.startswith(("under", "over", "caps")) and any(
            item.style == head.style for item in items if item is not head
        )
        following = [item for item in items[title + 1 :] if not NOT_HEADING.match(item.text)]
        followed_by_heading = bool(following) and bool(following[0].style)
        if title + 1 < len(items) and (not recurs or followed_by_heading):
            head.kind, head.title = BlockKind.HEADING, True
            demote_title_details(items, title)
    if sum(1 for item in items if item.style == "chapter") >= 3:
        _book_candidates(items)
    index = 0
    while index < len(items):
        if not items[index].style or items[index].kind is BlockKind.HEADING:
            index += 1
            continue
        end = index
        while end < len(items) and items[end].style and items[end].kind is not BlockKind.HEADING:
            end += 1
        run = items[index:end]
        followed = end < len(items) and items[end].kind in (
            BlockKind.PARAGRAPH,
            BlockKind.PREFORMATTED,
            BlockKind.HEADING,
        )
        chapters = _chapter_lines(run)
        if followed and chapters:  # a title page or a part's name, then a chapter
            for item in chapters:
                item.kind = BlockKind.HEADING
        elif followed and len(run) <= MAX_HEADING_RUN and not _listed(run):
            for item in run:
                if item.style != _MUTED:
                    item.kind = BlockKind.HEADING
        index = end


def _book_candidates(items: list[Item]) -> None:
    """In a book the sections are chapters (and a prologue, an epilogue...).

    A short mixed-case line is dialogue or a line of the title page ("Lewis
    Carroll"); after the first chapter, a line in capitals is a stage direction
    or a signature. Neither is a heading.
    """
    in_chapters = False
    for item in items:
        if item.kind is BlockKind.HEADING:
            continue
        if _MATTER.match(item.text):
            item.style = "chapter"
        in_chapters = in_chapters or item.style == "chapter"
        if item.style in ("plain", "centered") or (in_chapters and item.style.startswith("caps")):
            item.style = _MUTED


def _chapter_lines(run: list[Item]) -> list[Item]:
    """The chapter lines ending a run of short lines ("BOOK II", "CHAPTER I"), if any.

    Two of a kind side by side ("CHAPTER I", "CHAPTER II") are a list of contents;
    the other lines of the run are a title page.
    """
    found: list[Item] = []
    kinds: set[str] = set()
    for item in reversed(run):
        if item.style != "chapter":
            continue
        kind = item.text.split()[0].upper()
        if kind in kinds:
            break
        kinds.add(kind)
        found.append(item)
    return found


def _numbered_ahead(items: list[Item]) -> list[bool]:
    """For each item, whether a numbered heading comes after it before any unnumbered one.

    Text after such an item is still inside the numbered run, however many
    blank lines come before it.
    """
    ahead: list[bool] = []
    numbered = False
    for item in reversed(items):
        ahead.append(numbered)
        if item.kind is BlockKind.HEADING:
            numbered = bool(item.number)
    return ahead[::-1]


def _listed(run: list[Item]) -> bool:
    """Numbered siblings one after another ("1.", "2.") with no text between, or
    fields ("Title: Emma", "Author: Jane Austen"): a list, not headings."""
    fields = len(run) >= 2 and all(FIELD.match(item.text) for item in run)
    return fields or any(
        a.number and b.number and a.number.count(".") == b.number.count(".")
        for a, b in pairwise(run)
    )


@dataclass(slots=True)
class _Levels:
    """Assigns heading levels in document order.

    Unnumbered styles get levels in order of first appearance (a new style
    right after a table of contents takes the contents' level: it never adopts
    what it lists); numbered headings nest under the unnumbered heading before them.
    """

    has_title: bool
    section_break: int
    style_levels: dict[str, int] = field(default_factory=dict)
    parent_level: int = 0  # the level a numbered run nests under
    in_numbered_run: bool = False
    after_contents: int | None = None
    ranked: list[str] = field(default_factory=list)  # underline styles, highest first
    numbered: dict[str, int] = field(default_factory=dict)  # numbered heading -> its level
    last_numbered: int = 1  # the level of the last heading numbered with digits
    chapter_kind: str = "CHAPTER"  # the last kind of chapter line ("BOOK", "CHAPTER")

    def heading(self, item: Item) -> int:
        if item.title:
            self.parent_level = 1
            return 1
        if item.style.startswith("outline"):  # Emacs outline: levelled by its stars
            self.parent_level = (1 if self.has_title else 0) + int(item.style[7:])
            self.in_numbered_run = False
            return self.parent_level
        if item.number:
            self.in_numbered_run = True
            level = numbered_level(self.numbered, item.number)
            if level is None and item.number.isalpha():  # lettered: under the last numbered
                level = self.last_numbered + 1
            elif level is None:
                level = self.parent_level + item.number.count(".") + 1
            self.numbered[item.number] = level
            if not item.number.isalpha():
                self.last_numbered = level
            return level
        first_free = (2 if self.has_title else 1) + len(set(self.style_levels.values()))
        if item.style in self.ranked and item.style not in self.style_levels:
            # Underline styles rank by their character, not by first appearance.
            start = self.after_contents or first_free
            for offset, style in enumerate(self.ranked):
                self.style_levels.setdefault(style, start + offset)
        if item.style in _CASE_RANK and item.style not in self.style_levels:
            # ALL CAPS outranks a mixed-case style that happened to come first.
            below = [
                self.style_levels[style]
                for style in _CASE_RANK[_CASE_RANK.index(item.style) + 1 :]
                if style in self.style_levels
            ]
            if below:
                first_free = min(below)
        style = item.style
        if style == "chapter":  # each kind its level: VOLUME I over its CHAPTER I
            kind = item.text.split()[0].upper()
            if _MATTER.match(kind):  # an epilogue is level with the chapters
                kind = self.chapter_kind
            self.chapter_kind = kind
            style = f"chapter {kind}"
            chapters = [key for key in self.style_levels if key.startswith("chapter ")]
            caps = next((key for key in _CASE_RANK[:2] if key in self.style_levels), None)
            if not chapters and caps:  # ETYMOLOGY., then CHAPTER 1
                self.style_levels[style] = self.style_levels[caps]
        level = self.style_levels.setdefault(style, self.after_contents or first_free)
        is_contents = item.text.strip(" :").lower() in CONTENTS_TITLES
        self.parent_level = level - 1 if is_contents else level
        self.after_contents = level if is_contents else None
        self.in_numbered_run = False
        return level

    def closing_section(self, item: Item) -> int | None:
        """The level of a section to open for body text that ends a numbered run, if any."""
        if not (
            self.in_numbered_run
            and item.chunk.blank_before >= self.section_break
            and item.kind is BlockKind.PARAGRAPH
        ):
            return None
        self.in_numbered_run = False
        return self.parent_level if self.parent_level >= 2 else self.parent_level + 1


def _body_block(item: Item) -> Block:
    chunk = item.chunk
    containers: tuple[Container, ...] = (Container(ContainerKind.QUOTE),) if item.quote else ()
    last = len(item.markers) - 1
    containers += tuple(
        Container(ContainerKind.LIST_ITEM, marker, depth == last)
        for depth, marker in enumerate(item.markers)
    )
    if item.kind is BlockKind.PARAGRAPH:
        return Block(
            item.kind,
            chunk.start,
            chunk.end,
            runs=(Run(item.text),),
            containers=containers,
        )
    return Block(item.kind, chunk.start, chunk.end, literal=item.text)


def _section_break(chunks: list[Chunk]) -> int:
    """Blank lines that end a run of numbered sections: more than the text usually leaves."""
    counts: dict[int, int] = {}
    for chunk in chunks[1:]:
        counts[chunk.blank_before] = counts.get(chunk.blank_before, 0) + 1
    usual = max(counts, key=lambda blanks: (counts[blanks], -blanks)) if counts else 1
    return max(2, usual + 1)


def _excerpt(text: str, limit: int = 32) -> str:
    """The first words of a text, for naming a section that has no heading."""
    words = text.split()
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > limit:
            return (out or word[: limit - 1]) + "…"
        out = f"{out} {word}" if out else word
    return out
