"""The layout of a plain-text file: blocks of lines, their margins and the wrap width.

Splits the text into runs of non-blank lines, measures the base indentation and
the hard-wrap width, tells blocks whose layout carries meaning (code, tables,
ASCII art) and either keeps that layout (dedented) or re-flows the lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

BULLET = re.compile(r"^(?:[-*+•‣◦▪]\s+|\(?[0-9a-zA-Z]{1,3}[.)]\s+)")
_COLUMNS = re.compile(r"[^\s.!?:;]\s{2,}\S|\|.*\||\+[-=]{2,}|[─│┌┐└┘├┤┬┴┼═║]|\.{4,}")
SPLIT_PIECE = 1 << 18  # characters split into lines at a time (then to the next newline)
_RARE_MARKS = re.compile(r"\xa0|\.\.\.\.")  # with "  ", tab, "|" and "+": what _COLUMNS needs
_BOX = re.compile(r"[─│┌┐└┘├┤┬┴┼═║]")
_NO_SYMBOLS = str.maketrans("", "", "{}[]()<>;=/\\|_#*^~`$@")  # deletes code-like symbols


@dataclass(slots=True)
class Chunk:
    """Consecutive non-blank lines and where they start in the text."""

    lines: list[str]
    starts: list[int]
    blank_before: int
    laid_out: bool | None = None  # whether its layout matters, once asked

    def layout_matters(self) -> bool:
        """Whether this block's layout carries meaning (asked once, then kept)."""
        if self.laid_out is None:
            self.laid_out = layout_matters(self.lines)
        return self.laid_out

    @property
    def start(self) -> int:
        first = self.lines[0]
        return self.starts[0] + len(first) - len(first.lstrip())

    @property
    def end(self) -> int:
        return self.starts[-1] + len(self.lines[-1].rstrip())

    def split(self, index: int) -> tuple[Chunk, Chunk]:
        return (
            Chunk(self.lines[:index], self.starts[:index], self.blank_before),
            Chunk(self.lines[index:], self.starts[index:], 0),
        )


def split_chunks(text: str) -> list[Chunk]:
    """Split text into runs of non-blank lines, counting the blank lines before each.

    A line opening with a form feed starts a new page, and a new run.
    """
    chunks: list[Chunk] = []
    lines: list[str] = []
    starts: list[int] = []
    blanks = 0
    offset = 0
    for line in lines_of(text):
        if line.startswith("\f") and lines:
            chunks.append(Chunk(lines, starts, blanks))
            lines, starts, blanks = [], [], 1
        if line.strip():
            lines.append(line)
            starts.append(offset)
        else:
            if lines:
                chunks.append(Chunk(lines, starts, blanks))
                lines, starts, blanks = [], [], 0
            blanks += 1
        offset += len(line) + 1
    if lines:
        chunks.append(Chunk(lines, starts, blanks))
    return chunks


def lines_of(text: str) -> Iterator[str]:
    """`text.split("\\n")`, a piece at a time: one split of 50 MB holds the interpreter
    lock for a fifth of a second, and the app's keys wait for it."""
    start = 0
    while (end := text.find("\n", start + SPLIT_PIECE)) >= 0:
        yield from text[start:end].split("\n")
        start = end + 1
    yield from text[start:].split("\n")


def indentation(line: str) -> int:
    """The width of a line's leading whitespace, tabs counted to 8 columns."""
    if "\t" in line:
        line = line.expandtabs(8)
    return len(line) - len(line.lstrip())


def measure(chunks: list[Chunk]) -> tuple[int, int, int]:
    """The document's base indentation, hard-wrap width (0 if not hard-wrapped) and body margin.

    The body margin is the indentation body text runs at: the smallest one shared
    by a tenth of the continuation lines of wrapped text (a term with text hanging
    under it does not count); the base indentation when there is no wrapped text.
    """
    base = min((indentation(line) for chunk in chunks for line in chunk.lines), default=0)
    lengths: list[int] = []
    margins: dict[int, int] = {}
    for chunk in chunks:
        if len(chunk.lines) > 1 and not chunk.layout_matters():
            lengths.extend(len(line.rstrip().expandtabs(8)) for line in chunk.lines)
            for line in chunk.lines[1:]:
                width = indentation(line)
                margins[width] = margins.get(width, 0) + 1
    total = sum(margins.values())
    body = min((width for width, n in margins.items() if n * 10 >= total), default=base)
    if not lengths:
        return base, 0, body
    lengths.sort()
    return base, lengths[min(len(lengths) - 1, int(len(lengths) * 0.95))], body


def _columns(line: str) -> bool:
    """Whether a line is laid out in columns, a table row or a line of box drawing."""
    if "  " in line or "\t" in line or "|" in line or "+" in line or _RARE_MARKS.search(line):
        return bool(_COLUMNS.search(line))
    return bool(_BOX.search(line))  # (the cheap test first: most lines are prose)


def layout_matters(lines: list[str]) -> bool:
    """Code, tables and ASCII art: indentation, columns or symbols carry meaning."""
    if len({indentation(line) for line in lines[1:]}) > 1:
        return True
    columns = sum(1 for line in lines if _columns(line.strip()))
    if columns * 3 >= len(lines):
        return True
    chars = "".join(lines).replace(" ", "")
    symbols = len(chars) - len(chars.translate(_NO_SYMBOLS))
    return bool(chars) and symbols / len(chars) > 0.08


def dedent(lines: list[str]) -> str:
    """Lines as preformatted text: tabs expanded, the margin they share removed."""
    expanded = [line.rstrip().expandtabs(8) for line in lines]
    margin = min(indentation(line) for line in expanded)
    return "\n".join(line[margin:] for line in expanded)


def reflow(lines: list[str], wrap_width: int, items: bool = True) -> str:
    """Join hard-wrapped lines; keep breaks that were meant (short lines, and list
    items unless `items` is False: the lines are one item's)."""
    out: list[list[str]] = [[lines[0].strip()]]  # each output line's parts, joined once
    for previous, line in pairwise(lines):
        text = line.strip()
        next_word = text.split(" ", 1)[0]
        room = len(previous.rstrip().expandtabs(8)) + 1 + len(next_word)
        if wrap_width < 50 or (items and BULLET.match(text)) or room <= 0.8 * wrap_width:
            out.append([text])
        else:
            out[-1].append(text)
    return "\n".join(" ".join(parts) for parts in out)
