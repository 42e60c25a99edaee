"""A book as one article: the spine in order, the table of contents as the tree."""

from __future__ import annotations

import html
from pathlib import Path

from epub_builder import simple_book
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document import BlockKind, Document
from reader.opening import book_source, document_of
from reader.outline import outline
from reader.parsers.book_markdown import book_markdown
from reader.parsers.epub import read_book
from reader.source import Source

PERSUASION = (
    Path(__file__).resolve().parent.parent / "corpus" / "epub" / "jane-austen_persuasion.epub"
)


def book(data: bytes, name: str = "book.epub") -> Document:
    return document_of(book_source(data, Source("", name, "book")))


def tree(document: Document) -> list[tuple[int, str]]:
    return [(s.depth - 1, s.title) for s in document.root.walk()][1:]


def starts(document: Document, title: str) -> str:
    """The text of the first block of the section called `title`."""
    section = next(s for s in document.sections if s.title == title)
    return document.blocks[section.first_block].plain


NESTED = [
    ("text/title.xhtml", "<p>A title page no entry points at.</p>"),
    ("text/part1.xhtml", "<h1>Part One</h1><p>The part begins.</p>"),
    (
        "text/ch1.xhtml",
        "<h2>Chapter 1</h2><p>First words.</p><section id='s2'><h3>Later</h3><p>Then.</p>"
        "</section><p id='para'>A paragraph in the middle.</p><p>After it.</p>",
    ),
    ("text/ch2.xhtml", "<h2 id='c2'>Chapter 2</h2><p>Second words.</p>"),
]
NESTED_TOC = [
    (
        "Part One",
        "text/part1.xhtml",
        [
            (
                "One",
                "text/ch1.xhtml",
                [("Later on", "text/ch1.xhtml#s2"), ("Middle", "text/ch1.xhtml#para")],
            ),
            ("Two", "text/ch2.xhtml#c2"),
        ],
    )
]


def test_the_tree_is_the_books_contents_nested_as_it_nests_them() -> None:
    document = book(simple_book(NESTED, toc=NESTED_TOC, title="Nested", author="A. Writer"))
    assert tree(document) == [
        (0, "Part One"),
        (1, "One"),
        (2, "Later on"),
        (2, "Middle"),
        (1, "Two"),
    ]
    assert document.title == "Nested · A. Writer"


def test_an_entry_pointing_inside_a_chapter_lands_on_that_heading_or_passage() -> None:
    document = book(simple_book(NESTED, toc=NESTED_TOC))
    assert starts(document, "One") == "Chapter 1"
    assert starts(document, "Later on") == "Later"  # the <section id> opens with its heading
    assert starts(document, "Middle") == "A paragraph in the middle."
    assert starts(document, "Two") == "Chapter 2"
    later = next(s for s in document.sections if s.title == "Later on")
    assert document.blocks[later.first_block].kind is BlockKind.HEADING


def test_a_fragment_the_chapter_lacks_lands_on_the_chapters_start() -> None:
    toc = [("One", "text/ch1.xhtml"), ("Nowhere", "text/ch2.xhtml#missing")]
    document = book(simple_book(NESTED, toc=toc))
    assert starts(document, "Nowhere") == "Chapter 2"


def test_a_heading_without_a_link_starts_where_its_first_entry_does() -> None:
    toc = [("Part", None, [("One", "text/ch1.xhtml"), ("Two", "text/ch2.xhtml")])]
    document = book(simple_book(NESTED, toc=toc))
    assert tree(document) == [(0, "Part"), (1, "One"), (1, "Two")]
    assert starts(document, "Part") == "Chapter 1"


def test_the_text_is_the_spine_in_order() -> None:
    chapters = [("text/b.xhtml", "<p>Bravo.</p>"), ("text/a.xhtml", "<p>Alpha.</p>")]
    document = book(simple_book(chapters, toc=[("B", "text/b.xhtml"), ("A", "text/a.xhtml")]))
    assert document.text.index("Bravo") < document.text.index("Alpha")


def test_without_contents_the_texts_own_headings_are_the_tree() -> None:
    data = simple_book(NESTED, toc=[])
    assert read_book(data, "b.epub").toc == ()
    titles = [title for _, title in tree(book(data))]
    assert titles[-3:] == ["Chapter 1", "Later", "Chapter 2"]


def test_the_book_opens_where_its_body_begins() -> None:
    chapters = NESTED
    data = simple_book(chapters, landmarks_start="text/ch1.xhtml")
    source = book_source(data, Source("", "b.epub", "book"))
    assert source.opening is not None
    assert source.text[source.opening :].startswith("## Chapter 1")
    plain = book_source(simple_book(chapters), Source("", "b.epub", "book"))
    assert plain.opening is None


def test_the_html_renders_as_a_reader_expects() -> None:
    body = (
        "<h2>Poems</h2><p>Some <em>stress</em> and <strong>weight</strong>.</p>"
        "<blockquote><p>Quoted.</p></blockquote>"
        "<p class='verse'><span>The first line</span><br/><span>the second line</span></p>"
        "<ul><li>one</li><li>two</li></ul>"
        "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Anne</td><td>27</td></tr></table>"
        "<p>A claim.<a href='notes.xhtml#n1' epub:type='noteref'>1</a></p>"
        "<p><img src='x.png' alt='A map of Bath'/></p>"
    )
    back = "<a href='ch.xhtml#r1' epub:type='backlink'>↩</a>"
    notes = f"<ol><li id='n1'><p>The note. {back}</p></li></ol>"
    chapters = [("text/ch.xhtml", body), ("text/notes.xhtml", notes)]
    document = book(simple_book(chapters))
    kinds = [block.kind for block in document.blocks]
    assert BlockKind.TABLE in kinds and BlockKind.HEADING in kinds
    texts = [document.styled(i).plain for i in range(len(document.blocks))]
    assert "Some stress and weight." in texts
    assert "The first line\nthe second line" in texts  # the line break kept
    assert any(block.containers and block.plain == "Quoted." for block in document.blocks)
    assert "A claim.[1]" in texts  # a note reference is not run into the word before
    assert any("A map of Bath" in text for text in texts)
    assert any(text.startswith("The note.") for text in texts)
    assert "xhtml" not in document.text  # links to the book's files lead nowhere: text


def test_markup_and_escapes_in_a_book_are_text() -> None:
    chapters = [
        ("text/cover.xhtml", "<p>Cover</p>"),
        ("text/ch.xhtml", "<h1>[bold]Loud[/bold]</h1><p>*not emphasis* \x1b[31m red</p>"),
    ]
    document = book(
        simple_book(chapters, title="[red]Title[/red]", toc=[("[b]One[/b]", "text/ch.xhtml")])
    )
    assert document.title == "[red]Title[/red] · An Author"
    assert tree(document) == [(0, "[b]One[/b]")]
    texts = [document.styled(i).plain for i in range(len(document.blocks))]
    assert "[bold]Loud[/bold]" in texts  # (the view shows the ESC as a visible glyph)
    assert "*not emphasis* \x1b[31m red" in texts


def test_the_same_book_is_the_same_text_wherever_it_is() -> None:
    data = PERSUASION.read_bytes()
    assert book_markdown(read_book(data, "a.epub"), "a.epub").text == (
        book_markdown(read_book(data, "b.epub"), "b.epub").text
    )


def test_the_development_book() -> None:
    document = book(PERSUASION.read_bytes(), "persuasion.epub")
    assert document.title == "Persuasion · Jane Austen"
    titles = [title for _, title in tree(document)]
    chapters = titles[2:26]
    assert len(chapters) == 24 and chapters[0] == "I" and chapters[-1] == "XXIV"
    assert titles[:2] == ["Titlepage", "Imprint"] and titles[-2:] == ["Colophon", "Uncopyright"]
    assert starts(document, "I") == "I"
    assert "Sir Walter Elliot, of Kellynch Hall" in document.text
    first = next(s for s in document.sections if s.title == "I")
    assert document.blocks[first.first_block + 1].plain.startswith("Sir Walter Elliot")
    assert "  I\n  II\n" in outline(document)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=8),
    st.lists(st.text(alphabet="ab <>&*#\n", max_size=12), min_size=8, max_size=8),
)
def test_every_entry_starts_at_its_target(targets: list[int], words: list[str]) -> None:
    """Chapters of paragraphs with ids; entries point at some of them, in any order and
    repeated: each section starts at the block holding its target's text."""
    paragraphs = "".join(
        f"<p id='p{i}'>Target {i} {html.escape(words[i])}</p><p>filler {i}</p>" for i in range(6)
    )
    chapters = [("text/ch.xhtml", paragraphs)]
    toc = [(f"Entry {n}", f"text/ch.xhtml#p{target}") for n, target in enumerate(targets)]
    document = book(simple_book(chapters, toc=toc))
    for n, target in enumerate(targets):
        section = next(s for s in document.sections if s.title == f"Entry {n}")
        assert document.blocks[section.first_block].plain.startswith(f"Target {target}")


def test_a_link_within_the_book_leads_to_its_target_passage() -> None:
    from reader.links import Passage, resolve

    chapters = [
        (
            "text/ch.xhtml",
            "<h2>One</h2><p>A claim.<a id='r1' href='../text/notes.xhtml#n1' "
            "epub:type='noteref'>1</a></p><p>See <a href='two.xhtml'>the next chapter</a>.</p>",
        ),
        ("text/two.xhtml", "<h2>Two</h2><p>Second.</p>"),
        (
            "text/notes.xhtml",
            "<h2>Notes</h2><ol><li id='n1'><p>The note. <a href='ch.xhtml#r1'>↩</a></p></li></ol>",
        ),
    ]
    source = book_source(simple_book(chapters), Source("", "b.epub", "book"))
    document = document_of(source)
    texts = [document.styled(i) for i in range(len(document.blocks))]

    def follow(text: str, label: str) -> str:
        block = next(b for b in texts if b.plain.startswith(text))
        href = next(run.href for run in block.runs if run.text == label)
        target = resolve(href, document, None, source.anchors)
        assert isinstance(target, Passage)
        return document.styled(target.block).plain

    assert follow("A claim.", "[1]").startswith("The note.")
    assert follow("The note.", "↩") == "A claim.[1]"
    assert follow("See the next chapter", "the next chapter") == "Two"


def test_a_chapter_is_read_in_the_encoding_its_xml_declaration_names() -> None:
    from epub_builder import book_files, build_epub

    files = book_files([("text/ch.xhtml", "<p>x</p>")])
    body = "<html><body><h1>Pangram</h1><p>Zażółć gęślą jaźń</p></body></html>"
    files["OEBPS/text/ch.xhtml"] = b"<?xml version='1.0' encoding='iso-8859-2'?>" + body.encode(
        "iso-8859-2"
    )  # (a guess from so few letters takes it for another code page)
    assert "Zażółć gęślą jaźń" in book(build_epub(files)).text
