"""config.toml: the user's own file of settings and a keymap, read at start, never written."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import highlighted, messages, settle, wait_until

from reader import keys
from reader.app import ReaderApp
from reader.cli import main
from reader.config import config_path, load_config
from reader.source import load
from reader.widgets import ContentView
from reader.widgets.help_screen import key_help

IDS = {key.id for key in keys.KEYS}


def write_config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


async def test_a_remapped_key_works_and_help_shows_it() -> None:
    write_config('# my keys\n[keymap]\n"reader.next_section" = "x"\n')
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await wait_until(
            pilot, lambda: highlighted(app) == "The Anthropic Advantage", "x: the next section"
        )
        reading = dict(key_help(app))["Sections, search and bookmarks"]
        assert ("x", "Next section, at any depth") in reading


async def test_settings_in_the_file_win_and_a_bad_value_is_named_and_ignored() -> None:
    path = write_config("[reading]\nwidth = 70\nwords_per_minute = 'fast'\n")
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        assert app.query_one(ContentView).column == 70
        assert any(
            str(path) in message and "reading.words_per_minute" in message
            for message in messages(app)
        )
    assert path.read_text(encoding="utf-8") == (
        "[reading]\nwidth = 70\nwords_per_minute = 'fast'\n"
    )  # never written by reader


def test_unknown_ids_and_bad_files_are_reported_in_one_line_each(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keymap]\n"reader.nothing" = "x"\n"reader.bookmark" = "ctrl+b,m"\n')
    config, problems = load_config(IDS, path)
    assert config.keymap == {"reader.bookmark": "ctrl+b,m"}
    assert problems == [f"{path}: keymap: no key has the id 'reader.nothing' (ignored)."]
    path.write_text("[keymap\n")
    config, problems = load_config(IDS, path)
    assert config.keymap == {} and len(problems) == 1 and "could not be read" in problems[0]
    assert load_config(IDS, tmp_path / "none.toml") == (type(config)(), [])


def test_reader_config_prints_the_files_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config"]) == 0
    assert capsys.readouterr().out.strip() == str(config_path())
