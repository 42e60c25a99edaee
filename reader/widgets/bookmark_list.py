"""The bookmarks of the open article: jump, edit a note, delete (with undo).

The list changes nothing stored itself: it asks its `BookmarkEdits` (the
article's `reader.places.Places`), which says what failed in words for the user.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from reader import keys
from reader.records import Bookmark, quote_line
from reader.safe_text import visible_line
from reader.widgets.note_prompt import NotePrompt


class BookmarkEdits(Protocol):
    """What the list may change of the stored bookmarks; each says what failed, if anything."""

    def edit_note(self, bookmark: Bookmark, note: str) -> str | None: ...

    def delete(self, bookmark: Bookmark) -> str | None: ...

    def restore(self, bookmark: Bookmark) -> Bookmark | str: ...


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

    def __init__(self, edits: BookmarkEdits, listed: list[Listed]) -> None:
        super().__init__()
        self._edits = edits
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

        def save(note: str) -> str | None:
            return self._edits.edit_note(item.bookmark, note)

        def saved(note: str | None) -> None:
            if note is None:
                return
            item.bookmark = replace(item.bookmark, note=note)
            self._refill(index)

        first_line = item.bookmark.anchor.exact.strip().split("\n", 1)[0]
        self.app.push_screen(NotePrompt(first_line, item.bookmark.note, save), saved)

    def action_delete(self) -> None:
        current = self._current()
        if current is None:
            return
        index, item = current
        problem = self._edits.delete(item.bookmark)
        if problem is not None:
            self._failed(problem)
            return
        self._deleted.append(self._listed.pop(index))
        self._refill(index)
        self.notify("Bookmark deleted: u undoes.", timeout=3)

    def action_undo(self) -> None:
        if not self._deleted:
            return
        restored = self._edits.restore(self._deleted[-1].bookmark)
        if isinstance(restored, str):
            self._failed(restored)
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
    quote = quote_line(bookmark.anchor.exact)
    text = Text()
    text.append(visible_line(bookmark.section), style="bold")
    if item.block is None:
        text.append("  (orphaned: passage not found)", style="italic")
    text.append(f"\n  “{quote}”", style="dim")
    if bookmark.note:
        text.append(f"\n  {visible_line(bookmark.note)}")
    return text
