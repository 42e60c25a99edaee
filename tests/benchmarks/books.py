"""Books: the time to make each book an article, its first screen against the bare Textual
app's first paint, and `]` from chapter to chapter.

    python tests/benchmarks/books.py [--runs N] [--presses N] [--profile N]

Two books: the development book (tests/corpus/epub, Persuasion) and a generated one of
1 MB of text (Persuasion's paragraphs again and again, in 60 chapters under 6 parts, each
part a page of its own; a title page and a foreword longer than a screen before them; a
nested contents and a bodymatter landmark at chapter 1, whose first paragraph begins
with a needle). Per book:

- in-process, median of N runs: read_book (the zip, package, contents), book_markdown
  (the spine made one Markdown article) and parse (the Markdown and its outline, as
  `reader.opening.document_of` does); --profile N adds cProfile's top N functions;
- `reader book.epub` in a pseudo-terminal, N processes: when "Opening the book…" is first
  drawn, when the book's first words are (its start) and when the first words of the
  chapter it opens at are, each next to the floor's first paint measured in the same run
  (a process of tests/benchmarks/floor.py before each run's books);
- probe.py (`reader book.epub` reporting when the whole book is in and the block read),
  N processes: once the whole book is in and the opening chapter is the passage read, `]`
  pressed --presses times, each once the screen has been still for 0.1 s, timed from
  writing the key to the end of the first complete frame (synchronized output) whose
  bytes, counted from the key on, hold the next section's first words, checked after
  every read from the pty. The terminal's own drawing is not in it.

A text waited for is a paragraph's first words up to an inline style (drawn as one run
of characters), so it is found in the output bytes as it is in the document.
Figures are printed, never judged: the exit status is 0 whenever the benchmark ran.
"""

from __future__ import annotations

import argparse
import cProfile
import html
import itertools
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from host import Steal
from run import KEY_TIMEOUT, PAINT_TIMEOUT, SCREEN, Environments, _quit, progress, run_floor
from terminal import END_FRAME, Terminal

from reader.document import BlockKind, Document, Inline
from reader.opening import document_of
from reader.parsers import parse
from reader.parsers.book_markdown import book_markdown
from reader.parsers.epub import read_book
from reader.source import Source

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
sys.path.insert(0, str(TESTS))

from epub_builder import TocItem, simple_book  # noqa: E402

DEVELOPMENT_BOOK = TESTS / "corpus" / "epub" / "jane-austen_persuasion.epub"
MEGABYTE = 1024 * 1024
PARTS = 6
CHAPTERS_PER_PART = 10
NEEDLE = "Zebrafish lanterns open the book"
OPENING = "Opening the book"
PRESSES = 10
TARGET_TEXT = 40  # characters of a section's first words waited for (cut at a space)
SHORTEST_TARGET = 12
FIRST_SCREEN_TARGET = 1.5  # times the floor's first paint
NEXT_CHAPTER_TARGET = 0.05  # seconds from `]` to the next chapter drawn
LOADED_TIMEOUT = 120.0
FOREWORD = 12  # paragraphs: more than a screen, so chapter 1 starts below the first one
ORDINALS = ("One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten")


@dataclass(frozen=True, slots=True)
class Book:
    """A book to measure, and what the terminal is to show of it."""

    label: str
    path: Path
    text_size: int  # characters of its Markdown article
    chapters: int  # spine items
    sections: int  # of the parsed document: the probe's "loaded" event says as many
    start_words: str  # of its first paragraph
    opening_block: str  # the block it opens at (as probe.py reports passages)
    first_words: str  # of the section it opens at
    next_words: list[str]  # of each section after it, in order


@dataclass(slots=True)
class Timings:
    """One book's figures, seconds, a list per run (or per press)."""

    read: list[float] = field(default_factory=list)
    markdown: list[float] = field(default_factory=list)
    parse: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)
    opening: list[float] = field(default_factory=list)
    start: list[float] = field(default_factory=list)
    first_chapter: list[float] = field(default_factory=list)
    loaded: list[float] = field(default_factory=list)
    press_frame: list[float] = field(default_factory=list)  # `]` to the next frame at all
    press_chapter: list[float] = field(default_factory=list)  # `]` to the chapter drawn


# -- the books -----------------------------------------------------------------


def persuasion_paragraphs() -> list[str]:
    """The development book's paragraphs, in order, their whitespace made single spaces."""
    from lxml import html as lxml_html

    book = read_book(DEVELOPMENT_BOOK.read_bytes(), DEVELOPMENT_BOOK.name)
    paragraphs = []
    for member in book.spine:
        if "chapter-" not in member:
            continue
        root = lxml_html.document_fromstring(book.chapters[member])
        for paragraph in root.iter("p"):
            text = " ".join(paragraph.text_content().split())
            if text:
                paragraphs.append(text)
    return paragraphs


def big_book(path: Path) -> None:
    """A 1 MB-of-text EPUB: a title page and a foreword, then PARTS parts (each a page of
    its own with an epigraph) of CHAPTERS_PER_PART chapters of Persuasion's paragraphs;
    the contents nested (parts > chapters); the bodymatter landmark at chapter 1, whose
    first paragraph begins with NEEDLE."""
    paragraphs = persuasion_paragraphs()
    supply = itertools.count()

    def next_paragraph() -> str:
        return html.escape(paragraphs[next(supply) % len(paragraphs)])

    chapter_count = PARTS * CHAPTERS_PER_PART
    per_chapter = MEGABYTE // chapter_count + 1
    chapters = [
        ("text/titlepage.xhtml", "<h1>A Long Book</h1><p>By An Author</p>"),
        (
            "text/foreword.xhtml",
            "<h1>Foreword</h1>" + "".join(f"<p>{next_paragraph()}</p>" for _ in range(FOREWORD)),
        ),
    ]
    toc: list[TocItem] = [
        ("Title page", "text/titlepage.xhtml"),
        ("Foreword", "text/foreword.xhtml"),
    ]
    number = 0
    for part in range(PARTS):
        part_file = f"text/part-{part + 1}.xhtml"
        ordinal = ORDINALS[part]
        chapters.append(
            (
                part_file,
                f"<h1>Part {ordinal}</h1><blockquote><p>Part {ordinal} begins with an "
                f"epigraph of its own, number {part + 1} of {PARTS}.</p></blockquote>",
            )
        )
        entries: list[TocItem] = []
        for _ in range(CHAPTERS_PER_PART):
            number += 1
            name = f"text/chapter-{number:02d}.xhtml"
            body = [f"<h2>Chapter {number}</h2>"]
            size = 0
            while size < per_chapter:
                text = next_paragraph()
                if number == 1 and size == 0:
                    text = f"{NEEDLE}, and then it goes on as books do. {text}"
                body.append(f"<p>{text}</p>")
                size += len(html.unescape(text))
            chapters.append((name, "".join(body)))
            entries.append((f"Chapter {number}", name))
        toc.append((f"Part {ordinal}", part_file, entries))
    data = simple_book(
        chapters,
        toc=toc,
        title="A Long Book",
        author="An Author",
        landmarks_start="text/chapter-01.xhtml",
    )
    path.write_bytes(data)


def describe(label: str, path: Path) -> Book:
    """The book parsed in-process: its size, and the words the terminal will show."""
    data = path.read_bytes()
    book = read_book(data, path.name)
    text = book_markdown(book, path.name)
    source = Source(text.text, path.name, "markdown", outline=text.outline, opening=text.opening)
    document = document_of(source)
    start = document.block_at_offset(text.opening or 0)
    section = document.section_of(start)
    position = document.section_position(section)
    return Book(
        label=label,
        path=path,
        text_size=len(text.text),
        chapters=len(book.spine),
        sections=len(document.sections),
        start_words=first_words(document, 0, len(document.blocks)),
        opening_block=str(start),
        first_words=first_words(document, section.first_block, section.end_block),
        next_words=[
            first_words(document, after.first_block, after.end_block)
            for after in document.sections[position + 1 :]
        ],
    )


def first_words(document: Document, first: int, end: int) -> str:
    """The first words of the first paragraph from block `first` (before `end`) whose text
    starts unstyled: drawn as one run of characters, with no escape sequence inside."""
    for index in range(first, min(end, len(document.blocks))):
        block = document.styled(index)
        if block.kind == BlockKind.HEADING or not block.runs:
            continue
        run = block.runs[0]
        if run.style != Inline.PLAIN or run.href:
            continue
        words = run.text.split("\n")[0].strip()
        if len(words) > TARGET_TEXT:
            words = words[:TARGET_TEXT].rsplit(" ", 1)[0]
        if len(words) >= SHORTEST_TARGET:
            return words
    raise ValueError(f"no unstyled paragraph in blocks {first}..{end}")


# -- in-process ----------------------------------------------------------------


def conversion_times(book: Book, runs: int, timings: Timings) -> None:
    """read_book, book_markdown and parse, one after the other, `runs` times."""
    data = book.path.read_bytes()
    for _ in range(runs):
        started = time.perf_counter()
        read = read_book(data, book.path.name)
        read_at = time.perf_counter()
        text = book_markdown(read, book.path.name)
        markdown_at = time.perf_counter()
        parse(text.text, "markdown", book.path.name, outline=text.outline)
        parsed_at = time.perf_counter()
        timings.read.append(read_at - started)
        timings.markdown.append(markdown_at - read_at)
        timings.parse.append(parsed_at - markdown_at)


def profile(book: Book, top: int) -> None:
    """cProfile of read_book + book_markdown + parse once, the `top` functions by own time
    and by cumulative time, to stdout."""
    data = book.path.read_bytes()

    def convert() -> None:
        text = book_markdown(read_book(data, book.path.name), book.path.name)
        parse(text.text, "markdown", book.path.name, outline=text.outline)

    profiler = cProfile.Profile()
    profiler.runcall(convert)
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.strip_dirs()
    print(f"\n## cProfile: {book.label}, read_book + book_markdown + parse\n")
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


# -- in the terminal -----------------------------------------------------------


def frame_holding(term: Terminal, text: bytes, since: int) -> bool:
    """Whether the output from `since` on holds `text` and then the end of a frame: a
    complete frame drew it. (The terminal must record its output.)"""
    assert term.transcript is not None
    at = term.transcript.find(text, since)
    return at >= 0 and term.transcript.find(END_FRAME, at + len(text)) >= 0


def when_drawn(
    term: Terminal, texts: list[str], since: int, timeout: float, *, each_read: Callable[[], None]
) -> list[float]:
    """When the frame that first drew each of `texts` (in the output from `since` on)
    ended: the time of the read that completed it, every text checked after every read.
    `each_read` runs after every read too."""
    wanted = [text.encode() for text in texts]
    seen: dict[int, float] = {}

    def done() -> bool | None:
        each_read()
        for number, text in enumerate(wanted):
            if number not in seen and frame_holding(term, text, since):
                seen[number] = term.output_at
        return True if len(seen) == len(wanted) else None

    term.wait_until(done, timeout, " and ".join(map(repr, texts)))
    return [seen[number] for number in range(len(wanted))]


def first_screens(book: Book, envs: Environments) -> tuple[float, float, float]:
    """`reader book.epub`, unchanged: seconds from fork to the first screen ("Opening the
    book…", or the book if that was not drawn), and
    to the end of the frames that first drew the book's first words and the opening
    chapter's."""
    argv = [sys.executable, "-m", "reader", str(book.path)]
    with Terminal(argv, envs.fresh(), size=SCREEN, watch=OPENING, record=True) as term:
        # A book is first shown at its opening chapter: its start is not drawn before it.
        (chapter,) = when_drawn(term, [book.first_words], 0, PAINT_TIMEOUT, each_read=_nothing)
        start = chapter
        # No placeholder when the child had the book by the time Textual loaded: then the
        # first screen is the book's.
        first = start if term.watch_seen_at is None else term.watch_seen_at
        term.settle()
        _quit(term)
    return (
        first - term.started,
        start - term.started,
        chapter - term.started,
    )


def _nothing() -> None:
    pass


def next_chapters(
    book: Book, presses: int, envs: Environments
) -> tuple[float, list[float], list[float]]:
    """probe.py (`reader book.epub`, reporting when the whole book is in and the block
    being read): seconds from fork to the whole book in; then, once the opening chapter is
    the passage read and the screen is still, per `]`, the seconds to the next frame and
    to the frame drawing the next section's first words."""
    argv = [sys.executable, str(HERE / "probe.py"), str(book.path)]
    with Terminal(argv, envs.fresh(), size=SCREEN, events=True, record=True) as term:

        def whole() -> float | None:  # the placeholder is "loaded" too, with one section
            for event in term.events:
                if event.name == "loaded" and int(event.fields[1]) == book.sections:
                    return float(event.fields[0])
            return None

        def at_opening() -> bool | None:
            passages = [event for event in term.events if event.name == "passage"]
            return True if passages and passages[-1].fields[0] == book.opening_block else None

        loaded = term.wait_until(whole, LOADED_TIMEOUT, "the whole book")
        term.wait_until(at_opening, KEY_TIMEOUT, "the opening chapter read")
        frames, chapters = [], []
        for words in book.next_words[:presses]:
            term.settle()
            assert term.transcript is not None
            since, before = len(term.transcript), term.frames
            first_frame: list[float] = []

            def note_frame(before: int = before, first_frame: list[float] = first_frame) -> None:
                if not first_frame and term.frames > before:
                    first_frame.append(term.frame_at)

            sent = term.send(b"]")
            (chapter,) = when_drawn(term, [words], since, KEY_TIMEOUT, each_read=note_frame)
            frames.append(first_frame[0] - sent)
            chapters.append(chapter - sent)
        term.settle()
        _quit(term)
    return loaded - term.started, frames, chapters


def measure(books: list[Book], runs: int, presses: int, envs: Environments) -> list[Timings]:
    """Every process, run after run (a floor each run, then each book), with progress."""
    results = [Timings() for _ in books]
    for book, timings in zip(books, results, strict=True):
        conversion_times(book, runs, timings)
        total = statistics.median(
            sum(each) for each in zip(timings.read, timings.markdown, timings.parse, strict=True)
        )
        progress(f"{book.label}: read_book + book_markdown + parse {total * 1000:.0f} ms")
    for run in range(1, runs + 1):
        steal = Steal()
        painted = run_floor(envs).first_paint
        assert painted is not None
        progress(f"run {run}/{runs}: floor {painted * 1000:.0f} ms")
        for book, timings in zip(books, results, strict=True):
            timings.floor.append(painted)
            opening, start, chapter = first_screens(book, envs)
            timings.opening.append(opening)
            timings.start.append(start)
            timings.first_chapter.append(chapter)
            loaded, frames, chapters = next_chapters(book, presses, envs)
            timings.loaded.append(loaded)
            timings.press_frame += frames
            timings.press_chapter += chapters
            progress(
                f"  {book.label}: '{OPENING}…' {opening * 1000:.0f} ms, its start "
                f"{start * 1000:.0f} ms, opening chapter "
                f"{chapter * 1000:.0f} ms, whole {loaded * 1000:.0f} ms, `]` median "
                f"{statistics.median(chapters) * 1000:.1f} ms, worst {max(chapters) * 1000:.1f} ms"
                f" (each: {', '.join(f'{each * 1000:.0f}' for each in chapters)})"
            )
        if steal.describe():
            progress(f"  (run {run}: {steal.describe()})")
    return results


# -- the table -----------------------------------------------------------------


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def _ratio(values: list[float], floors: list[float]) -> str:
    """The median of each run's value over that run's floor."""
    ratios = [value / floor for value, floor in zip(values, floors, strict=True)]
    return f"{statistics.median(ratios):.2f}x"


def table(books: list[Book], results: list[Timings], runs: int, presses: int) -> str:
    median = statistics.median
    lines = [
        f"## In-process, median of {runs} runs (ms)",
        "",
        "| book | EPUB KB | text KB | spine | read_book | book_markdown | parse | total |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for book, t in zip(books, results, strict=True):
        totals = [sum(each) for each in zip(t.read, t.markdown, t.parse, strict=True)]
        lines.append(
            f"| {book.label} | {book.path.stat().st_size // 1024} | {book.text_size // 1024} "
            f"| {book.chapters} | {_ms(median(t.read))} | {_ms(median(t.markdown))} "
            f"| {_ms(median(t.parse))} | {_ms(median(totals))} |"
        )
    lines += [
        "",
        f"## `reader book.epub` on a {SCREEN[0]}x{SCREEN[1]} pty, median of {runs} processes "
        "(ms from fork; x: over the floor's first paint in the same run)",
        "",
        "| book | floor | first screen ('Opening the book…', else the book) "
        "| the book's first words drawn | the opening chapter "
        f"(target <= {FIRST_SCREEN_TARGET}x) | whole book in (probe) |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for book, t in zip(books, results, strict=True):
        lines.append(
            f"| {book.label} | {_ms(median(t.floor))} "
            f"| {_ms(median(t.opening))} ({_ratio(t.opening, t.floor)}) "
            f"| {_ms(median(t.start))} ({_ratio(t.start, t.floor)}) "
            f"| {_ms(median(t.first_chapter))} ({_ratio(t.first_chapter, t.floor)}) "
            f"| {_ms(median(t.loaded))} |"
        )
    lines += [
        "",
        f"## `]` from the opening chapter on, {presses} presses x {runs} processes (ms; "
        "key written -> end of the first complete frame holding the next section's first "
        f"words; target < {NEXT_CHAPTER_TARGET * 1000:.0f} ms)",
        "",
        "| book | presses | to the next chapter: median | worst | to any next frame: median "
        "| worst |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for book, t in zip(books, results, strict=True):
        lines.append(
            f"| {book.label} | {len(t.press_chapter)} "
            f"| {median(t.press_chapter) * 1000:.1f} | {max(t.press_chapter) * 1000:.1f} "
            f"| {median(t.press_frame) * 1000:.1f} | {max(t.press_frame) * 1000:.1f} |"
        )
    lines += ["", *(_words(book) for book in books)]
    return "\n".join(lines)


def _words(book: Book) -> str:
    return (
        f"{book.label}: its start is {book.start_words!r}; it opens at block "
        f"{book.opening_block}, {book.first_words!r}; `]` waits for "
        + ", ".join(map(repr, book.next_words))
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--presses", type=int, default=PRESSES, help="`]` per process")
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="also print cProfile's top N"
    )
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="reader-books-") as scratch:
        envs = Environments(Path(scratch))
        big = Path(scratch) / "long-book.epub"
        big_book(big)
        books = [describe("Persuasion", DEVELOPMENT_BOOK), describe("1 MB book", big)]
        books = [replace(book, next_words=book.next_words[: options.presses]) for book in books]
        steal = Steal()
        results = measure(books, options.runs, options.presses, envs)
        print(table(books, results, options.runs, options.presses))
        if steal.describe():
            print(f"\nDuring this pass {steal.describe()} (figures swing with it).")
        if options.profile:
            for book in books:
                profile(book, options.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
