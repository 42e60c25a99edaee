"""The parsers' public entry points: the fallback title, cancelling, and where a preview is cut.

Written to kill mutants that survived the other unit tests (see the mutation report).
Only `reader.parsers.parse` and `preview` are used, never a parser's own modules.
"""

from __future__ import annotations

import pytest

from reader.parsers import ParseCancelled, parse, preview

X = "x" * 200  # a long last line, cut by the limit


@pytest.mark.parametrize("kind", ["markdown", "plain"])
def test_an_article_without_a_title_is_titled_by_its_name(kind: str) -> None:
    """Catches the name not passed to the parser as the fallback title."""
    text = "just some words in a paragraph, nothing that looks like a title at all.\n"
    assert parse(text, kind, "name.txt").title == "name.txt"


@pytest.mark.parametrize("kind", ["markdown", "plain"])
def test_a_cancelled_parse_raises_parse_cancelled(kind: str) -> None:
    """Catches `cancelled` not passed to the parser."""
    with pytest.raises(ParseCancelled):
        parse("# Title\n\nSome words.\n", kind, "a.txt", lambda: True)


def test_a_text_no_longer_than_the_limit_has_no_preview() -> None:
    """Catches a text exactly as long as the limit cut anyway."""
    assert preview("a\n\nbcde", "plain", 7) is None
    assert preview("a\n\nbcde", "markdown", 7) is None


def test_plain_text_is_cut_at_its_last_blank_line_before_the_limit() -> None:
    """Catches the cut made at the first blank line, or one past the limit, or none."""
    assert preview("one\n\ntwo\n\nthree " + X, "plain", 20) == "one\n\ntwo"
    assert preview("a\n\n" + X, "plain", 20) == "a"  # a cut one character in still counts
    assert preview("\n\n" + X, "plain", 20) is None  # nothing before the blank line


def test_only_kind_plain_is_cut_as_plain_text() -> None:
    """Catches Markdown cut as plain text (inside fenced code) or plain text as Markdown."""
    fenced = "One.\n\n```\ncode\n\nmore\n```\nAfter.\n" + X
    assert preview(fenced, "markdown", 40) == "One.\n"
    assert preview(fenced, "plain", 40) == "One.\n\n```\ncode"


def test_markdown_is_cut_at_the_last_blank_line_outside_fenced_code() -> None:
    """Catches fences (``` or ~~~, indented or not) not recognised, opened or closed wrongly."""
    closed = "One.\n\n```\ncode\n\n```\n\nAfter " + X
    assert preview(closed, "markdown", 40) == "One.\n\n```\ncode\n\n```\n"
    tilde = "One.\n\n~~~\ncode\n\n~~~\n\nAfter " + X
    assert preview(tilde, "markdown", 40) == "One.\n\n~~~\ncode\n\n~~~\n"
    other_fence = "One.\n\n~~~\ncode\n\n```\n\nAfter " + X  # ``` does not close ~~~
    assert preview(other_fence, "markdown", 40) == "One.\n"
    indented = "One.\n\n  ```\ncode\n\n  ```\n\nAfter " + X
    assert preview(indented, "markdown", 40) == "One.\n\n  ```\ncode\n\n  ```\n"


def test_markdown_is_cut_at_a_blank_line_even_of_spaces_and_right_before_the_limit() -> None:
    """Catches blank lines of spaces missed, offsets miscounted, the last whole line skipped."""
    assert preview("One.\n   \nTwo.\n\nThree " + X, "markdown", 30) == "One.\n   \nTwo.\n"
    assert preview("One.\n\nTwo.\n\n" + X, "markdown", 12) == "One.\n\nTwo.\n"
    assert preview("\n\n" + X, "markdown", 20) == "\n"  # a cut one character in still counts
    assert preview("\n" + X, "markdown", 20) is None


def test_a_preview_is_never_cut_past_the_limit_nor_made_without_a_blank_line() -> None:
    """Catches a cut searched for in the whole text, or made where there is no blank line."""
    assert preview("a\n\nb" + "c" * 30 + "\n\nd" + X, "plain", 20) == "a"
    assert preview("x" * 100, "markdown", 20) is None
    assert preview("x" * 100, "plain", 20) is None


def test_a_blank_line_inside_an_indented_fence_is_not_a_cut() -> None:
    """Catches fences recognised only when they are not indented."""
    assert preview("One.\n\n  ```\ncode\n\nmore " + X, "markdown", 40) == "One.\n"
