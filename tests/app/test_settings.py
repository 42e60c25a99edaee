"""Settings: kept in a JSON file, applied at start, never able to stop reader starting."""

from __future__ import annotations

import json
import math
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import in_palette, messages, settle, status_line

from reader.app import ReaderApp
from reader.settings import Settings, load_settings, save_settings, settings_path
from reader.source import load
from reader.widgets import ContentView, SectionTree


def test_settings_round_trip_through_the_file(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    chosen = Settings(theme="nord", width=60, tree=False, tree_width=30, words_per_minute=300)
    assert save_settings(chosen, path) is None
    assert load_settings(path) == (chosen, None)
    assert not [p for p in path.parent.iterdir() if p.name != "settings.json"]  # no temp files


def test_a_missing_file_gives_the_defaults_and_bad_values_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert load_settings(path) == (Settings(), None)
    path.write_text(json.dumps({"width": 5, "tree": "no", "theme": "nord", "other": 1}))
    assert load_settings(path) == (Settings(theme="nord"), None)


def test_a_file_that_is_not_json_is_reported_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{ not json")
    settings, problem = load_settings(path)
    assert settings == Settings() and problem is not None and str(path) in problem
    assert path.read_text() == "{ not json"


def test_settings_that_cannot_be_saved_say_so(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    problem = save_settings(Settings(), blocker / "settings.json")
    assert problem is not None and problem.startswith("Settings could not be saved")


LOAD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from pathlib import Path
from reader.settings import load_settings
settings, problem = load_settings(Path(sys.argv[1]))
print(settings == type(settings)())
print(problem)
"""


def load_elsewhere(path: Path) -> tuple[bool, str]:
    """Load settings in a process of its own with 1 GB of memory: (defaults?, the problem)."""
    try:
        result = subprocess.run(
            [sys.executable, "-c", LOAD, str(path)],
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parents[2],
            timeout=20,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("loading the settings hung")
    assert result.returncode == 0, result.stderr
    defaults, problem = result.stdout.splitlines()
    return defaults == "True", problem


def test_a_fifo_for_settings_never_hangs(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    os.mkfifo(path)
    assert load_elsewhere(path) == (
        True,
        f"The settings in {path} could not be read (it is a named pipe, not a regular file);"
        " using defaults.",
    )


def test_settings_linked_to_a_device_are_reported_not_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.symlink_to("/dev/zero")
    assert load_elsewhere(path) == (
        True,
        f"The settings in {path} could not be read (it is a device, not a regular file);"
        " using defaults.",
    )


def test_settings_linked_to_a_regular_file_are_read_through_it(tmp_path: Path) -> None:
    """As dotfiles managers keep them."""
    (tmp_path / "elsewhere.json").write_text(json.dumps({"width": 60}))
    path = tmp_path / "settings.json"
    path.symlink_to(tmp_path / "elsewhere.json")
    assert load_settings(path) == (Settings(width=60), None)


def test_a_settings_file_too_large_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"width": 60}' + " " * 2_000_000)
    settings, problem = load_settings(path)
    assert settings == Settings()
    assert problem == (
        f"The settings in {path} could not be read (it is larger than 1 MB); using defaults."
    )


def test_settings_are_saved_private_and_through_a_link_to_the_file_it_names(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "config"
    folder.mkdir()
    path = folder / "settings.json"
    assert save_settings(Settings(width=60), path) is None
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    elsewhere = dotfiles / "reader.json"
    elsewhere.write_text("{}")
    path.unlink()
    path.symlink_to(elsewhere)
    assert save_settings(Settings(width=70), path) is None
    assert path.is_symlink() and json.loads(elsewhere.read_text())["width"] == 70
    assert {p.name for p in folder.iterdir()} == {"settings.json"}
    path.unlink()
    path.symlink_to("/dev/null")
    problem = save_settings(Settings(width=80), path)
    assert problem == (
        f"Settings could not be saved to {path} (it is a device, not a regular file)."
    )
    assert path.is_symlink()


async def test_width_tree_theme_and_speed_survive_a_restart() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        narrower = Settings().width - 8
        await pilot.press("less_than_sign", "less_than_sign", "t")
        app.theme = "nord"  # as the theme picker (ctrl+t) sets it
        app.set_reading_speed(115)
        await settle(pilot)
        assert app.query_one(ContentView).column == narrower
        await app.workers.wait_for_complete()
    assert json.loads(settings_path().read_text())["width"] == narrower
    again = ReaderApp(load(None))
    async with again.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert again.query_one(ContentView).column == narrower
        assert not again.query_one(SectionTree).display
        assert again.theme == "nord"
        minutes = math.ceil(len(again.source.text.split()) / 115)
        assert status_line(again).endswith(f"{minutes} min left")
        await pilot.press("equals_sign")
        await settle(pilot)
        assert again.query_one(ContentView).column == Settings().width
        await pilot.press("t")
        await settle(pilot)
        assert again.query_one(SectionTree).display


async def test_a_damaged_settings_file_is_reported_and_reader_starts() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("\x00\x01 not json")
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        shown = messages(app)
        assert any(m.startswith(f"The settings in {path} could not be read") for m in shown)
        assert app.settings == Settings()


async def test_the_reading_speed_is_chosen_in_the_palette() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await in_palette(pilot, "speed 300")
        assert app.settings.words_per_minute == 300
        minutes = math.ceil(len(app.source.text.split()) / 300)
        assert status_line(app).endswith(f"{minutes} min left")
