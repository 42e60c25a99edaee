"""The links in the article pane's passage, and following one: the only one, or the
one the reader chooses.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widget import Widget

from reader.document import Block


def block_links(block: Block) -> list[str]:
    """A block's links (its table cells' too), in order, each once."""
    runs = [run for row in block.rows for cell in row for run in cell] or list(block.runs)
    return list(dict.fromkeys(run.href for run in runs if run.href))


def follow_link(pane: Widget, links: list[str], follow: Callable[[str], object]) -> None:
    """Follow the only link, or ask which one to follow; with none, say so."""
    if len(links) == 1:
        follow(links[0])
    elif not links:
        pane.notify("No link in this passage.", timeout=2)
    else:
        from reader.widgets.choice_screen import ChoiceScreen

        def chosen(href: str | None) -> None:
            if href:
                follow(href)

        answers = [(href, href) for href in links]
        pane.app.push_screen(ChoiceScreen("Follow which link?", answers), chosen)
