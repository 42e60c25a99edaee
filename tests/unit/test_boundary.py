"""One persistence boundary (issue 12): an article's state changes only through `Places`.

Screens are handed what they may change (the bookmark list gets `BookmarkEdits`,
which `Places` is), never the `Store`; failures come back as messages for the user.
"""

from __future__ import annotations

import ast
import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from helpers import messages, settle
from textual.app import App
from textual.widgets import Input, OptionList

from reader.anchoring import Anchor
from reader.document import Document
from reader.parsers import parse
from reader.places import Places
from reader.records import Bookmark
from reader.store import Store, fingerprint
from reader.widgets.bookmark_list import BookmarkEdits, BookmarkList, Listed

TEXT = "Title\n\nFirst paragraph of the article.\n\nSecond paragraph, with more words.\n"
WIDGETS = sorted((ROOT / "reader" / "widgets").glob("*.py"))


def imported_modules(path: Path) -> set[str]:
    """Every module a source file imports, at any depth in it (TYPE_CHECKING blocks included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("path", WIDGETS, ids=lambda path: path.name)
def test_no_widget_imports_the_store(path: Path) -> None:
    store_modules = {"reader.store", "reader.store_files", "reader.store_documents", "sqlite3"}
    found = imported_modules(path) & store_modules
    assert not found, f"{path.name} imports {found}: take Bookmark from reader.records"


def test_the_bookmark_list_loads_neither_the_store_nor_sqlite() -> None:
    check = (
        "import importlib, json, sys; importlib.import_module('reader.widgets.bookmark_list');"
        " print(json.dumps(sorted(n for n in sys.modules if n.startswith(('reader.store',"
        " 'sqlite3', 'reader.places')))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_the_bookmark_list_is_given_its_edits_not_the_store() -> None:
    parameters = inspect.signature(BookmarkList.__init__).parameters
    assert [p.annotation for p in parameters.values()][1:] == ["BookmarkEdits", "list[Listed]"]
    assert "Store" not in inspect.getsource(BookmarkList)


def document(text: str = TEXT) -> Document:
    return parse(text, "plain", "article.txt")


def opened(store: Store) -> tuple[Places, Document]:
    places, doc = Places(store, TEXT, None), document()
    places.stored_place(doc)
    return places, doc


def test_places_is_what_the_bookmark_list_edits_with(tmp_path: Path) -> None:
    places, doc = opened(Store.open(tmp_path))
    edits: BookmarkEdits = places  # mypy checks the protocol here
    bookmark = places.bookmark(doc, 1, "first")
    assert isinstance(bookmark, Bookmark)
    assert edits.edit_note(bookmark, "edited") is None
    assert [b.note for b in places.stored_bookmarks()] == ["edited"]
    assert edits.delete(bookmark) is None
    assert places.stored_bookmarks() == []
    restored = edits.restore(bookmark)
    assert isinstance(restored, Bookmark) and restored.id == bookmark.id
    assert [(b.id, b.created_at) for b in places.stored_bookmarks()] == [
        (bookmark.id, bookmark.created_at)
    ]


def test_places_says_what_could_not_be_changed(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    places, doc = opened(store)
    bookmark = places.bookmark(doc, 1, "kept")
    assert isinstance(bookmark, Bookmark)
    store.writable = False  # as when the saved state is open read-only
    assert not places.writable
    read_only = "the saved state is open read-only."
    assert places.edit_note(bookmark, "lost") == f"The note could not be saved: {read_only}"
    assert places.delete(bookmark) == f"The bookmark could not be deleted: {read_only}"
    assert places.restore(bookmark) == f"The bookmark could not be restored: {read_only}"
    assert [b.note for b in places.stored_bookmarks()] == ["kept"]


def test_saving_a_place_and_a_bookmark_stores_the_passage(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    places, doc = opened(store)
    assert places.save(doc, 2, 0.5) is None
    assert isinstance(places.bookmark(doc, 1, "note"), Bookmark)
    document_id = store.find_document(fingerprint(TEXT), None)
    assert document_id is not None
    position = store.position(document_id)
    assert position is not None and position.anchor.exact.startswith("Second paragraph")


class FakeEdits:
    """Bookmark edits with no store at all: what was asked, and a failure on demand."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int, str]] = []
        self.failing: str | None = None

    def edit_note(self, bookmark: Bookmark, note: str) -> str | None:
        self.calls.append(("edit_note", bookmark.id, note))
        return self.failing

    def delete(self, bookmark: Bookmark) -> str | None:
        self.calls.append(("delete", bookmark.id, ""))
        return self.failing

    def restore(self, bookmark: Bookmark) -> Bookmark | str:
        self.calls.append(("restore", bookmark.id, ""))
        return self.failing or bookmark


def listed(*notes: str) -> list[Listed]:
    """Bookmarks with these notes, newest first."""
    anchor = Anchor.from_span(TEXT, 7, 12)
    count = len(notes)
    return [
        Listed(Bookmark(count - n, 1, anchor, "Title", note, float(count - n)), n)
        for n, note in enumerate(notes)
    ]


class ListOnly(App[None]):
    def __init__(self, edits: BookmarkEdits, items: list[Listed]) -> None:
        super().__init__()
        self.edits, self.items = edits, items

    def on_mount(self) -> None:
        self.push_screen(BookmarkList(self.edits, self.items))


def rows(app: App[None]) -> list[str]:
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_the_bookmark_list_edits_only_through_what_it_is_given() -> None:
    edits = FakeEdits()
    app = ListOnly(edits, listed("newest", "middle", "oldest"))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        field = app.screen.query_one(Input)
        field.value = "renamed"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BookmarkList) and "renamed" in rows(app)[0]
        await pilot.press("d", "d")  # the newest, then the middle one
        await settle(pilot)
        assert len(rows(app)) == 1
        edits.failing = "The bookmark could not be deleted: the disk is full."
        await pilot.press("d")
        await settle(pilot)
        assert len(rows(app)) == 1 and "oldest" in rows(app)[0]  # kept: it is still stored
        assert edits.failing in messages(app)
        edits.failing = None
        await pilot.press("u")  # the most recent delete first
        await settle(pilot)
        assert [row.split("\n")[-1].strip() for row in rows(app)] == ["middle", "oldest"]
    assert edits.calls == [
        ("edit_note", 3, "renamed"),
        ("delete", 3, ""),
        ("delete", 2, ""),
        ("delete", 1, ""),
        ("restore", 2, ""),
    ]
