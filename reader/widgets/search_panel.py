"""Search as a component: the search bar with its query, matches, index and workers.

The panel finds the first match from the passage being read at once (on the
UI thread for up to 10 ms, then in a thread), builds the article's search
index in a thread, counts every match there, and steps through them. It
shows where it is in its own bar and posts `MatchesChanged` for the article
pane to mark and scroll to. Workers take immutable inputs and post their
results back as messages; a result for a query or document that has since
changed is dropped.
"""

from __future__ import annotations

import time
from bisect import bisect_left

from textual import on, work
from textual.message import Message
from textual.worker import get_current_worker

from reader.document import Document
from reader.responsive import handing_over
from reader.search import (
    MAX_MATCHES,
    Match,
    Pattern,
    SearchIndex,
    SearchTimeout,
    compile_query,
    first_match,
)
from reader.widgets.search_bar import SearchBar

SEARCH_AT_ONCE_CHARS = 64 * 1024  # a shorter article is indexed for search on the UI thread
SEARCH_AT_ONCE_SECONDS = 0.01  # time the UI thread gives a search before a thread takes over


class SearchPanel(SearchBar):
    """The search bar that searches: set `document` and `passage`, react to `MatchesChanged`."""

    class MatchesChanged(Message):
        """The matches to mark (all counted so far), the current one, and whether to go there."""

        def __init__(self, matches: list[Match], current: Match | None, scroll: bool) -> None:
            super().__init__()
            self.matches = matches
            self.current = current
            self.scroll = scroll

    class _Indexed(Message, bubble=False):
        def __init__(self, index: SearchIndex) -> None:
            super().__init__()
            self.index = index

    class _Found(Message, bubble=False):
        """A worker's answer for `pattern`: the first match, all of them, or why it stopped."""

        def __init__(
            self,
            pattern: Pattern,
            first: Match | None,
            matches: list[Match] | None = None,
            problem: str = "",
        ) -> None:
            super().__init__()
            self.pattern = pattern
            self.first = first
            self.matches = matches
            self.problem = problem

    def __init__(self) -> None:
        super().__init__()
        self.document: Document | None = None
        self.passage = 0  # the block being read: searches start there
        self._index: SearchIndex | None = None
        self._indexing: Document | None = None  # the document whose index is being built
        self._pattern: Pattern | None = None  # the query being searched for
        self._matches: list[Match] = []
        self._match = -1  # index in _matches of the current match (-1: none yet)

    @property
    def searching(self) -> bool:
        """Whether there is a query to search for (one that compiled)."""
        return self._pattern is not None

    def show_document(self, document: Document, *, new: bool) -> None:
        """Search `document` from now on: more of the article, or (`new`) another one."""
        if new:
            self.workers.cancel_node(self)
            self._indexing = None
            self.close_search()
        self.document, self._index = document, None
        self._matches, self._match = [], -1
        if self.text:  # search the whole article now
            self._search(self.text)

    def close_search(self) -> bool:
        """Close the bar and clear the matches; whether it was open."""
        if not self.is_open:
            return False
        self.close()
        self._pattern, self._matches, self._match = None, [], -1
        self.workers.cancel_group(self, "search")
        self.post_message(self.MatchesChanged([], None, False))
        return True

    def step(self, step: int) -> None:
        """To the next (1) or previous (-1) match, wrapping around (marked by the count)."""
        if not self._matches:
            if self._pattern is None:
                self.notify("Nothing to search for: press / first.", timeout=2)
            return
        after = self._match + step
        wrapped = "" if 0 <= after < len(self._matches) else "↑ " if step > 0 else "↓ "
        self._match = after % len(self._matches)
        self._show_match(scroll=True, wrapped=wrapped)

    @on(SearchBar.Changed)
    def _query_changed(self, event: SearchBar.Changed) -> None:
        event.stop()
        self._search(event.query)

    def _search(self, query: str) -> None:
        """Show the first match from the passage on at once; count them all in a thread."""
        self._pattern, self._matches, self._match = None, [], -1
        self.workers.cancel_group(self, "search")
        self.post_message(self.MatchesChanged([], None, False))
        document = self.document
        if not query.strip() or document is None:
            self.show_status("")
            return
        try:
            pattern = self._pattern = compile_query(query)
        except ValueError as error:
            self.show_status("", problem=str(error))
            return
        index, passage = self._index, max(self.passage, 0)
        if index is None or index.document is not document:
            if len(document.text) <= SEARCH_AT_ONCE_CHARS:  # quicker than a thread
                self._index = SearchIndex(document)
                self._search(query)
                return
            # Until the index is built (then this runs again), find the first one alone:
            # here if that is quick, else in a thread.
            self.show_status("searching…")
            if self._indexing is not document:  # one build per article, not per letter
                self._indexing = document
                self._build_index(document)
            deadline = time.monotonic() + SEARCH_AT_ONCE_SECONDS
            try:
                first = first_match(
                    document,
                    pattern,
                    passage,
                    lambda: time.monotonic() > deadline,
                    deadline=deadline,
                )
            except (InterruptedError, SearchTimeout):
                self._find_first(document, pattern, passage)
            else:
                self._found_first(pattern, first)
            return
        try:
            deadline = time.monotonic() + SEARCH_AT_ONCE_SECONDS
            first = index.next_match(pattern, passage, deadline=deadline)
        except SearchTimeout:  # a slow regex: on in a thread, where it can be stopped
            self.show_status("searching…")
            self._find_first(document, pattern, passage)
            return
        self._found_first(pattern, first)
        if first is not None:
            self._count_matches(index, pattern, first)

    def expect_index(self) -> None:
        """The document's index is being built elsewhere: `take_index` brings it (until
        then a search finds its first match alone, and builds no index of its own)."""
        self.workers.cancel_group(self, "search-index")
        self._indexing = self.document

    def take_index(self, index: SearchIndex | None) -> None:
        """The index expected (None: it cannot come): search with it from now on."""
        if index is not None and index.document is self.document:
            self.post_message(self._Indexed(index))
        elif self._indexing is self.document:  # build it here after all
            self._indexing = None
            if self._pattern is not None:
                self._search(self.text)

    @work(thread=True, exclusive=True, group="search-index")
    def _build_index(self, document: Document) -> None:
        worker = get_current_worker()
        try:
            with handing_over():
                index = SearchIndex(document, lambda: worker.is_cancelled)
        except InterruptedError:
            return
        self.post_message(self._Indexed(index))

    @on(_Indexed)
    def _indexed(self, event: _Indexed) -> None:
        if event.index.document is self.document:
            self._index = event.index
            if self._pattern is not None:
                self._search(self.text)

    @work(thread=True, exclusive=True, group="search")
    def _find_first(self, document: Document, pattern: Pattern, block: int) -> None:
        worker = get_current_worker()
        try:
            first = first_match(document, pattern, block, lambda: worker.is_cancelled)
        except InterruptedError:
            return
        except SearchTimeout as error:
            self.post_message(self._Found(pattern, None, problem=str(error)))
            return
        if not worker.is_cancelled:
            self.post_message(self._Found(pattern, first))

    @work(thread=True, exclusive=True, group="search")
    def _count_matches(self, index: SearchIndex, pattern: Pattern, first: Match) -> None:
        worker = get_current_worker()
        try:
            matches = index.find(pattern, lambda: worker.is_cancelled)
        except InterruptedError:
            return
        except SearchTimeout as error:
            self.post_message(self._Found(pattern, first, problem=str(error)))
            return
        if not worker.is_cancelled:
            self.post_message(self._Found(pattern, first, matches))

    @on(_Found)
    def _found(self, event: _Found) -> None:
        if event.pattern is not self._pattern:
            return  # the query changed meanwhile
        if event.problem:  # a regex that ran too long: say so; the reader can edit it
            self.show_status("", problem=event.problem)
        elif event.matches is None:
            self._found_first(event.pattern, event.first)
        elif not event.matches or event.first is None:
            self.show_status("no matches")
        else:
            self._matches = event.matches
            self._match = min(bisect_left(event.matches, event.first), len(event.matches) - 1)
            self._show_match()

    def _found_first(self, pattern: Pattern, first: Match | None) -> None:
        if first is None:
            self.show_status("no matches")
            return
        self.post_message(self.MatchesChanged([], first, True))
        self.show_status("counting…")

    def _show_match(self, *, scroll: bool = False, wrapped: str = "") -> None:
        """Show the current match; `wrapped` ("↑ " or "↓ ") marks a wrap to the top or the
        bottom beside the count, which no notice may cover."""
        current = self._matches[self._match]
        self.post_message(self.MatchesChanged(self._matches, current, scroll))
        more = "+" if len(self._matches) >= MAX_MATCHES else ""
        self.show_status(f"{wrapped}{self._match + 1}/{len(self._matches)}{more}")
