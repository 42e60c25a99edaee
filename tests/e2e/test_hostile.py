"""Hostile articles: nothing from an article or a note reaches the terminal as a control sequence.

The app runs as a user runs it, on a pseudo-terminal, and everything it writes
is kept and searched; the CLI's output is searched the same way.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_corpus import C1_CONTROLS, FORBIDDEN, write_corpus

from reader.anchoring import Anchor
from reader.opening import article
from reader.source import load
from reader.store import Store, fingerprint

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
from terminal import Terminal

pytestmark = pytest.mark.e2e  # a real terminal, or processes of its own

HOSTILE_NOTE = "note \x1b]52;c;cHduZWQ=\x07NOTEMARK \x9b2J"
HOSTILE_SECTION = "section \x1b]0;PWNED\x07SECTIONMARK"
HOSTILE_TITLE = "Hostile \x1b]2;PWNED\x1b\\TITLEMARK article"


def assert_harmless(output: str) -> None:
    """No forbidden sequence and no C1 control anywhere in what was written."""
    for sequence in FORBIDDEN:
        assert sequence not in output, f"{sequence!r} reached the terminal"
    assert not set(output) & set(C1_CONTROLS), "a C1 control reached the terminal"


def bookmark_first_paragraph(path: Path) -> None:
    """A bookmark with a hostile note and section name, as if an earlier session made it."""
    source = article(load(str(path)))
    store = Store.open()
    document = store.document(fingerprint(source.text), source.path, HOSTILE_TITLE)
    start = source.text.index("First paragraph")
    anchor = Anchor.from_span(source.text, start, start + 200)
    store.add_bookmark(document, anchor, HOSTILE_SECTION, HOSTILE_NOTE)
    store.close()


@pytest.mark.parametrize("name", ["hostile.md", "hostile.txt", "hostile.html"])
def test_the_app_shows_hostile_articles_and_notes_as_visible_text(
    tmp_path: Path, name: str
) -> None:
    path = next(p for p in write_corpus(tmp_path) if p.name == name)
    bookmark_first_paragraph(path)
    argv = [sys.executable, "-m", "reader", str(path)]
    with Terminal(argv, dict(os.environ), watch="REDMARK", record=True) as term:
        assert term.wait_watch(30) is not None, term.error("the article was not drawn")
        for key in (b"]", b"]", b"G", b"g", b"b"):  # every section, the end, the bookmarks
            term.settle()
            term.key_to_frame(key, 5)
        term.settle()
        term.key_to_frame(b"\x1b", 5)  # escape closes the list
        term.settle()
        term.quit(b"q", 10)
        assert term.quit_in_time, f"q did not quit; the screen last showed: {term.last_output()}"
        assert term.transcript is not None
        output = term.transcript.decode("utf-8", errors="replace")
    assert_harmless(output)
    assert "␛[31mREDMARK" in output  # shown, as glyphs
    assert "NOTEMARK" in output  # the note was on screen, harmlessly
    assert "[bold red]MARKUPMARK[/]" in output  # markup shown as it is written


@pytest.mark.parametrize("name", ["hostile.md", "hostile.txt", "hostile.html"])
def test_the_cli_prints_hostile_articles_and_notes_harmlessly(tmp_path: Path, name: str) -> None:
    path = next(p for p in write_corpus(tmp_path) if p.name == name)
    bookmark_first_paragraph(path)
    commands = [
        ["toc", str(path)],
        ["bookmarks", str(path)],
        ["bookmarks", str(path), "--format", "markdown"],
        ["bookmarks", "--format", "json"],
        ["recent"],
        *(["export", str(path), "--format", form] for form in ("markdown", "text", "html")),
    ]
    for command in commands:
        result = subprocess.run(
            [sys.executable, "-m", "reader", *command],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        for stream in (result.stdout, result.stderr):
            assert "\x1b" not in stream and "\x07" not in stream and "\x08" not in stream
            assert_harmless(stream)
        assert "MARK" in result.stdout  # the hostile text is there, made visible


HOSTILE_FOLDER = "lib \x1b]0;PWNED\x07FOLDERMARK"
HOSTILE_FILE = "name \x1b]2;PWNED\x1b\\FILEMARK \x9b2J.md"


def test_every_screen_and_notice_shows_hostile_names_and_settings_harmlessly(
    tmp_path: Path,
) -> None:
    """Folder and file names and settings values reach the library, the title, the
    notices, help, the bookmarks, the note prompt, search and the palette: all as
    visible text. q then quits from the library itself."""
    import json

    folder = tmp_path / HOSTILE_FOLDER
    folder.mkdir()
    article = folder / HOSTILE_FILE
    article.write_bytes(b"# Caf\xe9 \x1b]0;PWNED\x07 title\n\nSome words \x1b[31mREDMARK here.\n")
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "reader"
    config.mkdir(parents=True)
    settings = {"library": str(folder), "theme": "\x1b]0;PWNED\x07THEMEMARK"}
    (config / "settings.json").write_text(json.dumps(settings))
    argv = [sys.executable, "-m", "reader", str(article)]
    with Terminal(argv, dict(os.environ), watch="REDMARK", record=True) as term:
        assert term.wait_watch(30) is not None, term.error("the article was not drawn")
        with article.open("ab") as file:  # "changed on disk", naming the file
            file.write(b"\nMore words.\n")
        for keys in (b"?", b"\x1b", b"m", b"a note\x1b]0;PWNED\x07", b"\r", b"b", b"\x1b"):
            term.settle()
            term.key_to_frame(keys, 5)
        for keys in (b"/", b"\x1b]0;PWNED\x07x", b"\x1b", b"\x10", b"caf", b"\x1b"):
            term.settle()
            term.key_to_frame(keys, 5)
        term.settle(quiet=2.5, timeout=5)  # the file watch looks every 2 s
        term.key_to_frame(b"o", 5)  # the library: the folder's heading and the file
        term.settle()
        term.quit(b"q", 10)
        assert term.quit_in_time, f"q did not quit; the screen last showed: {term.last_output()}"
        assert term.transcript is not None
        output = term.transcript.decode("utf-8", errors="replace")
    assert_harmless(output)
    assert "␛]0;PWNED␇FOLDERMARK" in output  # the library's heading, as glyphs
    assert "FILEMARK" in output and "(changed on disk)" in output
    assert "Caf\\xe9" not in output  # the text was decoded, not escaped
