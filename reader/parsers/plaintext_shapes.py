"""Line shapes: what a plain-text line must look like to head a section, and what rules it out.

`heading_like` and `all_caps` say whether a line could be a heading at all
(short, not a sentence, a list item, dialogue or a row of columns). A line that
ends in a word that needs more after it ("Typical code for this step is just")
leads into the display below it; a line naming C identifiers ("J_DCT_METHOD
dct_method") is a declaration, a definition-list term in a reference manual.
"""

from __future__ import annotations

import re

from reader.parsers.plaintext_layout import BULLET, indentation

MAX_HEADING_CHARS = 80
MAX_HEADING_WORDS = 14
_SENTENCE_END = ".,;:"
_SPEECH_END = re.compile(r"(?:[.!?,;:—-][\"'”’]|--|—|\.\.\.|…)$")
_JOINING = frozenset({"a", "and", "or", "of", "the", "in", "on", "for", "to", "with", "by", "vs"})
_ADDRESS = re.compile(r"\w://\S")
_PARENTHESIS = re.compile(r"\([^()]*\)")
FIELD = re.compile(r"^[A-Z][\w-]*(?: [A-Za-z]+){0,2}: \S")  # "Archive-Name: x", "Posting Date: y"
GAPS = re.compile(r"[^\s.!?:;](?: {3,}| *\t\s*)\S")  # columns: a table row, a page header
# Bylines, copyright notices and captions ("Figure 3: Payload Data Header").
NOT_HEADING = re.compile(
    r"^(?:by\s|copyright\b|\(c\)|©|\[illustration"
    r"|(?:figure|fig\.|table|exhibit|listing|plate)\s+\d+(?:\.\d+)*\s*[.:—–-])",
    re.IGNORECASE,
)
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


def heading_like(text: str, closed: bool = False) -> bool:
    """A line that could be a heading: short, not a sentence, not a list item.

    `closed`: the line is numbered or stands alone where a heading stands, so it
    may end in ".", ":" or a question mark ("0. Definitions.", "Exit status:").
    """
    if not text or len(text) > MAX_HEADING_CHARS or not any(c.isalpha() for c in text):
        return False
    if closed and text[-1] in ".:?":
        return heading_like(text[:-1].rstrip(" .")) if text[-1] != "?" else _question(text)
    if text[-1] in _SENTENCE_END or BULLET.match(text) or text[0] in "\"“‘'([{<":
        return False
    if NOT_HEADING.match(text) or text.count(",") >= 2 or text[0] in "-*+`/~$":
        return False  # bylines, copyright notices, lists of names, options, code, paths
    if _ADDRESS.search(text):
        return False  # a line pointing somewhere: "See https://lists.gnu.org/..."
    if _SPEECH_END.search(text) or GAPS.search(text):
        return False  # the end of a quotation, a sentence broken off; columns of a table
    words = text.split()
    if len(words) > MAX_HEADING_WORDS or (text[-1] in "?!" and len(words) > 8):
        return False
    return not text[0].islower()


def _question(text: str) -> bool:
    """A question that can head its answer: short enough, not a list item or a quotation."""
    body = text.rstrip("?").rstrip(" .")
    words = body.split()
    return bool(words) and len(words) <= MAX_HEADING_WORDS and heading_like(body)


def all_caps(text: str) -> bool:
    """ALL CAPS, a parenthesis and small joining words aside ("WARNINGS and TAINT
    FLAGS", "CHANGING BLOCKS (consecutive lines)"); not quoted or code ("`HOST ...'")."""
    if len(text) > MAX_HEADING_CHARS or text[-1] in ",;" or text[0] in "`'\"‘“-*/$<":
        return False
    words = (_PARENTHESIS.sub("", text) if "(" in text else text).split()
    kept = "".join(word for word in words if word not in _JOINING)
    if kept != kept.upper():  # a lowercase letter
        return False
    return sum(1 for c in kept if c.isalpha()) >= 2 and not BULLET.match(text)
