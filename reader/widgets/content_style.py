"""The article pane's look: its component classes, their default CSS, and the
`Palette` that blocks are drawn with, taken from them.
"""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget

from reader.widgets.blocks import Palette

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


def content_palette(pane: Widget) -> Palette:
    """The pane's component styles, each on the pane's own colours."""
    text = Style(color=pane.rich_style.color, bgcolor=pane.rich_style.bgcolor)

    def get(name: str, partial: bool = False) -> Style:
        """A component style on the pane's own colours."""
        return text + pane.get_component_rich_style(name, partial=partial)

    return Palette(
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
        dark=pane.app.current_theme.dark,
    )
