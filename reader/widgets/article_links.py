"""Leaving the place: links followed, other articles opened, and the way back and forward.

A part of the reading screen, kept apart for its size: a link resolves (purely, in
`reader.links`) to a section, an article file, a web page or a refusal; files are
read off the UI thread by the `Loader`. Every jump of more than a screen, within
the article or to another, leaves its place in the `JumpList` for back and forward.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.jumps import JumpList, Place
from reader.safe_text import visible_path
from reader.widgets.content import ContentView
from reader.widgets.loader import Loader, OpenRequest

if TYPE_CHECKING:
    from reader.links import FileTarget
    from reader.widgets.reading_screen import ReadingScreen


class ArticleLinks:
    """Follows links and opens other articles for one reading screen; keeps the way back."""

    def __init__(self, screen: ReadingScreen) -> None:
        self.screen = screen
        self.jumps = JumpList()
        self.returning = False  # a back or forward within the article is under way

    def place(self, block: int) -> Place | None:
        """The place at `block` of the article shown."""
        reading = self.screen.reading
        document = reading.document
        if document is None or not 0 <= block < len(document.blocks):
            return None
        section = document.section_of(block)
        return Place(reading.source, block, document.title, section.title)

    def jumped(self, left: int, to: int) -> None:
        """The pane jumped from block `left` to `to`: keep `left` if it was more than a
        screen away (and the jump was not a back or forward)."""
        returning, self.returning = self.returning, False
        content = self.screen.query_one(ContentView)
        first, last = sorted((left, to))
        far = content.rows_between(first, last) > content.size.height
        place = self.place(left)
        if not returning and far and place is not None:
            self.jumps.jumped(place)

    def back_label(self) -> str:
        """Where back leads: a section here, or another article."""
        place = self.jumps.behind
        if place is None:
            return ""
        return place.section if place.same_article(self.screen.reading.source) else place.article

    def follow(self, href: str) -> None:
        """A section here, another article (back with backspace), or a web page if confirmed."""
        from reader.links import FileTarget, Passage, Refused, WebLink, resolve

        reading = self.screen.reading
        if reading.document is None:
            return
        source = reading.source
        target = resolve(href, reading.document, source.path, source.anchors)
        if isinstance(target, Passage):
            self.screen.query_one(ContentView).scroll_to_block(target.block)
        elif isinstance(target, Refused):
            self.screen.notify(target.reason, timeout=4)
        elif isinstance(target, WebLink):
            self._open_web(target.url)
        elif isinstance(target, FileTarget):
            self._open_file(target)
        else:
            self.screen.go_to_section(target)

    def _open_file(self, target: FileTarget) -> None:
        """An article file in this one's folder opens at once; any other file after asking."""
        from reader.widgets.choice_screen import ChoiceScreen

        if target.trusted:
            self.open_path(target.path, target.fragment, link=True)
            return

        def answered(choice: str | None) -> None:
            if choice == "open":
                self.open_path(target.path, target.fragment, link=True)

        question = (
            f"Open {visible_path(target.path)}? The link leads outside this article's folder, "
            "or to a file that is not an article."
        )
        answers = [("Open it here", "open"), ("Stay here", "stay")]
        self.screen.app.push_screen(ChoiceScreen(question, answers), answered)

    def open_path(
        self, path: Path, fragment: str = "", *, link: bool = False, back: bool = True
    ) -> None:
        """Read an article off the UI thread, then show it in place of this one (kept for
        back unless not `back`); `fragment` names a section to go to."""
        self.screen.query_one(Loader).read(OpenRequest(path, fragment, link, back))

    def read(self, event: Loader.Read) -> None:
        """An article asked for is read: show it, keeping the one left for back."""
        request = event.request
        here = self.place(self.screen.reading.passage)
        if request.back and here is not None:
            self.jumps.jumped(here)  # backspace comes back here
        self.screen.open_article(event.source, fragment=request.fragment)
        if request.link:
            self.screen.notify("Backspace goes back.", timeout=3)

    def go_back(self) -> None:
        """Back to the place left by the last jump, here or in the article left."""
        self._go(self.jumps.back, "There is no place to go back to.")

    def go_forward(self) -> None:
        """Forward to the place the last back left."""
        self._go(self.jumps.forward, "There is no place to go forward to.")

    def _go(self, step: Callable[[Place], Place | None], nowhere: str) -> None:
        here = self.place(self.screen.reading.passage)
        target = step(here) if here is not None else None
        if target is None:
            self.screen.notify(nowhere, timeout=2)
        elif target.same_article(self.screen.reading.source):
            self.returning = True
            self.screen.query_one(ContentView).scroll_to_block(target.block)
        elif target.source is not None:  # another article, at the place it was left
            self.screen.open_article(target.source)  # (saved when it was left)
        elif target.path is not None:  # the same, read again from its file
            self.open_path(target.path, back=False)

    def _open_web(self, url: str) -> None:
        from reader.widgets.choice_screen import ChoiceScreen

        def answered(choice: str | None) -> None:
            if choice == "open":
                self._browse(url)

        question = f"Open {url} in your web browser?"
        answers = [("Open it in the browser", "open"), ("Stay here", "stay")]
        self.screen.app.push_screen(ChoiceScreen(question, answers), answered)

    def _browse(self, url: str) -> None:
        screen = self.screen

        def browse() -> None:
            import webbrowser  # may block while a browser starts

            if not webbrowser.open(url):
                screen.app.call_from_thread(screen.warn, f"No web browser could open {url}.")

        screen.run_worker(browse, thread=True, group="browser")
