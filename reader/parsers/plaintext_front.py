"""Front matter of a plain-text document: the lines under its title that are not headings.

A version, release or date line right under the title ("Version 2, June 1991",
"Release 3.19.0 11 Apr 2022", "Version 1.1.0 (2022-12-11)") belongs to the title.
"""

from __future__ import annotations

import re

from reader.document import BlockKind
from reader.parsers.plaintext_classify import Item

_VERSION = re.compile(
    r"^(?:version|release|revision|rev\.|edition|draft|updated|last updated)\b\W*v?\d",
    re.IGNORECASE,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"  # a month name
_DATE = re.compile(
    rf"^\W*(?:\d{{4}}-\d\d-\d\d|(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:\d{{1,2}},?\s+)?\d{{4}})\W*$",
    re.IGNORECASE,
)


def demote_title_details(items: list[Item], title: int) -> None:
    """Make a version or date line right after the title at `title` plain text."""
    if title + 1 >= len(items):
        return
    item = items[title + 1]
    text = item.text.strip()
    release = item.style == "release"  # the first of the document's release sections
    if (
        item.style
        and not item.number
        and not release
        and (_VERSION.match(text) or _DATE.match(text))
    ):
        item.kind, item.style = BlockKind.PARAGRAPH, ""
