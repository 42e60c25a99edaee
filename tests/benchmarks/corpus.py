"""The benchmark's documents: generated Markdown and plain text, plus the bundled article.

Everything is generated from a fixed seed with `random.Random`, so a run on any
machine reads the same bytes. Each document's first paragraph starts with a
needle phrase (plain, unstyled) that the harness waits for on screen.
"""

from __future__ import annotations

import itertools
import random
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "articles" / "amazon-invests-4b-in-anthropic.txt"
BUNDLED_NEEDLE = "In a strategic move that promises"
NEEDLE = "Opening paragraph of the benchmark article"
SEED = 20240917
WRAP = 72
SECTION_LINES = 30  # roughly how many lines between headings
SIZES = {
    "5k": 5 * 1024,
    "250k": 250 * 1024,
    "1m": 1024**2,
    "5m": 5 * 1024**2,
    "20m": 20 * 1024**2,
    "50m": 50 * 1024**2,
}
# corpus.py's ASCII articles; real_shaped.py's Unicode ones; found.py's real documents
SHAPES = ("generated", "real", "found")

VOCABULARY = """
reader article section paragraph terminal window column margin chapter outline
measure render frame pixel glyph cursor buffer stream parse token block heading
quiet river mountain harbour lantern orchard meadow signal archive journey
careful patient steady bright narrow distant gentle sudden hollow golden
builds follows carries reaches gathers returns watches crosses shapes holds
across beneath beyond within around toward against between through under
the a an of to and in that with for on as by from at this its their every
"""
WORDS = tuple(VOCABULARY.split())
TITLE_WORDS = tuple(word for word in WORDS if word != "by")  # "By ..." reads as a byline
LANGUAGES = ("python", "rust", "json", "")
CAPS_TOPICS = ("BACKGROUND", "METHOD", "RESULTS", "DISCUSSION", "NOTES", "SUMMARY")
NUMBERED_TOPICS = ("Introduction", "Details", "Measurements", "Limits", "Examples", "Outlook")


@dataclass(frozen=True, slots=True)
class Article:
    """One benchmark document on disk."""

    label: str  # shown in the table, e.g. "Markdown 250 KB"
    kind: str  # "markdown", "plain" or "bundled"
    path: Path
    needle: str
    scale: str  # the key in SIZES it was generated for; "" for the bundled article
    size: int  # bytes

    @property
    def is_markdown(self) -> bool:
        return self.kind == "markdown"


def write_corpus(
    folder: Path, sizes: list[str], shapes: tuple[str, ...] = ("generated",)
) -> list[Article]:
    """Write the documents for `sizes` and `shapes` into `folder`; the bundled article last."""
    from found import found_markdown, found_text  # (they import this module)
    from real_shaped import real_markdown, real_text

    makers: dict[str, tuple[tuple[str, Callable[[int, int], str | None]], ...]] = {
        "generated": (("Markdown", markdown_article), ("plain text", plain_article)),
        "real": (("real-shaped Markdown", real_markdown), ("real-shaped text", real_text)),
        "found": (("Node API docs", found_markdown), ("Debian changelogs", found_text)),
    }
    articles = []
    for size in sizes:
        target = SIZES[size]
        for shape in shapes:
            for name, generate in makers[shape]:
                markdown = name in ("Markdown", "real-shaped Markdown", "Node API docs")
                prefix = {"generated": "benchmark", "real": "real-shaped"}.get(shape, shape)
                path = folder / f"{prefix}-{size}.{'md' if markdown else 'txt'}"
                text = generate(target, SEED)
                if text is None:  # not on this machine
                    continue
                data = text.encode()
                path.write_bytes(data)
                kind = "markdown" if markdown else "plain"
                label = f"{name} {size_label(target)}"
                articles.append(Article(label, kind, path, NEEDLE, size, len(data)))
    bundled = Article(
        "bundled article", "bundled", BUNDLED, BUNDLED_NEEDLE, "", BUNDLED.stat().st_size
    )
    articles.append(bundled)
    return articles


def size_label(size: int) -> str:
    """A byte count as KB or MB (powers of 1024), the way the table shows it."""
    if size < 1024**2:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024**2:.0f} MB"


def markdown_article(size: int, seed: int) -> str:
    """About `size` bytes of Markdown: # / ## / ### headings and the usual block kinds."""
    rng = random.Random(seed)
    title = f"# Benchmark article in Markdown, {size_label(size)}"
    opening = _wrap(f"{NEEDLE}, written for timing. " + _sentences(rng, 4, inline=True))
    return _fill([title, opening], size, _markdown_sections(rng))


def plain_article(size: int, seed: int) -> str:
    """About `size` bytes of hard-wrapped plain text with headings the parser infers.

    The title line comes first; then parts underlined with "=", chapters
    underlined with "-", and inside chapters either ALL-CAPS headings or
    numbered ones ("2." and "2.1"), always with one blank line around them.
    """
    rng = random.Random(seed)
    title = f"Benchmark Article in Plain Text, {size_label(size)}"
    opening = _wrap(f"{NEEDLE}, written for timing. " + _sentences(rng, 4))
    return _fill([title, opening], size, _plain_sections(rng))


def _fill(parts: list[str], size: int, more: Iterator[str]) -> str:
    """Append blocks from `more` to `parts` until the text reaches `size` bytes (ASCII)."""
    total = sum(len(part) + 2 for part in parts)
    while total < size:
        part = next(more)
        parts.append(part)
        total += len(part) + 2
    return "\n\n".join(parts) + "\n"


def _markdown_sections(rng: random.Random) -> Iterator[str]:
    """Endless sections: a heading every SECTION_LINES lines or so, each with its first block."""
    for count in itertools.count():
        if count % 12 == 11:
            heading = f"# Part {count // 12 + 2}: {_title(rng)}"
        else:
            heading = f"{'##' if count % 3 == 0 else '###'} {count + 1}. {_title(rng)}"
        yield f"{heading}\n\n{_wrap(_sentences(rng, rng.randint(3, 6), inline=True))}"
        lines = 0
        while lines < SECTION_LINES:
            block = _markdown_block(rng)
            lines += block.count("\n") + 2
            yield block


def _markdown_block(rng: random.Random) -> str:
    choice = rng.random()
    if choice < 0.55:
        return _wrap(_sentences(rng, rng.randint(3, 7), inline=True))
    if choice < 0.68:
        return _markdown_list(rng)
    if choice < 0.78:
        language = rng.choice(LANGUAGES)
        return f"```{language}\n{_code(rng)}\n```"
    if choice < 0.88:
        return _markdown_table(rng)
    return _wrap(_sentences(rng, rng.randint(2, 4), inline=True), prefix="> ")


def _markdown_list(rng: random.Random) -> str:
    ordered = rng.random() < 0.3
    lines = []
    for number in range(1, rng.randint(3, 5) + 1):
        marker = f"{number}." if ordered else "-"
        lines.append(f"{marker} {_sentences(rng, 1, inline=True)}")
        if rng.random() < 0.4:
            indent = " " * (len(marker) + 1)
            lines.extend(f"{indent}- {_phrase(rng, 4, 9)}" for _ in range(rng.randint(1, 3)))
    return "\n".join(lines)


def _markdown_table(rng: random.Random) -> str:
    columns = rng.randint(3, 4)
    header = "| " + " | ".join(_title(rng) for _ in range(columns)) + " |"
    rule = "|" + "---|" * columns
    rows = [
        "| " + " | ".join(_phrase(rng, 1, 3) for _ in range(columns)) + " |"
        for _ in range(rng.randint(3, 6))
    ]
    return "\n".join([header, rule, *rows])


def _plain_sections(rng: random.Random) -> Iterator[str]:
    """Endless chapters (a new part every fifth one), each with three subsections."""
    for count in itertools.count():
        if count % 5 == 0:
            yield _underlined(f"Part {count // 5 + 1}: {_title(rng)}", "=", rng)
        yield _underlined(_title(rng), "-", rng)
        numbered = count % 2 == 1
        for sub in range(1, 4):
            if numbered:
                topic = NUMBERED_TOPICS[(count + sub) % len(NUMBERED_TOPICS)]
                yield from _plain_section(f"{sub}. {topic}", SECTION_LINES // 2, rng)
                yield from _plain_section(f"{sub}.1 {_title(rng)}", SECTION_LINES // 2, rng)
            else:
                yield from _plain_section(f"{rng.choice(CAPS_TOPICS)} {sub}", SECTION_LINES, rng)


def _underlined(title: str, line: str, rng: random.Random) -> str:
    """An underlined heading with a short paragraph under it."""
    return f"{title}\n{line * len(title)}\n\n{_wrap(_sentences(rng, 3))}"


def _plain_section(heading: str, lines: int, rng: random.Random) -> Iterator[str]:
    """A one-line heading, then hard-wrapped paragraphs, now and then a list or indented code."""
    yield f"{heading}\n\n{_wrap(_sentences(rng, rng.randint(3, 6)))}"
    written = 0
    while written < lines:
        choice = rng.random()
        if choice < 0.75:
            block = _wrap(_sentences(rng, rng.randint(3, 7)))
        elif choice < 0.9:
            block = "\n".join(f"- {_phrase(rng, 4, 9)}" for _ in range(rng.randint(3, 5)))
        else:
            block = textwrap.indent(_code(rng), "    ")
        written += block.count("\n") + 2
        yield block


def _code(rng: random.Random) -> str:
    lines = [f"def {rng.choice(WORDS)}_{rng.randint(1, 99)}(value):"]
    for _ in range(rng.randint(2, 6)):
        lines.append(f"    value = value + {rng.randint(1, 999)}  # {_phrase(rng, 2, 5)}")
    lines.append("    return value")
    return "\n".join(lines)


def _sentences(rng: random.Random, count: int, *, inline: bool = False) -> str:
    return " ".join(_sentence(rng, inline) for _ in range(count))


def _sentence(rng: random.Random, inline: bool) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    if inline and rng.random() < 0.5:
        at = rng.randrange(1, len(words))
        words[at] = rng.choice(
            (
                f"*{words[at]}*",
                f"**{words[at]}**",
                f"`{words[at]}()`",
                f"[{words[at]}](https://example.com/{words[at]})",
            )
        )
    return " ".join(words).capitalize() + "."


def _phrase(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def _title(rng: random.Random) -> str:
    return " ".join(rng.choice(TITLE_WORDS).capitalize() for _ in range(rng.randint(2, 4)))


def _wrap(text: str, prefix: str = "") -> str:
    return textwrap.fill(
        text, WRAP, initial_indent=prefix, subsequent_indent=prefix, break_on_hyphens=False
    )
