"""search.py on its own: queries, deadlines, and a runaway regex that neither hangs nor blocks."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from reader import search
from reader.parsers import parse
from reader.search import (
    MAX_REPEAT,
    SEARCH_TIMEOUT,
    Match,
    SearchIndex,
    SearchTimeout,
    compile_query,
    display_text,
    first_match,
    is_regex,
    matches_in,
)

# ~4 KB of prose with plenty of commas: (.*?,){11}Q tries every way of picking 11 of them.
PROSE = "The quick brown fox jumps over the lazy dog, and then some more words follow here. " * 50
RUNAWAY = "re:(.*?,){11}Q"  # exponential even for `regex`, whose guards tame (\w+\s?)+$
GUARD = 20.0  # seconds a child Python may take before the test calls it a hang


def spans(query: str, text: str) -> list[str]:
    return [text[start:end] for start, end in matches_in(compile_query(query), text)]


def isolated(scenario: str) -> Any:
    """What `scenario()` of this module returns, run in a child Python.

    A runaway search that held the GIL (as `re` does) would stop this process's
    every thread, a guard's `join(timeout)` too; a child can be killed instead.
    """
    here = Path(__file__).parent
    path = os.pathsep.join(
        [str(here), str(here.parent), str(here.parents[1]), os.environ.get("PYTHONPATH", "")]
    )
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import json, test_search_unit as t; print(json.dumps(t.{scenario}()))",
        ],
        capture_output=True,
        text=True,
        timeout=GUARD,  # a hang fails the test
        env={**os.environ, "PYTHONPATH": path},
        check=False,
    )
    assert child.returncode == 0, child.stderr
    return json.loads(child.stdout)


# -- queries --------------------------------------------------------------------


def test_queries_compile_to_regex_patterns_with_the_same_rules_as_before() -> None:
    words, regexp = compile_query("bold phrase"), compile_query(r"re:ph\w+e")
    assert isinstance(words, regex.Pattern) and isinstance(regexp, regex.Pattern)
    assert not is_regex(words) and is_regex(regexp)
    assert words.flags & regex.VERSION0 and regexp.flags & regex.VERSION0
    assert words.flags & re.IGNORECASE and not compile_query("Bold").flags & re.IGNORECASE
    assert compile_query(r"re:\W\S").flags & re.IGNORECASE  # escapes are not capitals
    assert not compile_query(r"re:\WZ").flags & re.IGNORECASE


def test_case_follows_capitals() -> None:
    text = "phrase, Phrase and PHRASE"
    assert spans("phrase", text) == ["phrase", "Phrase", "PHRASE"]
    assert spans("PHRASE", text) == ["PHRASE"]
    assert spans("re:p.r", text) == ["phr", "Phr", "PHR"]
    assert spans("re:P.r", text) == ["Phr"]


def test_words_match_across_any_white_space_and_literally() -> None:
    assert spans("two words", "two\nwords, two \t words, twowords") == [
        "two\nwords",
        "two \t words",
    ]
    assert spans("a.b (c)", "axb (c) a.b (c)") == ["a.b (c)"]  # no regex in words
    assert spans("re:a.b", "axb") == ["axb"]


def test_a_regex_is_multiline_and_stays_in_its_table_cell() -> None:
    assert spans(r"re:^def \w+", "def one\ndef two") == ["def one", "def two"]
    assert spans(r"re:\w+$", "one\ntwo") == ["one", "two"]
    assert spans("re:b.*c", "ab\x01cd") == []  # cells are joined by CELL_BREAK
    assert list(matches_in(compile_query("re:b"), "ab\x01cb")) == [(1, 2), (4, 5)]
    assert spans("re:x*", "abc") == []  # empty matches are not matches


def test_a_bad_regex_is_a_value_error_with_a_message_for_the_user() -> None:
    for query in ("re:[a-", "re:(", r"re:\q", "re:(?V1)x", r"re:\L<x>"):
        with pytest.raises(ValueError, match=r"^Not a regular expression"):
            compile_query(query)


def test_a_regex_may_not_turn_multiline_off_or_search_backwards() -> None:
    with pytest.raises(ValueError, match=r"\(\?-m\)"):
        compile_query("re:(?-m)foo")  # `re` refused it too; is_regex relies on MULTILINE
    assert is_regex(compile_query("re:(?-m:foo)"))  # a scoped one is fine
    with pytest.raises(ValueError, match=r"\(\?r\)"):
        compile_query(r"re:(?r)\w+")


@pytest.mark.parametrize(
    "query",
    ["re:a{1000000}", "re:.{200000}", "re:(?:a{1000}){1000}", "re:(?x)a{1 000 000}", "re:(){4000}"],
)
def test_repeats_too_long_to_compile_are_refused_at_once(query: str) -> None:
    with pytest.raises(ValueError, match="Too long a regular expression"):
        compile_query(query)  # `regex` would take seconds and gigabytes to compile it


def test_ordinary_counted_repeats_still_compile() -> None:
    for query in (r"re:\d{4}-\d{2}-\d{2}", r"re:[0-9a-f]{40}", r"re:^.{80,}$", r"re:(\w+ ){3}"):
        assert is_regex(compile_query(query))
    assert is_regex(compile_query(f"re:a{{{MAX_REPEAT}}}"))  # the limit itself


# -- deadlines ------------------------------------------------------------------


def timed(search: Callable[[], object]) -> tuple[str, float]:
    """What a search raised ("" for nothing) and how long it took."""
    started = time.monotonic()
    try:
        search()
    except Exception as error:
        return f"{type(error).__name__}: {error}", time.monotonic() - started
    return "", time.monotonic() - started


def froze_re() -> tuple[str, float]:
    return timed(lambda: list(matches_in(compile_query(r"re:(\w+\s?)+$"), PROSE + "!")))


def runaway_in_every_search() -> list[tuple[str, float]]:
    document = parse(f"# Title\n\n{PROSE}\n\nLast.\n", "markdown", "a.md")
    index, pattern = SearchIndex(document), compile_query(RUNAWAY)
    return [
        timed(lambda: list(matches_in(pattern, PROSE, deadline=time.monotonic() + 0.2))),
        timed(lambda: index.find(pattern, deadline=time.monotonic() + 0.2)),
        timed(lambda: index.next_match(pattern, 0, deadline=time.monotonic() + 0.2)),
        timed(lambda: first_match(document, pattern, 0, deadline=time.monotonic() + 0.2)),
    ]


def runaway_beside_a_ui_thread() -> dict[str, Any]:
    """How often, and at most how long apart, a thread waiting like an event loop ran
    while a runaway search went on in another thread."""
    outcome: list[tuple[str, float]] = []
    pattern = compile_query(RUNAWAY)
    worker = threading.Thread(
        target=lambda: outcome.append(
            timed(lambda: list(matches_in(pattern, PROSE, deadline=time.monotonic() + 0.6)))
        ),
        daemon=True,
    )
    worker.start()
    ticks, longest, last = 0, 0.0, time.monotonic()
    while worker.is_alive():
        time.sleep(0.001)  # like an event loop waiting for a key
        now = time.monotonic()
        ticks, longest, last = ticks + 1, max(longest, now - last), now
    return {"outcome": outcome, "ticks": ticks, "longest": longest}


def test_the_pattern_that_froze_re_now_finishes_quickly() -> None:
    error, took = isolated("froze_re")
    assert error == "" and took < SEARCH_TIMEOUT  # `regex` does not backtrack on it for ever


def test_a_runaway_regex_raises_search_timeout_at_its_deadline_in_every_search() -> None:
    for error, took in isolated("runaway_in_every_search"):
        assert error == "SearchTimeout: search took too long"
        assert took < 0.2 + 1.0  # `regex` reads its clock now and then, not at every step


def test_a_runaway_regex_in_a_thread_lets_other_threads_run() -> None:
    """`regex` releases the GIL while it matches: the UI thread keeps its turns."""
    seen = isolated("runaway_beside_a_ui_thread")
    assert [error for error, _ in seen["outcome"]] == ["SearchTimeout: search took too long"]
    assert seen["ticks"] > 50  # with `re`, this thread would not run once in 0.6 s
    assert seen["longest"] < 0.3


def test_a_deadline_already_past_times_out_even_a_word() -> None:
    document = parse("# Title\n\nSome words.\n", "markdown", "a.md")
    index, past = SearchIndex(document), time.monotonic() - 1
    for query in ("words", "re:words"):
        pattern = compile_query(query)
        with pytest.raises(SearchTimeout):
            index.find(pattern, deadline=past)
        with pytest.raises(SearchTimeout):
            index.next_match(pattern, 0, deadline=past)
        with pytest.raises(SearchTimeout):
            first_match(document, pattern, 0, deadline=past)
    assert index.find(compile_query("words")) == [Match(1, 5, 10)]  # the default deadline


# -- the index ------------------------------------------------------------------


def test_the_index_finds_words_and_regexes_block_by_block() -> None:
    document = parse(  # a soft line break is shown as a space
        "# Alpha\n\nalpha beta\ngamma\n\n| alpha | beta |\n|---|---|\n| x | y |\n",
        "markdown",
        "a.md",
    )
    index = SearchIndex(document)
    assert index.find(compile_query("alpha")) == [Match(0, 0, 5), Match(1, 0, 5), Match(2, 0, 5)]
    assert index.find(compile_query("beta gamma")) == [Match(1, 6, 16)]
    assert index.find(compile_query("re:alpha.*beta")) == [Match(1, 0, 10)]  # not across cells
    assert index.next_match(compile_query("alpha"), 2) == Match(2, 0, 5)
    assert index.next_match(compile_query("re:gamma"), 2) == Match(1, 11, 16)  # wrapped
    assert index.next_match(compile_query("absent"), 0) is None
    assert first_match(document, compile_query("re:gamma$"), 0) == Match(1, 11, 16)


@settings(max_examples=200, deadline=None)
@given(
    paragraphs=st.lists(
        st.text(alphabet=st.sampled_from(["a", "b", " ", "é", "😀", "“"]), min_size=1, max_size=12)
        .map(str.strip)
        .filter(bool),
        min_size=1,
        max_size=12,
    ),
    word=st.sampled_from(["a", "ab", "b a", "😀", "re:a+$", "re:^b"]),
    block=st.integers(min_value=0, max_value=11),
    chunk=st.integers(min_value=1, max_value=16),
)
def test_the_index_in_chunks_finds_what_each_block_searched_alone_has(
    paragraphs: list[str], word: str, block: int, chunk: int
) -> None:
    document = parse("\n\n".join(f"- {p}" for p in paragraphs), "markdown", "a.md")
    pattern = compile_query(word)
    alone = [
        Match(index, start, end)
        for index in range(len(document.blocks))
        for start, end in matches_in(pattern, display_text(document.styled(index)))
    ]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "INDEX_CHUNK", chunk)  # one block or a few to a chunk
        index = SearchIndex(document)
    assert index.find(pattern) == alone
    at = block % len(document.blocks)
    following = [match for match in alone if match.block >= at] + alone
    assert index.next_match(pattern, at) == (following[0] if following else None)
