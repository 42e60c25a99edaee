"""Parse Markdown (CommonMark plus tables and strikethrough) with markdown-it-py.

Raw HTML is kept as literal text, never interpreted. YAML front matter is not
shown; its `title:` becomes the article's title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.document import (
    Block,
    BlockIds,
    BlockKind,
    Cells,
    Container,
    ContainerKind,
    Document,
    Heading,
    Inline,
    Run,
    normalize_newlines,
)

# Front matter: YAML-looking lines (key: value, indented or "- " continuations,
# comments) between --- lines. A "---" rule at the top of an article is not it.
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\n(?P<body>(?:[A-Za-z_][\w-]*:.*\n)(?:(?:[A-Za-z_][\w-]*:|[ \t]|- |#).*\n)*)"
    r"(?:---|\.\.\.)[ \t]*(?:\n|\Z)"
)
MAX_NESTING = 200  # markdown-it stops parsing (and drops the rest) past this depth
_FRONT_TITLE = re.compile(r"^title:[ \t]*(?P<title>.+?)[ \t]*$", re.M)
_INLINE_TOGGLES = {
    "em": Inline.EMPHASIS,
    "strong": Inline.STRONG,
    "s": Inline.STRIKE,
    "link": Inline.LINK,
}


def _markdown_it() -> MarkdownIt:
    options = {"html": True, "maxNesting": MAX_NESTING}
    return MarkdownIt("commonmark", options).enable(["table", "strikethrough"])


def parse_markdown(text: str, name: str) -> Document:
    """Parse Markdown into a Document; `name` titles an article with no title of its own."""
    text = normalize_newlines(text)
    body, front_title = _split_front_matter(text)
    tokens = _markdown_it().parse(body)
    builder = _Builder(text)
    builder.feed(tokens)
    first_h1 = next((h.title for h in builder.headings if h.level == 1), None)
    title = front_title or first_h1 or name
    return Document(text, title, builder.blocks, builder.headings)


def _split_front_matter(text: str) -> tuple[str, str | None]:
    """Blank out YAML front matter (keeping line numbers) and read its title."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text, None
    title_match = _FRONT_TITLE.search(match["body"])
    title = title_match["title"].strip("'\"") if title_match else None
    blanked = "\n" * match.group(0).count("\n")
    return blanked + text[match.end() :], title or None


class _Builder:
    """Walks markdown-it's token stream and collects blocks and headings."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0]
        self.line_starts.extend(m.end() for m in re.finditer("\n", text))
        self.ids = BlockIds(text)
        self.blocks: list[Block] = []
        self.headings: list[Heading] = []
        self.containers: list[Container] = []
        self.ordered: list[bool] = []  # for each open list: is it numbered?

    def feed(self, tokens: Sequence[Token]) -> None:
        index = 0
        while index < len(tokens):
            index = self._token(tokens, index)

    def _token(self, tokens: Sequence[Token], index: int) -> int:
        """Handle the token at `index`; return the index of the next one to handle."""
        token = tokens[index]
        kind = token.type
        if kind == "blockquote_open":
            self.containers.append(Container(ContainerKind.QUOTE))
        elif kind in ("blockquote_close", "list_item_close"):
            self.containers.pop()
        elif kind in ("bullet_list_open", "ordered_list_open"):
            self.ordered.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.ordered.pop()
        elif kind == "list_item_open":
            self.containers.append(Container(ContainerKind.LIST_ITEM, self._marker(token), True))
        elif kind == "heading_open":
            runs = _runs(tokens[index + 1].children or [])
            level = int(token.tag[1])
            self.headings.append(Heading(len(self.blocks), level, _plain(runs)))
            self._add(BlockKind.HEADING, token, runs=runs, level=level)
            return index + 3
        elif kind == "paragraph_open":
            runs = _runs(tokens[index + 1].children or [])
            self._add(BlockKind.PARAGRAPH, token, runs=runs, tight=token.hidden)
            return index + 3
        elif kind in ("fence", "code_block"):
            language = token.info.split()[0] if token.info.strip() else ""
            self._add(BlockKind.CODE, token, literal=token.content.rstrip("\n"), language=language)
        elif kind == "html_block":
            self._add(BlockKind.HTML, token, literal=token.content.rstrip("\n"))
        elif kind == "hr":
            self._add(BlockKind.RULE, token)
        elif kind == "table_open":
            return self._table(tokens, index)
        return index + 1

    def _marker(self, token: Token) -> str:
        """ "•" for bullets; the item's own number and delimiter ("3.", "4)") for ordered lists."""
        if not (self.ordered and self.ordered[-1]):
            return "•"
        return f"{token.info}{token.markup}"

    def _table(self, tokens: Sequence[Token], index: int) -> int:
        opening = tokens[index]
        rows: list[Cells] = []
        row: list[tuple[Run, ...]] = []
        align: list[str] = []
        index += 1
        while tokens[index].type != "table_close":
            token = tokens[index]
            if token.type == "th_open":
                align.append(str(token.attrs.get("style", "")).removeprefix("text-align:"))
            elif token.type == "tr_open":
                row = []
            elif token.type == "tr_close":
                rows.append(tuple(row))
            elif token.type == "inline":
                row.append(_runs(token.children or []))
            index += 1
        self._add(BlockKind.TABLE, opening, rows=tuple(rows), align=tuple(align))
        return index + 1

    def _add(self, kind: BlockKind, token: Token, **fields: object) -> None:
        start, end = self._span(token)
        containers = tuple(self.containers)
        self.blocks.append(
            Block(self.ids(kind, start, end), kind, start, end, containers=containers, **fields)  # type: ignore[arg-type]
        )
        # Only the first block of a list item shows its marker.
        self.containers = [
            Container(c.kind, c.marker, False) if c.first else c for c in self.containers
        ]

    def _span(self, token: Token) -> tuple[int, int]:
        if token.map is None:
            return (0, 0)
        first, last = token.map
        start = self.line_starts[min(first, len(self.line_starts) - 1)]
        end = self.line_starts[last] - 1 if last < len(self.line_starts) else len(self.text)
        return start, max(start, end)


def _runs(children: Sequence[Token]) -> tuple[Run, ...]:
    """Inline tokens to styled runs, merging neighbours that share a style."""
    runs: list[Run] = []
    style = Inline.PLAIN
    href = ""

    def add(text: str, extra: Inline = Inline.PLAIN) -> None:
        if not text:
            return
        run_style = style | extra
        if runs and runs[-1].style == run_style and runs[-1].href == href:
            runs[-1] = Run(runs[-1].text + text, run_style, href)
        else:
            runs.append(Run(text, run_style, href))

    for token in children:
        kind = token.type
        base, _, edge = kind.rpartition("_")
        if base in _INLINE_TOGGLES and edge in ("open", "close"):
            if edge == "open":
                style |= _INLINE_TOGGLES[base]
                if base == "link":
                    href = str(token.attrs.get("href", ""))
            else:
                style &= ~_INLINE_TOGGLES[base]
                if base == "link":
                    href = ""
        elif kind in ("text", "html_inline"):
            add(token.content)
        elif kind == "code_inline":
            add(token.content, Inline.CODE)
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            add("\n")
        elif kind == "image":
            add(f"[image: {token.content or 'untitled'}]", Inline.IMAGE)
    return tuple(runs)


def _plain(runs: tuple[Run, ...]) -> str:
    return "".join(run.text for run in runs)
