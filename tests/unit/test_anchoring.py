"""Re-finding a passage after the article changed."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import NEWS
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.anchoring import MAX_QUOTE, Anchor, resolve, resolve_all
from reader.parsers.plaintext import parse_plain
from reader.places import Places, locate
from reader.store import Store

ARTICLE = NEWS.read_text(encoding="utf-8")
PASSAGE = "Anthropic has said that its long-term aim is systems that transfer what they learn"


def anchor_of(passage: str, text: str = ARTICLE) -> Anchor:
    start = text.index(passage)
    return Anchor.from_span(text, start, start + len(passage))


def test_an_unchanged_article_resolves_at_the_stored_position() -> None:
    match = resolve(anchor_of(PASSAGE), ARTICLE)
    assert match is not None and match.method == "position"
    assert ARTICLE[match.start : match.end] == PASSAGE


def test_text_inserted_above_is_found_by_exact_search() -> None:
    edited = "A new opening paragraph.\n\n" + ARTICLE
    match = resolve(anchor_of(PASSAGE), edited)
    assert match is not None and match.method == "exact"
    assert edited[match.start : match.end] == PASSAGE


def test_a_word_changed_inside_the_passage_is_found_approximately() -> None:
    edited = "A new opening paragraph.\n\n" + ARTICLE.replace("long-term aim", "long-range goal")
    match = resolve(anchor_of(PASSAGE), edited)
    assert match is not None and match.method == "approximate"
    assert edited[match.start : match.end] == PASSAGE.replace("long-term aim", "long-range goal")


def test_a_deleted_passage_is_orphaned() -> None:
    paragraph_start = ARTICLE.index("Anthropic has said")
    paragraph_end = ARTICLE.index("\n", paragraph_start)
    edited = ARTICLE[:paragraph_start] + ARTICLE[paragraph_end:]
    assert resolve(anchor_of(PASSAGE), edited) is None


def test_of_two_identical_passages_the_one_with_the_same_context_wins() -> None:
    text = (
        "alpha before. The same sentence. alpha after.\n\n"
        "beta before. The same sentence. beta after."
    )
    second = text.rindex("The same sentence.")
    anchor = Anchor.from_span(text, second, second + len("The same sentence."))
    match = resolve(anchor, "Inserted.\n" + text)
    assert match is not None and match.start == second + len("Inserted.\n")


WORDS = st.sampled_from(
    [
        "the",
        "of",
        "and",
        "a",
        "to",
        "in",
        "reader",
        "passage",
        "bookmark",
        "text",
        "quick",
        "brown",
        "fox",
    ]
)
TEXTS = st.lists(WORDS, min_size=30, max_size=200).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.data())
def test_edits_outside_the_passage_never_lose_it(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 20))
    end = data.draw(st.integers(start + 20, min(len(text), start + 120)))
    anchor = Anchor.from_span(text, start, end)
    before = data.draw(st.text(max_size=40))
    after = data.draw(st.text(max_size=40))
    cut_before = data.draw(st.integers(0, start))
    cut_after = data.draw(st.integers(end, len(text)))
    # Insert or delete text on either side, never touching the passage itself.
    edited = before + text[cut_before:start] + text[start:end] + text[end:cut_after] + after
    match = resolve(anchor, edited)
    assert match is not None
    assert edited[match.start : match.end] == anchor.exact
    if edited.find(anchor.exact) == edited.rfind(anchor.exact):  # unique, overlaps counted
        assert match.start == len(before) + (start - cut_before)


def long_paragraph(size: int) -> str:
    """A paragraph of `size` characters, of the article's words in a shuffled order."""
    words, rng = ARTICLE.split(), random.Random(size)
    paragraph = ""
    while len(paragraph) < size:
        paragraph += " ".join(rng.choice(words) for _ in range(1000)) + " "
    return paragraph[:size]


def change_words(text: str, at: int) -> str:
    """`text` with a few words from `at` on replaced by longer ones."""
    start = text.index(" ", at) + 1
    end = text.index(" ", text.index(" ", start + 1) + 1)
    return text[:start] + "three replacement words" + text[end:]


LONG = long_paragraph(238 * 1024)
TEXT = f"Opening paragraph.\n\n{LONG}\n\nClosing paragraph, after the long one.\n"


@pytest.mark.parametrize("stored", ["bounded", "whole passage, as stored before"])
@pytest.mark.parametrize("at", [100, len(LONG) // 2])  # within its quote, and past it
def test_a_long_paragraph_edited_inside_is_found_whole(stored: str, at: int) -> None:
    anchor = anchor_of(LONG, TEXT)
    assert len(anchor.exact) <= MAX_QUOTE and anchor.end - anchor.start == len(LONG)
    if stored != "bounded":
        anchor = Anchor(anchor.start, anchor.end, LONG, anchor.prefix, anchor.suffix)
    edited_paragraph = change_words(LONG, at)
    edited = "A new paragraph.\n\n" + TEXT.replace(LONG, edited_paragraph)
    match = resolve(anchor, edited)
    start = edited.index(edited_paragraph)
    assert match is not None and (match.start, match.end) == (start, start + len(edited_paragraph))
    assert match.method == ("approximate" if at < MAX_QUOTE else "exact")


def test_past_the_deadline_only_the_old_position_is_tried() -> None:
    edited = "A new opening paragraph.\n\n" + ARTICLE
    unchanged = resolve(anchor_of(PASSAGE), ARTICLE, budget=0)
    assert unchanged is not None and unchanged.method == "position"
    assert resolve(anchor_of(PASSAGE), edited, budget=0) is None
    asked: list[bool] = []

    def cancelled() -> bool:
        asked.append(True)
        return True

    assert resolve(anchor_of(LONG, TEXT), "Inserted.\n" + TEXT, cancelled=cancelled) is None
    assert asked


def test_many_anchors_resolve_in_one_call() -> None:
    edited = ARTICLE.replace("long-term aim", "long-range goal")
    edited = edited[:100] + " Inserted words." + edited[100:]
    passages = [ARTICLE[:40], "Amazon’s Strategic Investment", PASSAGE]
    anchors = [*(anchor_of(passage) for passage in passages), Anchor(0, 0, "", "", "")]
    matches = resolve_all(anchors, edited, budget=5)
    assert [m and m.method for m in matches] == ["position", "exact", "approximate", None]
    matches = resolve_all(anchors, ARTICLE, budget=5)
    assert [m and ARTICLE[m.start : m.end] for m in matches] == [*passages, None]


def test_bookmarks_are_stored_bounded_and_located_in_a_worker_thread() -> None:
    document = parse_plain(TEXT, "long.txt")
    places = Places(Store.open(), TEXT, None)
    places.resume(document)
    block = next(i for i, b in enumerate(document.blocks) if b.start == TEXT.index(LONG))
    bookmark = places.bookmark(document, block, "the long one")
    assert not isinstance(bookmark, str) and len(bookmark.anchor.exact) <= MAX_QUOTE
    edited = "A new paragraph.\n\n" + TEXT.replace(LONG, change_words(LONG, 100))
    new_document = parse_plain(edited, "long.txt")
    stored = places.stored_bookmarks()  # the store is read on its own thread
    with ThreadPoolExecutor(1) as worker:
        located = worker.submit(locate, stored, new_document, 1.0).result()
    ((found, found_block),) = located
    assert found == bookmark and found_block is not None
    assert new_document.blocks[found_block].start == edited.index("Opening paragraph.") + len(
        "Opening paragraph.\n\n"
    )
    assert places.bookmarks(new_document) == located
