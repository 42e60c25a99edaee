"""Leaving the article: links followed, other articles opened, and back to the ones left.

A part of the reading screen, kept apart for its size: a link resolves (purely, in
`reader.links`) to a section, an article file, a web page or a refusal; files are
read off the UI thread by the `Loader`; the articles left are kept for backspace.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.safe_text import visible_path
from reader.widgets.loader import Loader, OpenRequest

if TYPE_CHECKING:
    from reader.links import FileTarget
    from reader.source import Source
    from reader.widgets.reading_screen import ReadingScreen

HISTORY_LIMIT = 20  # articles backspace can go back to


class ArticleLinks:
    """Follows links and opens other articles for one reading screen; keeps the way back."""

    def __init__(self, screen: ReadingScreen) -> None:
        self.screen = screen
        self.history: list[Source] = []  # articles left (for a link or the library), for back

    def follow(self, href: str) -> None:
        """A section here, another article (back with backspace), or a web page if confirmed."""
        from reader.links import FileTarget, Refused, WebLink, resolve

        reading = self.screen.reading
        if reading.document is None:
            return
        target = resolve(href, reading.document, reading.source.path)
        if isinstance(target, Refused):
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
        if request.back:
            self.history.append(self.screen.reading.source)  # backspace comes back here
            del self.history[:-HISTORY_LIMIT]
        self.screen.open_article(event.source, fragment=request.fragment)
        if request.link:
            self.screen.notify("Backspace goes back.", timeout=3)

    def go_back(self) -> None:
        """Back to the article left for a link or the library, at the place it was left."""
        if not self.history:
            self.screen.notify("There is no article to go back to.", timeout=2)
            return
        self.screen.open_article(self.history.pop())

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
