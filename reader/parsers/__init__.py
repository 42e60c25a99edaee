"""Parsers turn an article's text into a Document."""

from collections.abc import Callable

from reader.document import Document
from reader.parsers.cancelled import ParseCancelled
from reader.parsers.outline import Outline, apply_outline

__all__ = ["PREVIEW_CHARS", "ParseCancelled", "parse", "preview"]


def parse(
    text: str,
    kind: str,
    name: str,
    cancelled: Callable[[], bool] | None = None,
    outline: Outline = (),
) -> Document:
    """Parse `text` as `kind` ("markdown" or "plain"); `name` is the fallback title, and
    an `outline` the article declares (a book's contents) is its section tree.

    A long parse checks `cancelled` as it goes and raises ParseCancelled.
    Each parser is imported on first use: markdown-it loads only for Markdown.
    """
    if kind == "markdown":
        from reader.parsers.markdown import parse_markdown

        document = parse_markdown(text, name, cancelled)
    else:
        from reader.parsers.plaintext import parse_plain

        document = parse_plain(text, name, cancelled)
    return apply_outline(document, outline) if outline else document


PREVIEW_CHARS = 16 * 1024  # about the first screens of an article


def preview(text: str, kind: str, limit: int = PREVIEW_CHARS) -> str | None:
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
