"""The scrolling article pane: a Line API ScrollView that renders only visible rows.

Each block is rendered to strips at the column width when it first comes into
view and cached; blocks never seen keep an estimated height. The "passage" is
the first block whose top is in view; it is marked in the gutter, and every
change of passage is posted as `ContentView.PassageChanged`.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Offset, Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from reader import keys
from reader.document import Document
from reader.line_index import LineIndex, Shape, block_shapes, estimate, gap_after
from reader.search import Match
from reader.widgets.blocks import CURRENT_MATCH, LINK_META, Mark, Palette, render_block

_DECORATION = frozenset({"▎", "◆", "▌", "•"})  # gutter and container marks, not article text
MAX_COLUMN = 88  # the reading column's default greatest width
GUTTER = "▎ "
BOOKMARK = "◆ "
EMPTY_MESSAGE = "This article is empty."
LOADING_MESSAGE = "… the rest of the article is loading"


class ContentView(ScrollView, can_focus=True):
    """The article, one block after another, in a readable centred column."""

    BINDINGS = keys.bindings("article")

    COMPONENT_CLASSES = {
        "content--h1",
        "content--h2",
        "content--h3",
        "content--h4",
        "content--emphasis",
        "content--strong",
        "content--code",
        "content--code-block",
        "content--link",
        "content--strike",
        "content--quote",
        "content--muted",
        "content--gutter",
        "content--bookmark",
        "content--match",
        "content--current-match",
    }

    DEFAULT_CSS = """
    ContentView {
        overflow-y: scroll;
        overflow-x: hidden;
        scrollbar-gutter: stable;
        background: $background;
        color: $foreground;
        & > .content--h1 { color: $text-accent; text-style: bold; }
        & > .content--h2 { color: $text-accent; text-style: bold; }
        & > .content--h3 { color: $text-primary; text-style: bold; }
        & > .content--h4 { color: $foreground; text-style: bold italic; }
        & > .content--emphasis { text-style: italic; }
        & > .content--strong { text-style: bold; }
        & > .content--code { color: $text-warning; background: $surface; }
        & > .content--code-block { background: $surface; color: $foreground; }
        & > .content--link { color: $text-primary; text-style: underline; }
        & > .content--strike { text-style: strike; }
        & > .content--quote { color: $text-secondary; }
        & > .content--muted { color: $foreground-muted; }
        & > .content--gutter { color: $accent; }
        & > .content--bookmark { color: $text-warning; }
        & > .content--match { background: $warning 30%; }
        & > .content--current-match { background: $warning; color: $background; }
    }
    """

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
        self.document: Document | None = None
        self._index = LineIndex([])
        self._shapes: list[Shape] = []
        self._strips: LRUCache[tuple[int, int, tuple[Mark, ...]], list[Strip]] = LRUCache(4096)
        self._palette: Palette | None = None
        self._column = 0
        self._passage = -1
        self._announced = -1
        self._pinned: tuple[int, int] | None = None  # (block, scroll row) set by a jump
        self._anchor: tuple[int, int, int] | None = None  # (block, line in it, scroll row)
        self._tail = 0  # blank rows after the end, so a jump can put any block at the top
        self._bookmarked: set[int] = set()
        self._partial = False  # the document is the start of a longer article
        self._max_column = MAX_COLUMN
        self._jumped = False  # the passage changed by a jump, not by scrolling
        self._jump_pending = False  # g or G: the next passage change is a jump
        self._matches: list[Match] = []  # search matches, in document order
        self._current: Match | None = None  # the one the search is at

    # -- public API ---------------------------------------------------------

    @property
    def passage(self) -> int:
        """Index of the block being read, or -1 with no document."""
        return self._passage

    def show_document(
        self,
        document: Document,
        shapes: list[Shape] | None = None,
        *,
        partial: bool = False,
        keep_place: bool = True,
    ) -> None:
        """Show a document, keeping the reader's place in the one shown (more of the same
        article) unless `keep_place` is false (another article: from its start).

        `shapes` are the document's `block_shapes`, if they were made ahead;
        `partial` says more of the article is coming (a line at the end says so).
        """
        previous = self.document
        anchor = None
        if keep_place and previous is not None and previous.blocks and self._passage >= 0:
            row = self._index.top(self._passage) - round(self.scroll_y)
            anchor = (previous.blocks[self._passage].start, row)
        self.document = document
        self._partial = partial
        self._shapes = block_shapes(document.blocks) if shapes is None else shapes
        self._strips.clear()
        self._passage = self._announced = -1  # announce again: the tree was rebuilt
        self._bookmarked = set()
        self._matches, self._current = [], None
        self._pinned = None
        if self.scrollable_content_region.width:
            self._relayout()
        else:  # not laid out yet: the first render lays out at the real width
            self._index, self._column = LineIndex([]), 0
        if anchor is not None and document.blocks:
            block = document.block_at_offset(anchor[0])
            self._place(block, anchor[1])
        else:
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
        height = self.scrollable_content_region.height
        return bool(len(self._index)) and round(self.scroll_y) + height >= self._index.total

    def rows_between(self, first: int, last: int) -> int:
        """Rows from the top of block `first` to the top of block `last` (as now estimated)."""
        if not len(self._index):
            return 0
        end = len(self._index) - 1
        return self._index.top(min(last, end)) - self._index.top(min(first, end))

    def mark_bookmarks(self, blocks: set[int]) -> None:
        """Show a bookmark marker in the gutter beside these blocks."""
        self._bookmarked = set(blocks)
        self.refresh()

    def show_matches(self, matches: list[Match], current: Match | None) -> None:
        """Highlight search matches (none: clear), `current` distinctly."""
        self._matches, self._current = matches, current
        self.refresh()

    def scroll_to_match(self, match: Match) -> None:
        """Bring a match's line into view (about a quarter down the pane) if it is not in view."""
        if self.document is None or not len(self._index):
            return
        strips = self._measure(match.block)
        line = next(
            (
                number
                for number, strip in enumerate(strips)
                if any(segment.style and segment.style.meta.get(CURRENT_MATCH) for segment in strip)
            ),
            0,
        )
        row = self._index.top(match.block) + line - round(self.scroll_y)
        height = self.scrollable_content_region.height
        if not 0 <= row < height:
            self._place(match.block, height // 4 - line)

    def scrolled_past_start(self, block: int) -> bool:
        """Whether the pane's top row is below a block's first row."""
        return 0 <= block < len(self._index) and round(self.scroll_y) > self._index.top(block)

    def scroll_to_block(self, block: int) -> None:
        """Put a block's first row at the top of the pane (or as near as the end allows)."""
        if self.document is None or not len(self._index):  # nothing shown, or not laid out yet
            return
        block = min(max(block, 0), len(self._index) - 1)
        self._place(block, 0)

    # -- actions ------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        """A link follows it; anywhere else, the passage clicked becomes the one being read."""
        href = event.style.meta.get(LINK_META) if event.style else None
        if href:
            event.stop()
            self.post_message(self.LinkChosen(str(href)))
            return
        row = round(self.scroll_y) + event.y
        if self.document is None or not len(self._index) or row >= self._index.total:
            return
        self._pinned = (self._index.block_at(row), round(self.scroll_y))
        self._update_passage()

    def links(self) -> list[str]:
        """The links in the passage being read, in order, each once."""
        if self.document is None or self._passage < 0:
            return []
        block = self.document.styled(self._passage)
        runs = [run for row in block.rows for cell in row for run in cell] or list(block.runs)
        return list(dict.fromkeys(run.href for run in runs if run.href))

    def action_follow_link(self) -> None:
        """Enter: the passage's link, or a choice of its links."""
        links = self.links()
        if len(links) == 1:
            self.post_message(self.LinkChosen(links[0]))
        elif not links:
            self.notify("No link in this passage.", timeout=2)
        else:
            from reader.widgets.choice_screen import ChoiceScreen

            def chosen(href: str | None) -> None:
                if href:
                    self.post_message(self.LinkChosen(href))

            answers = [(href, href) for href in links]
            self.app.push_screen(ChoiceScreen("Follow which link?", answers), chosen)

    def action_line_down(self) -> None:
        self._set_scroll(self.scroll_y + 1)

    def action_line_up(self) -> None:
        self._set_scroll(self.scroll_y - 1)

    def action_page_down(self) -> None:
        self._set_scroll(self.scroll_y + max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        self._set_scroll(self.scroll_y - max(1, self.scrollable_content_region.height - 1))

    def action_top(self) -> None:
        self._jump_pending = True
        self._anchor = None
        self._tail = 0
        self._sync_virtual_size()
        self._set_scroll(0)

    def action_end(self) -> None:
        if self.document is None or not self.document.blocks:
            return
        self._measure_back_from(
            len(self.document.blocks) - 1, self.scrollable_content_region.height
        )
        self._tail = 0
        self._sync_virtual_size()
        self._anchor = None
        self._jump_pending = True
        self._set_scroll(self.max_scroll_y)

    # -- layout -------------------------------------------------------------

    def on_resize(self) -> None:
        self._check_width()

    def _check_width(self) -> None:
        """Re-wrap when the column width changed, keeping the passage where it was on screen.

        Called on resize and before each render: scrollbars appearing change
        the width without a resize event.
        """
        column = self._column_width()
        if column == self._column or self.document is None:
            return
        anchor = None
        if self._passage >= 0:
            anchor = (self._passage, self._index.top(self._passage) - round(self.scroll_y))
        self._relayout()
        if anchor is not None:
            self._place(*anchor)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._palette = None
        self._strips.clear()

    def _column_width(self) -> int:
        return max(1, min(self._max_column, self.scrollable_content_region.width - len(GUTTER)))

    def _relayout(self) -> None:
        """Estimate every block's height at the current column width."""
        self._column = self._column_width()
        self._anchor = None
        self._tail = 0
        self._index = LineIndex(estimate(self._shapes, self._column))
        self._sync_virtual_size()

    def _place(self, block: int, row: int) -> None:
        """Scroll a block's top to `row` rows below the pane's top; it stays the passage."""
        height = self.scrollable_content_region.height
        self._measure_from(block, height)
        target = max(0, self._index.top(block) - row)
        self._tail = max(0, target + height - self._index.total)
        self._sync_virtual_size()
        target = min(target, self.max_scroll_y)
        self._pinned = (block, target)
        self._anchor = None
        self._set_scroll(target)
        self._update_passage()

    def _set_scroll(self, y: float) -> None:
        self.scroll_to(y=max(0, y), animate=False, immediate=True)

    def _sync_virtual_size(self) -> None:
        rows = self._index.total + self._tail if len(self._index) else 0
        size = Size(self.scrollable_content_region.width, rows)
        if size != self.virtual_size:
            self.virtual_size = size

    def _measure(self, block: int) -> list[Strip]:
        """A block's strips at the column width, correcting its height in the index."""
        document = self.document
        assert document is not None
        marks = self._marks(block)
        key = (block, self._column, marks)
        strips = self._strips.get(key)
        if strips is None:
            palette, console = self._get_palette(), self.app.console
            strips = render_block(document.styled(block), self._column, palette, console, marks)
            self._strips[key] = strips
        if not self._index.is_exact(block):
            self._index.set_exact(block, len(strips) + gap_after(document.blocks, block))
        return strips

    def _marks(self, block: int) -> tuple[Mark, ...]:
        """The search matches in a block, as offsets in its display text."""
        matches = self._matches
        if not matches and self._current is None:
            return ()
        first = bisect_left(matches, (block, -1, -1))
        marks = []
        for match in matches[first:]:
            if match.block != block:
                break
            marks.append((match.start, match.end, match == self._current))
        current = self._current
        if current is not None and current.block == block and current not in matches:
            marks.append((current.start, current.end, True))  # found before the rest
        return tuple(marks)

    def _measure_from(self, block: int, rows: int) -> None:
        """Measure blocks from `block` on until `rows` rows are covered."""
        covered = 0
        while block < len(self._index) and covered < rows:
            self._measure(block)
            covered += self._index.height(block)
            block += 1

    def _measure_back_from(self, block: int, rows: int) -> None:
        covered = 0
        while block >= 0 and covered < rows:
            self._measure(block)
            covered += self._index.height(block)
            block -= 1

    # -- rendering ----------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        self._check_width()
        if len(self._index):
            self._keep_anchor()
            height = self.scrollable_content_region.height
            top = round(self.scroll_y)
            before = self._index.total
            first = self._index.block_at(top)
            self._measure_from(first, top + height - self._index.top(first))
            if self._index.total != before:
                self.call_later(self._sync_virtual_size)
            self._anchor = (first, top - self._index.top(first), top)
            self._update_passage()
        return super().render_lines(crop)

    def _keep_anchor(self) -> None:
        """Make a scroll up into never-rendered blocks move exactly as far as asked.

        Blocks above the last drawn top row may still have estimated heights;
        measuring them moves everything below, so the scroll position is
        recomputed from the last drawn top row (the anchor) and the distance moved.
        """
        if self._anchor is None:
            return
        block, line, row = self._anchor
        top = round(self.scroll_y)
        moved = top - row
        height = self.scrollable_content_region.height
        if moved >= 0 or -moved > 3 * height or block >= len(self._index):
            return
        self._measure_back_from(block - 1, -moved - line)
        target = max(0, self._index.top(block) + line + moved)
        if target != top:
            self._sync_virtual_size()
            self._set_scroll(target)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        style = self.rich_style
        row = round(self.scroll_y) + y
        blank = Strip.blank(width, style)
        if self.document is None:
            return blank
        if not self.document.blocks:
            return self._message_line(EMPTY_MESSAGE, width, style) if y == 1 else blank
        if row >= self._index.total:
            return blank
        if self._partial and row == self._index.total - 1:  # the gap after the last block
            return self._message_line(LOADING_MESSAGE, width, style)
        block = self._index.block_at(row)
        strips = self._measure(block)
        line = row - self._index.top(block)
        margin = self._margin()
        if line >= len(strips):
            return blank
        palette = self._get_palette()
        if line == 0 and block in self._bookmarked:
            gutter = Segment(BOOKMARK, palette.bookmark)
        elif block == self._passage:
            gutter = Segment(GUTTER, palette.gutter)
        else:
            gutter = Segment(" " * len(GUTTER), style)
        segments = [
            Segment(" " * margin, style),
            gutter,
            *strips[line],
        ]
        strip = Strip(segments).crop_extend(0, width, style)
        selection = self.text_selection
        span = selection.get_span(row) if selection is not None else None
        if span is not None:
            start, end = span
            end = width if end == -1 else min(end, width)
            highlight = self.screen.get_component_rich_style("screen--selection")
            strip = Strip.join(
                [
                    strip.crop(0, start),
                    strip.crop(start, end).apply_style(highlight),
                    strip.crop(end),
                ]
            )
        return strip.apply_offsets(0, row)

    # -- selection ----------------------------------------------------------

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text of the selected rows, as shown (for copying)."""
        rows = self._selected_rows(selection)
        if rows is None:
            return None
        first, last = rows
        lines = [self._row_text(row) for row in range(first, last + 1)]
        start, end = selection
        shifted = Selection(
            None if start is None else Offset(start.x, start.y - first),
            None if end is None else Offset(end.x, end.y - first),
        )
        return shifted.extract("\n".join(lines)), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    def selected_span(self, selection: Selection) -> tuple[int, int] | None:
        """Where the selected words are in the article's source text, if they can be found."""
        found = self.get_selection(selection)
        rows = self._selected_rows(selection)
        if found is None or rows is None or self.document is None:
            return None
        words = [word for word in found[0].split() if word not in _DECORATION]
        if not words:
            return None
        first = self.document.blocks[self._index.block_at(rows[0])]
        last = self.document.blocks[self._index.block_at(rows[1])]
        pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
        match = pattern.search(self.document.text, first.start, last.end)
        return None if match is None else match.span()

    def _selected_rows(self, selection: Selection) -> tuple[int, int] | None:
        start, end = selection
        if start is None or end is None or not len(self._index):
            return None  # "everything": too much to be a passage
        return start.y, min(end.y, self._index.total - 1)

    def _row_text(self, row: int) -> str:
        block = self._index.block_at(row)
        strips = self._measure(block)
        line = row - self._index.top(block)
        if not 0 <= line < len(strips):
            return ""
        return " " * (self._margin() + len(GUTTER)) + strips[line].text

    def _margin(self) -> int:
        """Blank columns left of the gutter that centre the column in a wide pane."""
        return max(0, (self.scrollable_content_region.width - self._column - len(GUTTER)) // 2)

    def _message_line(self, message: str, width: int, style: Style) -> Strip:
        """A muted line of our own (not article text), centred."""
        muted = style + self.get_component_rich_style("content--muted")
        margin = max(0, (width - len(message)) // 2)
        return Strip([Segment(" " * margin, style), Segment(message, muted)]).crop_extend(
            0, width, style
        )

    def _update_passage(self) -> None:
        """Recompute the passage after a scroll; post a message when it changes."""
        if not len(self._index):
            return
        top = round(self.scroll_y)
        if self._pinned is not None and self._pinned[1] == top:
            passage = self._pinned[0]
        else:
            self._pinned = None
            passage = self._index.block_at(top)
            if self._index.top(passage) < top and passage + 1 < len(self._index):
                height = self.scrollable_content_region.height
                if self._index.top(passage + 1) < top + height:
                    passage += 1
        jumped = self._pinned is not None or self._jump_pending
        self._jump_pending = False
        if passage != self._passage:
            self._passage = passage
            self._jumped = jumped
            self.refresh()
            # Post from our own message loop: a message made during a render would
            # carry the Screen as its sender and stop bubbling there.
            self.call_later(self._announce_passage)

    def _announce_passage(self) -> None:
        if self._passage != self._announced:
            self._announced = self._passage
            self.post_message(self.PassageChanged(self._passage, self._jumped))

    def _get_palette(self) -> Palette:
        if self._palette is None:
            text = Style(color=self.rich_style.color, bgcolor=self.rich_style.bgcolor)

            def get(name: str, partial: bool = False) -> Style:
                """A component style on the pane's own colours."""
                return text + self.get_component_rich_style(name, partial=partial)

            self._palette = Palette(
                text=text,
                headings=(
                    get("content--h1", partial=True),
                    get("content--h2", partial=True),
                    get("content--h3", partial=True),
                    get("content--h4", partial=True),
                ),
                emphasis=get("content--emphasis", partial=True),
                strong=get("content--strong", partial=True),
                code=get("content--code", partial=True),
                code_block=get("content--code-block"),
                link=get("content--link", partial=True),
                strike=get("content--strike", partial=True),
                quote=get("content--quote", partial=True),
                gutter=get("content--gutter", partial=True),
                bookmark=get("content--bookmark", partial=True),
                muted=get("content--muted", partial=True),
                match=get("content--match"),
                current_match=get("content--current-match", partial=True),
                dark=self.app.current_theme.dark,
            )
        return self._palette
