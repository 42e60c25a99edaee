"""Coming back to an article: it opens where the reader left off."""

from __future__ import annotations

from pathlib import Path

from helpers import highlighted, messages, settle, top_line

from reader.app import ReaderApp
from reader.source import load, load_path
from reader.store import DATABASE_NAME


async def test_reopening_resumes_at_the_same_passage_at_another_size() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for _ in range(5):
            await pilot.press("right_square_bracket")
        await settle(pilot)
        assert highlighted(app) == "2. AI Generalization"
        await pilot.press("q")
    again = ReaderApp(load(None))
    async with again.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert top_line(again) == "2. AI Generalization"
        assert highlighted(again) == "2. AI Generalization"
        assert "Resumed at 2. AI Generalization (g: start over)" in messages(again)
        await pilot.press("g")
        assert top_line(again) == "Amazon invests $4B in Anthropic AI startup"


async def test_a_moved_file_keeps_its_place(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(Path(load(None).path or "").read_text(encoding="utf-8"), encoding="utf-8")
    app = ReaderApp(load_path(article))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for _ in range(3):
            await pilot.press("right_square_bracket")
        await pilot.press("q")
    moved = tmp_path / "elsewhere.txt"
    article.rename(moved)
    app = ReaderApp(load_path(moved))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert top_line(app) == "Implications for the AI Ecosystem"


async def test_a_file_edited_in_place_keeps_its_place(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    original = Path(load(None).path or "").read_text(encoding="utf-8")
    article.write_text(original, encoding="utf-8")
    app = ReaderApp(load_path(article))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for _ in range(6):
            await pilot.press("right_square_bracket")
        await pilot.press("q")
    edited = "A paragraph inserted at the top.\n\n" + original.replace(
        "The deal sharpens the rivalry", "The deal sharpens rivalry"
    )
    article.write_text(edited, encoding="utf-8")
    app = ReaderApp(load_path(article))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert top_line(app) == "3. Increased Competition in AI"


async def test_a_damaged_state_file_is_reported_and_kept(isolated_dirs: Path) -> None:
    folder = isolated_dirs / "xdg_data_home" / "reader"
    folder.mkdir(parents=True)
    (folder / DATABASE_NAME).write_bytes(b"this is not a database" * 100)
    app = ReaderApp(load(None))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        assert any("kept as" in message for message in messages(app))
    assert list(folder.glob(f"{DATABASE_NAME}.damaged-*"))


async def test_an_unusable_data_directory_warns_once_and_still_reads(
    tmp_path: Path, monkeypatch
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    app = ReaderApp(load(None))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "m")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        warnings = [m for m in messages(app) if m.startswith("Nothing will be saved")]
        assert len(warnings) == 1
        assert top_line(app) == "◆ Amazon’s Strategic Investment"  # works for this session


async def test_ctrl_c_quits_and_keeps_the_place() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running
    again = ReaderApp(load(None))
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert top_line(again) == "Implications for the AI Ecosystem"
