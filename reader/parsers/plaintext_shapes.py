"""Line shapes that rule out an unnumbered heading, whatever its length or case.

A line that ends in a word that needs more after it ("Typical code for this step
is just", "More complex code is necessary if") leads into the display below it;
a line naming C identifiers ("J_DCT_METHOD dct_method", "JSAMPARRAY colormap")
is a declaration, a definition-list term in a reference manual.
"""

from __future__ import annotations

import re

from reader.parsers.plaintext_layout import BULLET, indentation

_DANGLING = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "if",
        "just",
        "the",
        "a",
        "an",
        "of",
        "to",
        "as",
        "like",
        "by",
        "with",
        "and",
        "or",
        "that",
        "than",
        "for",
        "from",
        "into",
        "whether",
        "when",
        "where",
        "which",
        "can",
        "will",
        "would",
        "should",
        "must",
        "may",
    }
)
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.;] [A-Z]")  # "purposes. Using it": two sentences
_RUN_IN = re.compile(r"^([A-Z][\w-]*(?: [\w-]+){0,5})\. [A-Z]")
_IDENTIFIER = re.compile(r"[A-Za-z0-9]_[A-Za-z0-9]")
_DECLARATION = re.compile(r"^[A-Z][A-Z0-9_]*[A-Z0-9]\s+\*?[a-z_][a-z0-9_]*(?:\[.*\])?$")


def lead_in_or_code(text: str) -> bool:
    """Whether an unnumbered line reads as a lead-in to a display or as a declaration."""
    words = text.split()
    if not words:
        return False
    if (len(words) > 1 and words[-1] in _DANGLING) or _SENTENCE_INSIDE.search(text):
        return True
    return bool(_IDENTIFIER.search(text)) or bool(_DECLARATION.match(text))


def run_in_title(numbered: re.Match[str]) -> bool:
    """A numbered clause opening with a short Title Case phrase and a full stop.

    "2. Grant of Copyright License. Subject to ...": the phrase titles the clause.
    """
    title = _RUN_IN.match(numbered["title"])
    if title is None or not numbered["dot"]:
        return False
    words = title[1].split()
    return all(word[0].isupper() for word in words if len(word) > 3)


def label_over_body(line: str, following: list[str]) -> bool:
    """A short "Label:" line over prose or a list indented under it ("Definitions:").

    A label over code or a display ("Typical code:") leads into it instead.
    """
    text = line.strip()
    if not text.endswith(":") or len(text.split()) > 5 or not following:
        return False
    if min(indentation(other) for other in following) <= indentation(line):
        return False
    words = sum(len(other.split()) for other in following)
    prose = words >= 12 and any(other.rstrip()[-1:] in ".;:!?" for other in following)
    return prose or bool(BULLET.match(following[0].strip()))
