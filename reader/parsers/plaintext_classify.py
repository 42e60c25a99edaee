"""Classify the blocks of a plain-text file: paragraphs, preformatted text, rules, headings.

Each block is judged by the shape of its lines (short, ALL CAPS, underlined,
numbered, a chapter line). Headings found this way are final; a short line is
only a heading candidate, which the parser confirms by what follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.document import BlockKind
from reader.parsers.plaintext_contents import find_contents, normalise
from reader.parsers.plaintext_layout import (
    BULLET,
    Chunk,
    dedent,
    indentation,
    reflow,
)
from reader.parsers.plaintext_lists import list_items
from reader.parsers.plaintext_numbering import numbered_entries
from reader.parsers.plaintext_repeats import find_repeats
from reader.parsers.plaintext_shapes import (
    FIELD,
    GAPS,
    MAX_HEADING_CHARS,
    MAX_HEADING_WORDS,
    all_caps,
    heading_like,
    label_over_body,
    lead_in_or_code,
    run_in_title,
)

_NUMBERED = re.compile(r"^(?P<number>\d{1,3}(?:\.\d{1,3})*)(?P<dot>[.)])?\s+(?P<title>\S.*)$")
_UNDERLINE = re.compile(r"^\s*([=\-~^*#+_])\1{2,}\s*$")
_RULE = re.compile(r"^\s*([-*_=~#•·])(?:\s*\1){2,}\s*$")
_CHAPTER = re.compile(
    r"^(?:CHAPTER|Chapter|PART|Part|BOOK|Book|VOLUME|Volume|ACT|Act)\s+(?:[IVXLCDM]+|\d+|[A-Z][a-z]+)\b"
)


@dataclass(slots=True)
class Item:
    """A classified chunk, before headings are resolved."""

    chunk: Chunk
    kind: BlockKind
    text: str = ""
    style: str = ""  # heading style; empty when not a heading candidate
    number: str = ""  # "2.3" for numbered headings
    quote: bool = False
    title: bool = False
    markers: tuple[str, ...] = ()  # a list item's markers, the outermost first


def classify(chunks: list[Chunk], base_indent: int, wrap_width: int, body: int) -> list[Item]:
    """The chunks as items, in order; a heading at the top of a chunk becomes an item of its own."""
    items: list[Item] = []
    entries = numbered_entries(chunks, base_indent)
    contents = find_contents(chunks)
    repeats = find_repeats(chunks, base_indent)
    pending = list(reversed(chunks))
    while pending:
        chunk = pending.pop()
        lines = chunk.lines
        if (repeat := repeats.headings.get(id(chunk))) is not None:
            head, rest = chunk.split(repeat.lines)
            text = " ".join(line.strip() for line in head.lines)[repeat.skip :]
            items.append(Item(head, BlockKind.HEADING, text, repeat.style))
            if rest.lines:
                pending.append(rest)
            continue
        if id(chunk) in repeats.answers:
            items.append(Item(chunk, BlockKind.PARAGRAPH, reflow(lines, wrap_width)))
            continue
        if id(chunk) in contents.listed:  # a table of contents, laid out as it is
            items.append(Item(chunk, BlockKind.PREFORMATTED, dedent(lines)))
            continue
        if id(chunk) == contents.title and not contents.title_only:
            head, rest = chunk.split(contents.title_lines)
            text = lines[0].strip()
            style = "caps" if all_caps(text) else "plain"
            items.append(Item(head, BlockKind.HEADING, text, style))
            items.append(Item(rest, BlockKind.PREFORMATTED, dedent(rest.lines)))
            continue
        if (entry := entries.get(id(chunk))) is not None:
            head, rest = chunk.split(entry.lines)
            text = " ".join(line.strip() for line in head.lines)
            items.append(Item(head, BlockKind.HEADING, text, "numbered", number=entry.number))
            if rest.lines:
                pending.append(rest)
            continue
        # The title is the first heading-like line, after at most a header block.
        first = len(items) < 3 and all(i.kind is BlockKind.PREFORMATTED for i in items)
        if first and len(lines) > 1 and all(FIELD.match(line) for line in lines):
            # A header block above the title ("Archive-Name: ...", "Version: 015")
            items.append(Item(chunk, BlockKind.PREFORMATTED, dedent(lines)))
            continue
        head_lines = _heading_at_top(lines, base_indent, body)
        if head_lines:
            head, rest = chunk.split(head_lines)
            items.append(_heading_item(head, first, base_indent))
            if rest.lines:
                pending.append(rest)
            continue
        if len(lines) == 1 and _displayed(lines[0], items, base_indent):
            items.append(Item(chunk, BlockKind.PREFORMATTED, lines[0].strip()))
            continue
        if len(lines) == 1:
            item = _single_line(chunk, (base_indent, body, wrap_width), first)
            repeated = bool(contents.entries) and id(chunk) != contents.title
            if repeated and normalise(lines[0]) in contents.entries:
                _as_listed_heading(item)  # the table of contents lists it
            following = pending[-1].lines if pending else []
            if item.style == "chapter" and len(following) == 1 and _subtitle(following[0]):
                subtitle = pending.pop()
                merged = Chunk(lines + subtitle.lines, chunk.starts + subtitle.starts, 0)
                merged.blank_before = chunk.blank_before
                item = _heading_item(merged, False, base_indent)
            elif (
                not item.style
                and indentation(lines[0]) < max(body, base_indent + 1)  # the heading margin
                and label_over_body(lines[0], following)
                and heading_like(item.text, closed=True)
                and not lead_in_or_code(item.text[:-1])
            ):
                item.style = "plain"
            items.append(item)
            continue
        if first and _looks_like_title_line(lines[0], lines[1:], wrap_width):
            head, rest = chunk.split(1)
            items.append(Item(head, BlockKind.HEADING, lines[0].strip(), "plain", title=True))
            if len(rest.lines) == 1:  # a line run into the title (a date, an address) is text
                items.append(Item(rest, BlockKind.PARAGRAPH, rest.lines[0].strip()))
            else:
                pending.append(rest)
            continue
        margin = min(indentation(line) for line in lines)
        indented = margin >= base_indent + 4
        if (listed := list_items(chunk, wrap_width)) is not None:
            for each in listed:
                items.append(Item(each.chunk, BlockKind.PARAGRAPH, each.text, markers=each.markers))
            continue
        if chunk.layout_matters() or (indented and not _prose(lines)):
            items.append(Item(chunk, BlockKind.PREFORMATTED, dedent(lines)))
            continue
        text = reflow(lines, wrap_width)
        quote = indented and _quoted(margin, body, items)
        items.append(Item(chunk, BlockKind.PARAGRAPH, text, quote=quote))
    return items


def _quoted(margin: int, body: int, items: list[Item]) -> bool:
    """Whether indented prose is quoted: deeper than the body text, or than the
    paragraph that leads into it ("He wrote:"), and not going on from a paragraph
    whose text hangs at its margin (an answer's second paragraph under "A:  ...")."""
    before = items[-1] if items and items[-1].kind is BlockKind.PARAGRAPH else None
    if before is None:
        return margin > body
    text_margin = indentation(before.chunk.lines[-1])
    if text_margin == margin and not before.quote:
        return False
    return margin > body or text_margin < margin


def _as_listed_heading(item: Item) -> None:
    """Make a line that the table of contents lists a heading."""
    numbered = _NUMBERED.match(item.chunk.lines[0].strip())
    item.text = item.chunk.lines[0].strip()
    item.kind = BlockKind.HEADING
    item.number = numbered["number"] if numbered else ""
    item.style = item.style or ("numbered" if numbered else "plain")


def _displayed(line: str, items: list[Item], base_indent: int) -> bool:
    """An indented line that a paragraph ending in ":" leads into: a command, a name."""
    return (
        bool(items)
        and items[-1].kind is BlockKind.PARAGRAPH
        and not items[-1].style
        and items[-1].text.endswith(":")
        and indentation(line) >= base_indent + 4
    )


def _heading_at_top(lines: list[str], base_indent: int, body: int) -> int:
    """How many lines at the top of a block are a heading (0 if none).

    Underlined headings; a chapter line with its subtitle; a heading line
    directly followed by a list or by text indented under it (as man pages do).
    A line at the body's margin or deeper with text hanging under it is a
    definition-list term (an option, a variable, a file name), not a heading.
    """
    underlined = _underlined_heading(lines)
    if underlined:
        return underlined
    first = lines[0].strip()
    if _CHAPTER.match(first) and len(first) <= MAX_HEADING_CHARS:
        if any(_CHAPTER.match(line.strip()) for line in lines[1:]):
            return 0  # a list of chapters: a table of contents
        if len(lines) == 2 and (heading_like(lines[1].strip()) or all_caps(lines[1].strip())):
            return 2
        return 1 if len(lines) > 1 else 0
    question = _numbered_question(lines, base_indent)
    if question:
        return question
    if len(lines) > 1 and (numbered := _NUMBERED.match(first)) and run_in_title(numbered):
        return 1
    if len(lines) < 2 or not (heading_like(first) or all_caps(first)):
        return 0
    if not _NUMBERED.match(first) and lead_in_or_code(first):
        return 0
    rest = lines[1:]
    listed = all(BULLET.match(line.strip()) or indentation(line) > 0 for line in rest) and bool(
        BULLET.match(rest[0].strip())
    )
    indent = indentation(lines[0])
    hanging = min(indentation(line) for line in rest) >= max(indent, base_indent) + 4
    if hanging and indent > base_indent and indent >= body:
        return 0
    return 1 if listed or hanging or _subsection_below(lines, base_indent, body) else 0


def _subsection_below(lines: list[str], base_indent: int, body: int) -> bool:
    """A marginal section name straight over an indented subsection name (man pages)."""
    if len(lines) < 3 or indentation(lines[0]) > base_indent:
        return False
    sub = indentation(lines[1])
    return (
        base_indent < sub < body
        and heading_like(lines[1].strip())
        and all(indentation(line) >= body for line in lines[2:])
    )


def _numbered_question(lines: list[str], base_indent: int) -> int:
    """The lines of a numbered question ("1.2. Where does ... come from?") atop its answer.

    A subsection number ("1.2.") at the margin, then at most three lines up to
    the first that ends in "?" or ":" (a FAQ entry answered without a blank line).
    """
    numbered = _NUMBERED.match(lines[0].strip())
    if (
        numbered is None
        or "." not in numbered["number"]
        or indentation(lines[0]) > base_indent
        or not numbered["title"][0].isupper()
    ):
        return 0
    for index, line in enumerate(lines[:3]):
        if line.rstrip()[-1] in "?:":
            return index + 1 if index + 1 < len(lines) or index > 0 else 0
    return 0


def _heading_item(chunk: Chunk, first: bool, base_indent: int) -> Item:
    """A heading found by `_heading_at_top`, styled for level assignment."""
    lines = chunk.lines
    if len(lines) >= 2 and _UNDERLINE.match(lines[-1]):
        text = lines[1] if len(lines) == 3 else lines[0]
        style = ("over" if len(lines) == 3 else "under") + lines[-1].strip()[0]
        numbered = _NUMBERED.match(text.strip())
        if len(lines) == 3 and numbered and (numbered["dot"] or "." in numbered["number"]):
            return Item(chunk, BlockKind.HEADING, text.strip(), style, number=numbered["number"])
        return Item(chunk, BlockKind.HEADING, text.strip(), style, title=first)
    text = " ".join(line.strip() for line in lines)
    if _CHAPTER.match(text):
        return Item(chunk, BlockKind.HEADING, text, "chapter")
    numbered = _NUMBERED.match(text)
    if numbered and (("." in numbered["number"] and text[-1] in "?:") or run_in_title(numbered)):
        return Item(chunk, BlockKind.HEADING, text, "numbered", number=numbered["number"])
    style = "plain"
    if all_caps(text):  # indentation is part of the style: "   TESTS" under "EXPRESSION"
        style = "caps" if indentation(lines[0]) <= base_indent + 1 else "caps-indented"
    return Item(chunk, BlockKind.HEADING, text, style, title=first)


def _single_line(chunk: Chunk, margins: tuple[int, int, int], first: bool) -> Item:
    """A one-line block; `margins` are the base indentation, body margin and wrap width."""
    base_indent, body, width = margins
    line = chunk.lines[0]
    text = line.strip()
    indent = indentation(line)
    # Deeper than an indented body and not centred: a line inside an entry (man pages).
    inside = base_indent < body < indent and abs(2 * indent + len(text) - width) > 12
    if _RULE.match(line):
        return Item(chunk, BlockKind.RULE)
    if GAPS.search(text):  # columns: a page header or footer, a table row
        return Item(chunk, BlockKind.PREFORMATTED, text)
    if _CHAPTER.match(text) and len(text) <= MAX_HEADING_CHARS:
        return Item(chunk, BlockKind.PARAGRAPH, text, "chapter")
    numbered = _NUMBERED.match(text)
    if numbered and (numbered["dot"] or "." in numbered["number"]):
        if heading_like(numbered["title"], closed=True) and numbered["dot"] != ")":
            return Item(chunk, BlockKind.PARAGRAPH, text, "numbered", number=numbered["number"])
    elif (heading_like(text) or all_caps(text)) and not (inside or lead_in_or_code(text)):
        style = "caps" if all_caps(text) else "centered" if indent > base_indent + 2 else "plain"
        # Centred, give or take: neither gap more than twice the other.
        right = width - indent - len(text)
        centred = indent >= 8 and right / 2 <= indent <= 2 * right
        if width and style == "caps" and indent > base_indent + 1:
            # Centred, an indented subsection name, or capitals inside a display (a song)
            style = (
                "caps-centred" if centred else "caps-indented" if indent < base_indent + 4 else ""
            )
        if style and (style != "centered" or not width or centred):
            return Item(chunk, BlockKind.PARAGRAPH, text, style, title=first)
    if indent >= base_indent + 4 and indent > body:  # an indented command or line of code
        return Item(chunk, BlockKind.PREFORMATTED, text)
    return Item(chunk, BlockKind.PARAGRAPH, text)


def _subtitle(line: str) -> bool:
    """A chapter's title on the line after "CHAPTER IV"."""
    text = line.strip()
    if _CHAPTER.match(text) or _NUMBERED.match(text):
        return False
    return heading_like(text) or all_caps(text)


def _prose(lines: list[str]) -> bool:
    """Whether lines read as sentences (not commands, code or a list of names)."""
    words = sum(len(line.split()) for line in lines)
    sentences = sum(1 for line in lines if line.rstrip()[-1:] in '.,;:!?"”’')
    return words >= 12 and sentences >= 1


def _underlined_heading(lines: list[str]) -> int:
    """How many lines an underlined (or over- and underlined) heading at the top takes, or 0."""
    if (
        len(lines) >= 3
        and _UNDERLINE.match(lines[0])
        and _UNDERLINE.match(lines[2])
        and _boxed_title(lines[1].strip())
    ):
        return 3
    if len(lines) >= 2 and _UNDERLINE.match(lines[1]) and not _UNDERLINE.match(lines[0]):
        text = lines[0].strip()
        underline = len(lines[1].strip())
        # about as long as its text: a full-width rule under a sentence is a separator
        fits = max(3, len(text) // 2) <= underline <= len(text) + 3 + len(text) // 5
        if len(text) <= MAX_HEADING_CHARS and fits and not GAPS.search(text):
            return 2  # (a row of column names over a rule heads a table, not a section)
    return 0


def _boxed_title(text: str) -> bool:
    """The text between an overline and an underline: a short line, not a sentence.

    The box is the evidence: the title may be quoted or end in a colon
    ('"make check" failure on IRIX', "Running tests as root:").
    """
    numbered = _NUMBERED.match(text)
    if numbered and (numbered["dot"] or "." in numbered["number"]):
        text = numbered["title"]
    words = text.split()
    return (
        0 < len(words) <= MAX_HEADING_WORDS
        and len(text) <= MAX_HEADING_CHARS
        and any(c.isalpha() for c in text)
        and text[-1] not in ".,;"
    )


def _looks_like_title_line(line: str, rest: list[str], wrap_width: int) -> bool:
    """Whether the first line of the file is a title run into the text below it."""
    text = line.strip()
    if not (heading_like(text) or all_caps(text)) or _NUMBERED.match(text):
        return False
    longest = max(len(other.rstrip()) for other in rest)
    if len(rest) <= 2 and longest < 40:
        return True  # a title with a date or an author under it
    return longest >= 40 and len(text) < 0.7 * max(longest, wrap_width)
