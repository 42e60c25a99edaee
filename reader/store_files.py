"""What the state store trusts: its files, their schema, and what it writes in them.

The data directory must be ours and closed to others; the database and its
`-wal`/`-shm` files must be regular files (never a link, which is not
followed, nor a pipe or device, which could hang). Each check returns what is
wrong, in words for the user, or None. Every connection distrusts the schema
(`PRAGMA trusted_schema = OFF`), and a schema with anything we did not make
in it is not ours. File names that are not UTF-8 are stored as bytes.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import sqlite3
import stat
import tempfile
import time
from contextlib import suppress
from pathlib import Path
from typing import Literal

BUSY_TIMEOUT_MS = 5000
PRIVATE = 0o600
_SURROGATES = re.compile("[\ud800-\udfff]")  # in a str, but never valid UTF-8
_KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


def folder_problem(folder: Path) -> str | None:
    """What forbids writing in the data directory; one open to others is made private (0700)."""
    info = folder.stat()
    if info.st_uid != os.getuid():
        return f"the data directory {folder} belongs to another user"
    if stat.S_IMODE(info.st_mode) & 0o022:
        folder.chmod(0o700)
    return None


def file_problem(database: Path) -> str | None:
    """What forbids opening the database or its WAL files; one open to others is made 0600."""
    for path in (database, *companions(database)):
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(info.st_mode):
            return f"{path} is a symbolic link, which reader does not follow"
        if not stat.S_ISREG(info.st_mode):
            kind = _KINDS.get(stat.S_IFMT(info.st_mode), "something else")
            return f"{path} is {kind}, not a regular file"
        if stat.S_IMODE(info.st_mode) & ~PRIVATE and info.st_uid == os.getuid():
            with suppress(OSError):  # a read-only disk: nobody can change it there either
                path.chmod(PRIVATE)
    return None


def companions(database: Path) -> tuple[Path, Path]:
    return (database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm"))


def create_private(path: Path) -> None:
    """Create an empty database file, 0600 from its first byte, never through a link.

    SQLite gives the `-wal` and `-shm` files it creates the database's mode.
    """
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        os.close(os.open(path, flags, PRIVATE))
    except FileExistsError:  # another reader made it just now
        if not stat.S_ISREG(os.lstat(path).st_mode):
            raise


def connect(
    database: str | Path,
    *,
    uri: bool = False,
    isolation_level: Literal["DEFERRED"] | None = "DEFERRED",
) -> sqlite3.Connection:
    """A connection that never trusts SQL found in the file's schema."""
    connection = sqlite3.connect(
        database, timeout=BUSY_TIMEOUT_MS / 1000, uri=uri, isolation_level=isolation_level
    )
    connection.execute("PRAGMA trusted_schema = OFF")
    return connection


def can_write(path: Path) -> bool:
    """Whether the database and its directory (for the WAL files) can be written."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """Open a database only to read it, even where its WAL index cannot be created."""
    uri = path.resolve().as_uri() + "?mode=ro"  # as_uri escapes "#", "?" and "%"
    connection = connect(uri, uri=True)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as error:
        connection.close()
        if not errorname(error).startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY")):
            raise
        return _snapshot(path)  # a WAL database whose index cannot be made here
    return connection


def _snapshot(path: Path) -> sqlite3.Connection:
    """A copy in memory of a database and its write-ahead log, for a directory we cannot write."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / path.name
        shutil.copyfile(path, copy)
        wal = companions(path)[0]
        if wal.exists():
            shutil.copyfile(wal, companions(copy)[0])
        source = connect(copy)
        memory = connect(":memory:", isolation_level=None)
        try:
            source.backup(memory)
        finally:
            source.close()
    return memory


def errorname(error: sqlite3.Error) -> str:
    return getattr(error, "sqlite_errorname", "") or ""


def reason(error: BaseException) -> str:
    """What went wrong with the saved state, in words for the user."""
    name = getattr(error, "sqlite_errorname", "")
    if name.startswith("SQLITE_FULL"):
        return "the disk is full"
    if name.startswith("SQLITE_READONLY"):
        return "the data directory is read-only"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return "another reader kept the saved state locked"
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return "the saved state was damaged while reader was running"
    return str(error)


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL files) out of the way; return the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    count = 1
    while target.exists():  # never overwrite one kept before
        count += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{count}")
    path.rename(target)
    for companion, moved in zip(companions(path), companions(target), strict=True):
        if companion.exists():
            companion.rename(moved)
    return target


def schema_version(path: Path, migrations: tuple[str, ...]) -> int | None:
    """The file's schema version, or None if it is damaged or not ours.

    Ours holds exactly the tables and indexes `migrations` made for its
    version (SQLite's own `sqlite_` ones aside): no trigger, view or anything
    else. A newer version is only ever read, where nothing in it runs; there
    our names must still be what we made.
    """
    try:
        connection = connect_read_only(path)
        try:
            if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return None
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            found = _objects(connection)
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if errorname(error).startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
            return None
        raise  # not damaged, only out of reach: never moved aside
    if version < 0:
        return None
    if version <= len(migrations):
        return version if found == _schema(migrations, version) else None
    ours = _schema(migrations, len(migrations))
    names = {name for _, name, _ in ours}
    return version if {row for row in found if row[1] in names} <= ours else None


def _objects(connection: sqlite3.Connection) -> frozenset[tuple[str, str, str]]:
    """Everything in a database's schema but SQLite's own tables and indexes."""
    rows = connection.execute(
        "SELECT type, name, tbl_name FROM sqlite_master WHERE NOT"
        " (type IN ('table', 'index') AND name LIKE 'sqlite\\_%' ESCAPE '\\')"
    )
    return frozenset(rows.fetchall())


@functools.cache
def _schema(migrations: tuple[str, ...], version: int) -> frozenset[tuple[str, str, str]]:
    """The tables and indexes `migrations` make up to `version`."""
    connection = connect(":memory:")
    try:
        for step in migrations[:version]:
            connection.executescript(step)
        return _objects(connection)
    finally:
        connection.close()


def storable(text: str) -> str:
    """Text as SQLite can hold it: a lone surrogate (from an undecodable file name) as U+FFFD."""
    return _SURROGATES.sub("\ufffd", text)


def stored_path(path: Path | None) -> str | bytes | None:
    """A path as stored: text when it is valid Unicode (as always), else its bytes (a BLOB)."""
    text = None if path is None else str(path)
    if text is None or not _SURROGATES.search(text):
        return text
    try:
        return os.fsencode(text)
    except UnicodeEncodeError:  # no file has this name: nothing to give back exactly
        return storable(text)


def shown_path(stored: str | bytes | None) -> str | None:
    """A stored path back as Python names the file (`os.fsdecode` for bytes)."""
    return os.fsdecode(stored) if isinstance(stored, bytes) else stored
