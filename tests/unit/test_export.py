"""What the lists and exports show: bookmark quotes, the Markdown digest, recent articles."""

from __future__ import annotations

from reader.anchoring import Anchor
from reader.export import Entry, bookmarks
from reader.records import Bookmark, quote_line

LONG = (
    "Anthropic AI is a company known for its cutting-edge research in artificial "
    "intelligence, and for its focus on systems that are safe and steerable."
)


def test_a_long_passage_is_cut_at_a_word_and_ends_in_an_ellipsis() -> None:
    shown = quote_line(LONG)
    assert shown.endswith("…") and len(shown) <= 100
    assert LONG.startswith(shown[:-1])
    assert shown[-2] != " " and LONG[len(shown) - 1] == " "  # cut between words


def test_a_short_passage_is_whole_on_one_line() -> None:
    assert quote_line("Two lines\nof a short passage") == "Two lines of a short passage"
    assert quote_line("escape \x1b[31m here") == "escape ␛[31m here"


def test_a_bookmarked_heading_is_not_quoted_again_under_itself_in_markdown() -> None:
    text = "The Anthropic Advantage\n\nAnthropic AI is a company.\n"
    heading = Anchor.from_span(text, 0, len("The Anthropic Advantage"))
    passage = Anchor.from_span(text, text.index("Anthropic AI"), len(text) - 1)
    marks = [
        Bookmark(1, 1, heading, "The Anthropic Advantage", "", 0.0),
        Bookmark(2, 1, passage, "The Anthropic Advantage", "", 0.0),
    ]
    markdown = bookmarks([Entry(mark, "Article", None) for mark in marks], "markdown")
    assert "> The Anthropic Advantage" not in markdown
    assert "### The Anthropic Advantage" in markdown and "> Anthropic AI is a company." in markdown


def test_a_bookmarked_markdown_heading_is_not_quoted_again_with_its_hashes() -> None:
    text = "# Title\n\n## V\n\nChapter five begins.\n\nSetext Head\n-----------\n\nMore.\n"
    atx = Anchor.from_span(text, text.index("## V"), text.index("## V") + len("## V"))
    start = text.index("Setext")
    setext = Anchor.from_span(text, start, text.index("\n\nMore"))
    marks = [Bookmark(1, 1, atx, "V", "", 0.0), Bookmark(2, 1, setext, "Setext Head", "", 0.0)]
    markdown = bookmarks([Entry(mark, "Book", None) for mark in marks], "markdown")
    assert "> ## V" not in markdown and "### V" in markdown
    assert "> Setext Head" not in markdown and "> ------" not in markdown


def test_recent_lists_only_articles_that_can_be_opened_again() -> None:
    from reader.export import recent
    from reader.store import RecentDocument

    documents = [
        RecentDocument(1, "Piped in", None, 0.0, 0.5),
        RecentDocument(2, "On disk", "/home/someone/notes.md", 0.0, 1.0),
    ]
    shown = recent(documents)
    assert "Piped in" not in shown
    assert "finished" in shown and "On disk  /home/someone/notes.md" in shown
