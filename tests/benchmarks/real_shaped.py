"""Documents shaped like real ones, for the benchmark: Unicode prose, dense headings, long
code, HTML comments and CRLF line endings, as in API docs, changelogs and licences.

The generated benchmark articles (corpus.py) are ASCII with a hundred distinct words
and sparse headings; real documents are not, and that changes the costs: one emoji or
CJK character makes CPython store a whole text at 2 or 4 bytes a character, dense
headings make a large tree, CRLF endings must be normalised, and long code blocks are
wrapped differently. Everything comes from a fixed seed, so every machine reads the
same bytes. Each document's first paragraph starts with corpus.NEEDLE.
"""

from __future__ import annotations

import itertools
import random
import textwrap
from collections.abc import Iterator

from corpus import NEEDLE, WORDS, size_label

WRAP = 76
ACCENTED = (
    *("café", "naïve", "façade", "Zürich", "São", "Paulo", "Dvořák", "Łódź", "smørrebrød"),
    *("crème", "brûlée", "über", "Ångström", "jalapeño", "résumé", "déjà", "coöperate", "Ærø"),
)
CJK = ("日本語の文章です。", "中文段落示例。", "한국어 문장입니다.", "漢字と仮名の混在。")
EMOJI = ("🙂", "🚀", "📚", "✅", "⚠️", "🔥", "🧪", "👍🏽")
QUOTES = ("“{}”", "‘{}’", "«{}»", "„{}“")
MODULES = ("fs", "http", "stream", "buffer", "crypto", "path", "events", "url", "zlib", "net")


def real_markdown(size: int, seed: int) -> str:
    """About `size` bytes (UTF-8) of API-documentation Markdown with CRLF endings: a
    heading every few lines, three levels deep, long code blocks, HTML comments."""
    rng = random.Random(seed)
    title = f"# Real-shaped Markdown, {size_label(size)}"
    opening = _wrap(f"{NEEDLE}, written for timing. " + _prose(rng, 3))
    return _fill([title, opening], size, _api_sections(rng), "\r\n")


def real_text(size: int, seed: int) -> str:
    """About `size` bytes (UTF-8) of plain text like concatenated changelogs and licences,
    with CRLF endings: dated release entries with bulleted changes, licence sections."""
    rng = random.Random(seed)
    title = f"Real-shaped plain text, {size_label(size)}"
    opening = _wrap(f"{NEEDLE}, written for timing. " + _prose(rng, 3))
    return _fill([title, opening], size, _changelog_and_licences(rng), "\r\n")


def _fill(parts: list[str], size: int, more: Iterator[str], newline: str) -> str:
    """Blocks from `more` after `parts` until the text reaches `size` bytes in UTF-8."""
    total = sum(len(part.encode()) + 2 for part in parts)
    while total < size:
        part = next(more)
        parts.append(part)
        total += len(part.encode()) + 2
    return ("\n\n".join(parts) + "\n").replace("\n", newline)


def _api_sections(rng: random.Random) -> Iterator[str]:
    """Endless module docs: `## module`, `### class`, `#### method`, each briefly described."""
    for count in itertools.count():
        module = f"{rng.choice(MODULES)}{count}"
        yield f"## {module} {rng.choice(EMOJI)}"
        yield f"<!-- YAML\nadded: v{rng.randint(0, 22)}.{rng.randint(0, 12)}.0\n-->"
        yield _wrap(_prose(rng, rng.randint(2, 4)))
        for _ in range(rng.randint(2, 4)):
            name = f"{module}.{rng.choice(WORDS)}{rng.choice(WORDS).capitalize()}"
            yield f"### `{name}(options)`"
            yield "\n".join(
                f"* `{rng.choice(WORDS)}` {{{rng.choice(('string', 'number', 'Buffer'))}}} "
                f"{_phrase(rng)}"
                for _ in range(rng.randint(2, 5))
            )
            yield _wrap(_prose(rng, rng.randint(1, 3)))
            if rng.random() < 0.5:
                yield _code_block(rng)
            for _ in range(rng.randint(0, 2)):
                yield f"#### Event: `'{rng.choice(WORDS)}'`"
                yield _wrap(_prose(rng, 2))


def _code_block(rng: random.Random) -> str:
    """A fenced block of 10-120 lines, now and then a very long line."""
    lines = [f"const {rng.choice(WORDS)} = require('node:{rng.choice(MODULES)}');"]
    for number in range(rng.randint(10, 120)):
        if rng.random() < 0.05:
            lines.append("// " + " ".join(rng.choice(WORDS) for _ in range(60)))
        else:
            lines.append(f"  {rng.choice(WORDS)}.{rng.choice(WORDS)}({number}); // {_phrase(rng)}")
    return "```js\n" + "\n".join(lines) + "\n```"


def _changelog_and_licences(rng: random.Random) -> Iterator[str]:
    """Endless Debian-style changelog entries, a licence text every twentieth one."""
    for count in itertools.count():
        if count % 20 == 19:
            yield from _licence(rng)
            continue
        package = f"{rng.choice(WORDS)}-{rng.choice(WORDS)}"
        version = f"{rng.randint(0, 9)}.{rng.randint(0, 40)}-{rng.randint(1, 9)}"
        changes = "\n".join(
            textwrap.fill(_prose(rng, 1), WRAP, initial_indent="  * ", subsequent_indent="    ")
            for _ in range(rng.randint(2, 8))
        )
        who = f"{rng.choice(ACCENTED).capitalize()} {rng.choice(WORDS).capitalize()}"
        yield (
            f"{package} ({version}) unstable; urgency=medium\n\n{changes}\n\n"
            f" -- {who} <{rng.choice(WORDS)}@example.org>  Mon, {rng.randint(1, 28):02d} "
            f"Jan {rng.randint(1998, 2026)} 12:00:00 +0100"
        )


def _licence(rng: random.Random) -> Iterator[str]:
    yield "GNU GENERAL PUBLIC LICENSE\n   Version 3, 29 June 2007"
    for number in range(rng.randint(4, 9)):
        yield f"{number}. {' '.join(rng.choice(WORDS) for _ in range(3)).title()}."
        for _ in range(rng.randint(1, 3)):
            yield _wrap(_prose(rng, rng.randint(3, 6)))
    yield "END OF TERMS AND CONDITIONS"


def _prose(rng: random.Random, count: int) -> str:
    """Sentences with curly quotes, accented words and now and then CJK or an emoji."""
    sentences = []
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
        if rng.random() < 0.4:
            words[rng.randrange(len(words))] = rng.choice(ACCENTED)
        if rng.random() < 0.3:
            at = rng.randrange(len(words))
            words[at] = rng.choice(QUOTES).format(words[at])
        sentence = " ".join(words).capitalize() + "."
        if rng.random() < 0.1:
            sentence += " " + rng.choice(CJK)
        if rng.random() < 0.1:
            sentence += " " + rng.choice(EMOJI)
        sentences.append(sentence)
    return " ".join(sentences)


def _phrase(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8)))


def _wrap(text: str) -> str:
    return textwrap.fill(text, WRAP, break_on_hyphens=False)
