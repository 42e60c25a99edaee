"""Bookmarking passages with `m`."""

from __future__ import annotations

from pathlib import Path

from conftest import NEWS
from helpers import bookmark_sections, messages, screen_text, settle
from textual.widgets import Input, OptionList

from reader.app import ReaderApp
from reader.source import load, load_path
from reader.store import Store
from reader.widgets import SectionTree
from reader.widgets.bookmark_list import BookmarkList
from reader.widgets.note_prompt import NotePrompt


async def test_m_bookmarks_the_passage_with_a_note_and_marks_it() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        for _ in range(2):
            await pilot.press("right_square_bracket")
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, NotePrompt)
        await pilot.press(*"worth rereading")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, NotePrompt)
        assert "Bookmarked." in messages(app)
        assert screen_text(app).split("\n")[0].startswith("◆ Amazon’s Strategic Investment")
        tree = app.query_one(SectionTree)
        assert str(tree.root.children[1].label) == "Amazon’s Strategic Investment ◆1"
    (bookmark,) = Store.open().bookmarks()
    assert (bookmark.note, bookmark.section) == ("worth rereading", "Amazon’s Strategic Investment")
    assert bookmark.anchor.exact == "Amazon’s Strategic Investment"
    again = ReaderApp(load(None))
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert screen_text(again).split("\n")[0].startswith("◆ Amazon’s Strategic Investment")


async def test_escape_cancels_a_bookmark() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press(*"never mind", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, NotePrompt)
    assert Store.open().bookmarks() == []


async def test_enter_pressed_twice_saves_one_bookmark() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        field = app.screen.query_one(Input)
        field.value = "once"
        for _ in range(2):  # both arrive before the prompt has closed
            field.post_message(Input.Submitted(field, field.value))
        await settle(pilot)
        assert not isinstance(app.screen, NotePrompt)
    assert [b.note for b in Store.open().bookmarks()] == ["once"]


async def test_a_note_is_plain_text() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press(*"[bold]x[/bold]", "enter")
        await settle(pilot)
    assert Store.open().bookmarks()[0].note == "[bold]x[/bold]"


async def test_b_lists_jumps_edits_deletes_and_undoes() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await bookmark_sections(app, pilot, [1, 3, 5], ["one", "two", "three"])
        await pilot.press("g", "b")
        await settle(pilot)
        assert isinstance(app.screen, BookmarkList)
        options = app.screen.query_one(OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert [line.split("\n")[0] for line in shown] == [
            "2. AI Generalization",
            "Implications for the AI Ecosystem",
            "The Anthropic Advantage",
        ]  # newest first
        assert "three" in shown[0]
        await pilot.press("down", "enter")  # the second: Implications
        await settle(pilot)
        assert not isinstance(app.screen, BookmarkList)
        assert screen_text(app).split("\n")[0].startswith("◆ Implications for the AI Ecosystem")
        await pilot.press("b", "e")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", *"edited", "enter")  # replace the note
        await settle(pilot)
        await pilot.press("down", "d")
        await settle(pilot)
        assert app.screen.query_one(OptionList).option_count == 2
        await pilot.press("u")
        await settle(pilot)
        assert app.screen.query_one(OptionList).option_count == 3
        await pilot.press(
            "down", "d", "escape"
        )  # the undone one is highlighted: next is the oldest
        await settle(pilot)
        assert not isinstance(app.screen, BookmarkList)
    notes = [(b.section, b.note) for b in Store.open().bookmarks()]
    assert notes == [
        ("2. AI Generalization", "edited"),
        ("Implications for the AI Ecosystem", "two"),
    ]


def copy_of_article(folder: Path) -> Path:
    path = folder / "article.txt"
    path.write_text(NEWS.read_text(encoding="utf-8"), encoding="utf-8")
    return path


async def bookmark_in(path: Path, jumps: int) -> None:
    app = ReaderApp(load_path(path))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*(["right_square_bracket"] * jumps), "m")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)


async def listed_after_reopening(path: Path) -> tuple[list[str], str]:
    """The bookmark list's rows, and the top line after choosing the first one."""
    app = ReaderApp(load_path(path))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("g", "b")
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        await pilot.press("enter")
        await settle(pilot)
        if isinstance(app.screen, BookmarkList):  # an orphan has nowhere to jump to
            await pilot.press("escape")
            await settle(pilot)
        return rows, screen_text(app).split("\n")[0]


async def test_a_bookmark_survives_an_insertion_above_and_a_word_changed_inside(
    tmp_path: Path,
) -> None:
    path = copy_of_article(tmp_path)
    await bookmark_in(path, 6)  # the heading "3. Increased Competition in AI"
    text = path.read_text(encoding="utf-8")
    edited = "An editor's note added at the top.\n\n" + text.replace(
        "3. Increased Competition in AI", "3. Increased Competition in A.I."
    )
    path.write_text(edited, encoding="utf-8")
    rows, top = await listed_after_reopening(path)
    assert len(rows) == 1 and "orphaned" not in rows[0]
    assert top == "◆ 3. Increased Competition in A.I."


async def test_a_moved_file_keeps_its_bookmarks(tmp_path: Path) -> None:
    path = copy_of_article(tmp_path)
    await bookmark_in(path, 2)
    moved = path.rename(tmp_path / "moved.txt")
    rows, top = await listed_after_reopening(moved)
    assert len(rows) == 1 and rows[0].startswith("Amazon’s Strategic Investment")
    assert top == "◆ Amazon’s Strategic Investment"


async def test_a_deleted_passage_leaves_an_orphaned_bookmark_listed(tmp_path: Path) -> None:
    path = copy_of_article(tmp_path)
    await bookmark_in(path, 2)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Amazon’s Strategic Investment\n\n", ""), encoding="utf-8")
    rows, _ = await listed_after_reopening(path)
    assert len(rows) == 1 and "orphaned" in rows[0]
    assert "Amazon’s Strategic Investment" in rows[0]


async def test_m_with_a_mouse_selection_bookmarks_exactly_the_selected_words() -> None:
    from textual.geometry import Offset
    from textual.selection import Selection

    from reader.widgets import ContentView

    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        content = app.query_one(ContentView)
        rows = screen_text(app).split("\n")
        first = next(y for y, row in enumerate(rows) if "Anthropic AI is a company" in row)
        start_x = rows[first].index("known")
        end_x = rows[first + 1].index("intelligence") + len("intelligence")  # across a wrap
        top = round(content.scroll_y)
        app.screen.selections = {
            content: Selection(Offset(start_x, top + first), Offset(end_x, top + first + 1))
        }
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.selections == {}
    (bookmark,) = Store.open().bookmarks()
    text = load(None).text
    assert bookmark.anchor.exact.startswith("known for its cutting-edge research")
    assert bookmark.anchor.exact.endswith("of artificial intelligence")
    assert text[bookmark.anchor.start : bookmark.anchor.end] == bookmark.anchor.exact


async def test_e_edits_the_note_with_the_cursor_at_its_end_not_replacing_it() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await bookmark_sections(app, pilot, [1], ["first thought"])
        await pilot.press("b", "e")
        await settle(pilot)
        await pilot.press(*", and a second", "enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
    assert [b.note for b in Store.open().bookmarks()] == ["first thought, and a second"]
