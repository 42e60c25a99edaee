"""The reader App: wires the section tree and the content pane to a document."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Horizontal
from textual.dom import DOMNode
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Tree

from reader import keys
from reader.commands import SectionCommands, SpeedCommands
from reader.document import Document, Section
from reader.line_index import Shape
from reader.loading import first_document
from reader.outline import label
from reader.progress import ReadingProgress
from reader.safe_text import visible_line, visible_path
from reader.session import Reading
from reader.settings import WIDTHS, Settings, load_settings, save_settings
from reader.source import Source
from reader.widgets import ContentView, SectionTree
from reader.widgets.key_bar import KeyBar
from reader.widgets.loader import Loader, OpenRequest
from reader.widgets.search_bar import SearchBar
from reader.widgets.search_panel import SearchPanel
from reader.widgets.status_line import StatusLine
from reader.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from reader.links import FileTarget
    from reader.parsers.ahead import ParsedAhead
    from reader.places import Places
    from reader.store import Bookmark, Store

SAVE_DELAY = 0.5  # seconds of stillness before the place is saved
SAVE_SIGNALS = (signal.SIGTERM, signal.SIGHUP)  # the place is saved before they end it
WIDTH_STEP = 4  # cells the reading column changes by with < and >
TREE_STEP = 4  # cells the tree changes by
HISTORY_LIMIT = 20  # articles backspace can go back to
READ_SCROLL_LIMIT = 2  # screens: scrolling further at once skips sections rather than reads them
WATCH_INTERVAL = 2.0  # seconds between looks at the article's file for changes


class ReaderApp(App[None]):
    """A section tree beside a scrolling article."""

    TITLE = "reader"
    COMMANDS = App.COMMANDS | {SectionCommands, SpeedCommands}
    AUTO_FOCUS = "ContentView"  # the article has the keys from the start
    CSS = """
    #main { height: 1fr; }
    .-tree-hidden #tree { display: none; }
    KeyBar { background: $panel; }
    """

    BINDINGS = keys.app_bindings()  # every key is in reader/keys.py, each with an id

    class Loaded(Message):
        """The whole article is in the tree and the pane: every section can be reached."""

    def __init__(
        self, source: Source, ahead: ParsedAhead | None = None, library: Path | None = None
    ) -> None:
        """`ahead` is the start of the article being parsed by another process, if it is;
        `library`, a folder whose articles the library shows (opened at once)."""
        super().__init__()
        self._ahead = ahead
        self._library = library
        self.store: Store | None = None  # opened after the first frame
        self._frozen = False  # start-up objects are kept out of garbage collection
        self._save_timer: Timer | None = None
        self.unsaved: str | None = None  # why the last save of the place failed, if it did
        self.settings = Settings()
        self._settings_lock = threading.Lock()  # one settings file written at a time
        self._history: list[Source] = []  # articles left (for a link or the library), for back
        self.reading = Reading(source)  # one per article opened

    @property
    def source(self) -> Source:
        return self.reading.source

    @property
    def document(self) -> Document | None:
        return self.reading.document

    @property
    def places(self) -> Places | None:
        return self.reading.places

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="main"):
            yield SectionTree(id="tree")
            yield ContentView(id="content")
        yield StatusLine()
        yield SearchPanel()
        yield Loader()
        yield KeyBar()

    def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, self._save_and_exit)
        loop.add_signal_handler(signal.SIGHUP, self._hang_up)
        self.watch(self.query_one(ContentView), "scroll_y", self._show_status, init=False)
        settings, problem = load_settings()
        self._apply_settings(settings)
        if problem:
            self._warn(problem)
        self.watch(self, "theme", self._theme_chosen, init=False)
        self.set_interval(WATCH_INTERVAL, self._look_at_file)
        parse_rest = self._show_start()
        self.call_after_refresh(self._first_frame_shown, parse_rest=parse_rest)

    def _show_start(self) -> bool:
        """Show the article's start (all of a short one); whether the rest is still to parse."""
        source = self.source
        self.sub_title = visible_line(source.name)
        if source.notice:
            self._warn(source.notice)
        document, whole = first_document(source, self._ahead)
        self._ahead = None
        self._show(document, complete=whole, new=True)
        return not whole

    def _first_frame_shown(self, parse_rest: bool) -> None:
        """Start what the first frame did not need: the store, then the full parse."""
        from reader.store import Store  # SQLite loads here, not before the first frame

        self.store = Store.open()
        if self.store.warning:
            self._warn(self.store.warning)
        self._open_places(parse_rest)
        if self._library is not None:
            self.action_library()

    def _open_places(self, parse_rest: bool) -> None:
        """Find the article's saved state; parse the rest of it, or resume now."""
        from reader.places import Places

        assert self.store is not None
        self.reading.places = Places(self.store, self.source.text, self.source.path)
        if parse_rest:
            self.query_one(Loader).parse(self.reading)
        else:
            self._started()

    def _started(self) -> None:
        """The first frame is up and the whole article is in: collect again, resume the place."""
        if not self._frozen:
            # Start-up and the parse allocate a great deal and leave almost no garbage
            # (see `cli.main`): the collector, off until now, would have paused every
            # thread to scan it all. What exists now lives as long as the first article:
            # keep it out of every later collection. (Only once: an article opened
            # later must be collectable when it is left.)
            self._frozen = True
            gc.freeze()
            gc.enable()
        self._resume()

    def open_article(self, source: Source, *, anchor: str = "") -> None:
        """Leave the article shown (its place saved) and show `source` in its place,
        at the section `anchor` names if there is one."""
        self._save_place()
        self.query_one(Loader).cancel_for_article()
        if self.query_one(SearchPanel).close_search():
            self.query_one(ContentView).focus()
        while len(self.screen_stack) > 1:  # a bookmark list or the like is about the one left
            self.pop_screen()
        self.query_one(StatusLine).show([], "")
        del self._history[:-HISTORY_LIMIT]
        self.reading = Reading(source, anchor)
        parse_rest = self._show_start()
        if self.store is not None:
            self._open_places(parse_rest)

    def _look_at_file(self) -> None:
        for loader in self.query(Loader):  # none once the app is closing
            loader.look(self.reading)

    @on(Loader.FileChanged)
    def _file_changed(self, event: Loader.FileChanged) -> None:
        """Say so when the article's file changes or goes; what was read stays on screen."""
        reading, change = event.reading, event.change
        if reading is not self.reading or change == reading.file_change:
            return
        reading.file_change = change
        name = visible_line(self.source.name)
        if change is None:  # put back as it was
            self.sub_title = name
        elif change == "changed":
            self.sub_title = f"{name} (changed on disk)"
            self._warn(
                f"{name} changed on disk. This is the text as it was when opened; "
                "open it again for the new version (your place and bookmarks follow)."
            )
        else:
            self.sub_title = f"{name} (deleted or moved)"
            self._warn(
                f"{name} was deleted or moved. This is the text as it was when opened; "
                "your place and bookmarks are kept."
            )

    def _warn(self, message: str) -> None:
        self.notify(message, severity="warning", timeout=10)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notice, the screens' too: names, paths and messages in it are untrusted,
        so it is made visible text and never read as markup (`markup` is ignored)."""
        super().notify(
            visible_line(message),
            title=visible_line(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def on_unmount(self) -> None:
        self._save_place()
        loop = asyncio.get_running_loop()
        for signum in SAVE_SIGNALS:
            loop.remove_signal_handler(signum)
        if self.store is not None:
            self.store.close()

    def _save_and_exit(self) -> None:
        """SIGTERM: keep the place, then quit."""
        self._save_place()
        self.exit()

    def _hang_up(self) -> None:
        """SIGHUP, the terminal closed: keep the place and end at once.

        Textual's shutdown writes to the terminal to restore it; with the terminal
        gone (and the SIGCONT a hang-up also sends restarting its output), that
        could block for good, leaving a process with no terminal. Every change to
        the store is already its own committed transaction.
        """
        self._save_place()
        if self.store is not None:
            self.store.close()
        os._exit(128 + signal.SIGHUP)

    @on(Loader.Parsed)
    def _parsed(self, event: Loader.Parsed) -> None:
        if event.reading is self.reading:  # not an article left meanwhile
            self._show(event.document, event.shapes, event.progress, complete=True)

    def _show(
        self,
        document: Document,
        shapes: list[Shape] | None = None,
        progress: ReadingProgress | None = None,
        *,
        complete: bool,
        new: bool = False,
    ) -> None:
        """Show a document: more of the article shown, or (`new`) another article."""
        self.reading.show(document, progress, complete=complete)
        self.title = visible_line(document.title)
        self.query_one(SectionTree).show_document(document)
        content = self.query_one(ContentView)
        content.show_document(document, shapes, partial=not complete, keep_place=not new)
        self.query_one(SearchPanel).show_document(document, new=new)
        if complete:
            self.post_message(self.Loaded())
            if self.places is not None:  # else the first frame is still to come
                self._started()

    def _resume(self) -> None:
        """Look up the stored place, bookmarks and sections read; the place is found in
        the text off the UI thread (`_place_found` goes there)."""
        reading = self.reading
        document, places = reading.document, reading.places
        if not reading.ready_to_restore or document is None or places is None:
            return
        reading.finding = True
        anchor, problem = places.stored_place(document)
        if problem:
            self._warn(problem)
        self._show_bookmarks(document)
        reading.read = places.read_sections(document)
        self.query_one(SectionTree).show_read(reading.read)
        if anchor is None:
            self._place_found(Loader.PlaceFound(reading, None))
        else:
            self.query_one(Loader).find_place(reading, anchor)

    @on(Loader.PlaceFound)
    def _place_found(self, event: Loader.PlaceFound) -> None:
        """Go to the stored place, unless the reader has already moved (or a link named a
        section); from now on the place is saved."""
        reading, block = event.reading, event.block
        if reading is not self.reading or reading.document is None:
            return  # another article was opened meanwhile
        document = reading.document
        reading.restored = True
        content = self.query_one(ContentView)
        if reading.fragment:  # a link named a section: that, not the stored place
            from reader.links import section_for_anchor

            section = section_for_anchor(document, reading.fragment)
            reading.fragment = ""
            if section is not None:
                self.go_to_section(section)
                return
            self.notify("That link's section is not in this article.", timeout=3)
        if block is None or block == 0 or content.scroll_y > 0:
            return
        reading.passage = block  # saved as the place even before the pane has scrolled there
        content.scroll_to_block(block)
        where = label(document.section_of(block))
        self.notify(f"Resumed at {where} (g: start over)", timeout=4)

    def _save_place(self) -> None:
        reading = self.reading
        if not reading.savable or reading.places is None or reading.document is None:
            return
        problem = reading.places.save(reading.document, reading.passage)
        if problem and not self.unsaved:  # say it once, not at every scroll
            self.notify(problem, severity="error", timeout=10)
        elif self.unsaved and not problem:
            self.notify("Your place is being saved again.", timeout=4)
        self.unsaved = problem

    # -- following the reader ----------------------------------------------

    @on(ContentView.PassageChanged)
    def _passage_changed(self, event: ContentView.PassageChanged) -> None:
        content = self.query_one(ContentView)
        if event.block != content.passage:
            return  # the pane has moved on since (to the stored place, say): a newer one follows
        previous = self.reading.moved_to(event.block)
        self.query_one(SearchPanel).passage = event.block
        if (
            not event.jumped
            and 0 <= previous < event.block
            and content.rows_between(previous, event.block)
            <= READ_SCROLL_LIMIT * content.size.height
        ):  # scrolled on, not dragged far down the scrollbar: read
            self._read_through(previous, event.block)
        self._show_status()
        if self.document is not None:
            self.query_one(SectionTree).follow(self.document.section_of(event.block))
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self._save_place)

    def _read_through(self, start: int, end: int) -> None:
        """The reader scrolled from block `start` on to `end`: tick the sections read."""
        reading = self.reading
        if reading.places is None or reading.document is None:
            return
        read = reading.passed(start, end, at_end=self.query_one(ContentView).at_end)
        if not read:
            return
        self.query_one(SectionTree).show_read(reading.read)
        problem = reading.places.mark_read(reading.document, read)
        if problem:
            self._warn(problem)

    def _show_status(self) -> None:
        """The section being read, the percent read and the time left, in the status line."""
        path, progress = self.reading.status(
            at_end=self.query_one(ContentView).at_end,
            words_per_minute=self.settings.words_per_minute,
        )
        if path:
            self.query_one(StatusLine).show(path, progress)

    @on(ContentView.LinkChosen)
    def _follow(self, event: ContentView.LinkChosen) -> None:
        """A section here, another article (back with backspace), or a web page if confirmed."""
        from reader.links import FileTarget, Refused, WebLink, resolve

        if self.document is None:
            return
        target = resolve(event.href, self.document, self.source.path)
        if isinstance(target, Refused):
            self.notify(target.reason, timeout=4)
        elif isinstance(target, WebLink):
            self._open_web(target.url)
        elif isinstance(target, FileTarget):
            self._open_file(target)
        else:
            self.go_to_section(target)

    def _open_file(self, target: FileTarget) -> None:
        """An article file in this one's folder opens at once; any other file after asking."""
        from reader.widgets.choice_screen import ChoiceScreen

        if target.trusted:
            self._open_path(target.path, target.anchor, link=True)
            return

        def answered(choice: str | None) -> None:
            if choice == "open":
                self._open_path(target.path, target.anchor, link=True)

        question = (
            f"Open {visible_path(target.path)}? The link leads outside this article's folder, "
            "or to a file that is not an article."
        )
        answers = [("Open it here", "open"), ("Stay here", "stay")]
        self.push_screen(ChoiceScreen(question, answers), answered)

    def _open_path(
        self, path: Path, fragment: str = "", *, link: bool = False, back: bool = True
    ) -> None:
        """Read an article off the UI thread, then show it in place of this one (kept for
        back unless not `back`); `fragment` names a section to go to."""
        self.query_one(Loader).read(OpenRequest(path, fragment, link, back))

    @on(Loader.ReadFailed)
    def _read_failed(self, event: Loader.ReadFailed) -> None:
        self.notify(event.problem, severity="error")

    @on(Loader.Read)
    def _article_read(self, event: Loader.Read) -> None:
        request = event.request
        if request.back:
            self._history.append(self.source)  # backspace comes back here
        self.open_article(event.source, anchor=request.fragment)
        if request.link:
            self.notify("Backspace goes back.", timeout=3)

    def _open_web(self, url: str) -> None:
        from reader.widgets.choice_screen import ChoiceScreen

        def answered(choice: str | None) -> None:
            if choice == "open":
                self._browse(url)

        question = f"Open {url} in your web browser?"
        answers = [("Open it in the browser", "open"), ("Stay here", "stay")]
        self.push_screen(ChoiceScreen(question, answers), answered)

    @work(thread=True, group="browser")
    def _browse(self, url: str) -> None:
        import webbrowser  # may block while a browser starts

        if not webbrowser.open(url):
            self.call_from_thread(self._warn, f"No web browser could open {url}.")

    def action_go_back(self) -> None:
        """Back to the article left for a link or the library, at the place it was left."""
        if not self._history:
            self.notify("There is no article to go back to.", timeout=2)
            return
        self.open_article(self._history.pop())

    @on(Tree.NodeSelected)
    def _section_chosen(self, event: Tree.NodeSelected[Section]) -> None:
        if event.node.data is not None:
            self.query_one(ContentView).scroll_to_block(event.node.data.first_block)

    # -- actions ------------------------------------------------------------

    def action_next_section(self) -> None:
        passage = self.query_one(ContentView).passage
        section = self.reading.next_section(passage)
        if section is not None:
            self.go_to_section(section)
        elif self.document is not None and self.document.blocks:
            self.notify("This is the last section.", timeout=2)

    def action_previous_section(self) -> None:
        content = self.query_one(ContentView)
        section = self.reading.previous_section(content.passage, content.scrolled_past_start)
        if section is not None:
            self.go_to_section(section)
        elif self.document is not None and self.document.blocks:
            self.notify("This is the first section.", timeout=2)

    def action_bookmark(self) -> None:
        """Bookmark the passage being read, asking for an optional note."""
        document, passage = self._place()
        places = self.places
        if document is None or places is None:
            return
        if not places.writable:
            self._warn("Bookmarks cannot be added: the saved state is open read-only.")
            return
        content = self.query_one(ContentView)
        selection = self.screen.selections.get(content)
        span = content.selected_span(selection) if selection is not None else None
        if span is not None:  # the words selected with the mouse, exactly
            passage = document.block_at_offset(span[0])
            quote = document.text[span[0] : span[1]]
        else:
            quote = document.styled(passage).plain
        quote = quote.split("\n", 1)[0]
        from reader.widgets.note_prompt import NotePrompt  # screens load when first opened

        def save(note: str) -> str | None:
            result = places.bookmark(document, passage, note, span)
            return result if isinstance(result, str) else None

        def saved(note: str | None) -> None:
            self.screen.clear_selection()
            if note is not None and self.document is not None:
                self._show_bookmarks(self.document)  # the whole article may have come in since
                self.notify("Bookmarked.", timeout=2)

        self.push_screen(NotePrompt(quote, save=save), saved)

    def action_bookmarks(self) -> None:
        """List this article's bookmarks (found in the text off the UI thread)."""
        if self.document is not None and self.places is not None:
            self.query_one(Loader).find_bookmarks(self.reading, self._stored_bookmarks(), True)

    def _show_bookmarks(self, document: Document) -> None:
        """Bookmark markers in the gutter and counts in the tree, once found in the text."""
        if self.places is not None:
            self.query_one(Loader).find_bookmarks(self.reading, self._stored_bookmarks(), False)

    def _stored_bookmarks(self) -> list[Bookmark]:
        """This article's bookmarks; none, with a warning, if they cannot be read."""
        from reader.store import StoreError  # loaded with the store, after the first frame

        if self.places is None:
            return []
        try:
            return self.places.stored_bookmarks()
        except StoreError as error:
            self._warn(f"Your bookmarks could not be read: {error}.")
            return []

    @on(Loader.BookmarksFound)
    def _bookmarks_found(self, event: Loader.BookmarksFound) -> None:
        """Mark the bookmarks found; with `listing`, list them (enter jumps to one)."""
        reading, found = event.reading, event.found
        document = reading.document
        if reading is not self.reading or self.places is None or document is None:
            return
        blocks = [block for _, block in found if block is not None]
        content = self.query_one(ContentView)
        content.mark_bookmarks(set(blocks))
        counts = Counter(document.section_of(block) for block in blocks)
        self.query_one(SectionTree).show_bookmark_counts(counts)
        if not event.listing:
            return
        from reader.widgets.bookmark_list import BookmarkList, Listed

        def closed(block: int | None) -> None:
            self._show_bookmarks(document)
            if block is not None:
                content.scroll_to_block(block)

        listed = [Listed(bookmark, block) for bookmark, block in found]
        self.push_screen(BookmarkList(self.places, listed), closed)

    # -- search ------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search bar, or go back to it."""
        self.query_one(SearchPanel).open()

    @on(SearchPanel.MatchesChanged)
    def _matches_changed(self, event: SearchPanel.MatchesChanged) -> None:
        content = self.query_one(ContentView)
        content.show_matches(event.matches, event.current)
        if event.scroll and event.current is not None:
            content.scroll_to_match(event.current)

    @on(SearchBar.Accepted)
    def _search_accepted(self) -> None:
        if self.query_one(SearchPanel).searching:
            self.query_one(ContentView).focus()  # n and N go on from here
        else:
            self.action_close_search()

    @on(SearchBar.Closed)
    def action_close_search(self) -> None:
        if self.query_one(SearchPanel).close_search():
            self.query_one(ContentView).focus()

    def action_next_match(self) -> None:
        self.query_one(SearchPanel).step(1)

    def action_previous_match(self) -> None:
        self.query_one(SearchPanel).step(-1)

    def action_library(self) -> None:
        """Choose another article: recently read, in the library folder, or bundled."""
        from reader.library import Forget, Open, Reattach, apply, gather
        from reader.store import StoreError
        from reader.widgets.library_screen import LibraryScreen

        chosen_folder = self.settings.library
        folder = self._library or (Path(chosen_folder).expanduser() if chosen_folder else None)
        try:
            shelves = gather(self.store, folder)
        except StoreError as error:
            self._warn(f"Recently read articles could not be listed: {error}.")
            shelves = gather(None, folder)

        def chosen(choice: Open | Reattach | Forget | None) -> None:
            shown = False  # the choice is about the article shown (its stored state)
            if isinstance(choice, Reattach | Forget) and self.store is not None:
                places = self.places
                shown = places is not None and (
                    choice.document == places.document_id
                    or (isinstance(choice, Reattach) and choice.path == self.source.path)
                )
                if shown:
                    self.reading.places = None  # joined or deleted: nothing more is saved to it
                self.notify(apply(self.store, choice))
            if not isinstance(choice, Open | Reattach):
                return
            if choice.path != self.source.path:
                self._open_path(choice.path)
            elif shown:  # open it again, on the state it was re-attached to
                self._open_path(choice.path, back=False)

        self.push_screen(LibraryScreen(shelves), chosen)

    def action_help(self) -> None:
        """Every key, by where it works."""
        from reader.widgets.help_screen import HelpScreen, key_help

        self.push_screen(HelpScreen(key_help(self)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette: the reader's own commands first, then Textual's."""
        content: ContentView | None = None  # looked for once a command is the article pane's
        for own in keys.palette_commands():
            owner: DOMNode = self
            if own.area == "article":
                owner = content = content or self.query_one(ContentView)
            yield SystemCommand(own.title, own.help, getattr(owner, f"action_{own.action}"))
        for command in super().get_system_commands(screen):
            if command.title != "Keys":  # ours lists every key
                yield command

    def action_toggle_tree(self) -> None:
        self._change_settings(tree=not self.settings.tree)

    def action_narrower(self) -> None:
        self._change_settings(width=max(min(WIDTHS), self.settings.width - WIDTH_STEP))

    def action_wider(self) -> None:
        self._change_settings(width=min(max(WIDTHS), self.settings.width + WIDTH_STEP))

    def action_reset_width(self) -> None:
        self._change_settings(width=Settings().width)

    def action_wider_tree(self) -> None:
        self._resize_tree(TREE_STEP)

    def action_narrower_tree(self) -> None:
        self._resize_tree(-TREE_STEP)

    def _resize_tree(self, step: int) -> None:
        width = self.settings.tree_width or self.query_one(SectionTree).outer_size.width
        self._change_settings(tree=True, tree_width=min(max(width + step, 12), 60))

    def set_reading_speed(self, words_per_minute: int) -> None:
        self._change_settings(words_per_minute=words_per_minute)
        self._show_status()

    def action_speeds(self) -> None:
        """The palette, showing the reading speeds to choose from."""
        self.action_command_palette()
        self.call_after_refresh(self._type_in_palette, "speed")

    def _type_in_palette(self, text: str) -> None:
        from textual.command import CommandPalette
        from textual.widgets import Input

        if isinstance(self.screen, CommandPalette):
            self.screen.query_one(Input).value = text

    def _theme_chosen(self, theme: str) -> None:
        if theme != self.settings.theme:
            self._change_settings(theme=theme)

    def _change_settings(self, **changes: object) -> None:
        """Apply changed settings now and save them (in a thread: the disk may be slow)."""
        self._apply_settings(replace(self.settings, **changes))  # type: ignore[arg-type]
        self._save_settings()

    def _apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        if settings.theme in self.available_themes and settings.theme != self.theme:
            self.theme = settings.theme
        tree, content = self.query_one(SectionTree), self.query_one(ContentView)
        self.set_class(not settings.tree, "-tree-hidden")  # the CSS hides the tree
        if settings.tree_width:
            tree.styles.width = settings.tree_width
        if not settings.tree and tree.has_focus:
            content.focus()
        content.max_column = settings.width

    @work(thread=True, group="settings")
    def _save_settings(self) -> None:
        with self._settings_lock:  # the latest settings, written last
            problem = save_settings(self.settings)
        if problem:
            self.call_from_thread(self._warn, problem)

    def _place(self) -> tuple[Document | None, int]:
        content = self.query_one(ContentView)
        if self.document is None or not self.document.blocks:
            return None, -1
        return self.document, max(content.passage, 0)

    def go_to_section(self, section: Section) -> None:
        """Put a section's start at the top of the pane."""
        self.query_one(ContentView).scroll_to_block(section.first_block)
