"""The scrolling article pane: a Line API ScrollView that renders only visible rows.

Blocks are laid out and rendered by `ContentLines`: each at the column width
when it first comes into view, cached; blocks never seen keep an estimated
height. The "passage" (see `ScrollSpy`) is marked in the gutter, and every
change of passage is posted as `ContentView.PassageChanged`.
"""

from __future__ import annotations

from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from reader import keys
from reader.document import Block, Document
from reader.line_index import Shapes, block_shapes
from reader.scroll_spy import ScrollSpy
from reader.search import Match
from reader.widgets import content_rows, content_style
from reader.widgets.blocks import LINK_META, Mark, Palette, render_block
from reader.widgets.content_lines import ContentLines
from reader.widgets.content_links import block_links, follow_link
from reader.widgets.content_selection import selected_text, source_span

MAX_COLUMN = 88  # the reading column's default greatest width
EMPTY_MESSAGE = "This article is empty."
LOADING_MESSAGE = "… the rest of the article is loading"


class ContentView(ScrollView, can_focus=True):
    """The article, one block after another, in a readable centred column."""

    BINDINGS = keys.bindings("article")
    COMPONENT_CLASSES = content_style.COMPONENT_CLASSES
    DEFAULT_CSS = content_style.DEFAULT_CSS

    class LinkChosen(Message):
        """The reader clicked a link, or chose one with enter."""

        def __init__(self, href: str) -> None:
            super().__init__()
            self.href = href

    class PassageChanged(Message):
        """The passage being read (the first block whose top is in view) changed.

        `jumped`: by a jump to a block (a section, a bookmark, a match), not by scrolling.
        """

        def __init__(self, block: int, jumped: bool) -> None:
            super().__init__()
            self.block = block
            self.jumped = jumped

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines = ContentLines(self._render_block)
        self._spy = ScrollSpy()
        self._palette: Palette | None = None
        self._bookmarked: set[int] = set()
        self._partial = False  # the document is the start of a longer article
        self._max_column = MAX_COLUMN
        self._start = 0  # the block a new article starts at, once laid out

    # -- public API ---------------------------------------------------------

    @property
    def document(self) -> Document | None:
        """The document shown, or None before the first."""
        return self._lines.document

    @property
    def passage(self) -> int:
        """Index of the block being read, or -1 with no document."""
        return self._spy.passage

    def show_document(
        self,
        document: Document,
        shapes: Shapes | None = None,
        *,
        partial: bool = False,
        keep_place: bool = True,
        start: int = 0,
    ) -> None:
        """Show a document, keeping the reader's place in the one shown (more of the same
        article) unless `keep_place` is false (another article: from block `start`).

        `shapes` are the document's `block_shapes`, if they were made ahead;
        `partial` says more of the article is coming (a line at the end says so).
        """
        previous, passage = self.document, self.passage
        kept = None
        if keep_place and previous is not None and previous.blocks and passage >= 0:
            kept = (previous.blocks[passage].start, self._passage_row())
        self._partial = partial
        self._lines.show(document, block_shapes(document.blocks) if shapes is None else shapes)
        self._spy.forget()  # announce again: the tree was rebuilt
        self._bookmarked = set()
        if self.scrollable_content_region.width:
            self._relayout()
        else:  # not laid out yet: the first render lays out at the real width
            self._lines.forget_layout()
        if kept is not None and document.blocks:
            block = document.block_at_offset(kept[0])
            self._place(block, kept[1])
        elif start and self.column:
            self._place(start, 0)
        else:
            self._start = start  # (placed once laid out)
            self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    @property
    def max_column(self) -> int:
        """The reading column's greatest width; a narrower pane makes it narrower."""
        return self._max_column

    @max_column.setter
    def max_column(self, width: int) -> None:
        self._max_column = width
        self._check_width()  # re-wraps, keeping the passage where it is
        self.refresh()

    @property
    def at_end(self) -> bool:
        """Whether the pane is scrolled as far down as it goes (the article's end is in view)."""
        index, height = self._lines.index, self.scrollable_content_region.height
        return bool(len(index)) and round(self.scroll_y) + height >= index.total

    def rows_between(self, first: int, last: int) -> int:
        """Rows from the top of block `first` to the top of block `last` (as now estimated)."""
        return self._lines.rows_between(first, last)

    def mark_bookmarks(self, blocks: set[int]) -> None:
        """Show a bookmark marker in the gutter beside these blocks."""
        self._bookmarked = set(blocks)
        self.refresh()

    def show_matches(self, matches: list[Match], current: Match | None) -> None:
        """Highlight search matches (none: clear), `current` distinctly."""
        self._lines.matches, self._lines.current = matches, current
        self.refresh()

    def scroll_to_match(self, match: Match) -> None:
        """Bring a match's line into view (about a quarter down the pane) if it is not in view."""
        if self.document is None or not len(self._lines.index):
            return
        line = self._lines.match_line(match.block)
        row = self._lines.index.top(match.block) + line - round(self.scroll_y)
        height = self.scrollable_content_region.height
        if not 0 <= row < height:
            self._place(match.block, height // 4 - line)

    def scrolled_past_start(self, block: int) -> bool:
        """Whether the pane's top row is below a block's first row."""
        index = self._lines.index
        return 0 <= block < len(index) and round(self.scroll_y) > index.top(block)

    def scroll_to_block(self, block: int) -> None:
        """Put a block's first row at the top of the pane (or as near as the end allows)."""
        blocks = len(self._lines.index)
        if self.document is None or not blocks:  # nothing shown, or not laid out yet
            return
        self._place(min(max(block, 0), blocks - 1), 0)

    def prepare(self, blocks: list[int]) -> None:
        """Wrap the first screen from each block ahead of time (while the reader is still),
        so a jump there draws at once."""
        if self.document is None or not self.column:
            return
        height = self.scrollable_content_region.height
        below = self._lines.index.block_at(round(self.scroll_y) + height)  # (not in view)
        for block in blocks:
            if below < block < len(self._lines.index):
                self._lines.measure_from(block, height)
        self._sync_virtual_size()

    # -- actions ------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        """A link follows it; anywhere else, the passage clicked becomes the one being read."""
        href = event.style.meta.get(LINK_META) if event.style else None
        if href:
            event.stop()
            self.post_message(self.LinkChosen(str(href)))
            return
        index, row = self._lines.index, round(self.scroll_y) + event.y
        if self.document is None or not len(index) or row >= index.total:
            return
        self._spy.pin(index.block_at(row), round(self.scroll_y))
        self._update_passage()

    def links(self) -> list[str]:
        """The links in the passage being read, in order, each once."""
        if self.document is None or self.passage < 0:
            return []
        return block_links(self.document.styled(self.passage))

    def action_follow_link(self) -> None:
        """Enter: the passage's link, or a choice of its links."""
        follow_link(self, self.links(), lambda href: self.post_message(self.LinkChosen(href)))

    def action_line_down(self) -> None:
        self._set_scroll(self.scroll_y + 1)

    def action_line_up(self) -> None:
        self._set_scroll(self.scroll_y - 1)

    def action_page_down(self) -> None:
        self._set_scroll(self.scroll_y + max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        self._set_scroll(self.scroll_y - max(1, self.scrollable_content_region.height - 1))

    def action_top(self) -> None:
        self._spy.expect_jump()
        self._lines.drop_tail()
        self._sync_virtual_size()
        self._set_scroll(0)

    def action_end(self) -> None:
        if self.document is None or not self.document.blocks:
            return
        height = self.scrollable_content_region.height
        self._lines.measure_back_from(len(self.document.blocks) - 1, height)
        self._lines.drop_tail()
        self._sync_virtual_size()
        self._spy.expect_jump()
        self._set_scroll(self.max_scroll_y)

    # -- layout -------------------------------------------------------------

    def on_resize(self) -> None:
        self._check_width()

    def _check_width(self) -> None:
        """Re-wrap when the column width changed, keeping the passage where it was on screen.

        Called on resize and before each render: scrollbars appearing change
        the width without a resize event.
        """
        if self._column_width() == self.column or self.document is None:
            return
        passage = self.passage
        row = self._passage_row() if passage >= 0 else None
        self._relayout()
        if self._start:  # the first lay-out of an article that starts further in
            block, self._start = self._start, 0
            self._place(block, 0)
        elif row is not None:
            self._place(passage, row)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._palette = None
        self._lines.forget_strips()

    @property
    def column(self) -> int:
        """The reading column's width as laid out (0: not yet)."""
        return self._lines.column

    def _column_width(self) -> int:
        return content_rows.column_width(self.scrollable_content_region.width, self._max_column)

    def _relayout(self) -> None:
        """Estimate every block's height at the current column width."""
        self._lines.relayout(self._column_width())
        self._sync_virtual_size()

    def _place(self, block: int, row: int) -> None:
        """Scroll a block's top to `row` rows below the pane's top; it stays the passage."""
        target = self._lines.place(block, row, self.scrollable_content_region.height)
        self._sync_virtual_size()
        target = min(target, self.max_scroll_y)
        self._spy.pin(block, target)
        self._set_scroll(target)
        self._update_passage()

    def _set_scroll(self, y: float) -> None:
        self.scroll_to(y=max(0, y), animate=False, immediate=True)

    def _sync_virtual_size(self) -> None:
        size, old = Size(self.scrollable_content_region.width, self._lines.rows), self.virtual_size
        if size == old:
            return
        view = self.scrollable_content_region.height
        if size.width == old.width and min(size.height, old.height) > view:
            # Only the height, and the scrollbar stays: no new layout, which would redraw
            # the whole screen after every jump; the scrollbar is told. (Textual's own
            # update of scrollbars for a new virtual size; Textual is pinned.)
            self.set_reactive(ContentView.virtual_size, size)
            self._scroll_update(size)
        else:
            self.virtual_size = size

    def _render_block(self, block: Block, column: int, marks: tuple[Mark, ...]) -> list[Strip]:
        return render_block(block, column, self._get_palette(), self.app.console, marks)

    # -- rendering ----------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        self._check_width()
        if len(self._lines.index):
            height = self.scrollable_content_region.height
            target = self._lines.kept_top(round(self.scroll_y), height)
            if target is not None:
                self._sync_virtual_size()
                self._set_scroll(target)
            if self._lines.measure_view(round(self.scroll_y), height):
                self.call_later(self._sync_virtual_size)
            self._update_passage()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        style = self.rich_style
        row = round(self.scroll_y) + y
        blank = Strip.blank(width, style)
        lines = self._lines
        document = lines.document
        if document is None:
            return blank
        if not document.blocks:
            return self._message_row(EMPTY_MESSAGE, width, style) if y == 1 else blank
        total = lines.index.total
        if row >= total:
            return blank
        if self._partial and row == total - 1:  # the gap after the last block
            return self._message_row(LOADING_MESSAGE, width, style)
        block, line, strip = lines.line_at(row)
        if strip is None:
            return blank
        bookmark, passage = line == 0 and block in self._bookmarked, block == self._spy.passage
        palette = self._get_palette()
        gutter = content_rows.gutter_mark(palette, style, bookmark=bookmark, passage=passage)
        margin = content_rows.left_margin(width, lines.column)
        strip = content_rows.article_row(strip, margin, gutter, width, style)
        selection = self.text_selection
        span = selection.get_span(row) if selection is not None else None
        if span is not None:
            highlight = self.screen.get_component_rich_style("screen--selection")
            strip = content_rows.highlighted(strip, span, width, highlight)
        return strip.apply_offsets(0, row)

    # -- selection ----------------------------------------------------------

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text of the selected rows, as shown (for copying)."""
        text = selected_text(selection, self._lines, self._text_indent())
        return None if text is None else (text, "\n")

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    def selected_span(self, selection: Selection) -> tuple[int, int] | None:
        """Where the selected words are in the article's source text, if they can be found."""
        return source_span(selection, self._lines, self._text_indent())

    def _text_indent(self) -> int:
        """Columns left of the article's text: the margin that centres it, and the gutter."""
        margin = content_rows.left_margin(self.scrollable_content_region.width, self.column)
        return margin + len(content_rows.GUTTER)

    def _message_row(self, message: str, width: int, style: Style) -> Strip:
        muted = style + self.get_component_rich_style("content--muted")
        return content_rows.message_row(message, width, style, muted)

    # -- the passage --------------------------------------------------------

    def _passage_row(self) -> int:
        """Rows from the pane's top down to the passage's top."""
        return self._lines.index.top(self.passage) - round(self.scroll_y)

    def _update_passage(self) -> None:
        """Recompute the passage after a scroll; post a message when it changes."""
        height = self.scrollable_content_region.height
        if self._spy.update(self._lines.index, round(self.scroll_y), height):
            self.refresh()
            # Post from our own message loop: a message made during a render would
            # carry the Screen as its sender and stop bubbling there.
            self.call_later(self._announce_passage)

    def _announce_passage(self) -> None:
        block = self._spy.announcement()
        if block is not None:
            self.post_message(self.PassageChanged(block, self._spy.jumped))

    def _get_palette(self) -> Palette:
        if self._palette is None:
            self._palette = content_style.content_palette(self)
        return self._palette
