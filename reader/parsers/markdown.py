"""Parse Markdown (CommonMark plus tables and strikethrough) with markdown-it-py.

Only markdown-it's block phase runs over the whole article, in chunks cut just
before top-level `#` headings so that no more than one chunk's tokens exist at
a time (`_pieces`). Inline markup is styled per block when the block is first shown
(`Document.styled`); heading titles are styled at once, for the tree.
Raw HTML is kept as literal text, never interpreted. YAML front matter is not
shown; its `title:` becomes the article's title.
"""

from __future__ import annotations

import re
from collections.abc import Callable, MutableMapping, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.document import (
    Block,
    BlockKind,
    Container,
    ContainerKind,
    Document,
    Heading,
    Inline,
    Run,
    normalize_newlines,
)
from reader.parsers.cancelled import ParseCancelled
from reader.parsers.markdown_html import first_word, inline_tag

# Front matter: YAML-looking lines (key: value, indented or "- " continuations,
# comments) between --- lines. A "---" rule at the top of an article is not it.
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\n(?P<body>(?:[A-Za-z_][\w-]*:.*\n)(?:(?:[A-Za-z_][\w-]*:|[ \t]|- |#).*\n)*)"
    r"(?:---|\.\.\.)[ \t]*(?:\n|\Z)"
)
_FRONT_TITLE = re.compile(r"^title:[ \t]*(?P<title>.+?)[ \t]*$", re.M)
MAX_NESTING = 200  # markdown-it stops parsing (and drops the rest) past this depth
CHUNK = 256 * 1024  # characters of Markdown parsed at a time

# Where a chunk may end: a blank line before a `#` heading at the margin (see `_pieces`).
_CUT = re.compile(r"\n[ \t]*\n(?=#{1,6}(?:[ \t\n]|\Z))")

_INLINE_TOGGLES = {
    "em": Inline.EMPHASIS,
    "strong": Inline.STRONG,
    "s": Inline.STRIKE,
    "link": Inline.LINK,
}
# Inline markup with none of these characters (and no hard break) is plain text.
_MARKUP = re.compile(r"[\\`*_\[\]<>&!~]| {2,}\n|\t")

Env = MutableMapping[str, Any]


def _markdown_it() -> MarkdownIt:
    options = {"html": True, "maxNesting": MAX_NESTING}
    return MarkdownIt("commonmark", options).enable(["table", "strikethrough"])


def parse_markdown(text: str, name: str, cancelled: Callable[[], bool] | None = None) -> Document:
    """Parse Markdown into a Document; `name` titles an article with no title of its own.

    `cancelled` is asked between chunks; when it answers True the parse raises
    `ParseCancelled`.
    """
    text = normalize_newlines(text)
    body, front_title = _split_front_matter(text)
    body = body.replace("\0", "\ufffd")  # as markdown-it would; the length is unchanged
    md = _markdown_it()
    env: Env = {}
    style = _InlineStyler(md, env)
    builder = _Builder(text, style)
    first_line, pending = 0, ""
    pieces = _pieces(body, CHUNK)
    for piece, last in zip(pieces, [*pieces[1:], None], strict=True):
        if cancelled is not None and cancelled():
            raise ParseCancelled
        pending += piece
        tokens = md.block.parse(pending, md, env, []) or []
        if last is not None and _open_at_end(tokens, pending):
            continue  # the cut fell inside fenced code or raw HTML: parse it with the next
        builder.feed(tokens, first_line)
        first_line += pending.count("\n")
        pending = ""
    first_h1 = next((h.title for h in builder.headings if h.level == 1), None)
    title = front_title or first_h1 or name
    return Document(text, title, builder.blocks, builder.headings, style)


def _split_front_matter(text: str) -> tuple[str, str | None]:
    """Blank out YAML front matter (keeping line numbers) and read its title."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text, None
    title_match = _FRONT_TITLE.search(match["body"])
    title = _unquote(title_match["title"]) if title_match else None
    blanked = "\n" * match.group(0).count("\n")
    return blanked + text[match.end() :], title or None


def _unquote(value: str) -> str:
    """A YAML scalar's text: quotes taken off, and what they escape read."""
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return re.sub(r"\\(.)", r"\1", value[1:-1])
    return value.strip("'\"")


def _pieces(body: str, size: int) -> list[str]:
    """Cut Markdown about every `size` characters, at a blank line before a `#` heading.

    Such a heading ends any list, quote, table or paragraph open before it, so the
    pieces parse apart as they do together, unless the cut falls in fenced code or
    an HTML block: `_open_at_end` tells, and the piece is parsed with the next.
    """
    pieces = []
    start = 0
    while start + size < len(body):
        cut = _CUT.search(body, start + size)
        if cut is None:
            break
        pieces.append(body[start : cut.end()])
        start = cut.end()
    pieces.append(body[start:])
    return pieces


def _open_at_end(tokens: Sequence[Token], piece: str) -> bool:
    """Whether fenced code or raw HTML at the top level runs to the end of `piece`."""
    lines = piece.count("\n")
    return any(
        token.type in ("fence", "html_block")
        and token.level == 0
        and token.map is not None
        and token.map[1] >= lines
        for token in reversed(tokens[-3:])
    )


class _InlineStyler:
    """Turns a block's inline Markdown into styled runs, with the article's link definitions."""

    def __init__(self, md: MarkdownIt, env: Env) -> None:
        self._md = md
        self._env = env

    def __reduce__(self) -> tuple[Callable[[Env], _InlineStyler], tuple[Env]]:
        """Pickled as its link definitions (a parse in another process sends it)."""
        return _styler, (self._env,)

    def blocks(self, markdown: str) -> list[Token]:
        """Block tokens of a piece of Markdown (the HTML blocks' own, converted)."""
        return self._md.block.parse(markdown, self._md, self._env, []) or [] if markdown else []

    def __call__(self, markup: str) -> tuple[Run, ...]:
        if not _MARKUP.search(markup):  # the common case: nothing to style
            text = " ".join(line.strip(" ") for line in markup.strip(" \n").split("\n"))
            return (Run(text),) if text else ()
        return _runs(self._md.inline.parse(markup, self._md, self._env, []))


def _styler(env: Env) -> _InlineStyler:
    return _InlineStyler(_markdown_it(), env)


class _Builder:
    """Walks markdown-it's block tokens and collects blocks and headings."""

    def __init__(self, text: str, style: _InlineStyler) -> None:
        self.text = text
        self.style = style
        self.line_starts = [0]
        self.line_starts.extend(m.end() for m in re.finditer("\n", text))
        self.blocks: list[Block] = []
        self.headings: list[Heading] = []
        self.containers: tuple[Container, ...] = ()
        self.marker_pending = False  # a list item's first block is still to come
        self.ordered: list[bool] = []  # for each open list: is it numbered?
        self.first_line = 0
        self.embedded: list[int] | None = None  # in an HTML block: where to look, and its end

    def feed(self, tokens: Sequence[Token], first_line: int) -> None:
        """Add the blocks of one chunk, whose first line is `first_line` of the article."""
        self.first_line = first_line
        index = 0
        while index < len(tokens):
            index = self._token(tokens, index)

    def _token(self, tokens: Sequence[Token], index: int) -> int:
        """Handle the token at `index`; return the index of the next one to handle."""
        token = tokens[index]
        kind = token.type
        if kind == "paragraph_open":
            markup = tokens[index + 1].content
            self._add(BlockKind.PARAGRAPH, token, markup=(markup,), tight=token.hidden)
            return index + 3
        if kind == "heading_open":
            markup = tokens[index + 1].content
            level = int(token.tag[1])
            title = "".join(run.text for run in self.style(markup))
            self.headings.append(Heading(len(self.blocks), level, title))
            self._add(BlockKind.HEADING, token, markup=(markup,), level=level)
            return index + 3
        if kind == "list_item_open":
            self._open(Container(ContainerKind.LIST_ITEM, self._marker(token), True))
        elif kind in ("list_item_close", "blockquote_close"):
            self.containers = self.containers[:-1]
        elif kind in ("bullet_list_open", "ordered_list_open"):
            self.ordered.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.ordered.pop()
        elif kind == "blockquote_open":
            self._open(Container(ContainerKind.QUOTE))
        elif kind in ("fence", "code_block"):
            language = token.info.split()[0] if token.info.strip() else ""
            self._add(BlockKind.CODE, token, literal=token.content.rstrip("\n"), language=language)
        elif kind == "html_block":
            self._html(token)
        elif kind == "hr":
            self._add(BlockKind.RULE, token)
        elif kind == "table_open":
            return self._table(tokens, index)
        return index + 1

    def _html(self, token: Token) -> None:
        """An HTML block's blocks, as the Markdown it stands for; each block's span starts
        where its first word is in the HTML."""
        from reader.parsers.html_markdown import html_to_markdown  # lxml: only when needed

        tokens = self.style.blocks(html_to_markdown(token.content))
        if not tokens:
            return
        first, outer = len(self.blocks), self.embedded
        self.embedded = embedded = list(self._span(token)) if outer is None else list(outer)
        index = 0
        while index < len(tokens):
            index = self._token(tokens, index)
        end = embedded[1]
        if outer is not None:  # an HTML block within one: the outer one's place moves on
            outer[0] = embedded[0]
        self.embedded = outer
        for at in range(len(self.blocks) - 1, first - 1, -1):  # each ends where the next starts
            block = self.blocks[at]
            self.blocks[at] = block._replace(end=max(block.start, end))
            end = block.start

    def _open(self, container: Container) -> None:
        self.containers = (*self.containers, container)
        self.marker_pending = self.marker_pending or container.first

    def _marker(self, token: Token) -> str:
        """ "•" for bullets; the item's own number and delimiter ("3.", "4)") for ordered lists."""
        if not (self.ordered and self.ordered[-1]):
            return "•"
        return f"{token.info}{token.markup}"

    def _table(self, tokens: Sequence[Token], index: int) -> int:
        opening = tokens[index]
        cells: list[str] = []
        align: list[str] = []
        index += 1
        while tokens[index].type != "table_close":
            token = tokens[index]
            if token.type == "th_open":
                align.append(str(token.attrs.get("style", "")).removeprefix("text-align:"))
            elif token.type == "inline":
                cells.append(token.content)
            index += 1
        self._add(BlockKind.TABLE, opening, markup=tuple(cells), align=tuple(align))
        return index + 1

    def _add(self, kind: BlockKind, token: Token, **fields: Any) -> None:
        if self.embedded is None:
            start, end = self._span(token)
        else:  # from an HTML block: where its first word is, after the last block's
            word = first_word(fields.get("literal") or "".join(fields.get("markup", ())))
            found = self.text.find(word, *self.embedded) if word else -1
            self.embedded[0] = start = max(found, self.embedded[0])
            end = self.embedded[1]
        self.blocks.append(Block(kind, start, end, containers=self.containers, **fields))
        if self.marker_pending:  # only the first block of a list item shows its marker
            self.containers = tuple(
                Container(c.kind, c.marker, False) if c.first else c for c in self.containers
            )
            self.marker_pending = False

    def _span(self, token: Token) -> tuple[int, int]:
        if token.map is None:
            return (0, 0)
        first, last = token.map
        first += self.first_line
        last += self.first_line
        starts = self.line_starts
        start = starts[min(first, len(starts) - 1)]
        end = starts[last] - 1 if last < len(starts) else len(self.text)
        return start, max(start, end)


def _runs(children: Sequence[Token]) -> tuple[Run, ...]:
    """Inline tokens to styled runs, merging neighbours that share a style (not images)."""
    runs: list[Run] = []
    style = Inline.PLAIN
    href = ""
    hidden = 0  # inline <script>, <style>... open around this token

    def add(text: str, extra: Inline = Inline.PLAIN) -> None:
        if not text:
            return
        run_style = style | extra
        last = runs[-1] if runs else None
        if (
            last is not None
            and last.style == run_style
            and last.href == href
            and Inline.IMAGE not in run_style  # each image is a run of its own
        ):
            runs[-1] = Run(last.text + text, run_style, href)
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
        elif hidden and kind != "html_inline":
            continue  # inside an inline <script> or <style>
        elif kind in ("text", "text_special"):
            add(token.content)
        elif kind == "html_inline":
            tag = inline_tag(token.content)
            if tag.hides:
                hidden = max(0, hidden + (-1 if tag.closing else 1))
            elif tag.text:
                add(tag.text, Inline.IMAGE if tag.image else Inline.PLAIN)
            elif tag.closing:
                style &= ~tag.style
                href = "" if tag.style is Inline.LINK else href
            elif tag.style is not Inline.PLAIN and (tag.href or tag.style is not Inline.LINK):
                style |= tag.style
                href = tag.href or href
        elif kind == "code_inline":
            add(token.content, Inline.CODE)
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            add("\n")
        elif kind == "image":
            add(f"[image: {_plain(token.children or ()) or 'untitled'}]", Inline.IMAGE)
    return tuple(runs)


def _plain(children: Sequence[Token]) -> str:
    """Inline tokens as plain text, as CommonMark reads an image's description for its alt.

    Markup is dropped and its text kept (emphasis, links, nested images); a line
    break inside becomes a space, since an image's label is shown on one line.
    """
    parts = []
    for token in children:
        kind = token.type
        if kind in ("text", "text_special", "code_inline"):
            parts.append(token.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "image":
            parts.append(_plain(token.children or ()))
    return "".join(parts)
