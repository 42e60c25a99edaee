"""The bookmarks of the open article: jump, edit a note, delete (with undo)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from reader import keys
from reader.safe_text import visible_line
from reader.store import Bookmark, Store, StoreError
from reader.widgets.note_prompt import NotePrompt


@dataclass(slots=True)
class Listed:
    """A bookmark and the block its passage is in now (None when orphaned)."""

    bookmark: Bookmark
    block: int | None


class BookmarkList(ModalScreen[int | None]):
    """Newest first; dismisses with the block to jump to, or None."""

    AUTO_FOCUS = "*"  # the app's own picks the article pane

    BINDINGS = keys.bindings("bookmarks")

    DEFAULT_CSS = """
    BookmarkList { align: center middle; background: $background 50%; }
    BookmarkList > Vertical {
        width: 90%; max-width: 110; height: 80%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    BookmarkList Label { width: 100%; color: $text-muted; padding: 0 0 1 0; }
    BookmarkList OptionList { height: 1fr; border: none; background: $surface; }
    """

    def __init__(self, store: Store, listed: list[Listed]) -> None:
        super().__init__()
        self._store = store
        self._listed = listed
        self._deleted: list[Listed] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Bookmarks: enter jumps · e edits the note · d deletes · u undoes")
            yield OptionList()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._refill()

    def _refill(self, highlight: int = 0) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        if not self._listed:
            options.add_option(
                Option(Text("No bookmarks yet: press m while reading."), disabled=True)
            )
            return
        options.add_options(Option(_prompt(item)) for item in self._listed)
        options.highlighted = min(highlight, len(self._listed) - 1)

    def _current(self) -> tuple[int, Listed] | None:
        index = self.query_one(OptionList).highlighted
        if index is None or not self._listed:
            return None
        return index, self._listed[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        item = self._listed[event.option_index] if self._listed else None
        if item is None:
            return
        if item.block is None:
            self.notify("That passage is no longer in the article.", timeout=3)
            return
        self.dismiss(item.block)

    def action_edit(self) -> None:
        current = self._current()
        if current is None:
            return
        index, item = current

        def store(note: str) -> str | None:
            try:
                self._store.update_note(item.bookmark.id, note)
            except StoreError as error:
                return f"The note could not be saved: {error}."
            return None

        def saved(note: str | None) -> None:
            if note is None:
                return
            bookmark = item.bookmark
            item.bookmark = Bookmark(
                bookmark.id,
                bookmark.document_id,
                bookmark.anchor,
                bookmark.block_id,
                bookmark.section,
                note,
                bookmark.created_at,
            )
            self._refill(index)

        first_line = item.bookmark.anchor.exact.strip().split("\n", 1)[0]
        self.app.push_screen(NotePrompt(first_line, item.bookmark.note, store), saved)

    def action_delete(self) -> None:
        current = self._current()
        if current is None:
            return
        index, item = current
        try:
            self._store.delete_bookmark(item.bookmark.id)
        except StoreError as error:
            self._failed(f"The bookmark could not be deleted: {error}.")
            return
        self._deleted.append(self._listed.pop(index))
        self._refill(index)
        self.notify("Bookmark deleted: u undoes.", timeout=3)

    def action_undo(self) -> None:
        if not self._deleted:
            return
        try:
            restored = self._store.restore_bookmark(self._deleted[-1].bookmark)
        except StoreError as error:
            self._failed(f"The bookmark could not be restored: {error}.")
            return
        item = self._deleted.pop()
        item.bookmark = restored
        self._listed.append(item)
        self._listed.sort(key=lambda listed: listed.bookmark.created_at, reverse=True)
        self._refill(self._listed.index(item))

    def action_close(self) -> None:
        self.dismiss(None)

    def _failed(self, message: str) -> None:
        self.notify(visible_line(message), severity="error", timeout=10, markup=False)


def _prompt(item: Listed) -> Text:
    """Section, the passage's first line and the note; never read as markup."""
    bookmark = item.bookmark
    quote = visible_line(bookmark.anchor.exact.strip().split("\n", 1)[0])
    text = Text()
    text.append(visible_line(bookmark.section), style="bold")
    if item.block is None:
        text.append("  (orphaned: passage not found)", style="italic")
    text.append(f"\n  “{quote}”", style="dim")
    if bookmark.note:
        text.append(f"\n  {visible_line(bookmark.note)}")
    return text
