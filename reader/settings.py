"""Settings that outlive a session, in one JSON file in the user config directory.

`settings.json` under `platformdirs.user_config_dir("reader")` (honours
XDG_CONFIG_HOME). Unknown keys are ignored and bad values fall back to the
defaults, so a hand-edited file can never stop reader from starting; a file
that cannot be read at all is reported and left alone.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import platformdirs

FILE_NAME = "settings.json"
WIDTHS = range(30, 201)  # reading column widths allowed, in cells
SPEEDS = range(50, 1001)  # words per minute allowed


@dataclass(frozen=True, slots=True)
class Settings:
    """What the reader chose; the defaults are what a new user gets."""

    theme: str = "textual-dark"
    width: int = 88  # the reading column's greatest width, in cells
    tree: bool = True  # the section tree is shown
    tree_width: int = 0  # cells; 0 lets it take a quarter of the window
    words_per_minute: int = 230
    library: str = ""  # a folder of articles for the library; "" for none


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir("reader")) / FILE_NAME


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings (defaults for anything missing or bad), and a problem to report."""
    path = path or settings_path()
    try:
        data = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return Settings(), f"The settings in {path} could not be read ({reason}); using defaults."
    import json  # only when there is a file: not on every first start

    try:
        raw = json.loads(data)
    except ValueError as error:
        return Settings(), f"The settings in {path} could not be read ({error}); using defaults."
    if not isinstance(raw, dict):
        return Settings(), f"The settings in {path} are not a JSON object; using defaults."
    chosen = {f.name: raw[f.name] for f in fields(Settings) if _valid(f.name, raw.get(f.name))}
    return Settings(**chosen), None


def save_settings(settings: Settings, path: Path | None = None) -> str | None:
    """Write the settings atomically (never a half-written file); a problem to report, if any."""
    import json
    import tempfile

    path = path or settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".settings-", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(asdict(settings), file, indent=2)
                file.write("\n")
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        return f"Settings could not be saved to {path} ({error.strerror or error})."
    return None


def _valid(name: str, value: object) -> bool:
    if name == "theme":
        return isinstance(value, str) and bool(value)
    if name == "library":
        return isinstance(value, str)
    if name == "tree":
        return isinstance(value, bool)
    if isinstance(value, bool) or not isinstance(value, int):
        return False
    if name == "width":
        return value in WIDTHS
    if name == "tree_width":
        return value == 0 or 12 <= value <= 60
    return value in SPEEDS
