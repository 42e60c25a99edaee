"""Following the reader: what happens as the passage being read changes.

A part of the reading screen, kept apart for its size: a jump of more than a
screen goes in the jump list, the search learns the passage, sections scrolled
through are ticked as read, the status line and the tree follow, and the place
is saved once the reader has been still for SAVE_DELAY (and garbage collected then,
not during a key press).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader import collector
from reader.progress import percent
from reader.widgets.content import ContentView
from reader.widgets.search_panel import SearchPanel
from reader.widgets.section_tree import SectionTree
from reader.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from textual.timer import Timer

    from reader.widgets.reading_screen import ReadingScreen

SAVE_DELAY = 0.5  # seconds of stillness before the place is saved
PREPARE_DELAY = 0.05  # seconds of stillness before the next section is wrapped
READ_SCROLL_LIMIT = 2  # screens: scrolling further at once skips sections rather than reads them


class Following:
    """Keeps one reading screen's tree, status line, search and saved place with the passage."""

    def __init__(self, screen: ReadingScreen) -> None:
        self.screen = screen
        self._save_timer: Timer | None = None
        self._prepare_timer: Timer | None = None

    def passage_changed(self, event: ContentView.PassageChanged) -> None:
        """The pane reports a new passage: follow it everywhere, and save it soon."""
        screen = self.screen
        content = screen.query_one(ContentView)
        if event.block != content.passage:
            return  # the pane has moved on since (to the stored place, say): a newer one follows
        previous = screen.reading.moved_to(event.block)
        if event.jumped and previous >= 0:
            screen.links.jumped(previous, event.block)
        screen.query_one(SearchPanel).passage = event.block
        if (
            not event.jumped
            and 0 <= previous < event.block
            and content.rows_between(previous, event.block)
            <= READ_SCROLL_LIMIT * content.size.height
        ):  # scrolled on, not dragged far down the scrollbar: read
            self._read_through(previous, event.block)
        self.show_status()
        document = screen.reading.document
        if document is not None:
            screen.query_one(SectionTree).follow(document.section_of(event.block))
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = screen.set_timer(SAVE_DELAY, self._still)
        if self._prepare_timer is not None:
            self._prepare_timer.stop()
        self._prepare_timer = screen.set_timer(PREPARE_DELAY, self._prepare_neighbours)

    def _still(self) -> None:
        self.screen.save_place()
        collector.collect_while_still()

    def _prepare_neighbours(self) -> None:
        """The next section's first screen wrapped ahead: `]` then only scrolls. (Not the
        previous one's: heights changing above the view would move it.)"""
        screen = self.screen
        content = screen.query_one(ContentView)
        ahead = screen.reading.next_section(content.passage)
        if ahead is not None:
            content.prepare([ahead.first_block])

    def _read_through(self, start: int, end: int) -> None:
        """The reader scrolled from block `start` on to `end`: tick the sections read."""
        screen = self.screen
        reading = screen.reading
        if reading.places is None or reading.document is None:
            return
        read = reading.passed(start, end, at_end=screen.query_one(ContentView).at_end)
        if not read:
            return
        screen.query_one(SectionTree).show_read(reading.read)
        problem = reading.places.mark_read(reading.document, read)
        if problem:
            screen.warn(problem)

    def show_status(self) -> None:
        """The section being read (or, in the tree, the one its cursor is on), the percent
        read and the time left, in the status line; the percent beside the article's
        title in the tree too."""
        screen = self.screen
        reading = screen.reading
        reading.at_end = screen.query_one(ContentView).at_end
        speed = screen.settings.words_per_minute
        path, progress = reading.status(at_end=reading.at_end, words_per_minute=speed)
        section = reading.section_time(at_end=reading.at_end, words_per_minute=speed)
        tree = screen.query_one(SectionTree)
        chosen = tree.cursor_node.data if tree.has_focus and tree.cursor_node else None
        if chosen is not None:  # the tree's cursor: its whole title, however cut in the tree
            path = reading.path_to(chosen)
        if path:
            back = screen.links.back_label()
            screen.query_one(StatusLine).show(path, progress, back=back, section=section)
        if reading.progress is not None:  # (the whole article is in: the figure is final)
            tree.show_progress(f"{percent(reading.fraction())}%")
