"""Score the plain-text parser's section trees against hand-made reference outlines.

Usage (from the repository root):

    python3 tests/corpus/score.py              # every document: table, pooled totals
    python3 tests/corpus/score.py NAME ...     # only these documents (NAME or NAME.txt)
    python3 tests/corpus/score.py --diff NAME  # missed, false and misplaced headings of one
    python3 tests/corpus/score.py --predicted NAME   # the parser's outline, in outline format

Importable without Textual: `score_corpus()` returns the pooled `Totals` (and
`score_document(name)` one document's), e.g. for a test that guards the figures:

    spec = importlib.util.spec_from_file_location("corpus_score", ROOT / "tests/corpus/score.py")

How a document is scored
------------------------
`docs/NAME.txt` is read the way the reader reads a file (`reader.source.load_path`) and
parsed with `reader.parsers.parse(text, "plain", NAME.txt)`. The predicted headings are
all sections but the root, in document order (synthetic sections included: the reader
shows them in its outline too); depth is counted from the root.

`outlines/NAME.outline` holds the reference: one heading per line, two spaces of
indentation per level, the heading's first line as it appears in the text. A line
starting with "? " is optional: a predicted heading matched to it is neither a hit nor a
false heading, and a miss of it costs nothing.

Headings are compared by normalised text: casefolded, whitespace collapsed, and
punctuation and symbols (underlines, boxes, quotes, brackets, trailing colons or dots)
stripped from both ends. Two texts match when they are equal, or when the shorter (at
least 4 characters) begins the longer and ends at a break: the rest of the longer text
starts with a space, perhaps after punctuation ("Version 2.5" does not match
"Version 2.5.3", "2. Grant of Copyright License." matches the clause). The prefix
rule is what makes it fair: a reference line is the heading's first line while the
parser may join a heading's lines ("GNU GENERAL PUBLIC LICENSE TERMS AND CONDITIONS..."),
or cut a run-in heading short ("2. Grant of Copyright License."); the break and the
minimum length stop a stray "Note" from matching "Notes on porting".

Predicted and reference headings are aligned in order (a longest common subsequence
under that match rule): most matched required headings first, then most matched
optional ones, then most exact matches.

Figures, per document and pooled (sums over documents, so long documents weigh more):

- precision = matched / (predicted - matched to optional headings)
- recall = matched / required reference headings
- F1 = harmonic mean of precision and recall
- false-heading rate = predicted headings matched to nothing / all predicted headings
- nesting = share of matched headings whose nearest matched ancestor in the predicted
  tree is matched to the nearest matched ancestor in the reference tree (both "none" at
  top level). Only required matches count as ancestors on either side, so a missed or
  optional parent is skipped rather than punished twice.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.document import Document

CORPUS = Path(__file__).resolve().parent
DOCS = CORPUS / "docs"
OUTLINES = CORPUS / "outlines"
REPOSITORY = CORPUS.parent.parent
MIN_PREFIX = 4  # characters the shorter text needs before a prefix counts as a match
FALSE_LIMIT = 0.03  # documents with more false headings than this are listed
_WORD_BREAK = re.compile(r"[\W_]*(?:\s|$)")  # where a prefix may end: "2.5 x", not "2.5.3"


@dataclass(frozen=True, slots=True)
class Heading:
    """One heading of an outline, predicted or reference.

    `parent` is the index of the parent heading in the same list, or None at top level.
    """

    text: str
    depth: int
    parent: int | None
    optional: bool = False
    synthetic: bool = False

    @property
    def key(self) -> str:
        return normalise(self.text)


@dataclass(slots=True)
class Counts:
    """Raw counts; every figure is derived from them, so they add up over documents."""

    predicted: int = 0
    required: int = 0
    matched: int = 0
    optional_matched: int = 0
    nested: int = 0  # matched headings under the right parent

    def add(self, other: Counts) -> None:
        self.predicted += other.predicted
        self.required += other.required
        self.matched += other.matched
        self.optional_matched += other.optional_matched
        self.nested += other.nested

    @property
    def false(self) -> int:
        return self.predicted - self.matched - self.optional_matched

    @property
    def precision(self) -> float:
        judged = self.predicted - self.optional_matched
        return self.matched / judged if judged else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def false_rate(self) -> float:
        return self.false / self.predicted if self.predicted else 0.0

    @property
    def nesting(self) -> float:
        return self.nested / self.matched if self.matched else 1.0


@dataclass(slots=True)
class DocScore:
    """One document's score and the alignment behind it (for --diff)."""

    name: str
    counts: Counts
    predicted: list[Heading]
    reference: list[Heading]
    pairs: dict[int, int]  # predicted index -> reference index
    misplaced: list[int] = field(default_factory=list)  # predicted indexes, wrong parent


@dataclass(slots=True)
class Totals:
    """Pooled counts over the scored documents, and each document's own."""

    counts: Counts = field(default_factory=Counts)
    documents: list[DocScore] = field(default_factory=list)

    def over_false_limit(self, limit: float = FALSE_LIMIT) -> list[DocScore]:
        return [doc for doc in self.documents if doc.counts.false_rate > limit]


def normalise(text: str) -> str:
    """Casefolded, whitespace collapsed, punctuation and symbols stripped from both ends."""
    words = " ".join(text.split()).casefold()
    start, end = 0, len(words)
    while start < end and _edge(words[start]):
        start += 1
    while end > start and _edge(words[end - 1]):
        end -= 1
    return words[start:end]


def _edge(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] in "PSZC"


def match_kind(predicted: str, reference: str) -> int:
    """2 for equal normalised texts, 1 for a word-boundary prefix match, 0 for none."""
    if not predicted or not reference:
        return 0
    if predicted == reference:
        return 2
    short, long = sorted((predicted, reference), key=len)
    if len(short) < MIN_PREFIX or not long.startswith(short):
        return 0
    return 1 if _WORD_BREAK.match(long, len(short)) else 0


def read_outline(path: Path) -> list[Heading]:
    """A reference outline file as headings; raises ValueError on a malformed line."""
    headings: list[Heading] = []
    stack: list[int] = []  # indexes of the open headings, one per depth
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        if indent % 2 or "\t" in line[:indent] or indent // 2 > len(stack):
            raise ValueError(f"{path.name}:{number}: bad indentation")
        depth = indent // 2
        optional = body.startswith("? ")
        text = body[2:] if optional else body
        del stack[depth:]
        parent = stack[-1] if stack else None
        stack.append(len(headings))
        headings.append(Heading(" ".join(text.split()), depth + 1, parent, optional))
    return headings


def load_document(name: str) -> Document:
    """Read and parse docs/NAME.txt the way the reader does."""
    _make_importable()
    from reader.parsers import parse
    from reader.source import load_path

    path = DOCS / f"{name}.txt"
    source = load_path(path)
    return parse(source.text, "plain", path.name)


def predicted_headings(document: Document) -> list[Heading]:
    """Every section but the root, in document order, with depth from the root."""
    sections = document.sections[1:]
    index = {id(section): i for i, section in enumerate(sections)}
    headings = []
    for section in sections:
        parent = section.parent
        parent_index = index.get(id(parent)) if parent is not None else None
        headings.append(
            Heading(section.title, section.depth, parent_index, synthetic=section.synthetic)
        )
    return headings


def align(predicted: Sequence[Heading], reference: Sequence[Heading]) -> dict[int, int]:
    """The in-order alignment: predicted index -> reference index.

    Maximises matched required headings, then matched optional ones, then exact matches.
    """
    n, m = len(predicted), len(reference)
    exact_weight = 1
    optional_weight = (n + m + 1) * exact_weight
    required_weight = (n + m + 1) * optional_weight
    pkeys = [h.key for h in predicted]
    rkeys = [h.key for h in reference]
    rweights = [optional_weight if h.optional else required_weight for h in reference]
    score = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = score[i], score[i + 1]
        key = pkeys[i]
        for j in range(m - 1, -1, -1):
            best = below[j] if below[j] >= row[j + 1] else row[j + 1]
            kind = match_kind(key, rkeys[j])
            if kind:
                take = below[j + 1] + rweights[j] + (exact_weight if kind == 2 else 0)
                if take > best:
                    best = take
            row[j] = best
    pairs: dict[int, int] = {}
    i = j = 0
    while i < n and j < m:
        kind = match_kind(pkeys[i], rkeys[j])
        if kind:
            take = score[i + 1][j + 1] + rweights[j] + (exact_weight if kind == 2 else 0)
            if take == score[i][j]:
                pairs[i] = j
                i, j = i + 1, j + 1
                continue
        if score[i + 1][j] == score[i][j]:
            i += 1
        else:
            j += 1
    return pairs


def _matched_ancestor(headings: Sequence[Heading], index: int, matched: set[int]) -> int | None:
    parent = headings[index].parent
    while parent is not None and parent not in matched:
        parent = headings[parent].parent
    return parent


def score_headings(name: str, predicted: list[Heading], reference: list[Heading]) -> DocScore:
    """Score predicted headings against a reference outline."""
    pairs = align(predicted, reference)
    required = {p: r for p, r in pairs.items() if not reference[r].optional}
    matched_predicted = set(required)
    matched_reference = set(required.values())
    misplaced = []
    for p, r in required.items():
        p_anchor = _matched_ancestor(predicted, p, matched_predicted)
        r_anchor = _matched_ancestor(reference, r, matched_reference)
        expected = None if p_anchor is None else required[p_anchor]
        if expected != r_anchor:
            misplaced.append(p)
    counts = Counts(
        predicted=len(predicted),
        required=sum(not h.optional for h in reference),
        matched=len(required),
        optional_matched=len(pairs) - len(required),
        nested=len(required) - len(misplaced),
    )
    return DocScore(name, counts, predicted, reference, pairs, misplaced)


def score_document(name: str) -> DocScore:
    """Parse docs/NAME.txt and score it against outlines/NAME.outline."""
    name = _stem(name)
    reference = read_outline(OUTLINES / f"{name}.outline")
    predicted = predicted_headings(load_document(name))
    return score_headings(name, predicted, reference)


def document_names() -> list[str]:
    """The corpus documents that have a reference outline, sorted."""
    return sorted(
        path.stem for path in DOCS.glob("*.txt") if (OUTLINES / f"{path.stem}.outline").exists()
    )


def score_corpus(names: Iterable[str] | None = None) -> Totals:
    """Score the named documents (all by default) and pool their counts."""
    totals = Totals()
    for name in document_names() if names is None else names:
        doc = score_document(name)
        totals.documents.append(doc)
        totals.counts.add(doc.counts)
    return totals


def kind_of(name: str) -> str:
    """A document's kind: its name up to the first hyphen (licence, man, faq...)."""
    return name.split("-", 1)[0]


def _stem(name: str) -> str:
    return Path(name).name.removesuffix(".txt").removesuffix(".outline")


def _make_importable() -> None:
    """Let `python3 tests/corpus/score.py` find the reader package of this checkout."""
    if str(REPOSITORY) not in sys.path:
        try:
            import reader  # noqa: F401
        except ImportError:
            sys.path.insert(0, str(REPOSITORY))


# Reporting ------------------------------------------------------------------------------

_HEADER = (
    f"{'document':<28} {'pred':>5} {'ref':>5} {'opt':>4} {'match':>5} "
    f"{'prec':>6} {'recall':>6} {'F1':>6} {'false%':>7} {'nest%':>6}"
)


def _row(label: str, counts: Counts) -> str:
    return (
        f"{label:<28} {counts.predicted:>5} {counts.required:>5} {counts.optional_matched:>4} "
        f"{counts.matched:>5} {counts.precision:>6.3f} {counts.recall:>6.3f} {counts.f1:>6.3f} "
        f"{100 * counts.false_rate:>6.1f}% {100 * counts.nesting:>5.1f}%"
    )


def report(totals: Totals) -> str:
    """The table: one row per document, pooled rows per kind and overall, the false list."""
    lines = [_HEADER, "-" * len(_HEADER)]
    lines += [_row(doc.name, doc.counts) for doc in totals.documents]
    lines.append("-" * len(_HEADER))
    kinds: dict[str, Counts] = {}
    for doc in totals.documents:
        kinds.setdefault(kind_of(doc.name), Counts()).add(doc.counts)
    if len(kinds) > 1:
        lines += [_row(f"[{kind}]", counts) for kind, counts in sorted(kinds.items())]
        lines.append("-" * len(_HEADER))
    lines.append(_row(f"POOLED ({len(totals.documents)} documents)", totals.counts))
    macro = [doc.counts.f1 for doc in totals.documents]
    if macro:
        lines.append(f"mean F1 per document: {sum(macro) / len(macro):.3f}")
    over = totals.over_false_limit()
    listed = ", ".join(f"{d.name} ({100 * d.counts.false_rate:.1f}%)" for d in over)
    lines.append(
        f"over {100 * FALSE_LIMIT:.0f}% false headings: {len(over)} of "
        f"{len(totals.documents)}" + (f": {listed}" if listed else "")
    )
    lines.append(
        "columns: pred = predicted headings, ref = required reference headings, opt = "
        "predicted matched to optional ones, match = matched required; prec = match / "
        "(pred - opt), false% = unmatched predicted / pred, nest% = matched under the right "
        "matched parent."
    )
    return "\n".join(lines)


def _indented(heading: Heading) -> str:
    return "  " * (heading.depth - 1) + " ".join(heading.text.split())


def diff(doc: DocScore) -> str:
    """Missed, false and misplaced headings of one document, for tuning the parser."""
    matched_reference = set(doc.pairs.values())
    lines = [_HEADER, _row(doc.name, doc.counts), ""]
    missed = [
        h for r, h in enumerate(doc.reference) if not h.optional and r not in matched_reference
    ]
    lines.append(f"MISSED ({len(missed)}): reference headings no predicted heading matches")
    lines += ["  " + _indented(h) for h in missed]
    false = [h for p, h in enumerate(doc.predicted) if p not in doc.pairs]
    lines.append(f"FALSE ({len(false)}): predicted headings that match no reference heading")
    lines += [
        f"  {_indented(h)}" + ("   [synthetic section]" if h.synthetic else "") for h in false
    ]
    lines.append(
        f"MISPLACED ({len(doc.misplaced)}): matched, under another parent than the reference's"
    )
    for p in doc.misplaced:
        heading = doc.predicted[p]
        parent = heading.parent
        shown = doc.predicted[parent].text if parent is not None else "(root)"
        expected = doc.reference[doc.pairs[p]].parent
        wanted = doc.reference[expected].text if expected is not None else "(top level)"
        lines.append(f"  {heading.text!r}: under {shown!r}, reference under {wanted!r}")
    return "\n".join(lines)


def predicted_outline(name: str) -> str:
    """The parser's headings of one document, in the outline file format."""
    headings = predicted_headings(load_document(_stem(name)))
    return "\n".join(
        _indented(h) + ("   [synthetic section]" if h.synthetic else "") for h in headings
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Score the plain-text parser against the corpus's reference outlines."
    )
    parser.add_argument("names", nargs="*", metavar="NAME", help="documents to score")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--diff", metavar="NAME", help="missed and false headings of one")
    group.add_argument("--predicted", metavar="NAME", help="the parser's outline of one")
    args = parser.parse_args(argv)
    known = set(document_names())
    for name in [*args.names, args.diff, args.predicted]:
        if name is not None and _stem(name) not in known:
            parser.error(f"no document {name!r} with an outline in {CORPUS}")
    if args.diff:
        text = diff(score_document(args.diff))
    elif args.predicted:
        text = predicted_outline(args.predicted)
    else:
        text = report(score_corpus(_stem(n) for n in args.names) if args.names else score_corpus())
    try:
        print(text)
    except BrokenPipeError:  # `| head`: not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep Python quiet at exit
    return 0


if __name__ == "__main__":
    sys.exit(main())
