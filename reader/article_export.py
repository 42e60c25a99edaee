"""An article printed as the reader shows it: as Markdown, plain text or HTML.

Built from the parsed blocks, so a plain-text article comes out with the headings,
lists and code the reader found in it, and a web page as its article. Article
text is untrusted: control characters are made visible, Markdown's and HTML's
special characters escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from reader.document import Block, BlockKind, Container, ContainerKind, Document, Inline, Run
from reader.parsers.markdown_html import escape_markdown
from reader.safe_text import visible

FORMATS = ("markdown", "text", "html")
_DESTINATION = {"<": "%3C", ">": "%3E", " ": "%20", "|": "%7C", "\\": "%5C"}
_SCHEME = re.compile(r"([A-Za-z][\w+.-]*):")
_LINE_START = re.compile(r"^(\d{1,9})([.)])|^([-+=])", re.MULTILINE)


def export(document: Document, form: str) -> str:
    """The whole article in `form` (one of FORMATS)."""
    blocks = [document.styled(index, keep=False) for index in range(len(document.blocks))]
    if form == "html":
        return _html(document, blocks)
    writer = _markdown_block if form == "markdown" else _text_block
    written = [(block, body) for block in blocks if (body := writer(block)) is not None]
    parts: list[str] = []
    for index, (block, body) in enumerate(written):
        if index:
            parts.append(_gap(written[index - 1][0], block, form))
        parts.append(_nest(body, block.containers, form))
    return "".join(parts) + "\n"


def _gap(before: Block, after: Block, form: str) -> str:
    """What goes between two blocks: a line break between a tight list's items, else a
    blank line, carrying the quote marks the two share (or the quote would end there)."""
    if before.tight and any(c.kind is ContainerKind.LIST_ITEM for c in after.containers):
        return "\n"
    shared = []
    for mine, theirs in zip(before.containers, after.containers, strict=False):
        if mine.kind is not theirs.kind:
            break
        shared.append(theirs._replace(first=False))
    return "\n" + _nest("", tuple(shared), form).rstrip() + "\n"


def _markdown_block(block: Block) -> str | None:
    if block.kind is BlockKind.HEADING:
        return "#" * max(1, min(6, block.level)) + " " + _inline_markdown(block.runs)
    if block.kind is BlockKind.PARAGRAPH:
        return _LINE_START.sub(_escape_start, _inline_markdown(block.runs).lstrip())
    if block.kind in (BlockKind.CODE, BlockKind.PREFORMATTED):
        literal = visible(block.literal)
        fence = "`" * max(3, max((len(r) for r in re.findall("`+", literal)), default=0) + 1)
        return f"{fence}{block.language}\n{literal}\n{fence}"
    if block.kind is BlockKind.TABLE:
        rows = [
            "| " + " | ".join(_inline_markdown(cell).replace("\n", " ") for cell in row) + " |"
            for row in block.rows
        ]
        width = max((len(row) for row in block.rows), default=1)
        return "\n".join([rows[0], "|" + " --- |" * width, *rows[1:]]) if rows else None
    return "---"


def _text_block(block: Block) -> str | None:
    if block.kind is BlockKind.RULE:
        return "―" * 20
    if block.kind is BlockKind.TABLE:
        return "\n".join(
            " | ".join(visible("".join(r.text for r in cell)) for cell in row) for row in block.rows
        )
    if block.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH):
        text = visible("".join(run.text for run in block.runs))
        if block.kind is BlockKind.HEADING:
            return f"{text}\n{('=' if block.level <= 1 else '-') * min(len(text), 72)}"
        return text
    return visible(block.literal)


def _nest(body: str, containers: tuple[Container, ...], form: str) -> str:
    """A block's lines inside its quotes and list items."""
    for container in reversed(containers):
        if container.kind is ContainerKind.QUOTE:
            first = rest = "> " if form == "markdown" else "│ "
        else:
            marker = _marker(container.marker, form) if container.first else ""
            width = len(_marker(container.marker, form))
            first, rest = (marker or " " * width), " " * width
        lines = body.split("\n")
        body = "\n".join(
            [first + lines[0], *((rest + line) if line else rest.rstrip() for line in lines[1:])]
        )
    return body


def _marker(marker: str, form: str) -> str:
    if form == "markdown":
        return "- " if marker == "•" else f"{marker} "
    return f"{marker} "


def _inline_markdown(runs: tuple[Run, ...]) -> str:
    parts = []
    for run in runs:
        text = escape_markdown(visible(run.text)).replace("\n", "\\\n")
        if Inline.IMAGE in run.style:
            parts.append(text)
            continue
        if Inline.CODE in run.style:
            text = _code(visible(run.text))
        # Marks go around the words, spaces outside them ("**bold **" would not be bold).
        lead, body = text[: len(text) - len(text.lstrip())], text.strip()
        trail = text[len(text.rstrip()) :] if body else ""
        for flag, mark in ((Inline.STRONG, "**"), (Inline.EMPHASIS, "*"), (Inline.STRIKE, "~~")):
            if flag in run.style and body:
                body = f"{mark}{body}{mark}"
        if Inline.LINK in run.style and _followable(run.href) and body:
            target = "".join(_DESTINATION.get(ch, ch) for ch in visible(run.href))
            body = f"[{body}](<{target}>)"
        parts.append(lead + body + trail)
    return "".join(parts)


def _followable(href: str) -> bool:
    """A link worth keeping: web, mail or relative (not javascript:, data: or the like)."""
    scheme = _SCHEME.match(href)
    return bool(href) and (scheme is None or scheme[1].lower() in ("http", "https", "mailto"))


def _code(text: str) -> str:
    ticks = "`" * (max((len(r) for r in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _escape_start(match: re.Match[str]) -> str:
    return f"{match[1]}\\{match[2]}" if match[1] else f"\\{match[3]}"


def _html(document: Document, blocks: list[Block]) -> str:
    title = html.escape(visible(document.title))
    body = "\n".join(_html_blocks(blocks))
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _html_blocks(blocks: list[Block]) -> Iterator[str]:
    """Blocks as HTML, their quotes and lists opened and closed around them."""
    open_: list[Container] = []
    for block in blocks:
        wanted = list(block.containers)
        keep = 0  # the containers that go on: same kind, and not a new list item
        while (
            keep < min(len(open_), len(wanted))
            and open_[keep].kind == wanted[keep].kind
            and not wanted[keep].first
        ):
            keep += 1
        for container in reversed(open_[keep:]):
            yield _close(container)
        for container in wanted[keep:]:
            yield _open(container)
        open_ = wanted
        yield _html_block(block)
    for container in reversed(open_):
        yield _close(container)


def _open(container: Container) -> str:
    if container.kind is ContainerKind.QUOTE:
        return "<blockquote>"
    return f'<div class="item"><span class="marker">{html.escape(container.marker)}</span>'


def _close(container: Container) -> str:
    return "</blockquote>" if container.kind is ContainerKind.QUOTE else "</div>"


def _html_block(block: Block) -> str:
    if block.kind is BlockKind.HEADING:
        level = max(1, min(6, block.level))
        return f"<h{level}>{_inline_html(block.runs)}</h{level}>"
    if block.kind is BlockKind.PARAGRAPH:
        return f"<p>{_inline_html(block.runs)}</p>"
    if block.kind is BlockKind.TABLE:
        rows = "".join(
            "<tr>" + "".join(f"<td>{_inline_html(cell)}</td>" for cell in row) + "</tr>"
            for row in block.rows
        )
        return f"<table>{rows}</table>"
    if block.kind is BlockKind.RULE:
        return "<hr>"
    return f"<pre><code>{html.escape(visible(block.literal))}</code></pre>"


def _inline_html(runs: tuple[Run, ...]) -> str:
    parts = []
    for run in runs:
        text = html.escape(visible(run.text)).replace("\n", "<br>")
        for flag, tag in (
            (Inline.CODE, "code"),
            (Inline.STRONG, "strong"),
            (Inline.EMPHASIS, "em"),
            (Inline.STRIKE, "del"),
        ):
            if flag in run.style:
                text = f"<{tag}>{text}</{tag}>"
        if Inline.LINK in run.style and _followable(run.href):
            text = f'<a href="{html.escape(visible(run.href), quote=True)}">{text}</a>'
        parts.append(text)
    return "".join(parts)
