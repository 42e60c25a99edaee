"""Reading articles: decoding, kinds and the errors a user sees."""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.source import (
    ArticleError,
    FileWatch,
    bundled_articles_dir,
    decode,
    decode_html,
    load,
    load_path,
    load_stream,
    sniff_kind,
)


def test_the_bundled_article_is_found_and_is_plain_text() -> None:
    source = load(None)
    assert source.kind == "plain"
    assert source.text.startswith("Amazon invests $4B in Anthropic AI startup\n")
    assert "Amazon’s Strategic Investment" in source.text  # curly quotes kept
    assert (bundled_articles_dir() / "amazon-invests-4b-in-anthropic.txt").is_file()


@pytest.mark.parametrize(
    ("name", "kind"),
    [("a.md", "markdown"), ("a.MARKDOWN", "markdown"), ("a.txt", "plain"), ("README", "plain")],
)
def test_kind_follows_the_extension(tmp_path: Path, name: str, kind: str) -> None:
    path = tmp_path / name
    path.write_text("# Hello\n")
    assert load_path(path).kind == kind


def test_newlines_and_byte_order_marks_are_normalised() -> None:
    assert decode(b"\xef\xbb\xbfa\r\nb\rc\n", "x") == ("a\nb\nc\n", None)
    assert decode("héllo\r\n".encode("utf-16"), "x") == ("héllo\n", None)


def test_invalid_utf8_falls_back_with_a_notice() -> None:
    text, notice = decode(b"Caf\xe9 \x93quoted\x94", "old.txt")
    assert text == "Café “quoted”"
    assert notice == "old.txt is not UTF-8; it was read as Windows-1252 (Western European)."


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: p, "is a directory"),
        (lambda p: _write(p / "bin.txt", b"\x7fELF\x00\x01"), "binary file"),
    ],
)
def test_unreadable_articles_raise_a_one_line_error(tmp_path: Path, make, message: str) -> None:
    with pytest.raises(ArticleError, match=message) as error:
        load_path(make(tmp_path))
    assert "\n" not in str(error.value)


def in_a_thread(call: Callable[[], object], unblock: Callable[[], None]) -> BaseException | None:
    """What `call` raised, within five seconds; `unblock` frees it if it hangs (a failure)."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
        except BaseException as error:
            outcome.append(error)
        else:
            outcome.append(None)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(5)
    if thread.is_alive():
        unblock()
        thread.join(5)
        pytest.fail("reading blocked")
    return outcome[0]


def _open_writer(fifo: Path) -> Callable[[], None]:
    return lambda: os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    error = in_a_thread(lambda: load_path(fifo), _open_writer(fifo))
    assert isinstance(error, ArticleError) and "not a regular file" in str(error)


def test_a_file_swapped_for_a_fifo_after_it_was_looked_at_is_refused_without_blocking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regular = _write(tmp_path / "article.txt", b"text")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    looked_at = regular.stat()
    monkeypatch.setattr(Path, "stat", lambda self, **kwargs: looked_at)  # the swap comes after
    error = in_a_thread(lambda: load_path(fifo), _open_writer(fifo))
    assert isinstance(error, ArticleError) and "not a regular file" in str(error)


def test_a_file_that_reports_no_size_is_still_held_to_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    maps = Path("/proc/self/maps")
    assert maps.stat().st_size == 0 and len(maps.read_bytes()) > 100
    monkeypatch.setattr("reader.source.MAX_BYTES", 100)
    with pytest.raises(ArticleError, match=r"/proc/self/maps: more than .* is too large"):
        load_path(maps)


def test_a_file_that_would_block_gives_no_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "kmsg", b"")

    def would_block(descriptor: int, size: int) -> bytes:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr("reader.source.os.read", would_block)
    with pytest.raises(ArticleError, match=r"kmsg: gives no data to read \(not a regular file\)"):
        load_path(path)


def test_permission_denied_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "secret.txt", b"text")

    def refuse(*args: object) -> int:
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patch:
        patch.setattr(os, "open", refuse)
        with pytest.raises(ArticleError, match=r"secret\.txt: permission denied"):
            load_path(path)


def test_a_file_name_that_is_not_utf8_is_shown_escaped_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / os.fsdecode(b"caf\xe9.txt")
    path.write_bytes("Caf\xe9 au lait\n".encode())
    source = load_path(path)
    assert source.text == "Caf\xe9 au lait\n"
    assert source.name == "caf\\xe9.txt"
    assert source.path is not None and source.path.name == os.fsdecode(b"caf\xe9.txt")
    assert load_path(source.path).text == source.text
    assert FileWatch(source).check() is None
    missing = tmp_path / os.fsdecode(b"gone\xff.txt")
    with pytest.raises(ArticleError) as error:
        load_path(missing)
    assert str(error.value) == f"{tmp_path}/gone\\xff.txt: no such file"
    str(error.value).encode("utf-8")  # no lone surrogates: a terminal can print it


def test_stdin_markdown_is_recognised() -> None:
    source = load_stream(io.BytesIO(b"# Title\n\nBody\n"), "stdin")
    assert (source.kind, source.name, source.path) == ("markdown", "stdin", None)
    assert load_stream(io.BytesIO(b"Title\n\nBody\n"), "stdin").kind == "plain"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_utf32_with_a_byte_order_mark_is_decoded() -> None:
    assert decode("naïve\n".encode("utf-32"), "x") == ("naïve\n", None)


def test_bidi_controls_and_separators_are_made_visible() -> None:
    from reader.safe_text import visible, visible_line

    assert visible("a\u202eb\u200fc\u2029d") == "a<U+202E>b<U+200F>c\nd"
    assert visible_line("a\u2028b\tc") == "a b c"


def test_legacy_8_bit_text_with_colour_codes_overstrike_or_ctrl_z_is_text_not_binary() -> None:
    log = "Caf\xe9: \x1b[31mfailed\x1b[0m, d\xe9j\xe0 vu\r\n".encode("cp1252") * 50
    manual = "N\bNA\bAM\bME\bE  r\xe9sum\xe9\n".encode("latin-1") * 50
    dos = "Caf\xe9 cr\xe8me\r\n\x1a".encode("cp1252")
    for data in (log, manual, dos):
        text, notice = decode(data, "old.txt")
        assert notice is not None and "Windows-1252" in notice
        assert "Caf\xe9" in text or "r\xe9sum\xe9" in text
    with pytest.raises(ArticleError, match="binary file"):
        decode(bytes(range(1, 256)) * 40, "noise.bin")


def test_a_web_page_on_standard_input_is_read_as_one_by_its_meta_charset() -> None:
    page = "<!DOCTYPE html><html><head><meta charset='windows-1252'><title>Café</title>"
    page += "</head><body><p>Un café crème, déjà servi.</p></body></html>"
    source = load_stream(io.BytesIO(page.encode("cp1252")), "stdin")
    assert source.kind == "html" and "Un café crème, déjà servi." in source.text
    assert source.notice is None
    assert sniff_kind("plain text that mentions <html> later") == "plain"
    assert sniff_kind("<!-- saved --> <html lang='fr'>") == "html"


def test_a_page_saved_without_a_suffix_is_read_as_a_page(tmp_path: Path) -> None:
    page = tmp_path / "article"
    page.write_text("<!doctype html><html><body><p>Words</p></body></html>")
    assert load_path(page).kind == "html"
    text = tmp_path / "notes.txt"  # a .txt file stays text, whatever it holds
    text.write_text("<html> is how a page starts\n")
    assert load_path(text).kind == "plain"


@pytest.mark.parametrize("charset", ["undefined", "idna", "base64", "rot13", "utf-16"])
def test_a_page_declaring_a_charset_no_page_can_use_is_read_as_any_text(charset: str) -> None:
    page = f"<html><head><meta charset='{charset}'></head><body><p>Café</p></body></html>"
    text, _ = decode_html(page.encode(), "page.html")
    assert "<p>Café</p>" in text
