"""Heading levels for plain text: the rules that rank heading styles against each other.

Underlined and overlined headings rank by their line character, not by the order
in which they first appear: a document may open with a minor `---` heading (a
table of contents, an introduction) before its first `===` one.
"""

from __future__ import annotations

from reader.document import BlockKind
from reader.parsers.plaintext_classify import Item

# Line characters from the highest rank to the lowest; overlined above underlined.
_LINE_RANK = "#*=-~^+_"


def rank_line_styles(items: list[Item]) -> list[str]:
    """The underline/overline styles of the document's headings, highest rank first."""
    styles = {
        item.style
        for item in items
        if item.kind is BlockKind.HEADING
        and not item.title
        and not item.number
        and item.style.startswith(("under", "over"))
    }
    return sorted(styles, key=_rank)


def _rank(style: str) -> tuple[int, int]:
    over = 0 if style.startswith("over") else 1
    char = style[-1]
    return over, _LINE_RANK.index(char) if char in _LINE_RANK else len(_LINE_RANK)


def numbered_level(seen: dict[str, int], number: str) -> int | None:
    """The level numbering gives a heading, from the numbered headings before it.

    "4.1" goes one below the nearest "4"; "5" goes level with the nearest "4";
    "C" level with the nearest "B". None when no heading before settles it.
    """
    if number.isalpha():
        previous = chr(ord(number) - 1)
        return seen.get(previous) if number != "A" else None
    parent, _, last = number.rpartition(".")
    if parent and parent in seen:
        return seen[parent] + 1
    if last.isdigit() and int(last) > 0:
        previous = f"{parent}.{int(last) - 1}" if parent else str(int(last) - 1)
        if previous in seen:
            return seen[previous]
    return None
