"""Searching: the index directly, then `/`, `n` and `N` in the app."""

from __future__ import annotations

import re

import pytest
from helpers import messages, screen_text, search, settle, status
from hypothesis import given
from hypothesis import strategies as st

from reader.app import ReaderApp
from reader.parsers import parse
from reader.search import SearchIndex, compile_query, display_text
from reader.source import Source, load
from reader.widgets import ContentView
from reader.widgets.search_bar import SearchBar

ARTICLE = """# Searching

A sentence with a **bold phrase** inside it, and an *emphasised
phrase* broken over two lines of the source.

| Term | Meaning |
|---|---|
| phrase | a few words |

```
code with a phrase in it
```

Last paragraph: PHRASE in capitals.
"""


def index_of(text: str, kind: str = "markdown") -> SearchIndex:
    return SearchIndex(parse(text, kind, "a.md"))  # type: ignore[arg-type]


def found(index: SearchIndex, query: str) -> list[str]:
    document = index.document
    return [
        display_text(document.styled(m.block))[m.start : m.end]
        for m in index.find(compile_query(query))
    ]


def test_search_finds_text_as_shown_across_markup_and_line_breaks() -> None:
    index = index_of(ARTICLE)
    assert found(index, "bold phrase") == ["bold phrase"]
    assert found(index, "emphasised phrase") == ["emphasised phrase"]  # a soft line break
    assert found(index, "phrase") == ["phrase", "phrase", "phrase", "phrase", "PHRASE"]
    assert found(index, "**bold") == []  # the markup is not shown, so it is not searched


def test_capitals_make_a_search_match_case_and_re_makes_it_a_regex() -> None:
    index = index_of(ARTICLE)
    assert found(index, "PHRASE") == ["PHRASE"]
    assert found(index, r"re:ph\w+e\b") == ["phrase"] * 4 + ["PHRASE"]
    assert found(index, "re:Term|Meaning") == ["Term", "Meaning"]
    with pytest.raises(ValueError, match="Not a regular expression"):
        compile_query("re:[a-")


def test_no_match_crosses_a_block_or_a_table_cell() -> None:
    index = index_of(ARTICLE)
    assert found(index, "Term Meaning") == []
    assert found(index, "it code") == []
    assert found(index, "re:(?s)inside.*capitals") == []


def test_the_next_match_is_found_from_a_block_on_and_wraps_around() -> None:
    index = index_of(ARTICLE)
    pattern = compile_query("phrase")
    last = len(index.document.blocks) - 1
    assert index.next_match(pattern, last) is not None
    assert index.next_match(pattern, last).block == last  # type: ignore[union-attr]
    assert index.next_match(compile_query("capitals"), last + 0) is not None
    wrapped = index.next_match(compile_query("bold"), last)
    assert wrapped is not None and wrapped.block < last
    assert index.next_match(compile_query("absent"), 0) is None


words = st.sampled_from(["alpha", "Beta", "gamma", "delta", "**strong**", "`code`", "\t"])


@given(st.lists(st.lists(words, min_size=1, max_size=12), min_size=1, max_size=8))
def test_a_word_is_found_exactly_as_often_as_it_is_shown(paragraphs: list[list[str]]) -> None:
    text = "\n\n".join(" ".join(paragraph) for paragraph in paragraphs)
    for kind in ("markdown", "plain"):
        index = index_of(text, kind)
        shown = "\n".join(
            display_text(index.document.styled(i)) for i in range(len(index.document.blocks))
        )
        for word in ("alpha", "beta", "strong", "code"):
            expected = len(re.findall(word, shown, re.IGNORECASE))
            assert len(index.find(compile_query(word))) == expected


# -- in the app ---------------------------------------------------------------


def highlighted_text(app: ReaderApp, current: bool) -> list[str]:
    """The text on screen drawn in the (current) match style, one string per run."""
    content = app.query_one(ContentView)
    palette = content._get_palette()
    style = palette.current_match if current else palette.match
    runs = []
    for y in range(content.scrollable_content_region.height):
        for segment in content.render_line(y):
            if segment.style and segment.style.bgcolor == style.bgcolor and segment.text.strip():
                runs.append(segment.text.strip())
    return runs


async def test_slash_searches_as_you_type_across_wraps_and_styling() -> None:
    app = ReaderApp(Source(ARTICLE, "a.md", "markdown"))
    async with app.run_test(size=(52, 30)) as pilot:  # narrow: the phrase wraps
        await settle(pilot)
        await search(pilot, "emphasised phrase")
        assert status(app) == "1/1"
        assert highlighted_text(app, current=True) == ["emphasised", "phrase"]
        await pilot.press("escape")
        await settle(pilot)
        assert not app.query_one(SearchBar).is_open
        assert highlighted_text(app, current=True) == []
        assert app.focused is app.query_one(ContentView)


async def test_n_and_N_step_through_matches_and_the_count_marks_a_wrap() -> None:
    app = ReaderApp(Source(ARTICLE, "a.md", "markdown"))
    async with app.run_test(size=(80, 30), notifications=True) as pilot:
        await settle(pilot)
        await search(pilot, "phrase")
        assert status(app) == "1/5"
        assert len(highlighted_text(app, current=True)) == 1
        assert len(highlighted_text(app, current=False)) == 4
        await pilot.press("enter")  # back to reading; n and N go on
        assert app.focused is app.query_one(ContentView)
        for expected in ("2/5", "3/5", "4/5", "5/5", "↑ 1/5"):  # ↑: wrapped to the top
            await pilot.press("n")
            await settle(pilot)
            assert status(app) == expected
        await pilot.press("N")
        await settle(pilot)
        assert status(app) == "↓ 5/5"  # and to the bottom
        assert highlighted_text(app, current=True) == ["PHRASE"]
        assert not messages(app)  # no notice over the count


async def test_the_first_match_is_the_next_one_from_the_passage_being_read() -> None:
    app = ReaderApp(load(None))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for _ in range(5):
            await pilot.press("right_square_bracket")
        await settle(pilot)
        await search(pilot, "anthropic")
        assert status(app).endswith(f"/{app.source.text.lower().count('anthropic')}")
        number = int(status(app).split("/")[0])
        assert number > 1  # not the first in the article: the first from here on
        assert "Anthropic" in "".join(highlighted_text(app, current=True))
        assert "Anthropic" in screen_text(app)


async def test_a_bad_regex_says_so_and_no_match_says_so() -> None:
    app = ReaderApp(Source(ARTICLE, "a.md", "markdown"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await search(pilot, "re:[a-")
        assert status(app).startswith("Not a regular expression")
        await pilot.press("escape")
        await search(pilot, "nowhere to be found")
        assert status(app) == "no matches"
        assert highlighted_text(app, current=False) == []


def test_a_regex_works_block_by_block_and_cell_by_cell() -> None:
    index = index_of(
        "alpha\n\na to z\n\n| ab | cz |\n|---|---|\n| x | y |\n\n```\ndef one\ndef two\n```\n"
    )
    assert found(index, "re:a.*z") == ["a to z"]  # not "alpha … z" across blocks
    assert found(index, r"re:^def \w+") == ["def one", "def two"]  # ^ at each line
    assert found(index, r"re:\w+\W+\w+") == ["a to", "def one", "def two"]
    assert found(index, r"re:\WZ") == []  # Z is a capital: the case must match
    assert compile_query(r"re:\W\S").flags & re.IGNORECASE  # escapes are not capitals
    assert found(index, "re:b.*c") == []  # not across table cells


async def test_a_regex_crossing_blocks_from_the_passage_on_finds_what_is_there() -> None:
    text = "Title\n\nalpha\n\na to z\n\n" + "".join(f"Filler {n}.\n\n" for n in range(60))
    app = ReaderApp(Source(text, "a.txt", "plain"))
    async with app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        app.query_one(ContentView).scroll_to_block(2)
        await settle(pilot)
        await search(pilot, "re:a.*z")
        assert status(app) == "1/1"
        assert highlighted_text(app, current=True) == ["a to z"]


async def test_an_index_expected_from_elsewhere_is_built_here_if_it_cannot_come() -> None:
    from reader.widgets.search_panel import SearchPanel

    text = "# Long\n\n" + "".join(f"Paragraph {n} of the long one.\n\n" for n in range(4000))
    app = ReaderApp(Source(text + "A zebra at the end.\n", "long.md", "markdown"))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await settle(pilot)
        panel = app.query_one(SearchPanel)
        panel.expect_index()  # as when the child parsing it builds it
        await search(pilot, "Paragraph")
        assert status(app) == "counting…"  # its first match shown, the count waits
        panel.take_index(None)  # the child failed: built here after all
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert status(app) == "1/4000"
