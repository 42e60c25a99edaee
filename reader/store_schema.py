"""The state store's schema: the SQL that brings a database from each version to the next.

`PRAGMA user_version` is the version; `reader.store_files.schema_version` checks
that a database holds exactly what these made, and nothing else.
"""

from __future__ import annotations

SCHEMA_VERSION = 4

# MIGRATIONS[n] brings a database from version n to n + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        path TEXT,
        title TEXT NOT NULL,
        opened_at REAL NOT NULL,
        progress REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX documents_fingerprint ON documents (fingerprint);
    CREATE INDEX documents_path ON documents (path);
    CREATE TABLE positions (
        document_id INTEGER PRIMARY KEY REFERENCES documents (id),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        block_id TEXT NOT NULL,
        updated_at REAL NOT NULL
    );
    CREATE TABLE bookmarks (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        block_id TEXT NOT NULL,
        section TEXT NOT NULL,
        note TEXT NOT NULL,
        created_at REAL NOT NULL
    );
    CREATE INDEX bookmarks_document ON bookmarks (document_id);
    """,
    """
    CREATE TABLE read_sections (
        document_id INTEGER NOT NULL REFERENCES documents (id),
        section TEXT NOT NULL,
        read_at REAL NOT NULL,
        PRIMARY KEY (document_id, section)
    );
    """,
    "ALTER TABLE documents ADD COLUMN sketch BLOB;",  # `reader.similarity.sketch` of its text
    # 4: the write-only block ids and the place's timestamp go; anchors find passages.
    # The tables are rebuilt rather than altered: DROP COLUMN needs SQLite 3.35.
    """
    CREATE TABLE positions_v4 (
        document_id INTEGER PRIMARY KEY REFERENCES documents (id),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL
    );
    INSERT INTO positions_v4 (document_id, start, "end", exact, prefix, suffix)
        SELECT document_id, start, "end", exact, prefix, suffix FROM positions;
    DROP TABLE positions;
    ALTER TABLE positions_v4 RENAME TO positions;
    CREATE TABLE bookmarks_v4 (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        section TEXT NOT NULL,
        note TEXT NOT NULL,
        created_at REAL NOT NULL
    );
    INSERT INTO bookmarks_v4
        (id, document_id, start, "end", exact, prefix, suffix, section, note, created_at)
        SELECT id, document_id, start, "end", exact, prefix, suffix, section, note, created_at
        FROM bookmarks;
    DROP TABLE bookmarks;
    ALTER TABLE bookmarks_v4 RENAME TO bookmarks;
    CREATE INDEX bookmarks_document ON bookmarks (document_id);
    """,
)
assert len(MIGRATIONS) == SCHEMA_VERSION
