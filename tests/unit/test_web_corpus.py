"""Web page extraction on the development pages (Mozilla Readability's test pages):
the floors hold what `python tests/corpus/web_score.py` measures today."""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "corpus"))
from web_score import pages, score


@pytest.fixture(scope="module")
def scores():
    return [score(folder) for folder in pages([])]


def test_the_pages_main_text_is_found(scores) -> None:
    f1s = [s.f1 for s in scores]
    assert len(scores) == 24
    assert statistics.mean(f1s) >= 0.975
    assert statistics.median(f1s) >= 0.985
    assert min(f1s) >= 0.9


def test_the_pages_titles_are_their_own(scores) -> None:
    assert sum(s.title_right for s in scores) / len(scores) >= 0.95


def test_headings_make_the_tree(scores) -> None:
    headings = {s.page: s.headings for s in scores}
    assert headings["wikipedia"] >= 30 and headings["dropbox-blog"] >= 10
