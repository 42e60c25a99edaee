"""The HTML inside Markdown, rendered as the Markdown it stands for.

An HTML block goes through `html_markdown` (as a web page does) and its blocks
join the article's, headings in the tree. Inline tags between Markdown text
(`<kbd>`, `<br>`, `<a href>`, `<img alt>`, `<b>`) style the runs around them;
comments and any other tag are dropped.
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

from reader.document import Inline
from reader.parsers.html_tags import CODE, EMPHASIS, SAFE_SCHEMES, STRIKE

HIDDEN = frozenset({"script", "style", "noscript", "template", "title"})
_TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)([^>]*?)/?>", re.S)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#~|!&])")
_FIRST_WORD = re.compile(r"\w{3,}")

_STYLES = {
    **{tag: Inline.STRONG if mark == "**" else Inline.EMPHASIS for tag, mark in EMPHASIS.items()},
    **dict.fromkeys(CODE, Inline.CODE),
    **dict.fromkeys(STRIKE, Inline.STRIKE),
    "a": Inline.LINK,
}


class Tag(NamedTuple):
    """What an inline tag does: text to add, a style to turn on or off, a link target,
    or text to hide."""

    text: str = ""
    style: Inline = Inline.PLAIN
    closing: bool = False
    href: str = ""
    image: bool = False
    hides: bool = False  # what follows, up to its closing tag, is not shown (<script>)


def inline_tag(markup: str) -> Tag:
    """An html_inline token's effect (a comment, or a tag not rendered: nothing)."""
    match = _TAG.fullmatch(markup.strip())
    if match is None:
        return Tag()
    closing, name, rest = match[1] == "/", match[2].lower(), match[3]
    if name in HIDDEN:
        return Tag(closing=closing, hides=True)
    if name == "br":
        return Tag("\n")
    if name == "img" and not closing:
        alt = " ".join(_attributes(rest).get("alt", "").split())
        return Tag(f"[image: {alt}]", image=True) if alt else Tag()
    style = _STYLES.get(name, Inline.PLAIN)
    href = ""
    if name == "a" and not closing:
        href = _attributes(rest).get("href", "").strip()
        if not href.lower().startswith(SAFE_SCHEMES):
            return Tag()
    return Tag(style=style, closing=closing, href=href)


def escape_markdown(text: str) -> str:
    """Text as Markdown that shows it as written: every character Markdown or HTML would
    act on is escaped with a backslash."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def first_word(markup: str) -> str:
    """A word to find a block by in the HTML it came from ("" if none)."""
    match = _FIRST_WORD.search(re.sub(r"\\(.)", r"\1", markup))
    return match.group() if match else ""


def _attributes(rest: str) -> dict[str, str]:
    return {
        name.lower(): html.unescape(value.strip("\"'")) for name, value in _ATTRIBUTE.findall(rest)
    }
