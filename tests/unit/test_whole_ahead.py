"""A large file parsed whole in a forked child: the same document as a parse here, or
none at all (then the loader parses it itself)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from reader import file_head
from reader.file_head import load_start, read_whole
from reader.forked import Stream, fork_stream
from reader.line_index import block_shapes
from reader.outline import outline
from reader.parsers import ParseCancelled, parse
from reader.parsers import whole_ahead as module
from reader.parsers.whole_ahead import parse_whole_ahead
from reader.progress import ReadingProgress
from reader.search import SearchIndex, compile_query
from reader.similarity import sketch
from reader.store import fingerprint

MARKDOWN = (
    "# A Manual\n\n"
    + "".join(
        f"## Part {n} 🚀\n\nSee [the notes][notes] and *café* {n}, "
        + "“quoted” text. " * 30
        + f"\n\n```python\nprint({n})\n```\n\n- one\n- two\n\n> a quote\n\n"
        for n in range(1, 400)
    )
    + "[notes]: https://example.org/notes\n"
)
PLAIN = "A LONG FILE\n\n" + "".join(
    f"Chapter {n}\n\n" + "The text goes on for a while, über alles. " * 40 + "\n\n"
    for n in range(1, 400)
)


@pytest.fixture(autouse=True)
def small_heads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files of 8 KB and more open from their first 2 KB here."""
    monkeypatch.setattr(file_head, "HEAD_FROM", 8192)
    monkeypatch.setattr(file_head, "HEAD_BYTES", 2048)


def written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text"), [("manual.md", MARKDOWN), ("long.txt", PLAIN)], ids=["markdown", "plain"]
)
def test_the_child_parses_the_whole_file_as_a_parse_here_does(
    tmp_path: Path, name: str, text: str
) -> None:
    start = load_start(written(tmp_path, name, text))
    ahead = parse_whole_ahead(start)
    assert ahead is not None
    whole = read_whole(start)
    parsed = ahead.collect(whole, lambda: False)
    assert parsed is not None
    document, shapes, progress, identity, text_sketch = parsed
    here = parse(whole.text, whole.kind, whole.name)
    assert document.text == here.text and document.title == here.title
    assert outline(document) == outline(here) and document.blocks == here.blocks
    assert [document.styled(i) for i in range(len(here.blocks))] == [
        here.styled(i) for i in range(len(here.blocks))
    ]  # links defined at the end of the file styled as here
    assert shapes.heights(80) == block_shapes(here.blocks).heights(80)
    assert progress.total == ReadingProgress(here).total
    assert (identity, text_sketch) == (fingerprint(whole.text), sketch(whole.text))


def test_blocks_come_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "BATCH", 7)  # (the child is forked with it)
    start = load_start(written(tmp_path, "long.txt", PLAIN))
    ahead = parse_whole_ahead(start)
    assert ahead is not None
    whole = read_whole(start)
    parsed = ahead.collect(whole, lambda: False)
    assert parsed is not None
    assert parsed[0].blocks == parse(whole.text, "plain", whole.name).blocks


def test_a_file_changed_since_the_child_read_it_is_not_taken(tmp_path: Path) -> None:
    start = load_start(written(tmp_path, "long.txt", PLAIN))
    ahead = parse_whole_ahead(start)
    assert ahead is not None
    whole = read_whole(start)
    assert ahead.collect(replace(whole, version=(0, 0, 0, 0)), lambda: False) is None
    shorter = replace(whole, text=whole.text[:-1])
    assert parse_whole_ahead(start).collect(shorter, lambda: False) is None  # type: ignore[union-attr]


def test_a_child_that_fails_sends_nothing_to_take(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(source: object) -> object:
        raise OSError("gone")

    monkeypatch.setattr(module, "read_whole", unreadable)  # in the child too
    start = load_start(written(tmp_path, "long.txt", PLAIN))
    ahead = parse_whole_ahead(start)
    assert ahead is not None
    assert ahead.collect(read_whole(start), lambda: False) is None


def test_a_collect_cancelled_stops_the_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def forever(source: object) -> object:
        while True:
            pass

    streams: list[Stream] = []

    def kept(*args: Any, **kwargs: Any) -> Stream | None:
        stream = fork_stream(*args, **kwargs)
        streams.append(stream) if stream is not None else None
        return stream

    monkeypatch.setattr(module, "read_whole", forever)
    monkeypatch.setattr(module, "fork_stream", kept)
    start = load_start(written(tmp_path, "long.txt", PLAIN))
    ahead = parse_whole_ahead(start)
    assert ahead is not None
    with pytest.raises(ParseCancelled):
        ahead.collect(read_whole(start), lambda: True)
    with pytest.raises(ChildProcessError):  # killed and reaped: not left running
        os.waitpid(streams[0]._pid, os.WNOHANG)


def test_an_article_read_whole_is_parsed_ahead_from_its_text(tmp_path: Path) -> None:
    whole = read_whole(load_start(written(tmp_path, "long.txt", PLAIN)))
    piped = replace(whole, path=None, version=None)  # (from a pipe: no file to read again)
    ahead = parse_whole_ahead(piped)
    assert ahead is not None
    parsed = ahead.collect(piped, lambda: False)
    assert parsed is not None
    assert parsed.document.blocks == parse(whole.text, "plain", whole.name).blocks


def test_only_markdown_and_plain_text_with_their_text_at_hand_are_parsed_ahead(
    tmp_path: Path,
) -> None:
    start = load_start(written(tmp_path, "long.txt", PLAIN))
    assert parse_whole_ahead(replace(start, path=None)) is None  # its rest cannot be read
    assert parse_whole_ahead(replace(start, kind="html")) is None


def test_the_child_builds_a_markdown_articles_search_index_after_its_parse(
    tmp_path: Path,
) -> None:
    start = load_start(written(tmp_path, "manual.md", MARKDOWN))
    ahead = parse_whole_ahead(start)
    assert ahead is not None
    parsed = ahead.collect(read_whole(start), lambda: False)
    assert parsed is not None
    index = ahead.search_index(parsed.document, lambda: False)
    assert index is not None and index.document is parsed.document
    assert index.parts == SearchIndex(parsed.document).parts
    assert index.find(compile_query("the notes"))  # a link's text, styled as shown


def test_no_index_follows_a_plain_text_parse(tmp_path: Path) -> None:
    start = load_start(written(tmp_path, "long.txt", PLAIN))
    ahead = parse_whole_ahead(start)
    assert ahead is not None
    parsed = ahead.collect(read_whole(start), lambda: False)
    assert parsed is not None and ahead.search_index(parsed.document, lambda: False) is None
