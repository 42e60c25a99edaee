"""Settings that outlive a session, in one JSON file in the user config directory.

`settings.json` under `platformdirs.user_config_dir("reader")` (honours
XDG_CONFIG_HOME). Unknown keys are ignored and bad values fall back to the
defaults, so a hand-edited file can never stop reader from starting; a file
that cannot be read at all is reported and left alone. Only a regular file of
at most 1 MB is read; a link to one (kept with dotfiles, say) is read and
written through, a link to anything else is reported.
"""

from __future__ import annotations

import os
import stat
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import platformdirs

FILE_NAME = "settings.json"
WIDTHS = range(30, 201)  # reading column widths allowed, in cells
SPEEDS = range(50, 1001)  # words per minute allowed
LARGEST = 1 << 20  # bytes: a settings file is a few hundred
_KINDS = {stat.S_IFDIR: "a directory", stat.S_IFIFO: "a named pipe", stat.S_IFCHR: "a device"}


@dataclass(frozen=True, slots=True)
class Settings:
    """What the reader chose; the defaults are what a new user gets."""

    theme: str = "textual-dark"
    width: int = 88  # the reading column's greatest width, in cells
    tree: bool = True  # the section tree is shown
    tree_width: int = 0  # cells; 0 fits it to its titles (tree_layout.tree_width)
    words_per_minute: int = 230
    library: str = ""  # a folder of articles for the library; "" for none


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir("reader")) / FILE_NAME


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings (defaults for anything missing or bad), and a problem to report."""
    path = path or settings_path()
    try:
        data = _read(path)
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
    names = [f.name for f in fields(Settings)]
    chosen = {name: raw[name] for name in names if valid_setting(name, raw.get(name))}
    return Settings(**chosen), None


def save_settings(settings: Settings, path: Path | None = None) -> str | None:
    """Write the settings atomically (never a half-written file); a problem to report, if any."""
    import json
    import tempfile

    path = path or settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _check(path, missing_ok=True)
        path = path.resolve()  # through a link to a regular file: the file it names
        handle, temporary = tempfile.mkstemp(prefix=".settings-", dir=path.parent)  # 0600
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


def _read(path: Path) -> str:
    """The text of a regular file (or a link to one) of at most `LARGEST` bytes.

    Checked before it is opened (a device is never opened), and again once
    open without blocking (a pipe put there meanwhile cannot hang the start).
    """
    _check(path)
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(handle, "rb") as file:
        _check_kind(os.fstat(handle).st_mode)
        data = file.read(LARGEST + 1)
    if len(data) > LARGEST:
        raise _Refused(f"it is larger than {LARGEST >> 20} MB")
    return data.decode("utf-8")


def _check(path: Path, *, missing_ok: bool = False) -> None:
    """Raise `_Refused` unless `path` is, or links to, a regular file (or, if `missing_ok`,
    nothing)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if missing_ok and not path.is_symlink():
            return
        raise
    _check_kind(mode)


def _check_kind(mode: int) -> None:
    if not stat.S_ISREG(mode):
        kind = _KINDS.get(stat.S_IFMT(mode), "a special file")
        raise _Refused(f"it is {kind}, not a regular file")


class _Refused(OSError):
    """A settings file reader will not open; `strerror` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(0, reason)


def valid_setting(name: str, value: object) -> bool:
    """Whether `value` is one a setting called `name` may take."""
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
