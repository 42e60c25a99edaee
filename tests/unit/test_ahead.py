"""Parsing the start of a Markdown article in a forked process."""

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


def test_plain_text_is_parsed_here() -> None:
    assert parse_ahead("Title\n\nText.\n", "plain", "a.txt") is None


def test_a_child_that_sends_nothing_means_parse_here() -> None:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os._exit(1)
    os.close(write_end)
    assert ParsedAhead(Forked(pid, read_end).answer, "# Title\n").document() is None
