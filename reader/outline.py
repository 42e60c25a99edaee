"""The section tree as an indented text outline (`reader toc`)."""

from __future__ import annotations

from reader.document import Document, Section
from reader.safe_text import visible_line

SYNTHETIC_MARK = "(synthesized)"


def label(section: Section) -> str:
    """A section's title as shown to the reader."""
    return visible_line(section.title) or "(empty heading)"


def outline(document: Document) -> str:
    """One section per line, two spaces per level; synthesized sections are marked."""
    lines = []
    for section in document.root.walk():
        mark = f"  {SYNTHETIC_MARK}" if section.synthetic else ""
        lines.append(f"{'  ' * section.depth}{label(section)}{mark}")
    return "\n".join(lines)
