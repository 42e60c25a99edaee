"""Reading an EPUB book's structure: metadata, spine, contents, start, and bad books."""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from epub_builder import CONTAINER, OPF_PATH, book_files, build_epub, simple_book
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.parsers import epub
from reader.parsers.epub import Book, BookError, TocEntry, read_book
from reader.parsers.epub_toc import resolve
from reader.source import ArticleError

PERSUASION = Path(__file__).resolve().parents[1] / "corpus" / "epub" / "jane-austen_persuasion.epub"
ROMAN = "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX XXI XXII XXIII"
TWO = [("a.xhtml", "<h1>A</h1><p>One.</p>"), ("b.xhtml", "<h1>B</h1><p>Two.</p>")]


def entry(label: str, href: str = "", fragment: str = "", depth: int = 0) -> TocEntry:
    return TocEntry(label, href, fragment, depth)


def refused(data: bytes) -> str:
    """The message read_book refuses `data` with: a BookError, in one line."""
    with pytest.raises(BookError) as caught:
        read_book(data, "book.epub")
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith("book.epub")
    return message


def test_the_development_book() -> None:
    book = read_book(PERSUASION.read_bytes(), "persuasion.epub")
    chapters = [f"epub/text/chapter-{n}.xhtml" for n in range(1, 25)]
    spine = ["epub/text/titlepage.xhtml", "epub/text/imprint.xhtml", *chapters]
    spine += ["epub/text/colophon.xhtml", "epub/text/uncopyright.xhtml"]
    assert (book.title, book.authors, book.language, book.rtl) == (
        "Persuasion",
        ("Jane Austen",),
        "en-GB",
        False,
    )
    assert book.spine == tuple(spine)
    assert list(book.chapters) == spine
    assert b"Sir Walter Elliot" in book.chapters["epub/text/chapter-1.xhtml"]
    labels = ["Titlepage", "Imprint", *ROMAN.split(), "XXIV", "Colophon", "Uncopyright"]
    assert book.toc == tuple(entry(label, href) for label, href in zip(labels, spine, strict=True))
    assert (book.start, book.start_fragment) == ("epub/text/chapter-1.xhtml", "")


def test_reading_the_development_book_is_quick() -> None:
    data = PERSUASION.read_bytes()
    began = time.perf_counter()
    read_book(data, "persuasion.epub")
    assert time.perf_counter() - began < 1.0  # about 15 ms; generous for loaded CI machines


def test_book_error_is_an_article_error() -> None:
    assert issubclass(BookError, ArticleError)


def test_a_nested_epub3_contents_with_parts_sections_and_fragments() -> None:
    chapters = [(f"text/ch{n}.xhtml", f"<h1>Chapter {n}</h1>") for n in (1, 2, 3)]
    toc = [
        ("Part One", "text/ch1.xhtml", [
            ("Chapter 1", "text/ch1.xhtml", [("Section 1.1", "text/ch1.xhtml#s1")]),
            ("Chapter 2", "text/ch2.xhtml", [
                ("Section 2.1", "text/ch2.xhtml#s1"),
                ("Section 2.2", "text/ch2.xhtml#s2"),
            ]),
        ]),
        ("Part  Two\n  (the end)", None, [("Chapter 3", "text/ch3.xhtml#top")]),
    ]  # fmt: skip
    book = read_book(simple_book(chapters, toc=toc, landmarks_start="text/ch2.xhtml#s1"), "b")
    ch = "OEBPS/text/ch{}.xhtml".format
    assert book.toc == (
        entry("Part One", ch(1)),
        entry("Chapter 1", ch(1), depth=1),
        entry("Section 1.1", ch(1), "s1", 2),
        entry("Chapter 2", ch(2), depth=1),
        entry("Section 2.1", ch(2), "s1", 2),
        entry("Section 2.2", ch(2), "s2", 2),
        entry("Part Two (the end)", "", "", 0),
        entry("Chapter 3", ch(3), "top", 1),
    )
    assert (book.start, book.start_fragment) == (ch(2), "s1")


def test_an_ncx_only_epub2_book_with_nesting_and_a_guide_start() -> None:
    toc = [("Book I", None, [("One", "a.xhtml"), ("Two", "b.xhtml#middle")]), ("End", "b.xhtml")]
    data = simple_book(
        TWO, toc=toc, ncx_only=True, author=["Ann", "Bob"], landmarks_start="b.xhtml#go"
    )
    book = read_book(data, "b")
    assert "OEBPS/nav.xhtml" not in zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert book.authors == ("Ann", "Bob")
    # The NCX's heading points where its first child does: it is a link like any other.
    assert book.toc == (
        entry("Book I", "OEBPS/a.xhtml"),
        entry("One", "OEBPS/a.xhtml", depth=1),
        entry("Two", "OEBPS/b.xhtml", "middle", 1),
        entry("End", "OEBPS/b.xhtml"),
    )
    assert (book.start, book.start_fragment) == ("OEBPS/b.xhtml", "go")


@pytest.mark.parametrize(
    ("nav", "labels"),
    [
        ("<nav><ol></ol></nav>", ["A", "B"]),  # the nav lists nothing: the NCX's
        ('<nav><ol><li><a href="b.xhtml">Nav</a></li></ol></nav>', ["Nav"]),  # the nav first
    ],
)
def test_the_ncx_is_used_only_when_the_nav_lists_nothing(nav: str, labels: list[str]) -> None:
    files = book_files(TWO, ncx_only=True)
    files["OEBPS/nav.xhtml"] = f"<html><body>{nav}</body></html>"
    opf = str(files[OPF_PATH]).replace(
        "<manifest>", '<manifest><item id="nav" href="nav.xhtml" properties="nav"/>'
    )
    book = read_book(build_epub(files, opf=opf), "b")
    assert [each.label for each in book.toc] == labels


def test_hrefs_with_dot_dot_and_percent_encoding_are_resolved() -> None:
    chapters = [("text/chapter one.xhtml", "<p>1</p>"), ("text/ch2.xhtml", "<p>2</p>")]
    toc = [
        ("One", "../text/chapter%20one.xhtml#s%C3%A9ction"),
        ("Two", "./../text/../text/ch2.xhtml"),
    ]
    data = simple_book(
        chapters, toc=toc, nav_path="nav/contents.xhtml", landmarks_start="../text/ch2.xhtml#x"
    )
    book = read_book(data, "b")
    assert book.spine == ("OEBPS/text/chapter one.xhtml", "OEBPS/text/ch2.xhtml")
    assert book.toc == (
        entry("One", "OEBPS/text/chapter one.xhtml", "séction"),
        entry("Two", "OEBPS/text/ch2.xhtml"),
    )
    assert (book.start, book.start_fragment) == ("OEBPS/text/ch2.xhtml", "x")


def test_entries_off_the_spine_are_dropped_and_their_children_kept() -> None:
    toc = [
        ("Notes", "notes.xhtml", [("A", "a.xhtml")]),
        ("Web", "https://example.com/a.xhtml"),
        ("Mail", "mailto:someone@example.com"),
        ("Nowhere", "missing.xhtml"),
        ("B", "b.xhtml"),
        ("Empty part", None, [("Gone", "notes.xhtml")]),
        (" \x07\n", "a.xhtml"),  # no label left
    ]
    extra: dict[str, str | bytes] = {"notes.xhtml": "<html/>"}
    book = read_book(simple_book(TWO, toc=toc, extra_files=extra), "b")
    assert book.toc == (entry("A", "OEBPS/a.xhtml", depth=1), entry("B", "OEBPS/b.xhtml"))


@pytest.mark.parametrize(
    ("href", "target"),
    [
        ("c.xhtml#f", ("OEBPS/text/c.xhtml", "f")),
        ("#top", ("OEBPS/text/nav.xhtml", "top")),
        ("/abs/c.xhtml", ("abs/c.xhtml", "")),
        ("../../../c%23d.xhtml#%E2%80%94", ("../c#d.xhtml", "—")),
        ("https://example.com/c.xhtml", None),
        ("mailto:a@example.com", None),
        ("//example.com/c.xhtml", None),
    ],
)
def test_resolving_hrefs(href: str, target: tuple[str, str] | None) -> None:
    assert resolve("OEBPS/text/nav.xhtml", href) == target


def test_a_start_off_the_spine_is_no_start() -> None:
    book = read_book(simple_book(TWO, landmarks_start="elsewhere.xhtml"), "b")
    assert (book.start, book.start_fragment) == ("", "")
    assert read_book(simple_book(TWO), "b").start == ""


@pytest.mark.parametrize(
    "nav",
    [b"", b"\x00\x01\x02 not markup", b"<html><body><p>No nav here.</p></body></html>", None],
    ids=["empty", "garbage", "no-nav", "missing"],
)
def test_a_broken_contents_is_no_contents(nav: bytes | None) -> None:
    files = book_files(TWO)
    if nav is None:
        del files["OEBPS/nav.xhtml"]
    else:
        files["OEBPS/nav.xhtml"] = nav
    book = read_book(build_epub(files), "b")
    assert book.toc == ()
    assert book.spine == ("OEBPS/a.xhtml", "OEBPS/b.xhtml")


def test_a_nav_that_is_html_not_xml_is_read_as_html() -> None:
    files = book_files(TWO)
    files["OEBPS/nav.xhtml"] = (
        "\x00<nav epub:type=toc><ol><li><a href=a.xhtml>A &amp; co</a><li><a href=b.xhtml>B</a>"
    )
    assert [each.label for each in read_book(build_epub(files), "b").toc] == ["A & co", "B"]


def test_metadata_main_title_roles_linear_no_rtl_and_duplicates() -> None:
    opf = """<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
  <dc:title id="t1">The Collection</dc:title><dc:title id="t2">  The   Story </dc:title>
  <meta refines="#t2" property="title-type">main</meta>
  <meta refines="#t1" property="title-type">collection</meta>
  <dc:creator id="c1">Writer One</dc:creator>
  <meta refines="#c1" property="role" scheme="marc:relators">aut</meta>
  <dc:creator id="c2">Drawer</dc:creator>
  <meta refines="#c2" property="role" scheme="marc:relators">ill</meta>
  <dc:creator>Writer Two</dc:creator>
  <dc:creator opf:role="trl">Translator</dc:creator>
  <dc:creator opf:role="aut">Writer Three</dc:creator>
  <dc:language>ar</dc:language><dc:language>en</dc:language>
</metadata>
<manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>
<item id="b" href="b.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine page-progression-direction="rtl"><itemref idref="b" linear="no"/><itemref idref="a"/>
<itemref idref="b"/></spine></package>"""
    files = {"OEBPS/a.xhtml": "<html/>", "OEBPS/b.xhtml": "<html/>"}
    book = read_book(build_epub(files, opf=opf), "b")
    assert book.title == "The Story"
    assert book.authors == ("Writer One", "Writer Two", "Writer Three")
    assert (book.language, book.rtl) == ("ar", True)
    assert book.spine == ("OEBPS/b.xhtml", "OEBPS/a.xhtml")
    assert book.toc == ()


def test_the_first_title_without_a_main_one_and_nothing_without_metadata() -> None:
    assert read_book(simple_book(TWO, title="Only", rtl=True), "b").rtl
    opf = str(book_files(TWO)[OPF_PATH])
    opf = opf.replace('<dc:title id="title">A Book</dc:title>', "<dc:title>X</dc:title>" * 2)
    assert read_book(build_epub({**book_files(TWO), OPF_PATH: opf}), "b").title == "X"
    bare = (
        '<package><manifest><item id="a" href="a.xhtml"/></manifest>'
        '<spine><itemref idref="a"/></spine></package>'
    )
    book = read_book(build_epub({"OEBPS/a.xhtml": "<p/>"}, opf=bare), "b")
    assert (book.title, book.authors, book.language, book.rtl) == ("", (), "", False)


def test_control_characters_and_escape_sequences_are_dropped() -> None:
    chapters = [("a.xhtml", "<p/>")]
    toc = [("\x1b[2J\x1b]0;owned\x07Chapter\x00\t\n One\x9b31m\x85!", "a.xhtml")]
    data = simple_book(
        chapters, toc=toc, title="Evil\x1b[31m Title\x07\x7f", author="\x1b]8;;http://x\x1b\\Ann"
    )
    book = read_book(data, "b")
    assert (book.title, book.authors) == ("Evil Title", ("Ann",))
    assert book.toc == (entry("Chapter One !", "OEBPS/a.xhtml"),)


def test_external_entities_are_never_loaded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    doctype = f'<!DOCTYPE package [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    opf = str(book_files(TWO)[OPF_PATH]).replace("?>\n", f"?>\n{doctype}", 1)
    opf = opf.replace(">A Book<", ">Title &xxe;&amp;&nbsp;more<")
    assert read_book(build_epub({**book_files(TWO), OPF_PATH: opf}), "b").title == "Title & more"


def test_an_entity_bomb_is_not_expanded() -> None:
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    doctype = f'<!DOCTYPE package [<!ENTITY l0 "lol">{laughs}]>'
    opf = str(book_files(TWO)[OPF_PATH]).replace("?>\n", f"?>\n{doctype}", 1)
    opf = opf.replace(">A Book<", ">&l9;<")
    began = time.perf_counter()
    book = _read_or_refuse(build_epub({**book_files(TWO), OPF_PATH: opf}))
    assert time.perf_counter() - began < 1.0
    assert book is None or "lol" not in book.title


def test_a_spine_idref_missing_from_the_manifest_is_named_without_controls() -> None:
    files = book_files(TWO)
    files[OPF_PATH] = str(files[OPF_PATH]).replace('idref="c1"', 'idref="ghost&#x1b;"')
    message = refused(build_epub(files))
    assert message == "book.epub: its spine names ghost, which the book does not contain"


def _without(member: str) -> bytes:
    files = book_files(TWO)
    del files[member]
    return build_epub(files)


def _replaced(member: str, content: str | bytes) -> bytes:
    return build_epub({**book_files(TWO), member: content})


def _adobe_drm(files: dict[str, str | bytes]) -> bytes:
    files["META-INF/encryption.xml"] = """<encryption
 xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
 xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>
<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
<enc:CipherData><enc:CipherReference URI="OEBPS/b.xhtml"/></enc:CipherData>
</enc:EncryptedData></encryption>"""
    return build_epub(files)


def _obfuscated(member: str, algorithm: str) -> str:
    return f"""<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
 xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>
<enc:EncryptionMethod Algorithm="{algorithm}"/>
<enc:CipherData><enc:CipherReference URI="{member}"/></enc:CipherData>
</enc:EncryptedData></encryption>"""


IDPF_FONTS = "http://www.idpf.org/2008/embedding"
DRM = "book.epub is protected by DRM (its text is encrypted); reader cannot open it"
BAD_BOOKS: dict[str, tuple[Callable[[], bytes], str]] = {
    "not a zip": (
        lambda: b"PK\x03\x04 this is no zip archive",
        "book.epub is not an EPUB book (not a zip archive)",
    ),
    "empty": (lambda: b"", "book.epub is not an EPUB book (not a zip archive)"),
    "no container": (
        lambda: build_epub(book_files(TWO), container=False),
        "book.epub is not an EPUB book (no META-INF/container.xml)",
    ),
    "container names no package": (
        lambda: _replaced("META-INF/container.xml", "<container><rootfiles/></container>"),
        "book.epub: its META-INF/container.xml names no package file",
    ),
    "unparseable container": (
        lambda: _replaced("META-INF/container.xml", b"\x00\x00"),
        "book.epub: its META-INF/container.xml is not readable XML",
    ),
    "missing package": (
        lambda: _without(OPF_PATH),
        "book.epub: its package file OEBPS/content.opf is missing",
    ),
    "unparseable package": (
        lambda: _replaced(OPF_PATH, "no markup at all"),
        "book.epub: its OEBPS/content.opf is not readable XML",
    ),
    "spine item missing": (
        lambda: _without("OEBPS/b.xhtml"),
        "book.epub: its spine names OEBPS/b.xhtml, which the book does not contain",
    ),
    "empty spine": (
        lambda: _replaced(OPF_PATH, '<package><manifest/><spine toc="x"/></package>'),
        "book.epub: its spine lists no chapters",
    ),
    "no spine": (
        lambda: _replaced(OPF_PATH, "<package><manifest/></package>"),
        "book.epub: its spine lists no chapters",
    ),
    "DRM encryption": (lambda: _adobe_drm(book_files(TWO)), DRM),
    "DRM rights with an obfuscated chapter": (
        lambda: build_epub(
            {
                **book_files(TWO),
                "META-INF/rights.xml": "<rights/>",
                "META-INF/encryption.xml": _obfuscated("OEBPS/a.xhtml", IDPF_FONTS),
            }
        ),
        DRM,
    ),
    "encrypted image": (
        lambda: _replaced(
            "META-INF/encryption.xml", _obfuscated("OEBPS/i.png", "http://x/aes256-cbc")
        ),
        DRM,
    ),
    "password-protected member": (
        lambda: _flagged("OEBPS/a.xhtml"),
        "book.epub: OEBPS/a.xhtml is password-protected; reader cannot open it",
    ),
    "unsupported compression": (
        lambda: _compression("OEBPS/a.xhtml", 99),
        "book.epub: OEBPS/a.xhtml is damaged and cannot be read",
    ),
}


def _rewritten(member: str, change: Callable[[zipfile.ZipInfo], None]) -> bytes:
    """The two-chapter book with `member`'s central directory entry changed."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("META-INF/container.xml", CONTAINER.format(path=OPF_PATH))
        for name, content in book_files(TWO).items():
            book.writestr(name, content)
        change(book.getinfo(member))
    return out.getvalue()


def _flagged(member: str) -> bytes:
    return _rewritten(member, lambda info: setattr(info, "flag_bits", info.flag_bits | 0x1))


def _compression(member: str, method: int) -> bytes:
    return _rewritten(member, lambda info: setattr(info, "compress_type", method))


@pytest.mark.parametrize("case", BAD_BOOKS)
def test_a_bad_book_is_refused_in_one_line(case: str) -> None:
    make, message = BAD_BOOKS[case]
    assert refused(make()) == message


def test_font_obfuscation_is_not_drm() -> None:
    files = book_files(TWO, extra_files={"fonts/f.otf": b"\x00font"})
    files["META-INF/encryption.xml"] = _obfuscated("OEBPS/fonts/f.otf", IDPF_FONTS)
    assert read_book(build_epub(files), "b").spine == ("OEBPS/a.xhtml", "OEBPS/b.xhtml")
    files["META-INF/encryption.xml"] = _obfuscated("OEBPS/fonts/f.otf", "http://x/aes256-cbc")
    assert read_book(build_epub(files), "b").title == "A Book"  # a font, whatever hides it
    files["META-INF/encryption.xml"] = _obfuscated("OEBPS/i.png", IDPF_FONTS)
    assert read_book(build_epub(files), "b").title == "A Book"  # obfuscated, not encrypted


def test_a_member_inflating_past_the_limit_is_refused_as_a_zip_bomb(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(epub, "MEMBER_LIMIT", 2000)
    data = simple_book([("a.xhtml", "<p>" + "bomb " * 1000 + "</p>")])
    assert len(data) < 2000 + 1500  # the zip is small; the member inflates past the limit
    message = refused(data)
    assert message == "book.epub: OEBPS/a.xhtml inflates past 2000 bytes; refused as a zip bomb"
    assert read_book(simple_book([("a.xhtml", "<p>small</p>")]), "b").spine == ("OEBPS/a.xhtml",)


def test_members_inflating_past_the_total_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(epub, "TOTAL_LIMIT", 5000)
    chapters = [(f"c{n}.xhtml", "<p>" + "text " * 300 + "</p>") for n in range(5)]
    assert refused(simple_book(chapters)).endswith("inflate past 5000 bytes; refused as a zip bomb")
    assert len(read_book(simple_book(chapters[:1]), "b").spine) == 1


def test_a_member_whose_declared_size_lies_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(epub, "MEMBER_LIMIT", 2000)
    book_files_two = book_files([("a.xhtml", "<p>" + "bomb " * 1000 + "</p>"), TWO[1]])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("META-INF/container.xml", CONTAINER.format(path=OPF_PATH))
        for name, content in book_files_two.items():
            book.writestr(name, content)
        book.getinfo("OEBPS/a.xhtml").file_size = 100  # claims 100 bytes, inflates to 5000
    assert refused(out.getvalue()) == "book.epub: OEBPS/a.xhtml is damaged and cannot be read"
    declared = _rewritten("OEBPS/a.xhtml", lambda info: setattr(info, "file_size", 10**9))
    monkeypatch.setattr(epub, "MEMBER_LIMIT", 64 * 2**20)
    assert refused(declared) == (
        "book.epub: OEBPS/a.xhtml inflates past 64 MB; refused as a zip bomb"
    )


def _read_or_refuse(data: bytes) -> Book | None:
    """read_book's result, or None when it refuses in one line; any other exception escapes."""
    try:
        return read_book(data, "book.epub")
    except BookError as error:
        assert "\n" not in str(error)
        return None


VALID = simple_book(
    [("text/a.xhtml", "<h1>A</h1>" * 30), ("text/b.xhtml", "<h1>B</h1>")],
    toc=[("Part", None, [("A", "text/a.xhtml#x"), ("B", "text/b.xhtml")])],
    landmarks_start="text/a.xhtml",
)
EPUB2 = simple_book(TWO, ncx_only=True, landmarks_start="b.xhtml")
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_are_read_or_refused(data: bytes) -> None:
    _read_or_refuse(data)
    _read_or_refuse(b"PK\x03\x04" + data)


@FUZZ
@given(st.sampled_from([VALID, EPUB2]), st.data())
def test_a_valid_book_with_bytes_spliced_in_is_read_or_refused(
    book: bytes, draw: st.DataObject
) -> None:
    start = draw.draw(st.integers(0, len(book)))
    end = draw.draw(st.integers(start, min(len(book), start + 64)))
    spliced = draw.draw(st.binary(max_size=32))
    _read_or_refuse(book[:start] + spliced + book[end:])


MEMBERS = ["META-INF/container.xml", OPF_PATH, "OEBPS/nav.xhtml", "OEBPS/toc.ncx"]


@FUZZ
@given(st.sampled_from(MEMBERS), st.data())
def test_a_book_with_a_member_edited_at_random_is_read_or_refused(
    member: str, draw: st.DataObject
) -> None:
    files = book_files(TWO, ncx_only=member.endswith(".ncx"), landmarks_start="a.xhtml")
    files["META-INF/container.xml"] = CONTAINER.format(path=OPF_PATH)
    text = str(files[member]).encode()
    start = draw.draw(st.integers(0, len(text)))
    end = draw.draw(st.integers(start, min(len(text), start + 40)))
    markup = st.sampled_from(list(b'<>/"=#%&;: ?!\x00\x1b\xffaxn'))
    spliced = bytes(draw.draw(st.lists(markup, max_size=12)))
    files[member] = text[:start] + spliced + text[end:]
    _read_or_refuse(build_epub(files, container=False))
