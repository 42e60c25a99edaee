"""Re-finding a passage after the article changed."""

from __future__ import annotations

from conftest import BUNDLED
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.anchoring import Anchor, resolve

ARTICLE = BUNDLED.read_text(encoding="utf-8")
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
    if edited.count(anchor.exact) == 1:
        assert match.start == len(before) + (start - cut_before)
