"""Parsers turn an article's text into a Document."""

from reader.document import Document
from reader.parsers.markdown import parse_markdown
from reader.parsers.plaintext import parse_plain

PARSERS = {"markdown": parse_markdown, "plain": parse_plain}


def parse(text: str, kind: str, name: str) -> Document:
    """Parse `text` as `kind` ("markdown" or "plain"); `name` is the fallback title."""
    return PARSERS[kind](text, name)


def preview(text: str, kind: str, limit: int = 64 * 1024) -> str | None:
    """The beginning of a long text, cut where a parse of it alone is safe; None if short.

    Markdown is cut at a blank line outside fenced code; plain text at a blank line.
    """
    if len(text) <= limit:
        return None
    if kind == "plain":
        cut = text.rfind("\n\n", 0, limit)
        return text[:cut] if cut > 0 else None
    cut = 0
    fence = ""
    offset = 0
    for line in text[:limit].split("\n")[:-1]:
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
        elif stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        elif not stripped:
            cut = offset
        offset += len(line) + 1
    return text[:cut] if cut > 0 else None
