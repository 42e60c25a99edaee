"""The Markdown parser against the 652 CommonMark spec examples.

Each example (``samples/commonmark/spec.json``, CommonMark 0.31.2 as bundled with
markdown-it-py) is parsed by the reader and by markdown-it-py itself
(``MarkdownIt("commonmark")``), and two things must agree:

Headings
    Level and text of every heading, in order. markdown-it's side is the plain
    text of the ``inline`` token between ``heading_open`` and ``heading_close``:
    text and code spans as written, a line break as a space, raw inline HTML as
    written (the reader shows it as text), an image as its alt text. The
    reader's side is the title the section tree shows, which must equal the
    heading block's visible text, with each image's label read as its alt
    text (below).

Visible words
    The sequence of whitespace-separated words of the whole example. The
    reader's side is what the pane shows for each block (``display_text`` of the
    styled block, as search sees it), with list markers and quote bars left out
    (markdown-it's HTML has no such text either). markdown-it's side is its
    rendered HTML with the tags stripped and the entities unescaped. To compare
    like with like:

    * an example with raw HTML (blocks and inline) is not compared word for word:
      the reader renders the HTML (its text kept, its tags, comments and scripts
      dropped), so it only must show no word the example does not have;
    * an image counts as its alt text on both sides: markdown-it's alt
      attribute (the plain text of the image's inline children), and the
      reader's ``[image: alt]`` run with the ``[image: `` and ``]`` removed; an
      image with no alt text is shown as ``[image: untitled]``, so an empty alt
      counts as the word ``untitled``;
    * table cell breaks count as whitespace; control characters are compared as
      the reader shows them (``safe_text.visible``).

Words are compared as sequences, so text out of order or in the wrong block
also fails. The reader enables tables and strikethrough besides CommonMark; no
spec example is changed by them, and the reference leaves them off.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from reader.document import Block, BlockKind, Document, Inline, Run
from reader.parsers import parse
from reader.safe_text import visible
from reader.search import CELL_BREAK, display_text

SPEC = Path(__file__).parent / "samples" / "commonmark" / "spec.json"
EXAMPLES: list[dict[str, Any]] = json.loads(SPEC.read_text(encoding="utf-8"))

IMAGE_PREFIX, IMAGE_SUFFIX, NO_ALT = "[image: ", "]", "untitled"
# Tags whose edges do not separate words; every other tag (p, li, pre, br...) does.
_INLINE_TAGS = re.compile(r"</?(?:em|strong|code|a|s|del)(?:\s[^>]*)?>")
_TAG = re.compile(r"<[^>]*>")


def _alt(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    alt = self.renderInlineAsText(tokens[idx].children, options, env)
    return escapeHtml(alt or NO_ALT)


def _as_text(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    return escapeHtml(tokens[idx].content)


def _reference() -> MarkdownIt:
    md = MarkdownIt("commonmark")
    md.add_render_rule("image", _alt)
    md.add_render_rule("html_block", _as_text)
    md.add_render_rule("html_inline", _as_text)
    return md


REFERENCE = _reference()


def _inline_text(children: list[Token]) -> str:
    """markdown-it's inline tokens as plain text (an image as its alt text)."""
    parts = []
    for token in children:
        if token.type in ("text", "text_special", "code_inline", "html_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image":
            parts.append(_inline_text(token.children or []) or NO_ALT)
    return "".join(parts)


def reference_headings(markdown: str) -> list[tuple[int, str]]:
    tokens = REFERENCE.parse(markdown)
    return [
        (int(token.tag[1]), _inline_text(tokens[index + 1].children or []))
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def reference_words(markdown: str) -> list[str]:
    html = _TAG.sub(" ", _INLINE_TAGS.sub("", REFERENCE.render(markdown)))
    return visible(unescape(html)).split()


def _run_text(run: Run) -> str:
    """A run as compared: an image's label stands for its alt text."""
    text = run.text
    if Inline.IMAGE in run.style and text.startswith(IMAGE_PREFIX) and text.endswith(IMAGE_SUFFIX):
        return text[len(IMAGE_PREFIX) : -len(IMAGE_SUFFIX)]
    return text


def _runs_text(runs: tuple[Run, ...]) -> str:
    return "".join(_run_text(run) for run in runs)


def _block_text(block: Block) -> str:
    if block.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH):
        return visible(_runs_text(block.runs))
    if block.kind is BlockKind.TABLE:
        return " ".join(visible(_runs_text(cell)) for row in block.rows for cell in row)
    return display_text(block).replace(CELL_BREAK, " ")


def reader_document(example: dict[str, Any]) -> Document:
    return parse(example["markdown"], "markdown", f"example-{example['example']}.md")


def reader_headings(document: Document) -> list[tuple[int, str]]:
    headings = []
    for heading in document.headings:
        block = document.styled(heading.block, keep=False)
        assert heading.title == "".join(run.text for run in block.runs)
        headings.append((heading.level, _runs_text(block.runs).replace("\n", " ")))
    return headings


def reader_words(document: Document) -> list[str]:
    return [
        word
        for index in range(len(document.blocks))
        for word in _block_text(document.styled(index, keep=False)).split()
    ]


def test_the_spec_is_all_there() -> None:
    assert len(EXAMPLES) == 652
    assert [example["example"] for example in EXAMPLES] == list(range(1, 653))


@pytest.mark.parametrize(
    "example", EXAMPLES, ids=[f"example-{example['example']}" for example in EXAMPLES]
)
def test_headings_and_visible_words_agree_with_markdown_it(example: dict[str, Any]) -> None:
    markdown = example["markdown"]
    document = reader_document(example)
    if has_raw_html(markdown):  # rendered, not shown as written: no word from elsewhere
        shown = {word for text in reader_words(document) for word in re.findall(r"[^\W_]+", text)}
        assert shown <= set(re.findall(r"[^\W_]+", unescape(markdown))) | {NO_ALT, "image"}
        return
    assert reader_headings(document) == reference_headings(markdown)
    assert reader_words(document) == reference_words(markdown)


def has_raw_html(markdown: str) -> bool:
    """Whether markdown-it finds raw HTML in the example (which the reader renders)."""
    tokens = REFERENCE.parse(markdown)
    inline = [child for token in tokens for child in token.children or []]
    return any(token.type in ("html_block", "html_inline") for token in [*tokens, *inline])
