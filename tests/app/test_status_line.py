"""The status line shares its width: progress whole, the deepest title before where back leads."""

from __future__ import annotations

from textual.app import App, ComposeResult

from reader.widgets.status_line import StatusLine

PATH = ["Implications for the AI Ecosystem", "3. Increased Competition in AI"]
BACK = "Amazon invests $4B in Anthropic AI startup"
PROGRESS = "52%  ·  2 min left"


class Line(App[None]):
    def compose(self) -> ComposeResult:
        yield StatusLine()


async def shown(columns: int, path: list[str], back: str, section: str = "") -> str:
    app = Line()
    async with app.run_test(size=(columns, 3)) as pilot:
        app.query_one(StatusLine).show(path, PROGRESS, back=back, section=section)
        await pilot.pause()
        return str(app.query_one(StatusLine).render())


async def test_the_deepest_title_stays_whole_and_back_takes_what_is_left() -> None:
    line = await shown(80, PATH, BACK)
    assert "3. Increased Competition in AI" in line  # (cut to "…ncreased" before)
    assert "⌫ Amazon" in line and line.rstrip().endswith(PROGRESS)


async def test_with_room_everything_is_whole() -> None:
    line = await shown(200, PATH, BACK)
    assert " › ".join(PATH) in line and f"⌫ {BACK}" in line


async def test_back_takes_at_most_a_third_and_the_path_the_rest() -> None:
    line = await shown(120, PATH, BACK)
    back = line[line.index("⌫") : line.index("  ·  52%")]
    assert back.endswith("…") and len(back) == 118 // 3
    assert line.startswith("…") and line.index("⌫") > 118 - 18 - 5 - 118 // 3 - 3


async def test_back_keeps_a_few_cells_however_long_the_path() -> None:
    line = await shown(80, ["A very long section title " * 4], BACK)
    assert "⌫ Amazon inv" in line and line.startswith("…")


async def test_the_time_left_in_the_section_shows_only_where_nothing_is_cut_for_it() -> None:
    line = await shown(200, PATH, BACK, "4 min in section")
    assert line.rstrip().endswith(f"4 min in section  ·  {PROGRESS}")
    assert " › ".join(PATH) in line and f"⌫ {BACK}" in line
    line = await shown(120, PATH, "", "4 min in section")
    assert line.startswith(" › ".join(PATH)) and "4 min in section" in line
    line = await shown(80, PATH, BACK, "4 min in section")
    assert "in section" not in line and "3. Increased Competition in AI" in line
