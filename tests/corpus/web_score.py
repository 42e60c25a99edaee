"""Score reader's web page extraction against Mozilla Readability's reference extractions.

    python tests/corpus/web_score.py [PAGE ...]

For each page in tests/corpus/web/ (source.html, expected.html, expected-metadata.json):
word-level precision, recall and F1 of the text reader shows (the page's main content,
as parsed into blocks, images' alt text left out as the reference's text has none)
against the text of expected.html; whether the title is the
reference title; the number of headings; the time taken. Then the mean and median.
Words are `\\w+` runs (each Chinese or Japanese character a word of its own), case-folded,
counted as a multiset; the reference's block elements (paragraphs, table cells, list
items) are kept apart, as a browser shows them.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex
from lxml import html

ROOT = Path(__file__).resolve().parent / "web"
sys.path.insert(0, str(ROOT.parent.parent.parent))

from reader.document import Block, BlockKind, Inline  # noqa: E402
from reader.parsers.html_tags import BLOCKS  # noqa: E402
from reader.parsers.markdown import parse_markdown  # noqa: E402
from reader.parsers.web_page import read_page  # noqa: E402
from reader.source import decode_html  # noqa: E402


@dataclass(frozen=True)
class Score:
    page: str
    precision: float
    recall: float
    title_right: bool
    headings: int
    seconds: float
    title: str
    expected_title: str

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def shown_text(block: Block) -> str:
    """A block's text as compared: images' alt text left out, as the reference's text has none."""
    if block.kind is BlockKind.TABLE:
        cells = (cell for row in block.rows for cell in row)
        return " ".join(
            "".join(r.text for r in cell if Inline.IMAGE not in r.style) for cell in cells
        )
    if block.runs:
        return "".join(run.text for run in block.runs if Inline.IMAGE not in run.style)
    return block.plain


def text_of(tree: html.HtmlElement) -> str:
    """The reference's text, its blocks apart: a browser shows two table cells (or two
    paragraphs) apart even where nothing separates them in the HTML."""
    for element in tree.iter(*BLOCKS, "br"):
        element.tail = " " + (element.tail or "")
        if len(element):
            element[-1].tail = (element[-1].tail or "") + " "
        else:
            element.text = (element.text or "") + " "
    return tree.text_content()


# Chinese and Japanese are written without spaces: each character counts as a word
# (a run of them is no word: where one page has a table cell's edge between two runs
# and the reference has none, the run would differ while the text is the same).
UNSPACED = r"\p{Han}\p{Hiragana}\p{Katakana}"
WORD = regex.compile(rf"[{UNSPACED}]|[^\W{UNSPACED}]+")


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text.casefold()))


def same_title(found: str, expected: str) -> bool:
    return " ".join(found.casefold().split()) == " ".join(expected.casefold().split())


def score(folder: Path) -> Score:
    data = (folder / "source.html").read_bytes()
    started = time.perf_counter()
    markup, _ = decode_html(data, folder.name)
    page = read_page(markup)
    document = parse_markdown(page.markdown, folder.name)
    seconds = time.perf_counter() - started
    shown = "\n".join(map(shown_text, map(document.styled, range(len(document.blocks)))))
    expected_tree = html.document_fromstring((folder / "expected.html").read_text("utf-8"))
    expected = words(text_of(expected_tree))
    found = words(shown)
    overlap = sum((expected & found).values())
    metadata = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
    reference_title = metadata.get("title") or ""
    return Score(
        folder.name,
        overlap / max(1, sum(found.values())),
        overlap / max(1, sum(expected.values())),
        same_title(page.title, reference_title),
        len(document.headings),
        seconds,
        page.title,
        reference_title,
    )


def pages(names: list[str]) -> list[Path]:
    folders = sorted(p for p in ROOT.iterdir() if (p / "source.html").is_file())
    return [p for p in folders if not names or p.name in names]


def main(names: list[str]) -> int:
    scores = [score(folder) for folder in pages(names)]
    print(f"{'page':20} {'P':>6} {'R':>6} {'F1':>6} {'title':>5} {'heads':>5} {'ms':>6}")
    for s in scores:
        mark = "yes" if s.title_right else "NO"
        print(
            f"{s.page:20} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {mark:>5} "
            f"{s.headings:5d} {s.seconds * 1000:6.0f}"
        )
    for s in scores:
        if not s.title_right:
            print(f"  title {s.page}: {s.title!r} (reference {s.expected_title!r})")
    f1s = [s.f1 for s in scores]
    print(
        f"\n{len(scores)} pages: mean F1 {statistics.mean(f1s):.3f}, "
        f"median {statistics.median(f1s):.3f}, lowest {min(f1s):.3f}, "
        f"below 0.85: {sum(f < 0.85 for f in f1s)}, "
        f"titles right {sum(s.title_right for s in scores) / len(scores):.0%}, "
        f"mean {statistics.mean(s.seconds for s in scores) * 1000:.0f} ms a page"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
