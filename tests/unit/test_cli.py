"""The command line, run as a user runs it."""

from __future__ import annotations

import os
import random
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUNDLED

from reader import __version__, cli
from reader.anchoring import Anchor
from reader.source import MAX_BYTES, Source
from reader.store import DATABASE_NAME, Store, fingerprint


def run(
    *args: str, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )


def run_as_user(*args: str) -> subprocess.CompletedProcess[str]:
    """`run`, without root's power to read any file (where capsh can drop it)."""
    if os.geteuid() != 0:
        return run(*args)
    if shutil.which("capsh") is None:
        pytest.skip("needs capsh to run without root's file-reading privilege")
    command = shlex.join([sys.executable, "-m", "reader", *args])
    return subprocess.run(
        ["capsh", "--drop=cap_dac_override,cap_dac_read_search", "--", "-c", command],
        capture_output=True,
        text=True,
        timeout=60,
    )


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_toc_prints_the_bundled_outline() -> None:
    result = run("toc")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Amazon invests $4B in Anthropic AI startup"
    assert "    2. AI Generalization" in lines
    assert lines[-1] == "  Amazon’s $4 billion investment…  (synthesized)"
    assert run("toc", str(BUNDLED)).stdout == result.stdout


def test_toc_reads_standard_input() -> None:
    result = run("toc", "-", stdin="# Top\n\n## Child\n\ntext\n")
    assert (result.returncode, result.stdout) == (0, "Top\n  Child\n")


def test_help_and_version() -> None:
    help_text = run("--help")
    assert help_text.returncode == 0
    assert "reader toc [PATH]" in help_text.stdout and "next / previous section" in help_text.stdout
    version = run("--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"reader {__version__}")


def _over_the_limit(folder: Path) -> Path:
    huge = folder / "huge.txt"
    with huge.open("wb") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: no disk space used
    return huge


def _mostly_control_bytes(folder: Path) -> Path:
    noise = folder / "noise.txt"
    chance = random.Random(3)
    noise.write_bytes(bytes(chance.randrange(1, 256) for _ in range(20_000)))  # no NUL
    return noise


def _unreadable(folder: Path) -> Path:
    secret = folder / "secret.txt"
    secret.write_text("Private\n\nText.\n")
    secret.chmod(0)
    return secret


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda folder: folder / "no" / "such.md", "no such file"),
        (lambda folder: folder, "is a directory, not an article"),
        (lambda folder: Path("/dev/null"), "not a regular file (a device, FIFO or socket)"),
        (
            lambda folder: _write(folder / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00"),
            "a binary file, not a text article",
        ),
        (_mostly_control_bytes, "a binary file, not a text article"),
        (_over_the_limit, "too large for an article (the limit is 200 MB)"),
        (_unreadable, "permission denied"),
    ],
)
def test_a_file_that_cannot_be_opened_exits_2_with_one_line_and_touches_no_state(
    tmp_path: Path, isolated_dirs: Path, make, message: str
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    path = make(folder)
    store = Store.open()
    text = BUNDLED.read_text(encoding="utf-8")
    document = store.document(fingerprint(text), BUNDLED, "Amazon")
    store.add_bookmark(document, Anchor.from_span(text, 0, 6), "Amazon", "keep me")
    store.close()
    database = isolated_dirs / "xdg_data_home" / "reader" / DATABASE_NAME
    before = database.read_bytes()
    commands = [("toc", str(path)), ("bookmarks", str(path))]
    if not path.is_dir():  # `reader DIR` opens the library on it
        commands.append((str(path),))
    for args in commands:
        result = run_as_user(*args)
        assert result.returncode == 2, args
        (line,) = result.stderr.splitlines()
        assert line.startswith(f"reader: {path}: ") and line.endswith(message)
    assert database.read_bytes() == before
    assert [b.note for b in Store.open().bookmarks()] == ["keep me"]


def test_a_file_named_like_a_subcommand_opens_with_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "toc").write_text("Notes\n\nBody text.\n")
    monkeypatch.chdir(tmp_path)
    opened: list[Source] = []
    monkeypatch.setattr("reader.app.ReaderApp.run", lambda self: opened.append(self.source))
    assert cli.main(["./toc"]) == 0
    assert opened[0].name == "toc" and opened[0].text.startswith("Notes")


def test_stdin_without_a_terminal_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "-"],
        input="Title\n\nBody\n",
        capture_output=True,
        text=True,
        timeout=60,
        start_new_session=True,  # no controlling terminal
    )
    assert result.returncode == 2
    assert "no terminal" in result.stderr


def test_toc_into_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_text("Title\n\n" + "".join(f"Part {n}\n\nBody text.\n\n" for n in range(20000)))
    result = subprocess.run(
        f"{sys.executable} -m reader toc {article} | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout == "Title\n"
    assert result.stderr == ""


def test_closed_stdin_is_a_clear_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "toc", "-"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=lambda: __import__("os").close(0),
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "reader: standard input is closed"


def test_control_characters_in_file_names_are_shown_harmlessly(tmp_path: Path) -> None:
    result = run(str(tmp_path / "no\x1b[7mINVERSE.txt"))
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "␛[7mINVERSE" in result.stderr


def _bookmark_bundled(note: str, passage: str, path: Path | None = None) -> None:
    from reader.anchoring import Anchor
    from reader.source import load
    from reader.store import Store, fingerprint

    source = load(str(path) if path else None)
    store = Store.open()
    document = store.document(
        fingerprint(source.text), source.path, "Amazon invests $4B in Anthropic AI startup"
    )
    start = source.text.index(passage)
    anchor = Anchor.from_span(source.text, start, start + len(passage))
    store.add_bookmark(document, anchor, "The Anthropic Advantage", note)
    store.save_position(document, anchor, 0.25)
    store.close()


PASSAGE = "Anthropic AI is a company known for its cutting-edge research"


def test_bookmarks_as_text_markdown_and_web_annotation_json() -> None:
    import json

    _bookmark_bundled("note with \x1b[31m escape", PASSAGE)
    text = run("bookmarks")
    assert text.returncode == 0
    assert "The Anthropic Advantage" in text.stdout and f"“{PASSAGE}”" in text.stdout
    assert "note: note with ␛[31m escape" in text.stdout and "\x1b" not in text.stdout
    markdown = run("bookmarks", str(BUNDLED), "--format", "markdown").stdout
    assert "## Amazon invests $4B in Anthropic AI startup" in markdown
    assert f"> {PASSAGE}" in markdown and "### The Anthropic Advantage" in markdown
    raw = run("bookmarks", "--format", "json").stdout
    assert "\x1b" not in raw
    (annotation,) = json.loads(raw)
    assert annotation["type"] == "Annotation"
    quote, position = annotation["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == PASSAGE
    assert position["type"] == "TextPositionSelector" and position["end"] - position[
        "start"
    ] == len(PASSAGE)
    assert annotation["body"]["value"] == "note with \x1b[31m escape"


def test_a_bookmark_whose_passage_was_deleted_is_listed_as_orphaned(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
    _bookmark_bundled("keep me", PASSAGE, copy)
    paragraph = next(p for p in copy.read_text(encoding="utf-8").split("\n\n") if PASSAGE in p)
    copy.write_text(copy.read_text(encoding="utf-8").replace(paragraph, ""), encoding="utf-8")
    listed = run("bookmarks", str(copy)).stdout
    assert "[orphaned: passage not found]" in listed
    assert f"“{PASSAGE}”" in listed and "note: keep me" in listed


def test_recent_lists_articles_with_progress() -> None:
    _bookmark_bundled("", PASSAGE)
    result = run("recent")
    assert result.returncode == 0
    assert " 25%" in result.stdout and "Amazon invests $4B in Anthropic AI startup" in result.stdout
