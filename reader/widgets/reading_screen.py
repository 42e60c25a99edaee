"""The reading screen: one article's tree, pane, status and search, wired to its `Reading`.

The App's base screen. It shows an article, restores and saves its place, and routes
search; its parts follow the passage being read (`Following`: the status line, the
tree, sections read), bookmarks (`Bookmarking`), and links and the way back
(`ArticleLinks`). Another article opened (a link, the library, back) replaces the
`Reading`, and with it every piece of state about the one left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Tree

from reader import keys
from reader.document import Document, Section
from reader.line_index import Shapes
from reader.loading import first_document
from reader.opening import placeholder
from reader.outline import label
from reader.progress import ReadingProgress
from reader.safe_text import visible_line
from reader.session import Reading
from reader.settings import Settings
from reader.source import Source
from reader.widgets.article_links import ArticleLinks
from reader.widgets.bookmarking import Bookmarking
from reader.widgets.content import ContentView
from reader.widgets.content_rows import GUTTER
from reader.widgets.following import Following
from reader.widgets.key_bar import KeyBar
from reader.widgets.loader import Loader
from reader.widgets.search_bar import SearchBar
from reader.widgets.search_panel import SearchPanel
from reader.widgets.section_tree import SectionTree
from reader.widgets.status_line import StatusLine
from reader.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from reader.parsers.ahead import ParsedAhead
    from reader.places import Places

WATCH_INTERVAL = 2.0  # seconds between looks at the article's file for changes


class ReadingScreen(Screen[None]):
    """A section tree beside a scrolling article, its status line and search bar."""

    DEFAULT_CSS = """
    #main { height: 1fr; }
    KeyBar { background: $panel; }
    """
    BINDINGS = keys.bindings("reading")

    settings: var[Settings] = var(Settings, init=False)  # the App's, set as they change

    class Loaded(Message):
        """The whole article is in the tree and the pane: every section can be reached."""

    class FirstFrame(Message):
        """The article's start is on screen: `parse_rest` says if more is still to parse."""

        def __init__(self, parse_rest: bool) -> None:
            super().__init__()
            self.parse_rest = parse_rest

    class Started(Message):
        """The first frame is up and the whole article is in; its place is being restored."""

    def __init__(self, source: Source, ahead: ParsedAhead | None = None) -> None:
        """`ahead` is the start of the article being parsed by another process, if it is."""
        super().__init__()
        self._ahead = ahead
        self._whole_ahead = ahead.whole if ahead is not None else None  # its whole parse
        # Once the store is open: an article's saved state (None for a placeholder)
        self._places_for: Callable[[Source], Places | None] | None = None
        self.reading = Reading(source)  # one per article opened
        self.unsaved: str | None = None  # why the last save of the place failed, if it did
        self.links = ArticleLinks(self)
        self.bookmarking = Bookmarking(self)
        self.following = Following(self)

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
        self.watch(self.query_one(ContentView), "scroll_y", self.show_status, init=False)
        self.set_interval(WATCH_INTERVAL, self._look_at_file)
        self._show_settings()
        parse_rest = self.show_start()
        self.call_after_refresh(self.post_message, self.FirstFrame(parse_rest))

    # -- opening an article ------------------------------------------------

    def show_start(self) -> bool:
        """Show the article's start (all of a short one); whether the rest is still to parse."""
        source = self.reading.source
        self.app.sub_title = visible_line(source.name)
        if source.notice:
            self.warn(source.notice)
        document, whole = first_document(source, self._ahead)
        self._ahead = None
        opening = source.opening
        self.reading.shown_at = 0 if opening is None else document.block_at_offset(opening)
        self.show(document, complete=whole, new=True)
        return not whole

    def attach_places(
        self, places_for: Callable[[Source], Places | None], parse_rest: bool
    ) -> None:
        """The store is open (after the first frame): `places_for` gives an article's
        saved state. Find this one's."""
        self._places_for = places_for
        self._open_places(parse_rest)

    def _open_places(self, parse_rest: bool) -> None:
        """Find the article's saved state; parse the rest of it, or resume now. (An article
        read only in part is looked up once its whole text is read.)"""
        assert self._places_for is not None
        reading = self.reading
        ahead, self._whole_ahead = self._whole_ahead, None
        if reading.source.head_only:
            self.query_one(Loader).parse(reading, self._places_for, ahead)
            return
        reading.places = self._places_for(reading.source)
        if parse_rest:
            self.query_one(Loader).parse(reading, ahead=ahead)
            return
        if ahead is not None:
            ahead.cancel()
        self._started()

    def _started(self) -> None:
        self.post_message(self.Started())
        self._resume()

    def open_article(self, source: Source, *, fragment: str = "") -> None:
        """Leave the article shown (its place saved) and show `source` in its place,
        at the section `fragment` names if there is one."""
        self.save_place()
        self.query_one(Loader).cancel_for_article()
        if self.query_one(SearchPanel).close_search():
            self.query_one(ContentView).focus()
        while len(self.app.screen_stack) > 1:  # a bookmark list or the like is about the one left
            self.app.pop_screen()
        self.query_one(StatusLine).show([], "")
        self.reading = Reading(source, fragment)
        parse_rest = self.show_start()
        if self._places_for is not None:
            self._open_places(parse_rest)

    def _look_at_file(self) -> None:
        for loader in self.query(Loader):  # none once the screen is closing
            loader.look(self.reading)

    @on(Loader.FileChanged)
    def _file_changed(self, event: Loader.FileChanged) -> None:
        """Say so when the article's file changes or goes; what was read stays on screen."""
        if event.reading is not self.reading:
            return
        news = event.reading.file_changed(event.change)
        if news is not None:
            self.app.sub_title, warning = news
            if warning:
                self.warn(warning)

    def warn(self, message: str) -> None:
        self.notify(message, severity="warning", timeout=10)

    @on(Loader.Parsed)
    def _parsed(self, event: Loader.Parsed) -> None:
        reading, whole = self.reading, event.whole
        if event.reading is not reading:  # an article left meanwhile
            return
        if whole.source is not reading.source:  # read whole only now
            reading.read_whole(whole.source, whole.places)
        self.show(event.document, event.shapes, event.progress, complete=True)
        if event.indexing:
            self.query_one(SearchPanel).expect_index()
        if whole.problem:
            self.warn(whole.problem)
            self._started()  # with nothing saved

    @on(Loader.Indexed)
    def _indexed(self, event: Loader.Indexed) -> None:
        if event.reading is self.reading:
            self.query_one(SearchPanel).take_index(event.index)

    def show(
        self,
        document: Document,
        shapes: Shapes | None = None,
        progress: ReadingProgress | None = None,
        *,
        complete: bool,
        new: bool = False,
    ) -> None:
        """Show a document: more of the article shown, or (`new`) another article."""
        self.reading.show(document, progress, complete=complete)
        self.app.title = visible_line(document.title)
        self.query_one(SectionTree).show_document(document)
        self._fit_tree()
        content = self.query_one(ContentView)
        start = self.reading.shown_at
        content.show_document(
            document, shapes, partial=not complete, keep_place=not new, start=start
        )
        self.query_one(SearchPanel).show_document(document, new=new)
        if complete:
            self.post_message(self.Loaded())
            if self.reading.places is not None:  # else the first frame is still to come
                self._started()

    # -- the place -----------------------------------------------------------

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
            self.warn(problem)
        self.bookmarking.mark()
        reading.read = places.read_sections(document)
        self.query_one(SectionTree).show_read(reading.read)
        if anchor is None:  # first read: at the start, or where a book's body begins
            self._place_found(Loader.PlaceFound(reading, reading.shown_at or None), first=True)
        else:
            self.query_one(Loader).find_place(reading, anchor)

    @on(Loader.PlaceFound)
    def _place_found(self, event: Loader.PlaceFound, first: bool = False) -> None:
        """Go to the stored place (`first`: where a book's body begins), unless the reader
        has already moved (or a link named a section); from now on the place is saved."""
        reading, block = event.reading, event.block
        if reading is not self.reading or reading.document is None:
            return  # another article was opened meanwhile
        document = reading.document
        reading.restored = True
        content = self.query_one(ContentView)
        if reading.fragment:  # a link named a section: that, not the stored place
            from reader.links import section_for_fragment

            section = section_for_fragment(document, reading.fragment)
            reading.fragment = ""
            if section is not None:
                self.go_to_section(section)
                return
            self.notify("That link's section is not in this article.", timeout=3)
        shown_at = reading.shown_at
        moved = content.scroll_y > 0 if shown_at == 0 else content.passage != shown_at
        if block is None or moved or (block == shown_at and not first):
            return
        where = label(document.section_of(block))
        if first:  # a book, shown where its body begins
            self.notify(f"Opened at {where}, where the book begins (g: the start)", timeout=4)
            return
        reading.passage = block  # saved as the place before the pane has scrolled there
        content.scroll_to_block(block)
        self.notify(f"Resumed at {where} (g: start over)", timeout=4)

    def save_place(self) -> None:
        reading = self.reading
        if not reading.savable or reading.places is None or reading.document is None:
            return
        problem = reading.places.save(reading.document, reading.passage, reading.fraction())
        if problem and not self.unsaved:  # say it once, not at every scroll
            self.notify(problem, severity="error", timeout=10)
        elif self.unsaved and not problem:
            self.notify("Your place is being saved again.", timeout=4)
        self.unsaved = problem

    # -- following the reader ----------------------------------------------

    @on(ContentView.PassageChanged)
    def _passage_changed(self, event: ContentView.PassageChanged) -> None:
        self.following.passage_changed(event)

    def show_status(self) -> None:
        self.following.show_status()

    def watch_settings(self) -> None:
        if self.is_mounted:  # else on mount
            self._show_settings()

    def _show_settings(self) -> None:
        """The reading column's width, and the tree's (the speed is read when needed)."""
        settings = self.settings
        tree, content = self.query_one(SectionTree), self.query_one(ContentView)
        if not settings.tree and tree.has_focus:
            content.focus()
        content.max_column = settings.width
        self._fit_tree()

    def on_resize(self) -> None:
        self._fit_tree()

    def _fit_tree(self) -> None:
        beside = self.settings.width + len(GUTTER) + 4  # the text, its gutter, scrollbar, a gap
        self.query_one(SectionTree).fit(self.size.width, beside, self.settings.tree_width)

    # -- sections ------------------------------------------------------------

    @on(Tree.NodeHighlighted)
    @on(events.DescendantFocus)
    @on(events.DescendantBlur)
    def _tree_cursor_moved(self) -> None:
        self.following.show_status()  # the status line names the tree's cursor, in full

    @on(Tree.NodeSelected)
    def _section_chosen(self, event: Tree.NodeSelected[Section]) -> None:
        if event.node.data is not None:
            self.query_one(ContentView).scroll_to_block(event.node.data.first_block)

    def action_next_section(self) -> None:
        passage = self.query_one(ContentView).passage
        section = self.reading.next_section(passage)
        if section is not None:
            self.go_to_section(section)
        elif self.reading.document is not None and self.reading.document.blocks:
            self.notify("This is the last section.", timeout=2)

    def action_previous_section(self) -> None:
        content = self.query_one(ContentView)
        section = self.reading.previous_section(content.passage, content.scrolled_past_start)
        if section is not None:
            self.go_to_section(section)
        elif self.reading.document is not None and self.reading.document.blocks:
            self.notify("This is the first section.", timeout=2)

    def go_to_section(self, section: Section) -> None:
        """Put a section's start at the top of the pane."""
        self.query_one(ContentView).scroll_to_block(section.first_block)

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

    # -- bookmarks, links and other articles (each in its own module) --------

    def action_bookmark(self) -> None:
        self.bookmarking.add()

    def action_bookmarks(self) -> None:
        self.bookmarking.open_list()

    @on(Loader.BookmarksFound)
    def _bookmarks_found(self, event: Loader.BookmarksFound) -> None:
        self.bookmarking.found(event)

    @on(ContentView.LinkChosen)
    def _follow(self, event: ContentView.LinkChosen) -> None:
        self.links.follow(event.href)

    @on(Loader.Read)
    def _article_read(self, event: Loader.Read) -> None:
        self.links.read(event)

    @on(Loader.Downloading)
    def _downloading(self, event: Loader.Downloading) -> None:
        size = f"{event.received / 1024:,.0f} KB"
        self.query_one(StatusLine).show([visible_line(event.url)], f"downloading · {size}")

    @on(Loader.ReadFailed)
    def _read_failed(self, event: Loader.ReadFailed) -> None:
        self.notify(event.problem, severity="error")
        shown = self.reading.source
        if shown.placeholder:  # it said the page or book was being read: say why it is not
            self.open_article(placeholder(shown.name, f"It could not be read: {event.problem}"))

    def action_go_back(self) -> None:
        self.links.go_back()

    def action_go_forward(self) -> None:
        self.links.go_forward()
