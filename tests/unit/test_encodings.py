"""Text that is not UTF-8: the legacy encodings people's files are in, guessed and named."""

from __future__ import annotations

from pathlib import Path

import chardet
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader import source
from reader.document import normalize_newlines
from reader.source import ArticleError, decode, load_path

SAMPLES = Path(__file__).parent / "samples" / "encodings"  # prose, named language.codec.txt
NAMED = {
    "russian.cp1251.txt": "Windows-1251 (Cyrillic)",
    "greek.cp1253.txt": "Windows-1253 (Greek)",
    "japanese.shift_jis.txt": "Shift-JIS (Japanese)",
    "chinese.gbk.txt": "GB18030 (Simplified Chinese)",
    "french.cp1252.txt": "Windows-1252 (Western European)",
    "german.cp1252.txt": "Windows-1252 (Western European)",
}


def original(name: str) -> str:
    """The sample's text, decoded with the codec it was written in."""
    return (SAMPLES / name).read_bytes().decode(name.split(".")[1])


@pytest.mark.parametrize(("name", "encoding"), NAMED.items())
def test_legacy_text_is_decoded_as_written_and_the_notice_names_the_encoding(
    tmp_path: Path, name: str, encoding: str
) -> None:
    path = tmp_path / name
    path.write_bytes((SAMPLES / name).read_bytes())
    source = load_path(path)
    assert source.text == original(name)
    assert source.notice == f"{path} is not UTF-8; it was read as {encoding}."


@pytest.mark.parametrize("name", ["russian.cp1251.txt", "japanese.shift_jis.txt"])
def test_a_megabyte_is_judged_on_a_sample_from_where_utf8_stops(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = "Plain English prose, line after line, before the rest of the file.\n" * 3000
    text = english + (original(name) + "\n\n") * 400
    seen: list[int] = []
    detect = chardet.detect

    def spy(data: bytes, **options: object) -> object:
        seen.append(len(data))
        assert data.startswith(original(name)[:5].encode(name.split(".")[1]))
        return detect(data, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(chardet, "detect", spy)
    data = text.encode(name.split(".")[1])
    assert len(data) > 2**20
    same = decode(data, name)[0] == text  # not in the assert: pytest would diff megabytes
    assert same
    assert seen and max(seen) <= 256 * 1024


def test_utf8_with_a_few_stray_bytes_stays_utf8() -> None:
    text = original("french.cp1252.txt")
    one, two, three = text[:500], text[500:1500], text[1500:]
    data = one.encode() + b"\x93" + two.encode() + b"\xff" + three.encode()
    decoded, notice = decode(data, "mixed.txt")
    assert decoded == f"{one}\ufffd{two}\ufffd{three}"
    assert notice == "mixed.txt has bytes that are not valid UTF-8; they are shown as \ufffd."


@pytest.mark.parametrize(
    ("name", "stray", "expected"),
    [
        ("french.cp1252.txt", b"\x81", "\ufffd"),  # undefined in Windows-1252
        ("french.cp1252.txt", b"\x01\x7f", "\x01\x7f"),
        ("russian.cp1251.txt", b"\x01\x02\x03", "\x01\x02\x03"),
        ("chinese.gbk.txt", b"\x07", "\x07"),
    ],
)
def test_legacy_text_with_a_few_stray_bytes_still_opens(
    name: str, stray: bytes, expected: str
) -> None:
    data = (SAMPLES / name).read_bytes()
    at = data.index(b"\n", 1000)
    text = original(name)
    decoded, notice = decode(data[:at] + stray + data[at:], name)
    cut = len(data[:at].decode(name.split(".")[1]))
    assert decoded == text[:cut] + expected + text[cut:]
    assert notice is not None and NAMED[name] in notice


def test_a_line_with_an_accent_or_two_is_read_as_windows_1252() -> None:
    for line in ("Café crème brûlée à la carte.", "Größe: 3 Stück für 5 €.", "Straße"):
        text, notice = decode(line.encode("cp1252"), "short.txt")
        assert text == line
        assert notice == "short.txt is not UTF-8; it was read as Windows-1252 (Western European)."


def test_random_bytes_are_still_binary_in_any_encoding() -> None:
    noise = bytes((n * 7919 + 13) % 255 + 1 for n in range(40_000))  # no NUL, all other bytes
    with pytest.raises(ArticleError, match="a binary file, not a text article"):
        decode(noise, "noise")


@settings(max_examples=2000)
@example(text="aaaaaa\r\r\n")  # a piece ends with the CR before a CRLF
@given(text=st.text(alphabet=st.sampled_from(["a", "\r", "\n", "é", "😀", "\ufeff"]), max_size=60))
def test_utf8_normalized_a_piece_at_a_time_is_the_text_normalized_at_once(text: str) -> None:
    # Pieces of 7 bytes fall between CR and LF in every way.
    data = text.encode("utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(source, "DECODE_PIECE", 7)
        decoded, notice = decode(data, "a.txt")
    assert decoded == normalize_newlines(data.decode("utf-8-sig")) and notice is None
