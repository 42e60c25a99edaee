"""Parsing the start of an article (Markdown or plain text) in a forked process."""

from __future__ import annotations

import os

from conftest import ROOT

from reader.forked import Forked
from reader.outline import outline
from reader.parsers import parse, preview
from reader.parsers.ahead import ParsedAhead, parse_ahead

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_child_parses_and_styles_the_same_blocks_as_a_parse_here() -> None:
    start = preview(README, "markdown") or README
    ahead = parse_ahead(start, "markdown", "README.md")
    assert ahead is not None
    document = ahead.document()
    here = parse(start, "markdown", "README.md")
    assert document is not None
    assert document.title == here.title
    assert outline(document) == outline(here)
    assert document.blocks == [here.styled(i) for i in range(len(here.blocks))]
    assert all(not block.markup for block in document.blocks)  # nothing left to style


def test_plain_text_is_parsed_ahead_to_the_same_blocks_as_here() -> None:
    bundled = (ROOT / "articles" / "amazon-invests-4b-in-anthropic.txt").read_text("utf-8")
    ahead = parse_ahead(bundled, "plain", "article.txt")
    assert ahead is not None
    document, here = ahead.document(), parse(bundled, "plain", "article.txt")
    assert document is not None
    assert document.title == here.title and outline(document) == outline(here)
    assert document.blocks == [here.styled(i) for i in range(len(here.blocks))]


def test_a_page_or_book_is_not_parsed_ahead_here() -> None:  # (their own child does it)
    assert parse_ahead("<p>Text.</p>", "html", "a.html") is None


def test_a_child_that_sends_nothing_means_parse_here() -> None:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os._exit(1)
    os.close(write_end)
    assert ParsedAhead(Forked(pid, read_end).answer, "# Title\n").document() is None
