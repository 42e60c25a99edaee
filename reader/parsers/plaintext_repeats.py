"""Headings a document marks by repeating a shape: release lines and "Q:" questions.

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

_RELEASE = re.compile(r"^(?P<lead>[A-Za-z][^\d]{0,40}?)\s*v?\d+(?:\.\d+)+[a-z]?\b")
_QUESTION = re.compile(r"^(?:Q|Question)\s*[:.)]\s+\S")
_ANSWER = re.compile(r"^(?:A|Answer)\s*[:.)]\s+\S")
_MIN_REPEATS = 3
_MAX_QUESTION_LINES = 4


@dataclass(slots=True)
class Repeats:
    """Chunks (by id) that open with a repeated-shape heading, and answers that never do."""

    headings: dict[int, tuple[int, str]] = field(default_factory=dict)  # id -> (lines, style)
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
            repeats.headings[id(chunks[index])] = (1, "release")
    questions = [c for c in chunks if _QUESTION.match(c.lines[0].strip())]
    answers = [c for c in chunks if _ANSWER.match(c.lines[0].strip())]
    if len(questions) >= _MIN_REPEATS and len(answers) >= len(questions) // 2:
        for chunk in questions:
            repeats.headings[id(chunk)] = (_question_lines(chunk.lines), "question")
        repeats.answers = {id(chunk) for chunk in answers}
    return repeats


def _hanging(lines: list[str]) -> bool:
    return indentation(lines[1]) > indentation(lines[0]) and any(c.isalpha() for c in lines[1])


def _question_lines(lines: list[str]) -> int:
    """The question's lines: up to an answer run into it, or four at most."""
    for count, line in enumerate(lines[:_MAX_QUESTION_LINES]):
        if count and _ANSWER.match(line.strip()):
            return count
    return min(len(lines), _MAX_QUESTION_LINES)
