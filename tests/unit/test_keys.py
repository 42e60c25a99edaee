"""The one table of keys (`reader.keys`): every binding, the palette, help and `--help` agree."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys

import pytest
from conftest import ROOT
from helpers import SECTION_ORDER, highlighted, settle

from reader import cli, keys
from reader.app import ReaderApp
from reader.source import load
from reader.widgets import ContentView, SectionTree
from reader.widgets.reading_screen import ReadingScreen

FIELDS = ("key", "action", "description", "show", "key_display", "priority", "tooltip")
OWN = tuple(area.id for area in keys.AREAS)


def owner(area: keys.Area) -> type:
    module, name = area.owner.split(":")
    found: type = getattr(importlib.import_module(module), name)
    return found


def declared(cls: type) -> list:  # type: ignore[type-arg]
    """The bindings the class itself declares (not those it inherits), as Bindings."""
    from textual.binding import Binding

    own = cls.__dict__.get("BINDINGS", [])
    assert all(isinstance(binding, Binding) for binding in own), cls.__name__
    return list(own)


def test_ids_are_unique_and_name_the_area() -> None:
    ids = [key.id for key in keys.KEYS]
    assert len(ids) == len(set(ids))
    area_ids = {area.id for area in keys.AREAS}
    assert len(area_ids) == len(keys.AREAS)
    for key in keys.KEYS:
        assert key.area in area_ids, key.id
        top = key.area in ("app", "reading")  # the keys of the reading screen as a whole
        prefix = "reader." if top else f"reader.{key.area}."
        assert key.id.startswith(prefix) and re.fullmatch(r"[a-z_.]+", key.id), key.id


@pytest.mark.parametrize("area", OWN)
def test_every_binding_of_the_app_and_the_help_screen_has_its_id_from_the_table(
    area: str,
) -> None:
    """`App.set_keymap` reaches only bindings with an id."""
    bindings = declared(owner(keys.area(area)))
    assert bindings == keys.bindings(area)
    assert all(binding.id for binding in bindings)


@pytest.mark.parametrize("area", keys.AREAS, ids=lambda area: area.id)
def test_every_class_declares_exactly_the_keys_of_its_area(area: keys.Area) -> None:
    """Drift: each widget's BINDINGS are its area's keys in the table, and no others."""
    shown = [tuple(getattr(b, field) for field in FIELDS) for b in declared(owner(area))]
    table = [tuple(getattr(b, field) for field in FIELDS) for b in keys.bindings(area.id)]
    assert shown == table
    for binding, expected in zip(declared(owner(area)), keys.bindings(area.id), strict=True):
        assert binding.id in (None, expected.id)  # the id once BINDINGS come from the table


def test_the_keys_described_for_textual_are_textuals() -> None:
    for key in keys.KEYS:
        if not key.textual:
            continue
        if key.action == "command_palette":
            assert key.keys == ReaderApp.COMMAND_PALETTE_BINDING
            continue
        merged = owner(keys.area(key.area))._merged_bindings.key_to_bindings  # type: ignore[attr-defined]
        assert key.action in {binding.action for binding in merged.get(key.keys, [])}, key.id


def help_keys(capsys: pytest.CaptureFixture[str]) -> tuple[str, set[str]]:
    """`reader --help`'s key list, and every key it names."""
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    listed = capsys.readouterr().out.split("\nkeys:\n", 1)[1]
    names: set[str] = set()
    for line in listed.splitlines():
        if line.startswith("  ") and not line.startswith("   "):  # not the text under long keys
            column = re.split(r" {2,}", line.strip())[0]
            names.update(re.split(r" / | or ", column))
    return listed, names


def test_help_lists_every_key_of_the_table_and_no_other(
    capsys: pytest.CaptureFixture[str],
) -> None:
    listed, names = help_keys(capsys)
    expected = set()
    for key in keys.KEYS:
        if keys.area(key.area).cli:
            assert key.cli and key.cli in listed, key.id
            expected.update(keys.key_names(key))
    assert names == expected
    assert {"]", "[", "?", "j", "home", "alt+left", "ctrl+p", "ctrl+c"} <= names
    assert "next / previous section" in listed


def test_the_palette_runs_actions_that_exist_and_names_their_keys() -> None:
    commands = keys.palette_commands()
    assert len({command.title for command in commands}) == len(commands) == len(keys.PALETTE)
    for command, entry in zip(commands, keys.PALETTE, strict=True):
        target = {"app": ReaderApp, "reading": ReadingScreen}.get(command.area, ContentView)
        assert callable(getattr(target, f"action_{command.action}", None)), command.title
        if entry.key is not None:
            assert command.help == f"{entry.help} ({keys.key_names(keys.key(entry.key))[0]})"
    assert commands[0].title == "Keys" and commands[0].help.endswith("(?)")


def test_reader_keys_and_the_command_line_help_do_not_load_textual() -> None:
    script = (
        "import sys, reader.keys, reader.cli\n"
        "try:\n"
        "    reader.cli.main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = [name for name in sys.modules if name.split('.')[0] in ('textual', 'rich')]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "next / previous section" in result.stdout


async def test_the_help_screen_shows_the_tables_areas_and_the_palettes_key() -> None:
    from reader.widgets.help_screen import key_help

    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        described = key_help(app)
        assert [area for area, _ in described] == [area.title for area in keys.help_areas()]
        palette = keys.key("reader.command_palette")
        assert ("^p", palette.tooltip) in described[0][1]
        # The reading screen's own keys only: a Screen's tab and copy are Textual's, once.
        reading = dict(described)["Sections, search and bookmarks"]
        assert [text for _, text in reading] == [
            k.tooltip or k.description for k in keys.keys_of("reading")
        ]


async def test_the_help_screen_lists_no_key_that_means_nothing_here() -> None:
    from reader.widgets.help_screen import key_help

    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        texts = {text for _, listed in key_help(app) for _, text in listed}
        for meaningless in ("Scroll Left", "Scroll Right", "Page Left", "Page Right"):
            assert meaningless not in texts  # nothing scrolls sideways
        for area in ("In the bookmarks list", "In the note prompt"):
            listed = {text for _, text in dict(key_help(app))[area]}
            assert not listed & {"Focus Next", "Focus Previous", "Copy selected text"}


async def test_a_keymap_moves_a_key_by_its_id() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.set_keymap({"reader.next_section": "x"})
        await pilot.press("right_square_bracket")  # no longer bound
        await settle(pilot)
        assert highlighted(app) == SECTION_ORDER[0]
        await pilot.press("x")
        await settle(pilot)
        assert highlighted(app) == SECTION_ORDER[1]
        assert app.query_one(SectionTree).display
