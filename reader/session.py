"""One opened article's reading session: its document, where the reader is, what they read.

No Textual here. The App shows what a `Reading` says and tells it what the
reader did; leaving the article drops its `Reading`, and all its state with
it. A worker's result carries the `Reading` it was started for, so a result
about an article left meanwhile is recognised in one place (`is not`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.document import Document, Section
from reader.outline import label
from reader.progress import ReadingProgress, duration, time_left
from reader.safe_text import visible_line
from reader.source import FileWatch, Source

if TYPE_CHECKING:
    from reader.places import Places
    from reader.records import Bookmark

LOADING = "loading…"  # the status line's progress until the whole article is in


class Reading:
    """The reader's session with one article."""

    def __init__(self, source: Source, fragment: str = "") -> None:
        """`fragment`: a link's #section, to go to once the whole article is in."""
        self.source = source
        self.fragment = fragment
        self.document: Document | None = None
        self.complete = False  # the whole article is shown, not a preview of its start
        self.progress: ReadingProgress | None = None  # once the whole article is in
        self.places: Places | None = None  # its saved state, once the store is open
        self.finding = False  # the stored place is being looked for in the text
        self.restored = False  # the stored place has been applied: from now on it is saved
        self.passage = -1  # the block being read, as last reported by the article pane
        self.shown_at = 0  # the block it was first shown at (a book: where its body begins)
        self.at_end = False  # the article's end was in view when the place was last shown
        self.read: set[Section] = set()  # sections read through, now or before
        self.watch = FileWatch(source) if source.version is not None else None
        self.file_change: str | None = None  # how the file on disk differs from what is shown

    def read_whole(self, source: Source, places: Places | None) -> None:
        """The whole of an article read only in part is in: its source and saved state."""
        self.source, self.places = source, places
        self.watch = FileWatch(source) if source.version is not None else None

    def show(self, document: Document, progress: ReadingProgress | None, *, complete: bool) -> None:
        """More of the article is in: `document`, the whole of it if `complete`."""
        self.document, self.complete = document, complete
        self.progress = (progress or ReadingProgress(document)) if complete else None

    @property
    def ready_to_restore(self) -> bool:
        """Whether the stored place can be looked for now (and has not been yet)."""
        return (
            self.complete
            and self.places is not None
            and self.document is not None
            and not (self.finding or self.restored)
        )

    @property
    def savable(self) -> bool:
        """Whether the place may be saved: once the stored one has been applied, or
        once the reader has moved on their own (past the start) before that."""
        return (
            self.places is not None
            and self.document is not None
            and (self.restored or self.passage > 0)
            and self.passage >= 0
        )

    def fraction(self) -> float:
        """How far through the article's words the passage is (1.0 at the end only).

        Until the whole article is in and its words counted, the share of its
        characters before the passage stands in.
        """
        if self.progress is not None:
            return self.progress.fraction(self.passage, at_end=self.at_end)
        document = self.document
        if document is None or not document.blocks:
            return 0.0
        block = document.blocks[min(max(self.passage, 0), len(document.blocks) - 1)]
        return min(0.99, block.start / max(1, len(document.text)))

    def moved_to(self, block: int) -> int:
        """The reader is at `block` now; the block they were at before."""
        previous, self.passage = self.passage, block
        return previous

    def passed(self, start: int, end: int, *, at_end: bool) -> list[Section]:
        """The reader scrolled from block `start` on to `end`: the sections read through
        by it, not read before (those whose last block they passed, or that end on
        screen at the article's end). They are remembered as read."""
        document = self.document
        if document is None or not self.restored or not self.complete:
            return []
        last = len(document.blocks) if at_end else end - 1
        read = [s for s in document.sections_ending(start, last) if s not in self.read]
        self.read.update(read)
        return read

    def file_changed(self, change: str | None) -> tuple[str, str] | None:
        """The file on disk changed ("changed"), went ("gone") or came back (None): the
        title bar's subtitle and what to tell the reader; None if nothing is new."""
        if change == self.file_change:
            return None
        self.file_change = change
        name = visible_line(self.source.name)
        if change is None:  # put back as it was
            return name, ""
        if change == "changed":
            return f"{name} (changed on disk)", (
                f"{name} changed on disk. This is the text as it was when opened; "
                "open it again for the new version (your place and bookmarks follow)."
            )
        return f"{name} (deleted or moved)", (
            f"{name} was deleted or moved. This is the text as it was when opened; "
            "your place and bookmarks are kept."
        )

    def stored_bookmarks(self) -> tuple[list[Bookmark], str | None]:
        """The article's bookmarks as stored; none, and why, if they cannot be read."""
        from reader.store import StoreError  # loaded with the store, after the first frame

        if self.places is None:
            return [], None
        try:
            return self.places.stored_bookmarks(), None
        except StoreError as error:
            return [], f"Your bookmarks could not be read: {error}."

    def status(self, *, at_end: bool, words_per_minute: int) -> tuple[list[str], str]:
        """The status line: the path of sections to the passage, and how far through it is
        ("42%  ·  3 min left"). Nothing before the pane has reported a passage."""
        document, passage = self.document, self.passage
        if document is None or passage < 0:
            return [], ""
        path = self.path_to(document.section_of(passage))
        if self.progress is None:
            return path, LOADING
        percent = self.progress.percent(passage, at_end=at_end)
        minutes = self.progress.minutes_left(passage, words_per_minute, at_end=at_end)
        return path, f"{percent}%  ·  {time_left(minutes)}"

    def section_time(self, *, at_end: bool, words_per_minute: int) -> str:
        """ "4 min in section": the time left in the section read; "" where that is the
        time left in the article (or not known yet)."""
        document, passage, progress = self.document, self.passage, self.progress
        if document is None or passage < 0 or progress is None or at_end:
            return ""
        section = document.section_of(passage)
        if section is document.root or section.end_block >= len(document.blocks):
            return ""
        minutes = progress.minutes_left(passage, words_per_minute, until=section.end_block)
        return f"{duration(minutes)} in section"

    def path_to(self, section: Section) -> list[str]:
        """The whole titles from the top section down to `section` (the article's title
        for the article itself)."""
        path = []
        node: Section | None = section
        while node is not None and node.parent is not None:  # (the root has no parent)
            path.append(label(node))
            node = node.parent
        return path[::-1] or [label(section)]

    def next_section(self, passage: int) -> Section | None:
        """The section after the one `passage` is in, at any depth (None: it is the last)."""
        document = self.document
        if document is None or not document.blocks:
            return None
        index = document.section_position(document.section_of(max(passage, 0)))
        return document.sections[index + 1] if index + 1 < len(document.sections) else None

    def previous_section(
        self, passage: int, scrolled_past: Callable[[int], bool]
    ) -> Section | None:
        """The start of the section `passage` is in if the reader is past it (`scrolled_past`:
        whether the pane's top is below a block's first row), else the one before (None:
        it is the first)."""
        document = self.document
        if document is None or not document.blocks:
            return None
        passage = max(passage, 0)
        section = document.section_of(passage)
        if passage > section.first_block or scrolled_past(section.first_block):
            return section
        earlier = [
            s
            for s in document.sections[: document.section_position(section)]
            if s.first_block < section.first_block  # not a parent starting at the same place
        ]
        return earlier[-1] if earlier else None
