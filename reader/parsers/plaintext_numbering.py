"""Numbered entries that the document's own numbering makes headings, whatever their wording.

A line at the heading margin opening with a number ("4.", "2.2.1.3.", "24.") is
an entry of the document's numbering when an entry before it carries the number
that comes before it ("4.30" before "4.30.1", "23" before "24") or one after it
carries the next. Such an entry, standing alone over body text, is a heading
even when its title would not pass for one on its own ("Microsoft Windows
(Win3x, Win9x, WinNT, Win2K)", "compress() returns Z_BUF_ERROR.").

In a run of questions and answers (a quarter or more of the entries end in "?"),
each question is a heading whatever its length, its wrapped lines included.
Entries one after another with nothing between them are a list.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.parsers.plaintext_layout import Chunk, indentation

_ENTRY = re.compile(
    r"^(?:(?P<number>\d{1,3}(?:\.\d{1,3})*)\.?|(?P<letter>[A-Z])\.)\s+(?P<title>\S.*)$"
)
_Key = tuple[int | str, ...]  # (2, 3) for "2.3"; ("letter", 3) for "C."
_MAX_TITLE_LINES = 4
_MAX_WORDS = 14
_MAX_RUN_IN_WORDS = 8  # a title run into its clause's text is short
_MAX_QUESTION_WORDS = 60


@dataclass(frozen=True, slots=True)
class Entry:
    """A numbered entry heading: its number and how many lines its title takes."""

    number: str
    lines: int


def numbered_entries(chunks: list[Chunk], base_indent: int) -> dict[int, Entry]:
    """The chunks (by id) that open with a numbered entry heading, and the entry."""
    found: list[tuple[int, _Key, int]] = []  # chunk index, number, title lines
    for index, chunk in enumerate(chunks):
        first = chunk.lines[0]
        entry = _ENTRY.match(first.strip())
        if entry is None:
            continue
        number = _key(entry)
        # A subsection number ("2.1.") carries its evidence even indented.
        if indentation(first) > base_indent + (8 if _depth(number) > 1 else 2):
            continue
        found.append((index, number, _title_lines(chunk.lines)))
    numbers = [number for _, number, _ in found]
    depth_at = {index: _depth(number) for index, number, _ in found}
    linked: list[bool] = []
    before: set[_Key] = set()
    after = Counter(numbers)
    for number in numbers:
        after[number] -= 1
        linked.append(_predecessor(number) in before or after[_successor(number)] > 0)
        before.add(number)
    # A title standing alone over body text; same-depth entries side by side are a list.
    alone = [
        lines == len(chunks[index].lines)
        and index + 1 < len(chunks)
        and depth_at.get(index + 1) != _depth(number)
        and depth_at.get(index - 1) != _depth(number)
        for index, number, lines in found
    ]
    titled = [_titles_its_block(chunks[index].lines) for index, _, _ in found]
    entries = [found[i] for i in range(len(found)) if linked[i] and alone[i]]
    headed = {found[i][0] for i in range(len(found)) if linked[i] and titled[i]}
    titles = [_title(chunks[index], lines) for index, _, lines in entries]
    questions = sum(1 for title in titles if title.endswith("?"))
    answered = len(entries) >= 3 and questions * 4 >= len(entries)
    result: dict[int, Entry] = {}
    for (index, number, lines), title in zip(entries, titles, strict=True):
        if _acceptable(title, lines, answered):
            result[id(chunks[index])] = Entry(_label(number), lines)
    for index, number, _ in found:
        if index in headed and id(chunks[index]) not in result:  # (a whole title stays whole)
            result[id(chunks[index])] = Entry(_label(number), 1)
    return result


def _titles_its_block(lines: list[str]) -> bool:
    """A short Title Case line over the clause's text ("2.1. The Initial Developer Grant.")."""
    entry = _ENTRY.match(lines[0].strip())
    if entry is None or len(lines) < 2 or indentation(lines[1]) < indentation(lines[0]):
        return False
    if not any(c.isalpha() for c in lines[1]):
        return False  # an underline: the heading is underlined, not run in
    words = entry["title"].rstrip(".:").split()
    return (
        0 < len(words) <= _MAX_RUN_IN_WORDS
        and entry["title"][-1] not in ",;"
        and all(word[0].isupper() for word in words if len(word) > 3)
        and words[0][0].isupper()
    )


def _title_lines(lines: list[str]) -> int:
    """The first line and the lines hanging under it, up to a line ending in "?"; a
    short block that ends a sentence, wrapped flush or not (a FAQ's long question)."""
    first = indentation(lines[0])
    short = len(lines) <= _MAX_TITLE_LINES and lines[-1].rstrip()[-1] in ".?:"
    if short and all(indentation(line) >= first for line in lines[1:]):
        return len(lines)
    count = 1
    while (
        count < min(len(lines), _MAX_TITLE_LINES)
        and not lines[count - 1].rstrip().endswith("?")
        and indentation(lines[count]) > first
    ):
        count += 1
    return count


def _title(chunk: Chunk, lines: int) -> str:
    text = " ".join(line.strip() for line in chunk.lines[:lines])
    entry = _ENTRY.match(text)
    assert entry is not None
    return entry["title"]


def _acceptable(title: str, lines: int, answered: bool) -> bool:
    """Whether an entry's title can head a section: any question or statement in a FAQ."""
    words = title.split()
    if answered:
        return len(words) <= _MAX_QUESTION_WORDS
    return lines == 1 and len(words) <= _MAX_WORDS and title[-1] not in ",;"


def _key(entry: re.Match[str]) -> _Key:
    """ "2.3" as (2, 3); a letter "C" as ("letter", 3), its own sequence."""
    if entry["letter"]:
        return ("letter", ord(entry["letter"]) - ord("A") + 1)
    return tuple(int(part) for part in entry["number"].split("."))


def _depth(number: _Key) -> int:
    """How deep a number is: 2 for "2.3"; 0 for a letter."""
    return 0 if number[0] == "letter" else len(number)


def _label(number: _Key) -> str:
    if number[0] == "letter":
        return chr(ord("A") + int(number[1]) - 1)
    return ".".join(map(str, number))


def _predecessor(number: _Key) -> _Key:
    last = int(number[-1])
    if last <= 1 and len(number) > 1:
        return number[:-1]
    return (*number[:-1], last - 1)


def _successor(number: _Key) -> _Key:
    return (*number[:-1], int(number[-1]) + 1)
