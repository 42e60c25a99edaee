"""`reader book.epub`: a book read as one article, its contents as the tree, its place kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from epub_builder import book_files, build_epub, simple_book
from helpers import highlighted, messages, screen_text, search, settle, status_line, wait_until
from textual.pilot import Pilot
from textual.widgets import OptionList
from textual.widgets.tree import TreeNode

from reader import cli
from reader.app import ReaderApp
from reader.document import Section
from reader.opening import placeholder
from reader.page_ahead import find_ahead
from reader.store import Store
from reader.widgets import ContentView, SectionTree
from reader.widgets.bookmark_list import BookmarkList
from reader.widgets.title_bar import TitleBar

PERSUASION = (
    Path(__file__).resolve().parent.parent / "corpus" / "epub" / "jane-austen_persuasion.epub"
)
CHAPTERS = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
    "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV",
]  # fmt: skip
CONTENTS = ["Titlepage", "Imprint", *CHAPTERS, "Colophon", "Uncopyright"]
OPENED = "Opened at I, where the book begins (g: the start)"


def book_app(path: Path) -> ReaderApp:
    """The app as `reader book.epub` makes it: the book converted while the app starts."""
    return ReaderApp(placeholder(path.name, "Opening the book…"), opening=path)


async def opened(app: ReaderApp, pilot: Pilot[None], path: Path) -> None:
    """Wait until the book at `path` is in and its place restored."""
    await wait_until(
        pilot,
        lambda: app.source.path == path.resolve() and not app.source.placeholder,
        "the book read",
    )
    await settle(pilot)
    await wait_until(pilot, lambda: app.reading_screen.reading.restored, "its place restored")
    await settle(pilot)


def section_now(app: ReaderApp) -> str:
    """The title of the (deepest) section the passage being read is in."""
    document = app.reading_screen.reading.document
    assert document is not None
    return document.section_of(app.query_one(ContentView).passage).title


def tree_titles(nodes: list[TreeNode[Section]]) -> list[str]:
    return [node.data.title for node in nodes if node.data is not None]


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# -- the development book --------------------------------------------------------


async def test_a_book_opens_at_its_first_chapter_with_its_contents_as_the_tree(
    tmp_path: Path,
) -> None:
    book = tmp_path / "persuasion.epub"
    shutil.copy(PERSUASION, book)
    app = book_app(book)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(app, pilot, book)
        assert app.title == "Persuasion · Jane Austen"
        assert str(app.query_one(TitleBar).render()).startswith("Persuasion · Jane Austen")
        tree = app.query_one(SectionTree)
        assert tree_titles(list(tree.root.children)) == CONTENTS
        assert section_now(app) == "I"
        assert screen_text(app).split("\n")[0].strip(" ▎") == "I"  # the chapter's heading
        assert OPENED in messages(app)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert section_now(app) == "II"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert section_now(app) == "III"
        assert status_line(app).startswith("III ")  # the status line names it
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert section_now(app) == "II"


async def test_a_book_found_by_a_child_while_the_app_starts(tmp_path: Path) -> None:
    book = tmp_path / "persuasion.epub"
    shutil.copy(PERSUASION, book)
    ahead = find_ahead(book)
    assert ahead is not None
    app = ReaderApp(placeholder(book.name, "Opening the book…"), opening=ahead)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(app, pilot, book)
        assert app.title == "Persuasion · Jane Austen"
        assert tree_titles(list(app.query_one(SectionTree).root.children)) == CONTENTS
        assert section_now(app) == "I" and OPENED in messages(app)


async def test_a_book_reopens_where_it_was_left(tmp_path: Path) -> None:
    book = tmp_path / "persuasion.epub"
    shutil.copy(PERSUASION, book)
    app = book_app(book)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(app, pilot, book)
        await pilot.press("right_square_bracket", "right_square_bracket", *"jjjjj")
        await settle(pilot)
        left = app.query_one(ContentView).passage
        assert section_now(app) == "III"
        await pilot.press("q")
    again = book_app(book)
    async with again.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(again, pilot, book)
        await wait_until(pilot, lambda: again.query_one(ContentView).passage == left, "its place")
        assert section_now(again) == "III"
        assert OPENED not in messages(again)
        assert "Resumed at III (g: start over)" in messages(again)


async def test_a_book_left_at_its_start_reopens_at_its_start(tmp_path: Path) -> None:
    book = tmp_path / "persuasion.epub"
    shutil.copy(PERSUASION, book)
    app = book_app(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot, book)
        await pilot.press("g")  # as the notification offers
        await settle(pilot)
        assert section_now(app) == "Titlepage"
        await pilot.press("q")
    again = book_app(book)
    async with again.run_test(size=(80, 24), notifications=True) as pilot:
        await opened(again, pilot, book)
        assert section_now(again) == "Titlepage"  # not taken to I again
        assert not any(m.startswith("Opened at") for m in messages(again))


async def test_a_bookmark_in_a_book_survives_the_book_moved_and_renamed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "persuasion.epub"
    shutil.copy(PERSUASION, book)
    app = book_app(book)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(app, pilot, book)
        await pilot.press(*(["right_square_bracket"] * 4), "j", "j", "m")  # in V
        await settle(pilot)
        await pilot.press(*"kellynch let", "enter")
        await settle(pilot)
        left = app.query_one(ContentView).passage
        await pilot.press("q")
    (bookmark,) = Store.open().bookmarks()
    assert (bookmark.section, bookmark.note) == ("V", "kellynch let")
    (tmp_path / "elsewhere").mkdir()
    moved = book.rename(tmp_path / "elsewhere" / "austen-1817.epub")
    again = book_app(moved)
    async with again.run_test(size=(120, 40)) as pilot:
        await opened(again, pilot, moved)
        await wait_until(pilot, lambda: again.query_one(ContentView).passage == left, "its place")
        assert section_now(again) == "V"
        await pilot.press("g", "b")
        await settle(pilot)
        assert isinstance(again.screen, BookmarkList)
        options = again.screen.query_one(OptionList)
        rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert len(rows) == 1 and rows[0].split("\n")[0] == "V" and "kellynch let" in rows[0]
        assert "orphaned" not in rows[0]
        await pilot.press("enter")
        await settle(pilot)
        assert section_now(again) == "V"
        assert screen_text(again).split("\n")[0].startswith("◆")
    assert [b.note for b in Store.open().bookmarks()] == ["kellynch let"]
    assert cli.main(["bookmarks", str(moved)]) == 0
    listed = capsys.readouterr().out
    assert "kellynch let" in listed and "Persuasion · Jane Austen" in listed
    assert "orphaned" not in listed


async def test_search_covers_the_whole_book(tmp_path: Path) -> None:
    book = tmp_path / "persuasion.epub"
    shutil.copy(PERSUASION, book)
    app = book_app(book)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(app, pilot, book)
        await search(pilot, "landaulette")  # once in the book, in its last chapter
        await pilot.press("enter")
        await settle(pilot)
        await wait_until(pilot, lambda: section_now(app) == "XXIV", "the match in XXIV")
        assert "landaulette" in screen_text(app)
        assert status_line(app).startswith("XXIV ")


# -- built books -----------------------------------------------------------------

NESTED = [
    ("text/prologue.xhtml", "<h1>Prologue</h1><p>Before it all began.</p>"),
    ("text/one.xhtml", "<h1>Chapter One</h1><p>The first chapter's words.</p>"),
    (
        "text/chapter.xhtml",
        "<h1>Chapter Two</h1><p>Opening words of two.</p>"
        + "".join(f"<p>Filler paragraph {n} of the second chapter.</p>" for n in range(30))
        + '<h2 id="sec2">The Second Section</h2><p>Words of the second section.</p>'
        + "".join(f"<p>More filler {n} after the section.</p>" for n in range(30)),
    ),
]
NESTED_TOC = [
    ("Prologue", "text/prologue.xhtml"),
    (
        "Part One",
        None,
        [
            ("Chapter One", "text/one.xhtml"),
            ("Chapter Two", "text/chapter.xhtml", [("Section Two", "text/chapter.xhtml#sec2")]),
        ],
    ),
]


async def test_a_books_nested_contents_make_a_nested_tree_and_a_fragment_its_section(
    tmp_path: Path,
) -> None:
    book = write(tmp_path, "nested.epub", simple_book(NESTED, toc=NESTED_TOC, title="Nested"))
    app = book_app(book)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(app, pilot, book)
        root = app.query_one(SectionTree).root
        assert tree_titles(list(root.children)) == ["Prologue", "Part One"]
        part = root.children[1]
        assert tree_titles(list(part.children)) == ["Chapter One", "Chapter Two"]
        chapter_two = part.children[1]
        assert chapter_two.allow_expand and not chapter_two.is_expanded  # deeper: collapsed
        assert section_now(app) == "Prologue"  # no landmark: the start
        chapter_two.expand()
        await settle(pilot)
        assert tree_titles(list(chapter_two.children)) == ["Section Two"]
        tree = app.query_one(SectionTree)
        tree.focus()
        tree.move_cursor(chapter_two.children[0])
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert section_now(app) == "Section Two"
        assert screen_text(app).split("\n")[0].strip(" ▎") == "The Second Section"
        app.query_one(ContentView).focus()  # the keys below are the reading pane's
        await pilot.press("g")
        await settle(pilot)
        assert section_now(app) == "Prologue"
        for expected in ("Chapter One", "Chapter Two", "Section Two"):  # Part One starts at One
            await pilot.press("right_square_bracket")
            await settle(pilot)
            assert section_now(app) == expected
        assert screen_text(app).split("\n")[0].strip(" ▎") == "The Second Section"


async def test_an_epub2_book_has_its_ncx_contents_as_the_tree(tmp_path: Path) -> None:
    data = simple_book(
        NESTED, toc=NESTED_TOC, ncx_only=True, title="Old Style", landmarks_start="text/one.xhtml"
    )
    book = write(tmp_path, "old.epub", data)
    app = book_app(book)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(app, pilot, book)
        assert app.title == "Old Style · An Author"
        root = app.query_one(SectionTree).root
        assert tree_titles(list(root.children)) == ["Prologue", "Part One"]
        assert tree_titles(list(root.children[1].children)) == ["Chapter One", "Chapter Two"]
        assert section_now(app) == "Chapter One"  # the guide's start
        assert "Opened at Chapter One, where the book begins (g: the start)" in messages(app)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert section_now(app) == "Section Two"  # the tree opens Chapter Two to show it
        assert highlighted(app) == "Section Two"
        assert tree_titles(list(root.children[1].children[1].children)) == ["Section Two"]


async def test_a_books_title_and_labels_show_as_text(tmp_path: Path) -> None:
    data = simple_book(
        [("one.xhtml", "<h1>One</h1><p>Plain words.</p>"), ("two.xhtml", "<p>More.</p>")],
        toc=[("[b]x[/b]", "one.xhtml"), ("Two\x1b[31m", "two.xhtml")],
        title="[red]T[/red]\x1b[2J",
        author="[@click=app.quit]A[/]",
    )
    book = write(tmp_path, "hostile.epub", data)
    app = book_app(book)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(app, pilot, book)
        shown = str(app.query_one(TitleBar).render())
        assert shown == "[red]T[/red] · [@click=app.quit]A[/] — hostile.epub"  # escapes dropped
        tree = app.query_one(SectionTree)
        assert [str(node.label) for node in tree.root.children] == ["[b]x[/b]", "Two"]
        rows = [tree.render_line(y).text for y in range(tree.scrollable_content_region.height)]
        assert any("[b]x[/b]" in row for row in rows)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert highlighted(app) == "Two" and status_line(app).startswith("Two ")
        assert not any("\x1b" in text for text in (*rows, app.title, status_line(app)))


async def test_a_right_to_left_book_opens(tmp_path: Path) -> None:
    data = simple_book(
        [
            ("one.xhtml", "<h1>פרק ראשון</h1><p>בראשית ברא אלוהים את השמים ואת הארץ.</p>"),
            ("two.xhtml", "<h1>الفصل الثاني</h1><p>مرحبا بالعالم، هذا نص عربي.</p>"),
        ],
        title="ספר",
        author="סופר",
        language="he",
        rtl=True,
    )
    book = write(tmp_path, "rtl.epub", data)
    app = book_app(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot, book)
        assert app.title == "ספר · סופר" and app.document is not None
        text = app.document.text
        assert "בראשית ברא אלוהים את השמים ואת הארץ." in text
        assert "مرحبا بالعالم، هذا نص عربي." in text
        assert "בראשית ברא אלוהים" in screen_text(app)
        root = app.query_one(SectionTree).root
        assert tree_titles(list(root.children)) == ["פרק ראשון", "الفصل الثاني"]
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert section_now(app) == "الفصل الثاني"
        assert "مرحبا بالعالم" in screen_text(app)


# -- the command line ------------------------------------------------------------


def drm_book() -> bytes:
    files = book_files([("one.xhtml", "<h1>One</h1><p>Secret words.</p>")])
    files["META-INF/encryption.xml"] = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"'
        ' xmlns:enc="http://www.w3.org/2001/04/xmlenc#">'
        "<enc:EncryptedData><enc:EncryptionMethod"
        ' Algorithm="http://www.w3.org/2001/04/xmlenc#aes256-cbc"/>'
        '<enc:CipherData><enc:CipherReference URI="OEBPS/one.xhtml"/></enc:CipherData>'
        "</enc:EncryptedData></encryption>"
    )
    return build_epub(files)


def missing_chapter_book() -> bytes:
    files = book_files([("one.xhtml", "<h1>One</h1><p>Here.</p>"), ("two.xhtml", "<p>Gone.</p>")])
    del files["OEBPS/two.xhtml"]
    return build_epub(files)


BAD_BOOKS = {
    "not a zip": (b"This is plain text, not a zip archive.\n", "not a zip archive"),
    "no container": (
        build_epub(book_files([("one.xhtml", "<p>x</p>")]), container=False),
        "no META-INF/container.xml",
    ),
    "missing chapter": (missing_chapter_book(), "two.xhtml"),
    "drm": (drm_book(), "DRM"),
}


@pytest.mark.parametrize("case", BAD_BOOKS)
def test_a_bad_book_on_the_command_line_is_one_line_and_no_app(
    case: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data, why = BAD_BOOKS[case]
    book = write(tmp_path, "bad.epub", data)
    started: list[ReaderApp] = []
    monkeypatch.setattr("reader.app.ReaderApp.run", lambda self: started.append(self))
    monkeypatch.setitem(cli.AHEAD_GRACE, "book", 10.0)  # the child is done as Textual loads
    assert cli.main([str(book)]) == 2
    out, err = capsys.readouterr()
    assert started == [] and out == ""
    assert err.startswith("reader: ") and err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err and why in err and "bad.epub" in err
    for command in (["toc", str(book)], ["export", str(book)]):
        assert cli.main(command) == 2
        out, err = capsys.readouterr()
        assert out == "" and err.startswith("reader: ") and err.count("\n") == 1, err


def test_reader_toc_and_export_print_a_book(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "persuasion.epub"
    shutil.copy(PERSUASION, book)
    assert cli.main(["toc", str(book)]) == 0
    out, err = capsys.readouterr()
    assert out.split("\n") == [
        "Persuasion · Jane Austen  (synthesized)",
        *(f"  {title}" for title in CONTENTS),
        "",
    ]
    assert err == ""
    assert cli.main(["export", str(book), "--format", "text"]) == 0
    out, err = capsys.readouterr()
    assert "Sir Walter Elliot, of Kellynch Hall, in Somersetshire" in out  # I
    assert "landaulette" in out  # XXIV
    assert out.index("Sir Walter Elliot, of Kellynch") < out.index("landaulette")
    assert "<" not in out.split("Sir Walter", 1)[1][:2000]  # text, not markup
    assert err == ""


# -- bugs found ----------------------------------------------------------------


async def test_an_untitled_book_copied_under_another_name_keeps_its_place(
    tmp_path: Path,
) -> None:
    data = simple_book(
        [
            ("one.xhtml", "<h1>One</h1>" + "<p>Words of the first chapter.</p>" * 40),
            ("two.xhtml", "<h1>Two</h1>" + "<p>Words of the second chapter.</p>" * 40),
        ],
        title="",
        author="",
    )
    book = write(tmp_path, "untitled.epub", data)
    app = book_app(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot, book)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert section_now(app) == "Two"
        await pilot.press("q")
    (tmp_path / "copies").mkdir()
    copy = write(tmp_path / "copies", "the-same-book.epub", data)  # as a .txt copy would
    again = book_app(copy)
    async with again.run_test(size=(80, 24), notifications=True) as pilot:
        await opened(again, pilot, copy)
        assert section_now(again) == "Two"
        assert "Resumed at Two (g: start over)" in messages(again)


async def test_a_chapter_with_entities_declared_in_its_doctype_shows_no_stray_markup(
    tmp_path: Path,
) -> None:
    files = book_files([("one.xhtml", "<h1>One</h1>"), ("two.xhtml", "<h1>Two</h1>")])
    files["OEBPS/two.xhtml"] = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE html [<!ENTITY mdash "&#8212;">]>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Two</title></head>'
        "<body><h1>Two</h1><p>A dash &mdash; here.</p></body></html>"
    )
    book = write(tmp_path, "doctype.epub", build_epub(files))
    app = book_app(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot, book)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert section_now(app) == "Two" and app.document is not None
        assert "A dash — here." in app.document.text
        assert screen_text(app).split("\n")[0].strip(" ▎") == "Two"  # not "]>"
        assert "]>" not in app.document.text


async def test_a_contents_entry_pointing_at_an_image_lands_on_the_image(tmp_path: Path) -> None:
    fill = "".join(f"<p>Filler paragraph {n} of the chapter.</p>" for n in range(30))
    plate = '<p><img id="plate" src="ship.png" alt="The ship"/></p><p>After the plate.</p>'
    data = simple_book(
        [("one.xhtml", "<h1>One</h1><p>Words.</p>"), ("two.xhtml", f"<h1>Two</h1>{fill}{plate}")],
        toc=[("One", "one.xhtml"), ("Two", "two.xhtml", [("Plate", "two.xhtml#plate")])],
    )
    book = write(tmp_path, "plates.epub", data)
    app = book_app(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot, book)
        tree = app.query_one(SectionTree)
        two = tree.root.children[1]
        two.expand()
        await settle(pilot)
        tree.focus()
        tree.move_cursor(two.children[0])
        await settle(pilot)
        await pilot.press("enter")  # choose "Plate"
        await settle(pilot)
        assert screen_text(app).split("\n")[0].strip(" ▎") != "Two"  # not the chapter's start
        assert "After the plate." in "\n".join(screen_text(app).split("\n")[:4])


def test_a_chapter_that_is_not_text_is_passed_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = book_files([("one.xhtml", "<h1>One</h1>"), ("two.xhtml", "<h1>Two</h1><p>Words.</p>")])
    files["OEBPS/one.xhtml"] = bytes(range(256)) * 10  # (an image in the spine, say)
    book = write(tmp_path, "binary.epub", build_epub(files))
    assert cli.main(["export", str(book), "--format", "text"]) == 0
    out, err = capsys.readouterr()
    assert "Words." in out and "\x00" not in out and not err


# -- the first screen ------------------------------------------------------------

LONG_FRONT = [
    ("text/title.xhtml", "<h1>The Title Page</h1>" + "<p>Front matter, at length.</p>" * 60),
    ("text/ch1.xhtml", "<h2>Chapter One</h2><p>Zebrafish lanterns open the story.</p>"),
    ("text/ch2.xhtml", "<h2>Chapter Two</h2>" + "<p>More of the story.</p>" * 1500),
]


async def test_the_first_screen_is_the_opening_chapter_before_the_whole_book_is_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.widgets.loader import Loader

    monkeypatch.setattr(Loader, "parse", lambda self, reading, **_: None)  # the rest never comes
    data = simple_book(LONG_FRONT, landmarks_start="text/ch1.xhtml")
    book = write(tmp_path, "long.epub", data)
    app = book_app(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: not app.source.placeholder, "the book read")
        await settle(pilot)
        assert not app.reading_screen.reading.complete  # only the start is parsed
        assert "Chapter One" in screen_text(app).split("\n")[0]
        assert "Zebrafish lanterns" in screen_text(app)


async def test_reader_book_shows_the_book_itself_when_it_is_ready_as_textual_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = write(tmp_path, "long.epub", simple_book(LONG_FRONT, landmarks_start="text/ch1.xhtml"))
    started: list[ReaderApp] = []
    monkeypatch.setattr(ReaderApp, "run", lambda self: started.append(self))
    monkeypatch.setitem(cli.AHEAD_GRACE, "book", 10.0)  # (here Textual is loaded already)
    assert cli.main([str(book)]) == 0
    (app,) = started
    assert not app.source.placeholder and "Zebrafish lanterns" in app.source.text
    assert app.source.outline and app.source.opening is not None


async def test_a_bad_book_found_bad_once_the_app_is_up_says_so_in_it(tmp_path: Path) -> None:
    book = write(tmp_path, "bad.epub", BAD_BOOKS["missing chapter"][0])
    app = book_app(book)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: "could not be read" in app.document.text, "said")
        assert "does not contain" in app.document.text


async def test_a_note_reference_leads_to_its_note_and_backspace_comes_back(tmp_path: Path) -> None:
    chapters = [
        ("text/ch.xhtml", "<h2>One</h2>" + "<p>Filler.</p>" * 5 + "<p>A claim.<a id='r1' "
         "href='notes.xhtml#n1' epub:type='noteref'>1</a></p>" + "<p>More filler.</p>" * 80),
        ("text/notes.xhtml", "<h2>Notes</h2><ol><li id='n1'><p>The note itself.</p></li></ol>"),
    ]  # fmt: skip
    book = write(tmp_path, "notes.epub", simple_book(chapters))
    app = book_app(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot, book)
        content = app.query_one(ContentView)
        document = app.document
        claim = next(i for i, b in enumerate(document.blocks) if b.plain.startswith("A claim."))
        content.scroll_to_block(claim)
        await settle(pilot)
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: document.blocks[content.passage].plain == "The note itself.",
            "the note",
        )
        await pilot.press("backspace")
        await wait_until(pilot, lambda: content.passage == claim, "back at the claim")


async def test_the_next_chapter_is_wrapped_while_the_reader_is_still(
    tmp_path: Path,
) -> None:
    book = tmp_path / "persuasion.epub"
    shutil.copy(PERSUASION, book)
    app = book_app(book)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(app, pilot, book)
        for _ in range(2):
            await pilot.press("right_square_bracket")
        await settle(pilot)
        content = app.query_one(ContentView)
        ahead = app.reading_screen.reading.next_section(content.passage)
        assert ahead is not None and section_now(app) == "III"
        index = content._lines.index
        await wait_until(pilot, lambda: index.is_exact(ahead.first_block), "IV wrapped ahead")
        top = content.scroll_y
        await pilot.pause(0.2)
        assert content.scroll_y == top and section_now(app) == "III"  # nothing moved
