"""An article moved and then edited is recognised by its text: its place and bookmarks follow."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from conftest import NEWS
from helpers import messages, settle, top_line

from reader.app import ReaderApp
from reader.document import Document
from reader.parsers import parse
from reader.places import Places
from reader.similarity import similarity, sketch
from reader.source import load_path
from reader.store import DATABASE_NAME, MIGRATIONS, SCHEMA_VERSION, Store, fingerprint
from reader.store_documents import ADOPT_AT

TEXT = NEWS.read_text(encoding="utf-8")
TITLE = "Amazon invests $4B in Anthropic AI startup"
PARAGRAPHS = TEXT.split("\n\n")  # 20: the title, headings and paragraphs
# Another article: the opening of Jane Austen's Persuasion (public domain).
OTHER = [
    "Sir Walter Elliot, of Kellynch Hall, in Somersetshire, was a man who, for his own"
    " amusement, never took up any book but the Baronetage; there he found occupation for an"
    " idle hour, and consolation in a distressed one; there his faculties were roused into"
    " admiration and respect, by contemplating the limited remnant of the earliest patents;"
    " there any unwelcome sensations, arising from domestic affairs changed naturally into pity"
    " and contempt as he turned over the almost endless creations of the last century; and"
    " there, if every other leaf were powerless, he could read his own history with an interest"
    " which never failed.",
    "Precisely such had the paragraph originally stood from the printer’s hands; but Sir Walter"
    " had improved it by adding, for the information of himself and his family, these words,"
    " after the date of Mary’s birth, and by inserting most accurately the day of the month on"
    " which he had lost his wife.",
    "Then followed the history and rise of the ancient and respectable family, in the usual"
    " terms; how it had been first settled in Cheshire; how mentioned in Dugdale, serving the"
    " office of high sheriff, representing a borough in three successive parliaments, exertions"
    " of loyalty, and dignity of baronet, in the first year of Charles II, with all the Marys"
    " and Elizabeths they had married; forming altogether two handsome duodecimo pages.",
]


def rewritten(*replaced: tuple[int, str]) -> str:
    paragraphs = list(PARAGRAPHS)
    for index, paragraph in replaced:
        paragraphs[index] = paragraph
    return "\n\n".join(paragraphs)


EDITS = {
    "a line changed": TEXT.replace("a loud public statement", "a clear statement"),
    "a paragraph added": rewritten((3, OTHER[0] + "\n\n" + PARAGRAPHS[3])),
    "10% of paragraphs rewritten": rewritten((6, OTHER[0]), (15, OTHER[2])),  # 2 of 20
}


def document(text: str) -> Document:
    return parse(text, "plain", "article.txt")


def block_of(doc: Document, passage: str) -> int:
    return next(
        i for i, block in enumerate(doc.blocks) if doc.text[block.start :].startswith(passage)
    )


def read(store: Store, text: str, path: Path | None) -> tuple[Places, Document]:
    """Open an article as the app does: it is looked up (and added) in the store."""
    places, doc = Places(store, text, path), document(text)
    places.stored_place(doc)
    return places, doc


@pytest.mark.parametrize("edit", EDITS)
def test_a_moved_and_edited_article_keeps_its_place_and_bookmarks(
    tmp_path: Path, edit: str
) -> None:
    store = Store.open(tmp_path / "state")
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_text(TEXT, encoding="utf-8")
    places, doc = read(store, TEXT, old)
    places.save(doc, block_of(doc, "Implications for the AI Ecosystem"), 0.5)
    places.bookmark(doc, block_of(doc, "Anthropic was founded"), "founding")
    old.rename(new)
    new.write_text(EDITS[edit], encoding="utf-8")
    places, doc = Places(store, EDITS[edit], new), document(EDITS[edit])
    block, message = places.resume(doc)
    assert block == block_of(doc, "Implications for the AI Ecosystem")
    assert message == (
        f"Recognised as “{TITLE}” (last opened as {old}): your place and bookmarks follow."
    )
    ((bookmark, at),) = places.bookmarks(doc)
    assert bookmark.note == "founding" and at == block_of(doc, "Anthropic was founded")
    (entry,) = store.recent()
    assert entry.path == str(new)  # one article, now at its new path
    assert Places(store, EDITS[edit], new).resume(doc)[1] is None  # found by its text now


@pytest.mark.parametrize(
    "text",
    [PARAGRAPHS[0] + "\n\n" + "\n\n".join(OTHER), "\n\n".join(OTHER)],
    ids=["another article by the same title", "another article"],
)
def test_another_article_is_not_taken_for_one_whose_file_is_gone(tmp_path: Path, text: str) -> None:
    store = Store.open(tmp_path / "state")
    places, doc = read(store, TEXT, tmp_path / "gone.txt")  # never there: it is missing
    places.save(doc, 5, 0.5)
    assert Places(store, text, tmp_path / "other.txt").resume(document(text)) == (None, None)
    assert len(store.recent()) == 2
    edited = EDITS["a line changed"]  # while the article itself is recognised
    block, message = Places(store, edited, tmp_path / "b.txt").resume(document(edited))
    assert block == 5 and message is not None and message.startswith("Recognised as")


def test_an_edited_copy_of_an_article_still_there_is_another_article(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "state")
    original = tmp_path / "a.txt"
    original.write_text(TEXT, encoding="utf-8")
    places, doc = read(store, TEXT, original)
    places.save(doc, 5, 0.5)
    edited = EDITS["a line changed"]
    (tmp_path / "copy.txt").write_text(edited, encoding="utf-8")
    copy, copy_doc = Places(store, edited, tmp_path / "copy.txt"), document(edited)
    assert copy.resume(copy_doc) == (None, None)
    assert {entry.path for entry in store.recent()} == {str(original), str(tmp_path / "copy.txt")}
    original.unlink()  # now it is gone: the next edit of it is taken for it
    moved = Places(store, edited + "\nA line added.\n", tmp_path / "b.txt")
    assert moved.resume(document(edited + "\nA line added.\n"))[0] == 5
    assert {entry.path for entry in store.recent()} == {
        str(tmp_path / "b.txt"),
        str(tmp_path / "copy.txt"),
    }


def test_sketches_tell_edits_from_other_articles() -> None:
    original = sketch(TEXT)
    for edited in EDITS.values():
        assert similarity(original, sketch(edited)) >= ADOPT_AT + 0.2
    assert similarity(original, sketch(PARAGRAPHS[0] + "\n\n" + "\n\n".join(OTHER))) < 0.1
    assert similarity(original, original) == 1.0
    assert sketch("") == b"" and similarity(b"", b"") == 0.0


def test_a_sketch_of_megabytes_takes_a_bounded_time() -> None:
    huge = (TEXT + "\n\n") * 1200  # 5 MB: only its first MB is sketched
    started = time.perf_counter()
    sketch(huge)
    assert time.perf_counter() - started < 0.5


def test_a_version_2_database_is_migrated_keeping_its_data(tmp_path: Path) -> None:
    database = tmp_path / DATABASE_NAME
    db = sqlite3.connect(database)
    for step in MIGRATIONS[:2]:
        db.executescript(step)
    db.execute("PRAGMA user_version = 2")
    db.execute(
        "INSERT INTO documents (id, fingerprint, path, title, opened_at, progress)"
        " VALUES (1, ?, '/gone/a.txt', ?, 0, 0.4)",
        (fingerprint(TEXT), TITLE),
    )
    db.execute(
        'INSERT INTO positions (document_id, start, "end", exact, prefix, suffix, block_id,'
        " updated_at) VALUES (1, 0, 6, 'Amazon', '', ' invests', 'p0', 0)"
    )
    db.execute(
        'INSERT INTO bookmarks (document_id, start, "end", exact, prefix, suffix, block_id,'
        " section, note, created_at) VALUES (1, 0, 6, 'Amazon', '', '', 'p', 'T', 'old note', 0)"
    )
    db.execute("INSERT INTO read_sections VALUES (1, '2:0:Section', 0)")
    db.commit()
    db.close()
    store = Store.open(tmp_path)
    assert store.warning is None and store.writable
    assert [b.note for b in store.bookmarks()] == ["old note"]
    position = store.position(1)
    assert position is not None and position.anchor.exact == "Amazon"
    assert store.read_sections(1) == {"2:0:Section"}
    assert store.recent()[0].path == "/gone/a.txt"
    assert store.similar_document(sketch(TEXT), TITLE) is None  # no sketch stored yet
    assert store.document(fingerprint(TEXT), None, TITLE, sketch(TEXT)) == 1
    recognised = store.similar_document(sketch(EDITS["a line changed"]), TITLE)
    assert recognised is not None and recognised.id == 1
    store.close()
    with sqlite3.connect(database) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    assert Store.open(tmp_path).warning is None  # and it is taken for ours again


async def test_the_app_resumes_a_moved_and_edited_article_and_says_which_it_was(
    tmp_path: Path,
) -> None:
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_text(TEXT, encoding="utf-8")
    app = ReaderApp(load_path(old))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for _ in range(3):
            await pilot.press("right_square_bracket")
        await settle(pilot)
        left_at = top_line(app)
        await pilot.press("q")
    old.rename(new)
    new.write_text(EDITS["a line changed"], encoding="utf-8")
    app = ReaderApp(load_path(new))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        assert left_at == "Implications for the AI Ecosystem"
        assert top_line(app) == left_at
        assert any(
            message.startswith(f"Recognised as “{TITLE}” (last opened as {old})")
            for message in messages(app)
        )
