"""The app as a person uses it, driven through Pilot."""

from __future__ import annotations

import io
import math
from collections.abc import Callable

import pytest
from helpers import (
    SECTION_ORDER,
    highlighted,
    in_palette,
    messages,
    screen_text,
    settle,
    status_line,
    top_line,
)
from textual.message import Message

from reader.app import ReaderApp
from reader.parsers.ahead import parse_ahead
from reader.source import Source, load
from reader.widgets import ContentView, SectionTree
from reader.widgets.content import LOADING_MESSAGE
from reader.widgets.key_bar import KeyBar
from reader.widgets.reading_screen import ReadingScreen
from reader.widgets.section_tree import READ_MARK
from reader.widgets.title_bar import TitleBar

SIZE = (120, 40)


async def test_opens_the_bundled_article_with_title_tree_and_text(bundled_app: ReaderApp) -> None:
    async with bundled_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app = bundled_app
        assert app.title == "Amazon invests $4B in Anthropic AI startup"
        assert app.title in str(app.query_one(TitleBar).render())
        tree = app.query_one(SectionTree)
        assert [str(child.label) for child in tree.root.children] == [
            "The Anthropic Advantage",
            "Amazon’s Strategic Investment",
            "Implications for the AI Ecosystem",
            "Amazon’s $4 billion investment…",
        ]
        assert len(tree.root.children[2].children) == 4
        assert top_line(app) == "Amazon invests $4B in Anthropic AI startup"
        assert "Amazon has announced a staggering $4 billion investment" in screen_text(app)
        assert app.focused is app.query_one(ContentView)


async def test_next_section_walks_every_section_in_order_and_the_tree_follows(
    bundled_app: ReaderApp,
) -> None:
    async with bundled_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seen = [highlighted(bundled_app)]
        for title in SECTION_ORDER[1:]:
            await pilot.press("right_square_bracket")
            await settle(pilot)
            seen.append(highlighted(bundled_app))
            if title.endswith("…"):  # the closing node has no heading line: its text is on top
                assert top_line(bundled_app).startswith(
                    "Amazon’s $4 billion investment in Anthropic marks"
                )
            else:
                assert top_line(bundled_app) == title  # even near the end of the article
        assert seen == SECTION_ORDER
        # Headings land at the top of the pane while there is text below to fill it.
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert top_line(bundled_app) == "The Anthropic Advantage"


async def test_previous_section_goes_back_through_the_tree(bundled_app: ReaderApp) -> None:
    async with bundled_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(4):
            await pilot.press("right_square_bracket")
        await settle(pilot)
        assert highlighted(bundled_app) == "1. Advancements in Natural Language Processing"
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert highlighted(bundled_app) == "Implications for the AI Ecosystem"
        assert top_line(bundled_app) == "Implications for the AI Ecosystem"
        await pilot.press("down", "down", "down")  # inside the section's body
        await settle(pilot)
        await pilot.press("left_square_bracket")  # back to its own heading first
        await settle(pilot)
        assert top_line(bundled_app) == "Implications for the AI Ecosystem"


async def test_scrolling_keys_move_the_content(bundled_app: ReaderApp) -> None:
    async with bundled_app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        content = bundled_app.query_one(ContentView)
        await pilot.press("j", "j", "down")
        assert content.scroll_y == 3
        await pilot.press("k", "up")
        assert content.scroll_y == 1
        page = content.scrollable_content_region.height - 1
        await pilot.press("space")
        assert content.scroll_y == 1 + page
        await pilot.press("pagedown")
        assert content.scroll_y == 1 + 2 * page
        await pilot.press("shift+space")
        assert content.scroll_y == 1 + page
        await pilot.press("pageup")
        assert content.scroll_y == 1
        await pilot.press("G")
        await settle(pilot)
        assert content.scroll_y == content.max_scroll_y > 0
        assert "which must be addressed as this partnership moves forward." in screen_text(
            bundled_app
        )
        await pilot.press("g")
        assert content.scroll_y == 0
        await pilot.press("end")
        assert content.scroll_y == content.max_scroll_y
        await pilot.press("home")
        assert content.scroll_y == 0


async def test_scrolling_moves_the_tree_highlight(bundled_app: ReaderApp) -> None:
    async with bundled_app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        assert highlighted(bundled_app) == SECTION_ORDER[0]
        for _ in range(4):
            await pilot.press("space")
            await settle(pilot)
        assert highlighted(bundled_app) != SECTION_ORDER[0]
        passage = bundled_app.query_one(ContentView).passage
        assert bundled_app.document is not None
        assert highlighted(bundled_app) == bundled_app.document.section_of(passage).title


async def test_tree_selection_moves_the_content(bundled_app: ReaderApp) -> None:
    async with bundled_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        tree = bundled_app.query_one(SectionTree)
        assert bundled_app.focused is tree
        await pilot.press("down", "down")  # root -> The Anthropic Advantage -> Amazon’s ...
        await pilot.press("enter")
        await settle(pilot)
        assert top_line(bundled_app) == "Amazon’s Strategic Investment"
        assert highlighted(bundled_app) == "Amazon’s Strategic Investment"


async def test_clicking_a_tree_node_jumps_there(bundled_app: ReaderApp) -> None:
    async with bundled_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = bundled_app.query_one(SectionTree)
        node = tree.root.children[2]  # Implications for the AI Ecosystem
        await pilot.click(SectionTree, offset=(6, node.line))
        await settle(pilot)
        assert top_line(bundled_app) == "Implications for the AI Ecosystem"


async def test_tab_moves_focus_between_tree_and_content(bundled_app: ReaderApp) -> None:
    async with bundled_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        content = bundled_app.query_one(ContentView)
        tree = bundled_app.query_one(SectionTree)
        assert bundled_app.focused is content
        await pilot.press("tab")
        assert bundled_app.focused is tree
        await pilot.press("tab")
        assert bundled_app.focused is content
        await pilot.press("shift+tab")
        assert bundled_app.focused is tree


async def test_t_hides_and_shows_the_tree(bundled_app: ReaderApp) -> None:
    async with bundled_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = bundled_app.query_one(SectionTree)
        content = bundled_app.query_one(ContentView)
        await pilot.press("tab")
        await pilot.press("t")
        await settle(pilot)
        assert not tree.display
        assert content.size.width == 120
        assert bundled_app.focused is content
        await pilot.press("t")
        await settle(pilot)
        assert tree.display and content.size.width < 100


async def test_q_quits(bundled_app: ReaderApp) -> None:
    async with bundled_app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not bundled_app.is_running


async def test_key_bar_shows_the_main_keys_even_at_80_columns(bundled_app: ReaderApp) -> None:
    async with bundled_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = bundled_app.query_one(KeyBar)
        shown = bar.render().plain
        for entry in (
            "space Page",
            "] Next",
            "[ Prev",
            "/ Search",
            "m Mark",
            "b Marks",
            "t Tree",
            "? Keys",
            "o Open",
            "q Quit",
        ):
            assert entry in shown  # every key apart from its label
        assert shown.rstrip().endswith("^p")  # the palette's key without its label
        assert len(shown) <= 80
        bar.styles.width = 120  # where there is room, the palette's label too
        await settle(pilot)
        assert bar.render().plain.rstrip().endswith("^p palette")


async def test_clicking_a_key_in_the_key_bar_presses_it(bundled_app: ReaderApp) -> None:
    async with bundled_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = bundled_app.query_one(KeyBar).render().plain
        await pilot.click(KeyBar, offset=(shown.index("] Next") + 1, 0))
        await settle(pilot)
        assert highlighted(bundled_app) == "The Anthropic Advantage"
        await pilot.click(KeyBar, offset=(shown.index("t Tree") + 1, 0))
        await settle(pilot)
        assert not bundled_app.query_one(SectionTree).display


async def test_resize_rewraps_and_keeps_the_passage_in_view(bundled_app: ReaderApp) -> None:
    async with bundled_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(5):
            await pilot.press("right_square_bracket")
        await settle(pilot)
        passage_title = highlighted(bundled_app)
        assert passage_title == "2. AI Generalization"
        await pilot.resize_terminal(70, 20)
        await settle(pilot)
        assert "2. AI Generalization" in screen_text(bundled_app)
        assert highlighted(bundled_app) == passage_title
        assert max(len(line) for line in screen_text(bundled_app).split("\n")) <= 70


async def test_an_empty_article_says_so(make_app: Callable[..., ReaderApp]) -> None:
    app = make_app("", name="empty.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "This article is empty." in screen_text(app)
        await pilot.press("right_square_bracket", "G", "space", "left_square_bracket")
        await settle(pilot)
        assert app.is_running and "This article is empty." in screen_text(app)


async def test_a_fallback_decoding_is_announced() -> None:
    app = ReaderApp(
        Source("Caf\xe9\n\nText.", "latin.txt", "plain", notice="latin.txt is not valid UTF-8")
    )
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert any("not valid UTF-8" in m for m in messages(app))


async def test_markup_in_the_article_is_shown_literally(make_app: Callable[..., ReaderApp]) -> None:
    text = (
        "Report [bold red]Not bold[/] \x1b[31m\n\n"
        "[link=file:///etc/passwd]click[/link] body text.\n"
    )
    app = make_app(text)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert "Report [bold red]Not bold[/] ␛[31m" in shown
        assert "[link=file:///etc/passwd]click[/link] body text." in shown
        assert str(app.query_one(SectionTree).root.label) == "Report [bold red]Not bold[/] ␛[31m"
        assert app.title == "Report [bold red]Not bold[/] ␛[31m"


async def test_clicking_markup_looking_text_does_nothing(
    make_app: Callable[..., ReaderApp],
) -> None:
    text = (
        "# Title [@click=app.quit]quit[/]\n\n"
        "Click [@click=app.quit]here to quit[/] or [@click=app.bell]ring[/] or "
        "[link=file:///etc/passwd]open a file[/link].\n\n"
        "## Section [@click=app.quit]q[/]\n\nBody.\n"
    )
    app = make_app(text, "markdown", "clicks.md")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        content = app.query_one(ContentView)
        lines = screen_text(app).split("\n")
        targets = ["here to quit", "ring[/]", "open a file", "Section [@click"]
        for target in targets:
            y = next(y for y, line in enumerate(lines) if target in line)
            strip = content.render_line(y)
            styles = [segment.style for segment in strip if segment.style]
            assert not any("@click" in style.meta or style.link for style in styles), target
            await pilot.click(ContentView, offset=(lines[y].index(target) + 2, y))
            await settle(pilot)
            assert app.is_running and len(app.screen_stack) == 1
        await pilot.click(TitleBar, offset=(SIZE[0] // 2, 0))
        tree = app.query_one(SectionTree)
        for row in range(2):
            await pilot.click(SectionTree, offset=(8, row))
            await settle(pilot)
        assert app.is_running and len(app.screen_stack) == 1
        assert str(tree.root.label) == "Title [@click=app.quit]quit[/]"


async def test_a_large_article_shows_at_once_and_completes_in_the_background(
    make_app: Callable[..., ReaderApp],
) -> None:
    sections = [
        f"Section {n}\n\n" + ("A sentence of body text for the section. " * 12 + "\n\n") * 6
        for n in range(1, 301)
    ]
    text = "Big Article\n\n" + "".join(sections)
    assert len(text) > 500_000
    app = make_app(text)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Big Article" in screen_text(app)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.document is not None and len(app.document.root.children) == 300
        await pilot.press("space", "space", "space", "space", "space")
        await settle(pilot)
        reading = highlighted(app)
        assert reading.startswith("Section")
        app.reading_screen.show(
            app.document, complete=True
        )  # what the background parse does at the end
        await settle(pilot)
        assert highlighted(app) == reading  # the rebuilt tree still shows the place
        await pilot.press("G")
        await settle(pilot)
        assert highlighted(app) == "Section 300"
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert highlighted(app) == "Section 299"
        assert top_line(app) == "Section 299"


def wide_tables(sections: int) -> str:
    """Markdown whose tables render far taller than their estimated height."""
    row = "| " + " | ".join("x" * 30 for _ in range(6)) + " |"
    table = "\n".join([row, "|" + "---|" * 6, row, row])
    return "# Tables\n\n" + "".join(
        f"## Section {n}\n\n{table}\n\nParagraph of section {n}.\n\n"
        for n in range(1, sections + 1)
    )


async def test_paging_up_through_unrendered_blocks_loses_nothing(
    make_app: Callable[..., ReaderApp],
) -> None:
    app = make_app(wide_tables(30), kind="markdown", name="tables.md")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        content = app.query_one(ContentView)
        await pilot.press("G")
        await settle(pilot)
        seen: set[str] = set()
        previous: list[str] | None = None
        for _ in range(500):  # pages: far more than the article has
            lines = screen_text(app).replace("▎", " ").split("\n")
            seen.update(line.strip(" ▎") for line in lines)
            if previous is not None and content.scroll_y > 0:
                assert lines[-1] == previous[0]  # a page up overlaps by exactly one line
            if content.scroll_y == 0:
                break
            previous = lines
            await pilot.press("pageup")
            await settle(pilot)
        assert content.scroll_y == 0, "page up never reached the top"
        assert {f"Paragraph of section {n}." for n in range(1, 31)} <= seen


async def test_a_line_up_after_a_jump_moves_exactly_one_line(
    make_app: Callable[..., ReaderApp],
) -> None:
    app = make_app(wide_tables(30), kind="markdown", name="tables.md")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        tree = app.query_one(SectionTree)
        tree.select_node(tree.root.children[19])  # Section 20, far below anything rendered
        await settle(pilot)
        for _ in range(6):
            before = screen_text(app).replace("▎", " ").split("\n")
            await pilot.press("k")
            await settle(pilot)
            assert screen_text(app).replace("▎", " ").split("\n")[1:] == before[:-1]


async def test_previous_section_inside_a_long_first_passage_goes_to_its_start(
    make_app: Callable[..., ReaderApp],
) -> None:
    app = make_app("A long opening paragraph of body text. " * 200 + "\n")
    async with app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        content = app.query_one(ContentView)
        await pilot.press("space", "space")
        await settle(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert content.scroll_y == 0


async def test_a_notice_naming_a_markup_like_file_is_shown_literally() -> None:
    notice = "[/]\x1b[31m.txt is not valid UTF-8"
    app = ReaderApp(Source("Café\n\nText here.", "[/].txt", "plain", notice=notice))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        toasts = app.screen.query("Toast")
        assert any("[/]␛[31m.txt is not valid UTF-8" in str(t.render()) for t in toasts)


async def test_previous_at_the_first_section_under_a_synthetic_root_says_so(
    make_app: Callable[..., ReaderApp],
) -> None:
    app = make_app("## One\n\ntext\n\n## Two\n\ntext\n", kind="markdown", name="n.md")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert messages(app) == ["This is the first section."]
        assert highlighted(app) == "One"


async def test_deep_quotes_in_a_narrow_pane_lose_no_text(
    make_app: Callable[..., ReaderApp],
) -> None:
    app = make_app(">" * 12 + " deep quoted text here\n", kind="markdown", name="q.md")
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("t")  # hide the tree: the pane is 40 columns
        await settle(pilot)
        words = " ".join(screen_text(app).replace("▌", " ").replace("▎", " ").split())
        assert "deep quoted text here" in words


def deep_markdown() -> str:
    """Four heading levels: the tree opens two at first, the rest as the reader gets there."""
    parts = ["# Manual\n\nIntro.\n"]
    for part in range(1, 4):
        parts.append(f"## Part {part}\n\nPart text.\n")
        for chapter in range(1, 4):
            parts.append(f"### Chapter {part}.{chapter}\n\nChapter text.\n")
            for detail in range(1, 3):
                parts.append(f"#### Detail {part}.{chapter}.{detail}\n\nDetail text.\n")
    return "\n".join(parts)


async def test_every_section_of_a_deep_tree_is_reached_and_shown_in_the_tree(
    make_app: Callable[..., ReaderApp],
) -> None:
    app = make_app(deep_markdown(), kind="markdown", name="manual.md")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.document is not None
        titles = [section.title for section in app.document.sections]
        assert len(titles) == 1 + 3 + 9 + 18
        for title in titles[1:]:
            await pilot.press("right_square_bracket")
            await settle(pilot)
            assert highlighted(app) == title
            assert top_line(app) == title


async def test_opening_a_collapsed_section_in_the_tree_shows_its_children(
    make_app: Callable[..., ReaderApp],
) -> None:
    app = make_app(deep_markdown(), kind="markdown", name="manual.md")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = app.query_one(SectionTree)
        chapter = tree.root.children[0].children[0]
        assert str(chapter.label) == "Chapter 1.1" and not chapter.is_expanded
        await pilot.press("tab")
        tree.move_cursor(chapter)
        await pilot.press("space")
        await settle(pilot)
        assert chapter.is_expanded
        assert [str(child.label) for child in chapter.children] == [
            "Detail 1.1.1",
            "Detail 1.1.2",
        ]


async def test_loaded_is_posted_once_the_whole_article_is_shown(
    make_app: Callable[..., ReaderApp],
) -> None:
    text = "Long Article\n\n" + ("A paragraph of body text that goes on. " * 20 + "\n\n") * 400
    app = make_app(text)
    loaded: dict[int, int] = {}  # each Loaded posted (once, as it bubbles): the text's length

    def record(message: Message) -> None:
        if isinstance(message, ReadingScreen.Loaded) and app.document is not None:
            loaded.setdefault(id(message), len(app.document.text))

    async with app.run_test(size=SIZE, message_hook=record) as pilot:
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert list(loaded.values()) == [len(text)]  # once, not for the preview of the start


async def test_the_end_of_a_preview_says_the_rest_is_loading(
    make_app: Callable[..., ReaderApp],
) -> None:
    app = make_app("Short Article\n\nOne paragraph, the whole article.\n")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.document is not None
        assert LOADING_MESSAGE not in screen_text(app)
        app.reading_screen.show(
            app.document, complete=False
        )  # what the app shows while the rest parses
        await settle(pilot)
        assert LOADING_MESSAGE in screen_text(app)


async def test_markdown_parsed_ahead_in_another_process_shows_the_same_screen() -> None:
    text = deep_markdown() + "\nSome *styled* text with `code` and a [link](https://x.test).\n"
    source = Source(text, "manual.md", "markdown")
    screens = []
    for ahead in (None, parse_ahead(text, "markdown", "manual.md")):
        app = ReaderApp(source, ahead)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("G")
            await settle(pilot)
            screens.append(screen_text(app))
    assert screens[0] == screens[1]
    assert "Some styled text with code and a link." in screens[0]


async def test_hundreds_of_sections_side_by_side_are_grouped_and_each_is_reached(
    make_app: Callable[..., ReaderApp],
) -> None:
    text = "# Changelog\n\n" + "".join(f"## Release {n}\n\nFixes.\n\n" for n in range(1, 451))
    app = make_app(text, kind="markdown", name="CHANGES.md")
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await settle(pilot)
        groups = [str(node.label) for node in app.query_one(SectionTree).root.children]
        assert groups[0] == "1–100: Release 1" and groups[-1] == "401–450: Release 401"
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert highlighted(app) == "Release 2"
        await pilot.press("G")
        await settle(pilot)
        assert app.document is not None
        reading = app.document.section_of(app.query_one(ContentView).passage).title
        assert reading.startswith("Release 44") and highlighted(app) == reading
        tree = app.query_one(SectionTree)
        assert tree.cursor_node is not None and tree.cursor_node.parent is not None
        assert str(tree.cursor_node.parent.label) == "401–450: Release 401"


async def test_the_status_line_shows_the_section_path_percent_and_minutes_left() -> None:
    app = ReaderApp(load(None))
    text = app.source.text
    total = len(text.split())
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        minutes = math.ceil(total / 230)
        assert status_line(app) == f"{SECTION_ORDER[0]} 0% · {minutes} min left"
        for _ in range(4):
            await pilot.press("right_square_bracket")
        await settle(pilot)
        heading = SECTION_ORDER[4]
        before = len(text[: text.index(heading)].split())
        left = math.ceil((total - before) / 230)
        percent = math.floor(100 * before / total)
        assert status_line(app) == (f"{SECTION_ORDER[3]} › {heading} {percent}% · {left} min left")
        app.set_reading_speed(100)  # a slower reader
        await pilot.press("j", "k")
        await settle(pilot)
        assert status_line(app).endswith(f"{math.ceil((total - before) / 100)} min left")
        await pilot.press("G")
        await settle(pilot)
        assert status_line(app).endswith("100% · the end")


async def test_sections_read_through_are_ticked_in_the_tree_and_remembered() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)

        def ticked() -> list[str]:
            nodes = [app.query_one(SectionTree).root]
            labels = []
            while nodes:
                node = nodes.pop(0)
                if str(node.label).startswith(READ_MARK):
                    labels.append(str(node.label)[len(READ_MARK) :])
                nodes.extend(node.children)
            return labels

        await pilot.press("right_square_bracket", "right_square_bracket")  # skipped: not read
        await settle(pilot)
        assert ticked() == []
        while highlighted(app) != SECTION_ORDER[3]:  # read on, a line at a time
            await pilot.press("j")
        await settle(pilot)
        assert ticked() == [SECTION_ORDER[2]]
    again = ReaderApp(load(None))
    async with again.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        tree = again.query_one(SectionTree)
        labels = [str(node.label) for node in tree.root.children]
        assert f"{READ_MARK}{SECTION_ORDER[2]}" in labels
        assert f"{READ_MARK}{SECTION_ORDER[1]}" not in labels


async def test_question_mark_lists_every_key_of_every_area_from_the_bindings() -> None:
    from rich.console import Console
    from textual.widgets import Static

    from reader.widgets.bookmark_list import BookmarkList
    from reader.widgets.help_screen import SIDEWAYS, HelpScreen
    from reader.widgets.note_prompt import NotePrompt
    from reader.widgets.search_bar import SearchBar

    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=120, record=True, file=io.StringIO())
        console.print(app.screen.query_one(Static).content)
        shown = console.export_text()
        for owner in (ReaderApp, ContentView, SectionTree, SearchBar, BookmarkList, NotePrompt):
            own_only = owner in (BookmarkList, NotePrompt)  # (a Screen's focus and copy keys: not)
            merged = owner._merged_bindings.key_to_bindings  # type: ignore[union-attr]
            for bindings in merged.values():
                for binding in bindings:
                    if binding.action in SIDEWAYS or (own_only and binding.id is None):
                        continue  # nothing here scrolls sideways
                    text = binding.tooltip or binding.description
                    assert text in shown, (owner.__name__, binding.key)
        for line in ("home / g", "pgdn / space", "/", "^p"):
            assert line in shown
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)


async def test_commands_in_the_palette_run() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = app.query_one(SectionTree)
        await in_palette(pilot, "toggle tree")
        assert not tree.display
        await in_palette(pilot, "next section")
        assert highlighted(app) == SECTION_ORDER[1]


async def test_the_palette_goes_to_a_section_by_part_of_its_title() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await in_palette(pilot, "ai gen")
        assert highlighted(app) == "2. AI Generalization"
        assert top_line(app) == "2. AI Generalization"


async def test_section_titles_in_the_palette_are_never_markup(
    make_app: Callable[..., ReaderApp],
) -> None:
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    app = make_app("# Title\n\n## Sec [@click=app.quit]tion[/]\n\nText.\n", "markdown", "m.md")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await in_palette(pilot, "click", choose=False)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        options = palette.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("§ Sec [@click=app.quit]tion[/]" in prompt for prompt in prompts)
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running


async def test_an_article_titled_by_its_file_name_shows_the_name_once() -> None:
    words = "Words without a heading, in a file of notes.\n"
    app = ReaderApp(Source(words, "notes.md", "markdown"))
    async with app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        assert app.title == "notes.md"
        assert str(app.query_one(TitleBar).render()) == "notes.md"


@pytest.mark.parametrize("columns", [80, 120])
async def test_text_keeps_a_gap_before_the_scrollbar(columns: int) -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(columns, 30)) as pilot:
        await settle(pilot)
        content = app.query_one(ContentView)
        width = content.scrollable_content_region.width
        assert max(len(line.rstrip()) for line in screen_text(app).split("\n")) <= width - 2
