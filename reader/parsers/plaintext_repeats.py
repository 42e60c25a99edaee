"""Headings a document marks by repeating a shape: release lines, "Q:" questions, outline stars.

A release line names a version ("version 1.34 - Sergey Poznyakoff, 2021-02-13",
"Noteworthy changes in release 4.9", "Major changes from 3.81 to 3.82"): when
three or more lines at the margin open with the same words before a version
number, each alone over text or over text indented under it, they are the
document's sections.

In a FAQ written as "Q:" and "A:" blocks, each question (with its wrapped lines)
is a heading and each answer is text, however short or capitalised.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reader.parsers.plaintext_layout import Chunk, indentation
from reader.parsers.plaintext_shapes import MAX_HEADING_CHARS

_RELEASE = re.compile(r"^(?P<lead>[A-Za-z][^\d]{0,40}?)\s*v?\d+(?:\.\d+)+[a-z]?\b")
_OUTLINE = re.compile(r"^(\*{1,6}) +(\S.*)$")
_QUESTION = re.compile(r"^(?:Q|Question)\s*[:.)]\s+\S")
_ANSWER = re.compile(r"^(?:A|Answer)\s*[:.)]\s+\S")
_MIN_REPEATS = 3
_MAX_QUESTION_LINES = 4


@dataclass(frozen=True, slots=True)
class Repeated:
    """A repeated-shape heading: its lines, its style, and how much of its text is a marker."""

    lines: int
    style: str
    skip: int = 0  # the characters before its title ("** " of an outline heading)


@dataclass(slots=True)
class Repeats:
    """Chunks (by id) that open with a repeated-shape heading, and answers that never do."""

    headings: dict[int, Repeated] = field(default_factory=dict)
    answers: set[int] = field(default_factory=set)


def find_repeats(chunks: list[Chunk], base_indent: int) -> Repeats:
    """The release lines and the questions and answers of a document."""
    repeats = Repeats()
    leads: dict[int, str] = {}
    for index, chunk in enumerate(chunks):
        line = chunk.lines[0]
        # alone over text, or over text indented under it ("Version 2.5.3" / "  - New ...")
        alone = index + 1 < len(chunks) if len(chunk.lines) == 1 else _hanging(chunk.lines)
        if alone and indentation(line) <= base_indent:
            release = _RELEASE.match(line.strip())
            if release is not None and len(line.split()) <= 12:
                leads[index] = " ".join(release["lead"].lower().split())
    counts = Counter(leads.values())
    for index, lead in leads.items():
        if counts[lead] >= _MIN_REPEATS:
            repeats.headings[id(chunks[index])] = Repeated(1, "release")
    questions = [c for c in chunks if _QUESTION.match(c.lines[0].strip())]
    answers = [c for c in chunks if _ANSWER.match(c.lines[0].strip())]
    if len(questions) >= _MIN_REPEATS and len(answers) >= len(questions) // 2:
        for chunk in questions:
            repeats.headings[id(chunk)] = Repeated(_question_lines(chunk.lines), "question")
        repeats.answers = {id(chunk) for chunk in answers}
    repeats.headings.update(_outline_markers(chunks))
    return repeats


def _hanging(lines: list[str]) -> bool:
    return indentation(lines[1]) > indentation(lines[0]) and any(c.isalpha() for c in lines[1])


def _question_lines(lines: list[str]) -> int:
    """The question's lines: up to an answer run into it, or four at most."""
    for count, line in enumerate(lines[:_MAX_QUESTION_LINES]):
        if count and _ANSWER.match(line.strip()):
            return count
    return min(len(lines), _MAX_QUESTION_LINES)


def _outline_markers(chunks: list[Chunk]) -> dict[int, Repeated]:
    """Emacs outline headings ("* Release 3.8", "** Bug fixes") by chunk id, if the text uses them.

    A line of stars at column 0, alone in its block, is an outline heading when
    body text (or a deeper heading) follows it; the text uses them when at least
    three do and most of its star lines at column 0 do (so a list of "* " items
    separated by blank lines stays a list).
    """
    marked: dict[int, Repeated] = {}
    star_lines = 0
    for index, chunk in enumerate(chunks):
        after = chunks[index + 1] if index + 1 < len(chunks) else None
        stars = _OUTLINE.match(chunk.lines[0])
        if stars is None:
            continue
        star_lines += 1
        if len(chunk.lines) > 1 or len(chunk.lines[0]) > MAX_HEADING_CHARS:
            continue
        below = None if after is None else _OUTLINE.match(after.lines[0])
        if after is not None and (below is None or len(below[1]) > len(stars[1])):
            marked[id(chunk)] = Repeated(
                1, f"outline{len(stars[1])}", len(stars[0]) - len(stars[2])
            )
    return marked if len(marked) >= 3 and len(marked) * 3 >= star_lines * 2 else {}
