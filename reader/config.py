"""The reader's own configuration file: `config.toml` in the user config directory.

It is the reader's to edit, and reader never writes it (what is changed in the
app is kept apart, in `settings.json`, so no comment of the user's is lost):

    [reading]                 # these win over what was last chosen in the app
    theme = "nord"
    width = 80                # the reading column, 30-200
    tree = true
    tree_width = 30           # 0 fits the tree to its titles
    words_per_minute = 250

    [keymap]                  # a key's id (see `reader --help`, or the help screen) = keys
    "reader.next_section" = "n"
    "reader.bookmark" = "m,ctrl+b"

A value that makes no sense is reported in one line naming the key and the
file, and ignored; the rest of the file still applies.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from reader.settings import LARGEST, valid_setting

FILE_NAME = "config.toml"
SETTINGS = ("theme", "width", "tree", "tree_width", "words_per_minute")
_KEY_NAME = re.compile(r"^\S+$")  # "n", "ctrl+b", "?", "right_square_bracket"


@dataclass(frozen=True, slots=True)
class Config:
    """What the file sets: settings by name, and keys by binding id."""

    settings: dict[str, object] = field(default_factory=dict)
    keymap: dict[str, str] = field(default_factory=dict)


def config_path() -> Path:
    return Path(platformdirs.user_config_dir("reader")) / FILE_NAME


def load_config(known_ids: Set[str], path: Path | None = None) -> tuple[Config, list[str]]:
    """The file's settings and keymap (`known_ids`: the binding ids a keymap may name),
    and one line for each problem found; no file is no configuration."""
    import tomllib

    path = path or config_path()
    try:
        if path.stat().st_size > LARGEST:
            return Config(), [f"{path} is too large to be a configuration file; ignored."]
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config(), []
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return Config(), [f"{path} could not be read ({reason}); ignored."]
    problems: list[str] = []
    for name in raw:
        if name not in ("reading", "keymap"):
            problems.append(f"{path}: unknown table or key {name!r} (ignored).")
    settings = _settings(_table(raw, "reading", path, problems), path, problems)
    keymap = _keymap(_table(raw, "keymap", path, problems), known_ids, path, problems)
    return Config(settings, keymap), problems


def _table(raw: dict[str, object], name: str, path: Path, problems: list[str]) -> dict:
    table = raw.get(name, {})
    if isinstance(table, dict):
        return table
    problems.append(f"{path}: {name} should be a table, [{name}] (ignored).")
    return {}


def _settings(table: dict, path: Path, problems: list[str]) -> dict[str, object]:
    chosen: dict[str, object] = {}
    for name, value in table.items():
        if name in SETTINGS and valid_setting(name, value):
            chosen[name] = value
        elif name in SETTINGS:
            problems.append(f"{path}: reading.{name} = {value!r} is not a usable value (ignored).")
        else:
            problems.append(f"{path}: unknown setting reading.{name} (ignored).")
    return chosen


def _keymap(table: dict, known: Set[str], path: Path, problems: list[str]) -> dict[str, str]:
    keymap: dict[str, str] = {}
    for key_id, value in table.items():
        names = value.split(",") if isinstance(value, str) else []
        if key_id not in known:
            problems.append(f"{path}: keymap: no key has the id {key_id!r} (ignored).")
        elif not names or not all(_KEY_NAME.match(name.strip()) for name in names):
            problems.append(f"{path}: keymap.{key_id} = {value!r} is not a list of keys (ignored).")
        else:
            keymap[key_id] = ",".join(name.strip() for name in names)
    return keymap
