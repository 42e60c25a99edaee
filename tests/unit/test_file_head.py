"""A large text file opens from its start; the rest is read after the first frame."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader import file_head
from reader.file_head import load_start, read_whole
from reader.opening import start_of
from reader.parsers import PREVIEW_CHARS
from reader.source import ArticleError, load_path


@pytest.fixture(autouse=True)
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files of 4 KB and more open from their first 1 KB (not 2 MB and 256 KB)."""
    monkeypatch.setattr(file_head, "HEAD_FROM", 4096)
    monkeypatch.setattr(file_head, "HEAD_BYTES", 1024)


def paragraphs(count: int) -> str:
    return "".join(f"Paragraph {n} says “something” about café culture.\n\n" for n in range(count))


def test_a_large_utf8_file_opens_from_its_start_in_whole_lines(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Title\r\n\r\n" + paragraphs(400).replace("\n", "\r\n"), encoding="utf-8")
    source = load_start(path)
    assert source.head_only and source.kind == "plain"
    assert source.text.endswith("\n") and "\r" not in source.text
    whole = load_path(path)
    assert whole.text.startswith(source.text)
    assert len(source.text.encode()) <= 1024 < len(whole.text)
    assert source.version == whole.version


def test_the_whole_is_read_with_the_name_shown(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_text("# Title\n\n" + paragraphs(400), encoding="utf-8")
    source = load_start(path)
    whole = read_whole(source)
    assert not whole.head_only and whole.kind == "markdown" and whole.name == source.name
    assert whole.text == load_path(path).text


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("small.txt", b"A small file.\n"),
        ("legacy.txt", ("Caf\xe9 au lait.\n\n" * 600).encode("cp1252")),
        ("saved-page", b"<!DOCTYPE html><html><body>" + b"<p>Text.</p>\n" * 600),
        ("page.html", b"<p>Text.</p>\n" * 600),
        ("utf16.txt", ("Text.\n\n" * 1000).encode("utf-16")),
    ],
    ids=["small", "cp1252", "page-without-suffix", "html", "utf-16"],
)
def test_what_its_start_cannot_vouch_for_is_read_whole(
    tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    source = load_start(path)
    assert not source.head_only
    assert source == load_path(path)


def test_a_binary_file_is_refused_as_before(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(b"text\n" * 10 + b"\x00\x01\x02" * 3000)
    with pytest.raises(ArticleError, match="a binary file"):
        load_start(path)


def test_a_file_gone_before_the_rest_is_read_says_so(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(paragraphs(400), encoding="utf-8")
    source = load_start(path)
    path.unlink()
    with pytest.raises(ArticleError, match="no such file"):
        read_whole(source)


def test_the_start_shown_of_a_part_with_no_blank_line_is_cut_at_a_line(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    path.write_text("".join(f"line {n} of a log\n" for n in range(5000)), encoding="utf-8")
    source = load_start(path)
    start = start_of(source)
    assert start is not None and start.endswith("of a log\n")
    assert len(start) <= PREVIEW_CHARS


@given(st.text(min_size=1, max_size=40).filter(lambda t: "\x00" not in t), st.integers(0, 3))
def test_a_character_cut_by_the_end_of_the_start_is_left_out(word: str, shift: int) -> None:
    """Whatever the text, the start read is the whole file's text up to a line end."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.txt"
        line = ("x" * shift) + word.replace("\r", "") + "\n"
        path.write_text(line * (5000 // len(line.encode()) + 2), encoding="utf-8")
        source = load_start(path)
        if source.head_only:
            assert load_path(path).text.startswith(source.text)
            assert source.text.endswith("\n")
