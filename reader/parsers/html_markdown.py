"""HTML to Markdown text: the one converter for web pages and the HTML inside Markdown.

The Markdown parser then makes the blocks, so HTML renders as its Markdown
counterpart would: headings join the tree, `<details>` reads as its summary and
text, tables as tables, images as their alt text. Scripts, styles, comments and
form controls are dropped. Text is escaped, so nothing in it is read as Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree, html

from reader.parsers.html_tags import (
    BLOCKS,
    CODE,
    DROPPED,
    EMPHASIS,
    HEADINGS,
    PERMALINKS,
    SAFE_SCHEMES,
    STRIKE,
)
from reader.safe_text import parsable

BREAK = "\ue000"  # a <br> until the paragraph's whitespace is collapsed

_ALWAYS = re.compile(r"([\\`*\[\]<>~|#])")
# What would end a `<...>` destination, or split a table row, percent-encoded.
_DESTINATION = {"<": "%3C", ">": "%3E", " ": "%20", "|": "%7C", "\\": "%5C"}
_SPECIAL = re.compile(r"[\\`*\[\]<>~|#_&]")
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # not inside a word
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\d{1,9})([.)])|^([-+=])", re.MULTILINE)
# A list's first line that may follow a paragraph directly (a numbered one only from 1).
_LIST = re.compile(r"(?:- |1\. )")
_LANGUAGE = re.compile(r"(?:^|\s)(?:language|lang|highlight-source|highlight)-([\w+#-]+)")


def html_to_markdown(markup: str) -> str:
    """A fragment or a whole page of HTML as Markdown blocks (blank-line separated)."""
    if not markup.strip():
        return ""
    try:
        root = html.fragment_fromstring(parsable(markup), create_parent="div", parser=parser())
    except (etree.ParserError, ValueError):
        return ""
    return element_to_markdown(root)


def parser() -> html.HTMLParser:
    """An HTML parser for one document (parsers are not shared between threads), with no
    limit on nesting: libxml2 otherwise drops all that follows the 256th level."""
    return html.HTMLParser(huge_tree=True)


def element_to_markdown(element: html.HtmlElement) -> str:
    """An element's content as Markdown blocks (nested past Python's recursion limit, as
    one paragraph of its text)."""
    try:
        return "\n\n".join(_Blocks().flow(element))
    except RecursionError:
        return _squash(_escape(" ".join(element.itertext())))


class _Blocks:
    """Collects the Markdown blocks of a stretch of HTML."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def flow(self, element: etree._Element) -> list[str]:
        """The blocks of an element's content: loose text and inline children make
        paragraphs between its block children."""
        pieces: list[str] = [_escape(element.text or "")]
        for child in element:
            tag = _tag(child)
            if tag in BLOCKS:
                self._paragraph(pieces)
                pieces = []
                self._block(child, tag)
            elif tag and tag not in DROPPED:
                pieces.append(_inline(child, tag))
            pieces.append(_escape(child.tail or ""))
        self._paragraph(pieces)
        return self.parts

    def _paragraph(self, pieces: Iterable[str]) -> None:
        text = _squash("".join(pieces))
        if text:
            self.parts.append(text)

    def _block(self, element: etree._Element, tag: str) -> None:
        if tag in HEADINGS:
            title = _squash(_inline_content(element)).replace("\\\n", " ")
            if title:
                self.parts.append("#" * HEADINGS[tag] + " " + title)
        elif tag == "pre":
            self.parts.append(_fence(element))
        elif tag == "hr":
            self.parts.append("---")
        elif tag == "blockquote":
            inner = "\n\n".join(_Blocks().flow(element))
            if inner:
                self.parts.append(_prefix(inner, "> ", "> "))
        elif tag in ("ul", "ol", "menu"):
            self._list(element, ordered=tag == "ol")
        elif tag == "table":
            self._table(element)
        elif tag in ("dt", "summary", "legend"):
            text = _squash(_inline_content(element))
            if text:
                self.parts.append(f"**{text}**")
        elif tag == "figcaption":
            text = _squash(_inline_content(element))
            if text:
                self.parts.append(f"*{text}*")
        else:  # a container: its content, as blocks
            self.flow(element)

    def _list(self, element: etree._Element, *, ordered: bool) -> None:
        items: list[str] = []
        number = _start(element) if ordered else 0
        for child in element:
            tag = _tag(child)
            if not tag or tag in DROPPED:
                continue
            blocks = _Blocks().flow(child) if tag == "li" else _Blocks()._one(child, tag)
            if not blocks:
                continue
            marker = f"{number}. " if ordered else "- "
            number += 1
            item = "".join(
                ("\n" if _LIST.match(block) else "\n\n") + block if i else block
                for i, block in enumerate(blocks)
            )
            items.append(_prefix(item, marker, " " * len(marker)))
        if items:
            loose = any("\n\n" in item for item in items)
            self.parts.append(("\n\n" if loose else "\n").join(items))

    def _one(self, element: etree._Element, tag: str) -> list[str]:
        if tag in BLOCKS:
            self._block(element, tag)
        else:
            self._paragraph([_inline(element, tag)])
        return self.parts

    def _table(self, element: etree._Element) -> None:
        rows: list[list[str]] = []
        for row in element.iter("tr"):
            if _nearest_table(row) is not element:
                continue  # a row of a table inside this one
            cells = []
            for cell in row:
                if _tag(cell) in ("td", "th"):
                    text = _squash(_inline_content(cell)).replace("\\\n", " ")
                    cells.append(text)  # (its pipes are escaped)
                    cells.extend("" for _ in range(_span(cell) - 1))
            if cells:
                rows.append(cells)
        nested = any(
            _nearest_table(t) is element for t in element.iter("table") if t is not element
        )
        occupied = {column for row in rows for column, cell in enumerate(row) if cell}
        if not rows or nested or len(occupied) < 2:
            self.flow(element)  # a layout table (one column of content): its content as blocks
            return
        width = max(len(row) for row in rows)
        lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in rows]
        lines.insert(1, "|" + " --- |" * width)
        caption = next((c for c in element if _tag(c) == "caption"), None)
        if caption is not None and _squash(_inline_content(caption)):
            self.parts.append(f"*{_squash(_inline_content(caption))}*")
        self.parts.append("\n".join(lines))


def _inline(element: etree._Element, tag: str) -> str:
    """An inline element as Markdown text (its tail not included)."""
    if tag == "br":
        return BREAK
    if tag == "img":
        alt = " ".join((element.get("alt") or "").split())
        return f"![{_escape(alt)}]()" if alt else ""
    if tag in CODE:  # (as a tag: backticks would join a neighbouring code span)
        code = " ".join(text_of(element).split())
        return f"<code>{_escape(code)}</code>" if code else ""
    inner = _inline_content(element)
    if tag == "a":
        href = (element.get("href") or "").strip()
        text = inner.strip()
        if text in PERMALINKS:
            return ""
        if not text or not href or not href.lower().startswith(SAFE_SCHEMES):
            return inner
        return _around(inner, "[", f"]({_destination(href)})")
    # Styles as tags, which the Markdown parser renders anywhere: `**` beside a letter or
    # inside a word written without spaces (Chinese, Japanese) would show as stars.
    if tag in EMPHASIS:
        name = "strong" if EMPHASIS[tag] == "**" else "em"
        return _around(inner, f"<{name}>", f"</{name}>")
    if tag in STRIKE:
        return _around(inner, "<del>", "</del>")
    if tag == "sup":
        text = inner.strip()
        return inner if not text or text.startswith("\\[") or "](" in text else f"^{inner}"
    if tag == "q":
        return f"“{inner}”"
    return inner


def _inline_content(element: etree._Element) -> str:
    """An element's content as inline Markdown, block children read as inline."""
    pieces = [_escape(element.text or "")]
    for child in element:
        tag = _tag(child)
        if tag and tag not in DROPPED:
            piece = _inline(child, tag)
            pieces.append(f" {piece} " if tag in BLOCKS else piece)
        pieces.append(_escape(child.tail or ""))
    return "".join(pieces)


def _around(inner: str, before: str, after: str) -> str:
    """Markup around text, its spaces kept outside (where Markdown needs them)."""
    text = inner.strip()
    if not text or text == BREAK:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    return f"{lead}{before}{text}{after}{trail}"


def _fence(element: etree._Element) -> str:
    for line_break in element.iter("br"):  # (some pages, and trafilatura, break lines so)
        line_break.tail = "\n" + (line_break.tail or "")
    code = text_of(element).strip("\n")
    classes = " ".join(filter(None, [element.get("class")] + [c.get("class") for c in element]))
    language = _LANGUAGE.search(classes)
    ticks = "`" * max(3, max((len(run) for run in re.findall("`+", code)), default=0) + 1)
    return f"{ticks}{language.group(1) if language else ''}\n{code}\n{ticks}"


def _destination(href: str) -> str:
    """A link target as a Markdown destination: `<...>`, with what would end it escaped."""
    cleaned = "".join(_DESTINATION.get(ch, ch) for ch in href if ch.isprintable())
    return f"<{cleaned}>"


def _escape(text: str) -> str:
    """Text as Markdown that reads as that text (HTML's whitespace kept for `_squash`)."""
    if not _SPECIAL.search(text):  # (most text: nothing to escape)
        return text
    text = _ALWAYS.sub(r"\\\1", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    return _ENTITY.sub(r"\\&", text)


def _squash(text: str) -> str:
    """HTML's whitespace collapsed; line breaks as Markdown hard breaks; line starts
    that Markdown would read as a list or heading escaped."""
    text = " ".join(text.split())
    if BREAK in text:  # (only spaces and breaks go: a backslash there escapes the text's start)
        text = text.strip(" " + BREAK)
        text = re.sub(rf"\s*{BREAK}[\s{BREAK}]*", "\\\\\n", text)
        text = "\\\n".join(line.strip() for line in text.split("\\\n"))
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def _prefix(text: str, first: str, rest: str) -> str:
    """Lines prefixed: `first` on the first, `rest` on each other (bare on a blank line)."""
    lines = text.split("\n")
    others = [rest + line if line else rest.rstrip() for line in lines[1:]]
    return "\n".join([first + lines[0], *others])


def text_of(element: etree._Element) -> str:
    """All the text in an element (lxml.html's `text_content`, for any lxml element)."""
    return "".join(element.itertext())


def _tag(element: etree._Element) -> str:
    """An element's lower-case tag; "" for a comment or processing instruction."""
    tag = element.tag
    return tag.lower().rpartition("}")[2] if isinstance(tag, str) else ""


def _start(element: etree._Element) -> int:
    try:
        return max(0, int(element.get("start", "1")))
    except ValueError:
        return 1


def _span(cell: etree._Element) -> int:
    try:
        return min(50, max(1, int(cell.get("colspan", "1"))))
    except ValueError:
        return 1


def _nearest_table(element: etree._Element) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and _tag(parent) != "table":
        parent = parent.getparent()
    return parent
