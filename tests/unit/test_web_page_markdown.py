"""A web page as Markdown: front matter, one title heading, the byline line, the content."""

from __future__ import annotations

import pytest

from reader.document import Inline
from reader.parsers.markdown import parse_markdown
from reader.parsers.web_page import Page, page_markdown, read_page


def page(markdown: str, title: str = 'Say "hi" — Site') -> Page:
    return Page(title, "A. Writer", "2024-05-01", "Site", "https://x.test/a", markdown)


def test_the_title_heading_is_added_only_when_the_content_has_none() -> None:
    added = parse_markdown(page_markdown(page("Text.\n\n## Part\n\nMore.")), "p.html")
    assert [(h.level, h.title) for h in added.headings] == [(1, 'Say "hi" — Site'), (2, "Part")]
    assert added.title == 'Say "hi" — Site'  # (quotes in the front matter read back)
    own = parse_markdown(page_markdown(page("# Its own\n\nText.")), "p.html")
    assert [h.title for h in own.headings] == ["Its own"]


def test_the_byline_shows_under_the_title_and_the_front_matter_is_hidden() -> None:
    document = parse_markdown(page_markdown(page("Text.")), "p.html")
    shown = [document.styled(i).plain for i in range(len(document.blocks))]
    assert shown == ['Say "hi" — Site', "A. Writer · 2024-05-01 · Site", "Text."]


def test_markup_in_the_title_and_byline_is_shown_as_written() -> None:
    markdown = page_markdown(Page("*Not* <b>bold</b> # [x](y)", "[me](z)", "", "", "", "Text."))
    document = parse_markdown(markdown, "p.html")
    shown = [document.styled(i).plain for i in range(len(document.blocks))]
    assert shown[:2] == ["*Not* <b>bold</b> # [x](y)", "[me](z)"]


def test_wiki_edit_links_and_permalinks_are_not_part_of_headings() -> None:
    text = "Words of the section, enough of them to be an article's text. " * 6
    markup = (
        "<html><head><title>Page</title></head><body><article><h1>Page</h1>"
        f"<h2>History<span class='mw-editsection'>[<a href='/edit'>edit</a>]</span></h2>"
        f"<p>{text}</p><h2>Usage<a class='headerlink' href='#usage'>¶</a></h2><p>{text}</p>"
        "</article></body></html>"
    )
    document = parse_markdown(page_markdown(read_page(markup)), "p.html")
    assert [h.title for h in document.headings] == ["Page", "History", "Usage"]


def test_a_definition_list_reads_as_terms_over_their_definitions() -> None:
    text = "Words of the article, enough of them to be its text. " * 6
    markup = (
        f"<html><body><article><p>{text}</p><dl><dt>Monitoring</dt>"
        "<dd>Collecting data about a system.</dd><dt>Alert</dt><dd>A notification.</dd></dl>"
        f"<p>{text}</p></article></body></html>"
    )
    document = parse_markdown(page_markdown(read_page(markup)), "p.html")
    blocks = [document.styled(i) for i in range(len(document.blocks))]
    shown = [(b.plain, Inline.STRONG in b.runs[0].style, bool(b.containers)) for b in blocks]
    assert shown[2:6] == [
        ("Monitoring", True, False),
        ("Collecting data about a system.", False, False),
        ("Alert", True, False),
        ("A notification.", False, False),
    ]


@pytest.mark.parametrize(
    "json_ld",
    ['{"@graph": null}', '{"@graph": 5}', "[" * 100_000 + "]" * 100_000, "{oops"],
    ids=["graph-null", "graph-number", "nested-too-deep", "not-json"],
)
def test_odd_json_ld_is_passed_over(json_ld: str) -> None:
    text = "Words of the article, enough of them to be its text. " * 6
    markup = (
        f"<html><head><title>The title</title><script type='application/ld+json'>{json_ld}"
        f"</script></head><body><article><p>{text}</p></article></body></html>"
    )
    assert read_page(markup).title == "The title"


def test_a_json_ld_article_type_may_be_a_list() -> None:
    text = "Words of the article, enough of them to be its text. " * 6
    json_ld = '{"@type": ["NewsArticle", "Thing"], "headline": "The headline"}'
    markup = (
        f"<html><head><title>Site</title><script type='application/ld+json'>{json_ld}"
        f"</script></head><body><article><p>{text}</p></article></body></html>"
    )
    assert read_page(markup).title == "The headline"


def test_a_comment_line_in_code_is_not_the_articles_own_title() -> None:
    markdown = page_markdown(page("Text.\n\n```sh\n# a comment\nls\n```\n\nMore."))
    document = parse_markdown(markdown, "p.html")
    assert [h.title for h in document.headings] == ['Say "hi" — Site']


def test_links_are_made_whole_against_the_pages_address_and_fragments_kept() -> None:
    text = "Words of the article, enough of them to be its text. " * 6
    markup = (
        f"<html><body><article><p>{text} See <a href='guide.html'>the guide</a>, "
        "<a href='/about'>about</a>, <a href='#usage'>usage</a> and "
        f"<a href='http://[::1'>broken</a>.</p><p>{text}</p></article></body></html>"
    )
    found = read_page(markup, "https://site.example/blog/post")
    document = parse_markdown(page_markdown(found), "p.html")
    links = {
        run.text: run.href
        for i in range(len(document.blocks))
        for run in document.styled(i).runs
        if run.href
    }
    assert links["the guide"] == "https://site.example/blog/guide.html"
    assert links["about"] == "https://site.example/about"
    assert links["usage"] == "#usage"
    assert found.site == "site.example" and found.url == "https://site.example/blog/post"


@pytest.mark.parametrize(
    ("metas", "title"),
    [
        ('<meta name="twitter:title" content="From Twitter">', "From Twitter"),
        ('<meta property="og:title" content="From OG"><meta name="DC:Title" content="DC">', "DC"),
        ('<meta name="parsely-title" content="Parsely">', "Parsely"),
        ("", "Page | Site"),
    ],
)
def test_the_title_is_the_first_title_field_of_the_pages_metadata(metas: str, title: str) -> None:
    text = "Words of the article, enough of them to be its text. " * 6
    markup = (
        f"<html><head><title>Page | Site</title>{metas}</head>"
        f"<body><article><p>{text}</p></article></body></html>"
    )
    assert read_page(markup).title == title
