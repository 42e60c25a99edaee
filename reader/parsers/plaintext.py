"""Infer the structure of a plain-text article.

Blocks are runs of non-blank lines. A short single-line block followed by body
text is a heading; so are underlined lines and ALL-CAPS lines. Unnumbered
heading styles get levels in order of first appearance (as reStructuredText
does); numbered headings ("2.", "2.3") nest by their numbering, under the
unnumbered heading before them. Body text separated by two or more blank lines
from a run of numbered subsections goes back up to the parent's level, in a
synthesized section. Hard-wrapped lines are re-flowed; blocks whose layout
matters (code, tables, ASCII art) are kept as preformatted text.
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

MAX_HEADING_CHARS = 80
MAX_HEADING_WORDS = 14
MAX_HEADING_RUN = 3  # more consecutive short lines than this are a list, not headings

_NUMBERED = re.compile(r"^(?P<number>\d{1,3}(?:\.\d{1,3})*)(?P<dot>[.)])?\s+(?P<title>\S.*)$")
_BULLET = re.compile(r"^(?:[-*+•‣◦▪]\s+|\(?[0-9a-zA-Z]{1,3}[.)]\s+)")
_UNDERLINE = re.compile(r"^\s*([=\-~^*#+_])\1{2,}\s*$")
_RULE = re.compile(r"^\s*([-*_=~#•·])(?:\s*\1){2,}\s*$")
_COLUMNS = re.compile(r"[^\s.!?:;]\s{2,}\S|\|.*\||\+[-=]{2,}|[─│┌┐└┘├┤┬┴┼═║]|\.{4,}")
_NO_SYMBOLS = str.maketrans("", "", "{}[]()<>;=/\\|_#*^~`$@")  # deletes code-like symbols
_SENTENCE_END = ".,;:"
_GAPS = re.compile(r"[^\s.!?:;] {3,}\S")
_CHAPTER = re.compile(
    r"^(?:CHAPTER|Chapter|PART|Part|BOOK|Book|ACT|Act)\s+(?:[IVXLCDM]+|\d+|[A-Z][a-z]+)\b"
)
_NOT_HEADING = re.compile(r"^(?:by\s|copyright\b|\(c\)|©)", re.IGNORECASE)
_TOC_TITLES = frozenset({"contents", "table of contents", "index"})


@dataclass(slots=True)
class _Chunk:
    """Consecutive non-blank lines and where they start in the text."""

    lines: list[str]
    starts: list[int]
    blank_before: int

    @property
    def start(self) -> int:
        first = self.lines[0]
        return self.starts[0] + len(first) - len(first.lstrip())

    @property
    def end(self) -> int:
        return self.starts[-1] + len(self.lines[-1].rstrip())

    def split(self, index: int) -> tuple[_Chunk, _Chunk]:
        return (
            _Chunk(self.lines[:index], self.starts[:index], self.blank_before),
            _Chunk(self.lines[index:], self.starts[index:], 0),
        )


@dataclass(slots=True)
class _Item:
    """A classified chunk, before headings are resolved."""

    chunk: _Chunk
    kind: BlockKind
    text: str = ""
    style: str = ""  # heading style; empty when not a heading candidate
    number: str = ""  # "2.3" for numbered headings
    quote: bool = False
    title: bool = False


def parse_plain(text: str, name: str, cancelled: Callable[[], bool] | None = None) -> Document:
    """Parse plain text into a Document; `name` titles an article without a title line.

    `cancelled` is asked between the passes; when it answers True the parse
    raises `ParseCancelled`.
    """

    def check() -> None:
        if cancelled is not None and cancelled():
            raise ParseCancelled

    text = normalize_newlines(text)
    chunks = _chunks(text)
    check()
    base_indent, wrap_width = _measure(chunks)
    check()
    items = _classify(chunks, base_indent, wrap_width)
    check()
    _resolve_candidates(items)
    levels = _Levels(
        has_title=any(item.title for item in items), section_break=_section_break(chunks)
    )
    blocks: list[Block] = []
    headings: list[Heading] = []
    title = next((item.text for item in items if item.title), name)
    for item in items:
        index = len(blocks)
        chunk = item.chunk
        if item.kind is BlockKind.HEADING:
            level = levels.heading(item)
            headings.append(Heading(index, level, item.text))
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
        closing = levels.closing_section(item)
        if closing is not None:
            headings.append(Heading(index, closing, _excerpt(item.text), synthetic=True))
        blocks.append(_body_block(item))
    return Document(text, title, blocks, headings)


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

    def heading(self, item: _Item) -> int:
        if item.title:
            self.parent_level = 1
            return 1
        if item.number:
            self.in_numbered_run = True
            return self.parent_level + item.number.count(".") + 1
        first_free = (2 if self.has_title else 1) + len(set(self.style_levels.values()))
        level = self.style_levels.setdefault(item.style, self.after_contents or first_free)
        is_contents = item.text.strip(" :").lower() in _TOC_TITLES
        self.parent_level = level - 1 if is_contents else level
        self.after_contents = level if is_contents else None
        self.in_numbered_run = False
        return level

    def closing_section(self, item: _Item) -> int | None:
        """The level of a section to open for body text that ends a numbered run, if any."""
        if not (
            self.in_numbered_run
            and item.chunk.blank_before >= self.section_break
            and item.kind is BlockKind.PARAGRAPH
        ):
            return None
        self.in_numbered_run = False
        return self.parent_level if self.parent_level >= 2 else self.parent_level + 1


def _body_block(item: _Item) -> Block:
    chunk = item.chunk
    containers = (Container(ContainerKind.QUOTE),) if item.quote else ()
    if item.kind is BlockKind.PARAGRAPH:
        return Block(
            item.kind,
            chunk.start,
            chunk.end,
            runs=(Run(item.text),),
            containers=containers,
        )
    return Block(item.kind, chunk.start, chunk.end, literal=item.text)


def _section_break(chunks: list[_Chunk]) -> int:
    """Blank lines that end a run of numbered sections: more than the text usually leaves."""
    counts: dict[int, int] = {}
    for chunk in chunks[1:]:
        counts[chunk.blank_before] = counts.get(chunk.blank_before, 0) + 1
    usual = max(counts, key=lambda blanks: (counts[blanks], -blanks)) if counts else 1
    return max(2, usual + 1)


def _chunks(text: str) -> list[_Chunk]:
    """Split text into runs of non-blank lines, counting the blank lines before each."""
    chunks: list[_Chunk] = []
    lines: list[str] = []
    starts: list[int] = []
    blanks = 0
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append(line)
            starts.append(offset)
        else:
            if lines:
                chunks.append(_Chunk(lines, starts, blanks))
                lines, starts, blanks = [], [], 0
            blanks += 1
        offset += len(line) + 1
    if lines:
        chunks.append(_Chunk(lines, starts, blanks))
    return chunks


def _indent(line: str) -> int:
    if "\t" in line:
        line = line.expandtabs(8)
    return len(line) - len(line.lstrip())


def _measure(chunks: list[_Chunk]) -> tuple[int, int]:
    """The document's base indentation and hard-wrap width (0 if it is not hard-wrapped)."""
    base = min((_indent(line) for chunk in chunks for line in chunk.lines), default=0)
    lengths = sorted(
        len(line.rstrip().expandtabs(8))
        for chunk in chunks
        if len(chunk.lines) > 1 and not _layout_matters(chunk.lines)
        for line in chunk.lines
    )
    if not lengths:
        return base, 0
    return base, lengths[min(len(lengths) - 1, int(len(lengths) * 0.95))]


def _classify(chunks: list[_Chunk], base_indent: int, wrap_width: int) -> list[_Item]:
    items: list[_Item] = []
    pending = list(reversed(chunks))
    while pending:
        chunk = pending.pop()
        lines = chunk.lines
        # The title is the first heading-like line, after at most a header block.
        first = len(items) < 3 and all(i.kind is BlockKind.PREFORMATTED for i in items)
        head_lines = _heading_at_top(lines, base_indent)
        if head_lines:
            head, rest = chunk.split(head_lines)
            items.append(_heading_item(head, first))
            if rest.lines:
                pending.append(rest)
            continue
        if len(lines) == 1:
            item = _single_line(chunk, base_indent, first)
            following = pending[-1].lines if pending else []
            if item.style == "chapter" and len(following) == 1 and _subtitle(following[0]):
                subtitle = pending.pop()
                merged = _Chunk(lines + subtitle.lines, chunk.starts + subtitle.starts, 0)
                merged.blank_before = chunk.blank_before
                item = _heading_item(merged, first=False)
            items.append(item)
            continue
        if first and _looks_like_title_line(lines[0], lines[1:], wrap_width):
            head, rest = chunk.split(1)
            items.append(_Item(head, BlockKind.HEADING, lines[0].strip(), "plain", title=True))
            pending.append(rest)
            continue
        indented = min(_indent(line) for line in lines) >= base_indent + 4
        if _layout_matters(lines) or (indented and not _prose(lines)):
            items.append(_Item(chunk, BlockKind.PREFORMATTED, _dedent(lines)))
            continue
        text = _reflow(lines, wrap_width)
        items.append(_Item(chunk, BlockKind.PARAGRAPH, text, quote=indented))
    return items


def _heading_at_top(lines: list[str], base_indent: int) -> int:
    """How many lines at the top of a block are a heading (0 if none).

    Underlined headings; a chapter line with its subtitle; a heading line
    directly followed by a list or by text indented under it (as man pages do).
    """
    underlined = _underlined_heading(lines)
    if underlined:
        return underlined
    first = lines[0].strip()
    if _CHAPTER.match(first) and len(first) <= MAX_HEADING_CHARS:
        if any(_CHAPTER.match(line.strip()) for line in lines[1:]):
            return 0  # a list of chapters: a table of contents
        if len(lines) == 2 and (_heading_like(lines[1].strip()) or _all_caps(lines[1].strip())):
            return 2
        return 1 if len(lines) > 1 else 0
    if len(lines) < 2 or not (_heading_like(first) or _all_caps(first)):
        return 0
    body = lines[1:]
    listed = all(_BULLET.match(line.strip()) or _indent(line) > 0 for line in body) and bool(
        _BULLET.match(body[0].strip())
    )
    hanging = min(_indent(line) for line in body) >= max(_indent(lines[0]), base_indent) + 4
    return 1 if listed or hanging else 0


def _heading_item(chunk: _Chunk, first: bool) -> _Item:
    """A heading found by `_heading_at_top`, styled for level assignment."""
    lines = chunk.lines
    if len(lines) >= 2 and _UNDERLINE.match(lines[-1]):
        text = lines[1] if len(lines) == 3 else lines[0]
        style = ("over" if len(lines) == 3 else "under") + lines[-1].strip()[0]
        return _Item(chunk, BlockKind.HEADING, text.strip(), style, title=first)
    text = " ".join(line.strip() for line in lines)
    if _CHAPTER.match(text):
        return _Item(chunk, BlockKind.HEADING, text, "chapter")
    style = "caps" if _all_caps(text) else "plain"
    return _Item(chunk, BlockKind.HEADING, text, style, title=first)


def _single_line(chunk: _Chunk, base_indent: int, first: bool) -> _Item:
    line = chunk.lines[0]
    text = line.strip()
    indent = _indent(line)
    if _RULE.match(line):
        return _Item(chunk, BlockKind.RULE)
    if _GAPS.search(text):  # columns: a page header or footer, a table row
        return _Item(chunk, BlockKind.PREFORMATTED, text)
    if _CHAPTER.match(text) and len(text) <= MAX_HEADING_CHARS:
        return _Item(chunk, BlockKind.PARAGRAPH, text, "chapter")
    numbered = _NUMBERED.match(text)
    if numbered and (numbered["dot"] or "." in numbered["number"]):
        if _heading_like(numbered["title"]) and numbered["dot"] != ")":
            return _Item(chunk, BlockKind.PARAGRAPH, text, "numbered", number=numbered["number"])
    elif _heading_like(text) or _all_caps(text):
        style = "caps" if _all_caps(text) else "centered" if indent > base_indent + 2 else "plain"
        return _Item(chunk, BlockKind.PARAGRAPH, text, style, title=first)
    if indent >= base_indent + 4:  # an indented command or line of code
        return _Item(chunk, BlockKind.PREFORMATTED, text)
    return _Item(chunk, BlockKind.PARAGRAPH, text)


def _subtitle(line: str) -> bool:
    """A chapter's title on the line after "CHAPTER IV"."""
    text = line.strip()
    if _CHAPTER.match(text) or _NUMBERED.match(text):
        return False
    return _heading_like(text) or _all_caps(text)


def _prose(lines: list[str]) -> bool:
    """Whether lines read as sentences (not commands, code or a list of names)."""
    words = sum(len(line.split()) for line in lines)
    sentences = sum(1 for line in lines if line.rstrip()[-1:] in '.,;:!?"”’')
    return words >= 12 and sentences >= 1


def _heading_like(text: str) -> bool:
    """A line that could be a heading: short, not a sentence, not a list item."""
    if not text or len(text) > MAX_HEADING_CHARS or not any(c.isalpha() for c in text):
        return False
    if text[-1] in _SENTENCE_END or _BULLET.match(text) or text[0] in "\"“‘'([{<":
        return False
    if _NOT_HEADING.match(text) or text.count(",") >= 2 or text[0] in "-*+":
        return False  # bylines, copyright notices, lists of names, command-line options
    words = text.split()
    if len(words) > MAX_HEADING_WORDS or (text[-1] in "?!" and len(words) > 8):
        return False
    return not text[0].islower()


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 2
        and all(c.isupper() for c in letters)
        and len(text) <= MAX_HEADING_CHARS
        and text[-1] not in ",;"
        and not _BULLET.match(text)
    )


def _underlined_heading(lines: list[str]) -> int:
    """How many lines an underlined (or over- and underlined) heading at the top takes, or 0."""
    if (
        len(lines) >= 3
        and _UNDERLINE.match(lines[0])
        and _UNDERLINE.match(lines[2])
        and lines[0].strip()[0] == lines[2].strip()[0]
        and _heading_like(lines[1].strip()) | _all_caps(lines[1].strip())
    ):
        return 3
    if len(lines) >= 2 and _UNDERLINE.match(lines[1]) and not _UNDERLINE.match(lines[0]):
        text = lines[0].strip()
        underline = len(lines[1].strip())
        if len(text) <= MAX_HEADING_CHARS and underline >= max(3, len(text) // 2):
            return 2
    return 0


def _looks_like_title_line(line: str, rest: list[str], wrap_width: int) -> bool:
    """Whether the first line of the file is a title run into the text below it."""
    text = line.strip()
    if not (_heading_like(text) or _all_caps(text)) or _NUMBERED.match(text):
        return False
    longest = max(len(other.rstrip()) for other in rest)
    if len(rest) <= 2 and longest < 40:
        return True  # a title with a date or an author under it
    return longest >= 40 and len(text) < 0.7 * max(longest, wrap_width)


def _layout_matters(lines: list[str]) -> bool:
    """Code, tables and ASCII art: indentation, columns or symbols carry meaning."""
    if len({_indent(line) for line in lines[1:]}) > 1:
        return True
    columns = sum(1 for line in lines if _COLUMNS.search(line.strip()))
    if columns * 3 >= len(lines):
        return True
    chars = "".join(lines).replace(" ", "")
    symbols = len(chars) - len(chars.translate(_NO_SYMBOLS))
    return bool(chars) and symbols / len(chars) > 0.08


def _dedent(lines: list[str]) -> str:
    expanded = [line.rstrip().expandtabs(8) for line in lines]
    margin = min(_indent(line) for line in expanded)
    return "\n".join(line[margin:] for line in expanded)


def _reflow(lines: list[str], wrap_width: int) -> str:
    """Join hard-wrapped lines; keep breaks that were meant (short lines, list items)."""
    out = [lines[0].strip()]
    for previous, line in pairwise(lines):
        text = line.strip()
        next_word = text.split(" ", 1)[0]
        room = len(previous.rstrip()) + 1 + len(next_word)
        if wrap_width < 50 or _BULLET.match(text) or room <= 0.8 * wrap_width:
            out.append(text)
        else:
            out[-1] += " " + text
    return "\n".join(out)


def _resolve_candidates(items: list[_Item]) -> None:
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
        following = [item for item in items[title + 1 :] if not _NOT_HEADING.match(item.text)]
        followed_by_heading = bool(following) and bool(following[0].style)
        if title + 1 < len(items) and (not recurs or followed_by_heading):
            head.kind, head.title = BlockKind.HEADING, True
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
        if followed and len(run) <= MAX_HEADING_RUN and not _numbered_list(run):
            for item in run:
                item.kind = BlockKind.HEADING
        index = end


def _numbered_list(run: list[_Item]) -> bool:
    """Numbered siblings one after another ("1.", "2.") with no text between: a list."""
    return any(
        a.number and b.number and a.number.count(".") == b.number.count(".")
        for a, b in pairwise(run)
    )


def _excerpt(text: str, limit: int = 32) -> str:
    """The first words of a text, for naming a section that has no heading."""
    words = text.split()
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > limit:
            return out + "…"
        out = f"{out} {word}" if out else word
    return out
