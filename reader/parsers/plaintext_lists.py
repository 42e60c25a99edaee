"""Lists in plain text: items with their text hanging under the marker, maybe nested.

A block is a list when every line either opens an item ("- ", "* ", "3. ",
"b) ") or hangs under the text of the item above it. Each item becomes a block
of its own, re-flowed and marked, so it wraps with its hanging indent at any
width instead of being kept as laid out.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from reader.parsers.plaintext_layout import Chunk, indentation, reflow
from reader.parsers.plaintext_shapes import GAPS

_ITEM = re.compile(
    r"^(?P<indent> *)(?P<marker>[-*+•‣◦▪]|\(?\d{1,3}[.)]|\(?[a-z][.)]) +(?P<text>\S.*)$"
)
_BULLETS = {"-": "•", "*": "•", "+": "•"}


class ListItem(NamedTuple):
    """One item of a list: its lines, its text re-flowed, and the markers around it."""

    chunk: Chunk
    text: str
    markers: tuple[str, ...]  # the outermost item's marker first


def list_items(chunk: Chunk, wrap_width: int) -> list[ListItem] | None:
    """The items of a block that is a list, or None when it is not one."""
    if _ITEM.match(chunk.lines[0].expandtabs(8)) is None:
        return None
    lines = [line.expandtabs(8).rstrip() for line in chunk.lines]
    if sum(map(_has_columns, lines)) * 3 > len(lines):
        return None
    first_indent = indentation(lines[0])
    stack: list[tuple[int, int, str]] = []  # (marker column, text column, marker as written)
    starts: list[tuple[int, tuple[str, ...], str]] = []  # line, markers, text on that line
    for number, line in enumerate(lines):
        item = _ITEM.match(line)
        indent = indentation(line)
        sibling = next((entry[2] for entry in stack if entry[0] == indent), None)
        if item is not None and (sibling is None or _follows(sibling, item["marker"])):
            while stack and indent < stack[-1][1]:
                stack.pop()
            if not stack and indent != first_indent:
                return None  # an item left of the first: not one list
            stack.append((indent, len(line) - len(item["text"]), item["marker"]))
            markers = tuple(_BULLETS.get(entry[2], entry[2]) for entry in stack)
            starts.append((number, markers, item["text"]))
        elif not stack or indent < min(stack[-1][0] or 1, stack[-1][1] - 1):
            return None  # a line under no item (flush with an indented marker is under it)
    out: list[ListItem] = []
    ends = [start for start, _, _ in starts[1:]] + [len(lines)]
    for (start, markers, first), end in zip(starts, ends, strict=True):
        sub = Chunk(chunk.lines[start:end], chunk.starts[start:end], chunk.blank_before)
        if start:
            sub.blank_before = 0
        text = reflow(lines[start:end], wrap_width, items=False)  # (tabs expanded, as measured)
        text = first + text[len(lines[start].strip()) :]  # the text without its marker
        out.append(ListItem(sub, text, markers))
    return out


def _follows(previous: str, marker: str) -> bool:
    """Whether a marker can follow its sibling: the same kind, the next number or letter.

    ("7." wrapped to the start of a line inside item "b)" is text, not an item.)
    """
    if previous in _BULLETS or previous in "•‣◦▪":
        return marker == previous
    if _shape(previous) != _shape(marker):
        return False
    before, after = previous.strip("().").rstrip(")"), marker.strip("().").rstrip(")")
    if before.isdigit() and after.isdigit():
        return int(after) == int(before) + 1
    return len(before) == len(after) == 1 and ord(after) == ord(before) + 1


def _shape(marker: str) -> str:
    """A marker's kind: "1." and "12." are one kind, "a)" and "(a)" two others."""
    return re.sub(r"\d+", "1", re.sub(r"[a-z]", "a", marker))


def _has_columns(line: str) -> bool:
    item = _ITEM.match(line)
    return bool(GAPS.search(item["text"] if item else line.strip()))
