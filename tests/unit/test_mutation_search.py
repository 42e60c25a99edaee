"""search.py at its edges: display text, cells, wrapping, cancelling and the match limit.

Written to kill mutants that survived the other unit tests (see the mutation report).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from reader.document import Block, BlockKind, Document, Run
from reader.search import (
    CELL_BREAK,
    MAX_MATCHES,
    Match,
    SearchIndex,
    SearchTimeout,
    compile_query,
    display_text,
    first_match,
    matches_in,
)


def paragraphs(*texts: str) -> Document:
    """A document of one paragraph per text, spans laid end to end."""
    blocks, offset = [], 0
    for text in texts:
        blocks.append(Block(BlockKind.PARAGRAPH, offset, offset + len(text), runs=(Run(text),)))
        offset += len(text) + 2
    return Document("\n\n".join(texts), "t", blocks, [])


def cancelled_on_call(number: int) -> Callable[[], bool]:
    """A `cancelled` that says no until it is asked for the `number`th time."""
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls >= number

    return cancelled


def test_a_timeout_says_the_search_took_too_long() -> None:
    """Catches the user's message of SearchTimeout changed or lost."""
    assert str(SearchTimeout()) == "search took too long"


def test_display_text_joins_runs_and_cells_and_expands_code_tabs() -> None:
    """Catches separators put between runs, a rule shown as text, tabs not expanded."""
    paragraph = Block(BlockKind.PARAGRAPH, 0, 4, runs=(Run("ab"), Run("cd")))
    assert display_text(paragraph) == "abcd"
    cell = (Run("x"), Run("y"))
    table = Block(BlockKind.TABLE, 0, 4, rows=((cell, (Run("z"),)),))
    assert display_text(table) == f"xy{CELL_BREAK}z"
    assert display_text(Block(BlockKind.RULE, 0, 3, literal="---")) == ""
    code = Block(BlockKind.CODE, 0, 3, literal="a\tb")
    assert display_text(code) == "a       b"


def test_a_backslash_before_a_capital_still_makes_words_case_sensitive() -> None:
    """Catches escapes stripped from plain words: only a `re:` query's `\\W` is not a capital."""
    pattern = compile_query("\\A")
    assert pattern.search("\\A") is not None
    assert pattern.search("\\a") is None


def test_a_regex_turning_multiline_off_is_refused_with_its_message() -> None:
    """Catches the message for `(?-m)` changed."""
    with pytest.raises(ValueError) as refused:
        compile_query("re:(?-m)x")
    assert str(refused.value) == (
        "Not a regular expression here: ^ and $ match at each line, (?-m) or not"
    )


def test_a_deadline_under_a_second_away_still_leaves_time_to_search() -> None:
    """Catches a search refused while less than a second is left before its deadline."""
    document = paragraphs("alpha beta", "beta")
    index = SearchIndex(document)
    soon = time.monotonic() + 0.8
    assert index.find(compile_query("beta"), deadline=soon) == [Match(0, 6, 10), Match(1, 0, 4)]
    assert index.next_match(compile_query("beta"), 1, deadline=soon) == Match(1, 0, 4)


def test_a_regex_in_the_third_cell_is_placed_in_the_third_cell() -> None:
    """Catches the offset of a cell counted from the previous cell instead of the start."""
    text = CELL_BREAK.join(["aaa", "bbb", "ccc"])
    assert list(matches_in(compile_query("re:c+"), text)) == [(8, 11)]


def test_the_index_keeps_its_document() -> None:
    """Catches the index losing the document it was built from."""
    document = paragraphs("one")
    assert SearchIndex(document).document is document


def test_building_the_index_is_cancelled_every_1024_blocks() -> None:
    """Catches the cancellation check of a long build skipped (it must come by block 1024)."""
    document = paragraphs(*["word"] * 1025)
    with pytest.raises(InterruptedError):
        SearchIndex(document, cancelled_on_call(2))
    assert len(SearchIndex(document, lambda: False).find(compile_query("word"))) == 1025


def test_a_regex_search_is_cancelled_every_256_blocks() -> None:
    """Catches a regex search of the index that ignores `cancelled`, or asks too late."""
    index = SearchIndex(paragraphs(*["word"] * 512))
    with pytest.raises(InterruptedError):
        index.find(compile_query("re:absent"), cancelled_on_call(2))
    assert index.find(compile_query("re:word"), None)[-1] == Match(511, 0, 4)


def test_a_word_search_is_cancelled_every_4096_matches() -> None:
    """Catches the cancellation (or deadline) check of a long word search skipped or broken."""
    index = SearchIndex(paragraphs(" ".join(["a"] * 8192)))
    with pytest.raises(InterruptedError):
        index.find(compile_query("a"), cancelled_on_call(2))
    assert len(index.find(compile_query("a"))) == 8192  # no `cancelled`: no check of it


def test_a_word_search_stops_at_max_matches() -> None:
    """Catches the capped result list dropped when the limit is reached."""
    index = SearchIndex(paragraphs(" ".join(["a"] * (MAX_MATCHES + 5))))
    found = index.find(compile_query("a"))
    assert len(found) == MAX_MATCHES
    assert found[-1] == Match(0, 2 * (MAX_MATCHES - 1), 2 * MAX_MATCHES - 1)


def test_a_regex_search_finds_every_match_in_every_block() -> None:
    """Catches a regex search that stops after its first match."""
    index = SearchIndex(paragraphs("ab ab", "ab"))
    assert index.find(compile_query("re:ab")) == [Match(0, 0, 2), Match(0, 3, 5), Match(1, 0, 2)]


def test_next_match_goes_forward_and_wraps_to_the_very_start() -> None:
    """Catches the search going backwards, and the wrap missing a match at offset 0."""
    index = SearchIndex(paragraphs("apple", "pear", "plum", "apple"))
    for query in ("apple", "re:apple"):
        assert index.next_match(compile_query(query), 1) == Match(3, 0, 5)
    index = SearchIndex(paragraphs("apple", "pear"))
    for query in ("apple", "re:apple"):
        assert index.next_match(compile_query(query), 1) == Match(0, 0, 5)


def test_next_match_in_an_empty_article_is_none() -> None:
    """Catches an index of no blocks looked up at a block it does not have."""
    index = SearchIndex(Document("", "t", [], []))
    assert index.next_match(compile_query("word"), 0) is None


def test_first_match_goes_forward_from_its_block() -> None:
    """Catches the search without an index going backwards."""
    document = paragraphs("apple", "pear", "plum", "apple")
    assert first_match(document, compile_query("apple"), 1) == Match(3, 0, 5)


def test_first_match_is_cancelled_every_64_blocks_and_only_when_asked() -> None:
    """Catches `cancelled` ignored, asked too late, or taken as yes without asking it."""
    document = paragraphs(*["word"] * 128)
    with pytest.raises(InterruptedError):
        first_match(document, compile_query("absent"), 0, cancelled_on_call(2))
    assert first_match(document, compile_query("absent"), 0, lambda: False) is None


def test_time_spent_styling_does_not_count_against_a_first_match_deadline() -> None:
    """Catches the styling time taken off the deadline instead of added to it."""

    def slow_style(markup: str) -> tuple[Run, ...]:
        time.sleep(0.05)
        return (Run(markup),)

    blocks = [
        Block(BlockKind.PARAGRAPH, at, at + 5, markup=("plain",)) for at in range(0, 21, 7)
    ] + [Block(BlockKind.PARAGRAPH, 21, 26, markup=("found",))]
    document = Document("plain\n\nplain\n\nplain\n\nfound", "t", blocks, [], slow_style)
    deadline = time.monotonic() + 0.1
    assert first_match(document, compile_query("found"), 0, deadline=deadline) == Match(3, 0, 5)


def test_counted_repeats_up_to_the_limits_still_compile() -> None:
    """Catches the repeat guard refusing counts that multiply to exactly the limit, or zero."""
    assert compile_query("re:a{1000}b{100}c{0}").search("a" * 1000 + "b" * 100) is not None


def test_a_regex_searching_backwards_is_refused_with_its_message() -> None:
    """Catches the message for `(?r)` changed."""
    with pytest.raises(ValueError) as refused:
        compile_query("re:(?r)x")
    assert str(refused.value) == "Not a regular expression here: (?r) would search backwards"
