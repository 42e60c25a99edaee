"""Render one document block to strips at a given width.

Article text only ever enters Rich as plain strings with explicit styles (never
as markup), after control characters have been made visible.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rich import box
from rich.console import Console, RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.strip import Strip

from reader.document import Block, BlockKind, Container, ContainerKind, Inline, Run
from reader.safe_text import visible
from reader.search import CELL_BREAK, TAB_SIZE

Mark = tuple[int, int, bool]  # a search match in the block's display text: start, end, current
CURRENT_MATCH = "current-match"  # style meta on the current match, to find its line
LINK_META = "reader-href"  # style meta on a link's text: where it points

QUOTE_BAR = "▌ "
MIN_TEXT_WIDTH = 12


@dataclass(frozen=True, slots=True)
class Palette:
    """The Rich styles blocks are drawn with, taken from the content pane's CSS."""

    text: Style
    headings: tuple[Style, ...]
    emphasis: Style
    strong: Style
    code: Style
    code_block: Style
    link: Style
    strike: Style
    quote: Style
    gutter: Style
    bookmark: Style
    muted: Style
    match: Style
    current_match: Style
    dark: bool

    def mark_style(self, current: bool) -> Style:
        if current:
            return self.current_match + Style.from_meta({CURRENT_MATCH: True})
        return self.match


def render_block(
    block: Block, width: int, palette: Palette, console: Console, marks: tuple[Mark, ...] = ()
) -> list[Strip]:
    """The lines of a block, each exactly `width` cells wide, search matches marked."""
    containers = block.containers
    # Very deep nesting in a narrow pane: drop the outermost markers, never the text.
    while containers and _prefix_width(containers) > width - MIN_TEXT_WIDTH:
        containers = containers[1:]
    inner = max(MIN_TEXT_WIDTH, width - _prefix_width(containers))
    lines = _render_body(block, inner, palette, console, marks)
    if containers:
        lines = _add_prefixes(containers, lines, palette)
    return [Strip(line).crop_extend(0, width, palette.text) for line in lines]


def _prefix_width(containers: tuple[Container, ...]) -> int:
    return sum(
        len(QUOTE_BAR) if c.kind is ContainerKind.QUOTE else len(c.marker) + 1 for c in containers
    )


def _render_body(
    block: Block, width: int, palette: Palette, console: Console, marks: tuple[Mark, ...]
) -> list[list[Segment]]:
    kind = block.kind
    if kind is BlockKind.HEADING:
        style = palette.headings[min(block.level, len(palette.headings)) - 1]
        lines = _wrap(_text(block.runs, palette, style, marks), width, console)
        if block.level <= 2:  # top levels get a rule beneath: heavy and full width, then light
            longest = max(sum(segment.cell_length for segment in line) for line in lines)
            rule = "━" * width if block.level == 1 else "─" * longest
            lines.append([Segment(rule, palette.muted)])
        return lines
    if kind is BlockKind.PARAGRAPH:
        return _wrap(_text(block.runs, palette, palette.text, marks), width, console)
    if kind is BlockKind.RULE:
        return [[Segment("─" * width, palette.muted)]]
    if kind is BlockKind.TABLE:
        return _render(_table(block, palette, marks), width, console, palette.text)
    return _literal(block, width, palette, console, marks)


def _text(
    runs: tuple[Run, ...], palette: Palette, base: Style, marks: tuple[Mark, ...] = ()
) -> Text:
    """Runs as one Text; `marks` are offsets in its text before tabs are expanded."""
    text = Text(style=base, end="")
    for run in runs:
        text.append(visible(run.text), _run_style(run, palette))
    for start, end, current in marks:
        text.stylize(palette.mark_style(current), start, end)
    if "\t" in text.plain:
        text.expand_tabs(TAB_SIZE)  # to tab stops, so tab-separated columns line up
    return text


def _run_style(run: Run, palette: Palette) -> Style | None:
    style = run.style
    if style is Inline.PLAIN:
        return None
    if run.href and Inline.LINK in style:  # our own meta: never an action of Textual's
        return _plain_style(style, palette) + Style.from_meta({LINK_META: run.href})
    return _plain_style(style, palette)


def _plain_style(style: Inline, palette: Palette) -> Style:
    parts = [
        palette.emphasis if Inline.EMPHASIS in style else None,
        palette.strong if Inline.STRONG in style else None,
        palette.code if Inline.CODE in style else None,
        palette.strike if Inline.STRIKE in style else None,
        palette.link if Inline.LINK in style else None,
        palette.muted if Inline.IMAGE in style else None,
    ]
    return Style.chain(*(part for part in parts if part is not None))


def _wrap(text: Text, width: int, console: Console) -> list[list[Segment]]:
    return [_segments(line, console) for line in text.wrap(console, width, overflow="fold")]


def _segments(line: Text, console: Console) -> list[Segment]:
    """A line's segments with its base style applied (Text.render leaves it out)."""
    base = line.style if isinstance(line.style, Style) else console.get_style(line.style)
    return list(Segment.apply_style(line.render(console), style=base))


def _render(
    renderable: RenderableType, width: int, console: Console, base: Style
) -> list[list[Segment]]:
    """A Rich renderable's lines, on the pane's colours where it sets none."""
    options = console.options.update(width=width, height=None, highlight=False, markup=False)
    lines = console.render_lines(renderable, options, pad=False)
    return [list(Segment.apply_style(line, style=base)) for line in lines]


def _literal(
    block: Block, width: int, palette: Palette, console: Console, marks: tuple[Mark, ...]
) -> list[list[Segment]]:
    """Code, preformatted text and raw HTML: kept verbatim, folded (not wrapped) when too wide."""
    code = visible(block.literal.expandtabs(TAB_SIZE))
    inner = max(1, width - 2)
    lexer = block.language if block.kind is BlockKind.CODE else ""
    lines: list[list[Segment]] = []
    if lexer and _known_lexer(lexer):
        from rich.syntax import Syntax  # Pygments loads with the first highlighted block

        syntax = Syntax(
            code,
            lexer,
            theme="ansi_dark" if palette.dark else "ansi_light",
            background_color=palette.code_block.bgcolor.name
            if palette.code_block.bgcolor
            else None,
            word_wrap=True,
            code_width=inner,
        )
        for start, end, current in marks:
            syntax.stylize_range(
                palette.mark_style(current), _line_column(code, start), _line_column(code, end)
            )
        lines = _render(syntax, inner, console, palette.code_block)
    else:
        text = Text(code, style=palette.code_block)
        for start, end, current in marks:
            text.stylize(palette.mark_style(current), start, end)
        text.no_wrap = True
        for line in text.split("\n", allow_blank=True):
            fits = line.cell_len <= inner
            lines.extend([_segments(line, console)] if fits else _wrap(line, inner, console))
    pad = Segment(" ", palette.code_block)
    return [
        [pad, *Strip(line).crop_extend(0, inner, palette.code_block), pad]
        for line in (lines or [[]])
    ]


def prepare_highlighting(languages: Iterable[str]) -> None:
    """Load Pygments and these languages' lexers now rather than at the first code block.

    Imports are slow on a busy interpreter: call this off the UI thread.
    """
    import rich.syntax  # noqa: F401

    for language in languages:
        _known_lexer(language)


@lru_cache(maxsize=64)
def _known_lexer(name: str) -> bool:
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        get_lexer_by_name(name)
    except ClassNotFound:
        return False
    return True


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """An offset as Rich Syntax's (line from 1, column) position."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start


def _cell_marks(block: Block, marks: tuple[Mark, ...]) -> list[tuple[Mark, ...]]:
    """The marks in each cell, row by row, relative to the cell's own text."""
    cells: list[tuple[Mark, ...]] = []
    offset = 0
    for row in block.rows:
        for cell in row:
            length = len(visible("".join(run.text for run in cell)))
            cells.append(
                tuple(
                    (start - offset, end - offset, current)
                    for start, end, current in marks
                    if offset <= start and end <= offset + length
                )
            )
            offset += length + len(CELL_BREAK)
    return cells


def _table(block: Block, palette: Palette, marks: tuple[Mark, ...] = ()) -> Table:
    cell_marks = iter(_cell_marks(block, marks))
    header, *body = block.rows or ((),)
    table = Table(
        box=box.ROUNDED,
        border_style=palette.muted,
        header_style=palette.strong,
        show_lines=False,
        expand=False,
    )
    for column, cell in enumerate(header):
        align = block.align[column] if column < len(block.align) else ""
        table.add_column(
            _text(cell, palette, palette.strong, next(cell_marks)),
            overflow="fold",
            justify="right" if align == "right" else "center" if align == "center" else "left",
        )
    for row in body:
        table.add_row(*(_text(cell, palette, palette.text, next(cell_marks)) for cell in row))
    return table


def _add_prefixes(
    containers: tuple[Container, ...], lines: list[list[Segment]], palette: Palette
) -> list[list[Segment]]:
    """Quote bars and list markers in front of each line (markers on the item's first line only)."""
    out = []
    for row, line in enumerate(lines):
        prefix: list[Segment] = []
        for container in containers:
            if container.kind is ContainerKind.QUOTE:
                prefix.append(Segment(QUOTE_BAR, palette.quote))
            elif container.first and row == 0:
                prefix.append(Segment(container.marker + " ", palette.muted))
            else:
                prefix.append(Segment(" " * (len(container.marker) + 1), palette.text))
        out.append(prefix + line)
    return out
