"""The loader: an article's whole parse, files read, passages found, the file watch.

A widget with nothing to show: it owns the workers, which take immutable inputs
and post their results as messages. Each result carries the `Reading` (or the
request) it was started for, so the App can drop one about an article left
meanwhile.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.widget import Widget
from textual.worker import get_current_worker

from reader.anchoring import Anchor
from reader.document import Document
from reader.line_index import Shapes

if TYPE_CHECKING:
    from reader.parsers.whole_ahead import WholeAhead
    from reader.records import Bookmark
    from reader.search import SearchIndex
from reader.abandon import abandonable
from reader.loading import PlacesFor, Whole, parse_whole, read_rest
from reader.opening import open_path
from reader.page_ahead import PageAhead, PageFound
from reader.parsers import ParseCancelled
from reader.progress import ReadingProgress
from reader.responsive import handing_over
from reader.safe_text import visible_line
from reader.session import Reading
from reader.source import ArticleError, Source

PROGRESS_INTERVAL = 0.1  # seconds between reports of a download's progress


@dataclass(frozen=True, slots=True)
class OpenRequest:
    """A file to open in place of the article shown."""

    path: Path
    fragment: str = ""  # a #section to go to in it
    link: bool = False  # followed from a link (the reader is told backspace comes back)
    back: bool = True  # the article left is kept for backspace


class Loader(Widget):
    """Posts `Parsed`, `Read`, `ReadFailed`, `Downloading`, `PlaceFound`, `BookmarksFound`,
    `FileChanged`."""

    DEFAULT_CSS = "Loader { display: none; }"

    class Parsed(Message):
        """The whole article of `reading` is parsed: `source`, read whole if the reading
        had only its start, then with its `places` (None: as the reading has them) or
        the `problem` that kept the rest from being read. If `indexing`, `Indexed` follows."""

        def __init__(
            self,
            reading: Reading,
            whole: Whole,
            document: Document,
            shapes: Shapes,
            progress: ReadingProgress,
            indexing: bool = False,
        ) -> None:
            super().__init__()
            self.reading = reading
            self.whole = whole
            self.document = document
            self.shapes = shapes
            self.progress = progress
            self.indexing = indexing

    class Indexed(Message):
        """The search index of `reading`'s whole article, built by the child that parsed it
        (None: it failed)."""

        def __init__(self, reading: Reading, index: SearchIndex | None) -> None:
            super().__init__()
            self.reading = reading
            self.index = index

    class Read(Message):
        """A file asked for is read."""

        def __init__(self, source: Source, request: OpenRequest) -> None:
            super().__init__()
            self.source = source
            self.request = request

    class ReadFailed(Message):
        """A file asked for could not be read; `problem` says why."""

        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    class Downloading(Message):
        """`received` bytes of the article at `url` are in so far."""

        def __init__(self, url: str, received: int) -> None:
            super().__init__()
            self.url = url
            self.received = received

    class PlaceFound(Message):
        """Where the stored place of `reading` is in its text now (None: not found)."""

        def __init__(self, reading: Reading, block: int | None) -> None:
            super().__init__()
            self.reading = reading
            self.block = block

    class BookmarksFound(Message):
        """The bookmarks of `reading`, each with its block now (None: orphaned); to list
        them if `listing`."""

        def __init__(
            self, reading: Reading, found: list[tuple[Bookmark, int | None]], listing: bool
        ) -> None:
            super().__init__()
            self.reading = reading
            self.found = found
            self.listing = listing

    class FileChanged(Message):
        """How the file of `reading` now differs from what was read (None: not at all)."""

        def __init__(self, reading: Reading, change: str | None) -> None:
            super().__init__()
            self.reading = reading
            self.change = change

    def __init__(self) -> None:
        super().__init__()
        self._looking = False  # a look at the file is under way

    @work(thread=True, exclusive=True, group="parse")
    def parse(
        self,
        reading: Reading,
        places_for: PlacesFor | None = None,
        ahead: WholeAhead | None = None,
    ) -> None:
        """Parse the whole article off the UI thread; its preview shows meanwhile. An
        article read only in part is read whole first, and `places_for` gives its places;
        `ahead`, a child parsing it whole, gives the parse if it can."""
        worker = get_current_worker()

        def read_and_parse() -> tuple[Whole, Document, Shapes, ReadingProgress]:
            whole = read_rest(reading, places_for)
            parsed = parse_whole(
                reading.document, whole.source, whole.places, lambda: worker.is_cancelled, ahead
            )
            return (whole, *parsed)

        try:  # (abandoned when the app quits: a 100 MB parse must not hold up the exit)
            with handing_over():
                whole, document, shapes, progress = abandonable(
                    read_and_parse, lambda: worker.is_cancelled
                )
        except (ParseCancelled, InterruptedError):
            return
        indexing = ahead is not None and ahead.indexing  # a Markdown article's index follows
        self.post_message(self.Parsed(reading, whole, document, shapes, progress, indexing))
        if ahead is not None and ahead.indexing:
            try:
                index = ahead.search_index(document, lambda: worker.is_cancelled)
            except InterruptedError:
                return
            self.post_message(self.Indexed(reading, index))

    @work(thread=True, exclusive=True, group="read")
    def read(self, request: OpenRequest) -> None:
        """Read a file; a read that never ends is left behind when the app quits."""
        worker = get_current_worker()
        try:
            source = abandonable(lambda: open_path(request.path), lambda: worker.is_cancelled)
        except InterruptedError:
            return
        except ArticleError as error:
            self.post_message(self.ReadFailed(str(error)))
            return
        if not worker.is_cancelled:
            self.post_message(self.Read(source, request))

    @work(thread=True, exclusive=True, group="read")
    def collect_page(self, ahead: PageAhead) -> None:
        """The article a child process found in a web page (see `page_ahead`); found here
        if the child failed."""
        worker = get_current_worker()
        try:
            found = abandonable(ahead.found, lambda: worker.is_cancelled)
            if found is None:
                found = PageFound(
                    abandonable(lambda: open_path(ahead.path), lambda: worker.is_cancelled)
                )
        except InterruptedError:
            ahead.cancel()  # quitting: the child is stopped
            return
        except ArticleError as error:
            found = PageFound(None, str(error))
        if worker.is_cancelled:
            return
        if found.source is None:
            self.post_message(self.ReadFailed(found.problem))
        else:
            self.post_message(self.Read(found.source, OpenRequest(ahead.path, back=False)))

    @work(thread=True, exclusive=True, group="read")
    def download(self, url: str) -> None:
        """Download a web article and keep a copy of it; then it is read like a file."""
        self._download(url)

    @work(thread=True, exclusive=True, group="read")
    def download_again(self, path: Path) -> None:
        """Download again the web article whose kept copy is at `path`."""
        from reader.saved_pages import described

        saved = described(path)
        if saved is None:
            self.post_message(self.ReadFailed("This article is not a web article reader kept."))
        else:
            self._download(saved.requested)

    def _download(self, url: str) -> None:
        from reader.fetch import FetchError, fetch
        from reader.saved_pages import keep

        worker = get_current_worker()
        reported = [0.0]

        def progress(received: int) -> None:
            if time.monotonic() - reported[0] >= PROGRESS_INTERVAL:
                reported[0] = time.monotonic()
                self.post_message(self.Downloading(url, received))

        try:
            fetched = fetch(url, progress=progress, cancelled=lambda: worker.is_cancelled)
            saved = abandonable(lambda: keep(url, fetched), lambda: worker.is_cancelled)
            source = abandonable(lambda: open_path(saved.path), lambda: worker.is_cancelled)
        except InterruptedError:
            return  # quitting: finding the article is left behind
        except (FetchError, ArticleError) as error:
            if not worker.is_cancelled:
                self.post_message(self.ReadFailed(str(error)))
            return
        except OSError as error:
            problem = f"the copy of {visible_line(url)} could not be kept: {error.strerror}"
            self.post_message(self.ReadFailed(problem))
            return
        if not worker.is_cancelled:
            self.post_message(self.Read(source, OpenRequest(saved.path, back=False)))

    @work(thread=True, group="anchors")
    def find_place(self, reading: Reading, anchor: Anchor) -> None:
        """Find a stored place in the article's text, within `places.BUDGET`."""
        from reader.places import BUDGET, locate_place

        worker, document = get_current_worker(), reading.document
        assert document is not None
        block = locate_place(anchor, document, BUDGET, lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.post_message(self.PlaceFound(reading, block))

    @work(thread=True, group="anchors")
    def find_bookmarks(self, reading: Reading, stored: list[Bookmark], listing: bool) -> None:
        """Find bookmarks in the article's text, within `places.BUDGET` for all of them."""
        from reader.places import BUDGET, locate

        worker, document = get_current_worker(), reading.document
        assert document is not None
        found = locate(stored, document, BUDGET, lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.post_message(self.BookmarksFound(reading, found, listing))

    def cancel_for_article(self) -> None:
        """Stop what was under way for the article being left."""
        self.workers.cancel_group(self, "parse")
        self.workers.cancel_group(self, "anchors")

    def look(self, reading: Reading) -> None:
        """Look at the article's file for changes, one look at a time (even if one hangs)."""
        if reading.watch is not None and not self._looking:
            self._looking = True
            self._check_file(reading)

    @work(thread=True, group="watch")
    def _check_file(self, reading: Reading) -> None:
        worker = get_current_worker()
        assert reading.watch is not None
        try:
            change = abandonable(reading.watch.check, lambda: worker.is_cancelled)
        except InterruptedError:
            return  # quitting: a look stuck on a hung mount is left behind
        finally:
            self._looking = False
        if not worker.is_cancelled:
            self.post_message(self.FileChanged(reading, change))
