"""A web page as an article: its main content found, and written as Markdown.

trafilatura finds the main content (no navigation, ads, banners, comments) and
the page's metadata; `html_markdown` turns the content into Markdown, which the
Markdown parser reads like any article. The Markdown starts with front matter
(title, byline, date, site, address), shown as a line under the title.
"""

from __future__ import annotations

import contextlib
import html as html_module
import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree, html

from reader.parsers.html_markdown import element_to_markdown, parser, text_of
from reader.parsers.markdown_html import escape_markdown
from reader.safe_text import parsable, visible_line

# Page furniture inside headings and text that extractors keep: wiki "[edit]" links
# (MediaWiki, DokuWiki) and documentation generators' "¶" permalinks (Sphinx, MkDocs).
CHROME = [
    "//*[contains(@class, 'editsection') or contains(@class, 'secedit')]",
    "//a[contains(@class, 'headerlink')]",
]
# Metadata fields that name an article, in the order they are believed (Readability's).
TITLE_FIELDS = (
    "dc:title",
    "dcterm:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
)
# Images are kept unless extracting with them brings in more than a tenth more words
# (on the development pages: at most 5 % more, but 20 % where it took in lists of stories).
IMAGE_TEXT_SHARE = 1.1
_ARTICLE_TYPE = re.compile(r"Article|BlogPosting|Report|NewsArticle|WebPage|TechArticle")


@dataclass(frozen=True, slots=True)
class Page:
    """What was found in a web page."""

    title: str
    byline: str
    date: str
    site: str
    url: str
    markdown: str  # the main content, Markdown blocks


class NoArticle(Exception):
    """The page has no article text to speak of."""


def read_page(markup: str, url: str = "") -> Page:
    """The main content and metadata of a page of HTML (slow: a worker's job)."""
    markup = parsable(markup)
    tree = _tree(markup)
    title = _title(tree)  # before extraction takes the tree apart
    found = _extract(_linked(tree, url), images=True)
    content = _content(found)
    if content is not None and content.find(".//img") is not None:
        # With images, the extractor can take in a page's lists of other stories.
        plain = _content(_extract(_linked(_tree(markup), url), images=False))
        if plain is not None and _words(content) > IMAGE_TEXT_SHARE * _words(plain):
            content = plain
    body = element_to_markdown(content) if content is not None else ""
    if not body.strip():
        raise NoArticle("no article text was found in the page")
    return Page(
        title or _field(found, "title") or _first_heading(content) or "Untitled page",
        _byline(_field(found, "author")),
        _field(found, "date"),
        _field(found, "sitename") or _host(url),
        url or _field(found, "url"),
        body,
    )


def _linked(tree: Any, url: str) -> Any:
    """The page with its links made whole against its address (or its <base>); links to
    a place in the page itself are left as they are."""
    if not url:
        return tree
    base = next((b.get("href") for b in tree.iter("base") if b.get("href")), None)
    base = urljoin(url, base) if base else url
    for link in tree.iter("a"):
        href = (link.get("href") or "").strip()
        if href and not href.startswith("#"):
            with contextlib.suppress(ValueError):  # (a malformed address: left as it is)
                link.set("href", urljoin(base, href))
    return tree


def _host(url: str) -> str:
    try:
        return visible_line(urlsplit(url).hostname or "")
    except ValueError:
        return ""


def _extract(tree: Any, *, images: bool) -> Any:
    """trafilatura's findings in a page: its main content (`body`) and metadata."""
    import trafilatura  # heavy (about half a second): loaded only for web pages

    # No address: trafilatura would resolve links against the site's root, not the page
    # (`_linked` has made them whole).
    return trafilatura.bare_extraction(
        tree,
        favor_recall=True,
        include_formatting=True,
        include_links=True,
        include_images=images,
        include_tables=True,
        include_comments=False,
        with_metadata=True,
        as_dict=False,
        prune_xpath=CHROME,
    )


def _content(found: Any) -> Any:
    """The main content as HTML elements (None if there is none).

    (trafilatura's `extract` would also hash the text, a second on a 1 MB page.)"""
    from trafilatura.htmlprocessing import convert_to_html

    body = getattr(found, "body", None)
    if body is None or not len(body):
        return None
    for listing in body.iter("list"):  # a definition list: terms and definitions, not items
        if listing.get("rend") == "dl":
            listing.tag = "dl"
            for item in listing.iter("item"):
                item.tag = "dt" if item.get("rend", "").startswith("dt") else "dd"
    return convert_to_html(body)


def _words(content: Any) -> int:
    return len(text_of(content).split())


def _first_heading(content: Any) -> str:
    heading = content.find(".//h1") if content is not None else None
    return visible_line(" ".join(text_of(heading).split())) if heading is not None else ""


def page_markdown(page: Page) -> str:
    """The page as one Markdown article: front matter, title, byline line, content."""
    front = [f"{key}: {_yaml(value)}" for key, value in _fields(page) if value]
    header = "" if _has_title(page) else f"# {escape_markdown(page.title)}\n\n"
    about = " · ".join(v for v in (page.byline, page.date, page.site) if v)
    byline = f"*{escape_markdown(about)}*\n\n" if about else ""
    body = page.markdown
    if not header and body.startswith("# "):  # the byline goes under the article's own title
        title, _, rest = body.partition("\n")
        header, body = title + "\n\n", rest.lstrip("\n")
    return "---\n" + "\n".join(front) + "\n---\n\n" + header + byline + body + "\n"


def _fields(page: Page) -> list[tuple[str, str]]:
    return [
        ("title", page.title),
        ("byline", page.byline),
        ("date", page.date),
        ("site", page.site),
        ("url", page.url),
    ]


def _tree(markup: str) -> Any:
    """Parsed HTML (an encoding declaration in a string is ignored, not an error)."""
    try:
        return html.document_fromstring(markup, parser=parser())
    except (etree.ParserError, ValueError):
        bare = re.sub(r"^<\?xml[^>]*>", "", markup.lstrip()) or "<p/>"
        return html.document_fromstring(bare, parser=parser())


def _title(tree: Any) -> str:
    """The article's title as its page gives it: a schema.org article's headline, else
    the first of the title fields of its metadata (Dublin Core, Open Graph, Twitter...),
    else its <title> ("" if none)."""
    fields: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content") or ""
        for name in (meta.get("property") or "", meta.get("name") or ""):
            key = name.strip().lower()
            if key in TITLE_FIELDS and content.strip():
                fields.setdefault(key, content)
    found = [_json_ld_title(tree), *(fields.get(key, "") for key in TITLE_FIELDS)]
    found += [element.text_content() for element in tree.iter("title")]
    return next((visible_line(" ".join(t.split())) for t in found if t and t.strip()), "")


def _json_ld_title(tree: Any) -> str:
    """The headline (or name) of a schema.org article described in JSON-LD ("" if none)."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):  # (not JSON, or nested past Python's limit)
            continue
        items = list(data) if isinstance(data, list) else [data]
        for item in list(items):
            graph = item.get("@graph") if isinstance(item, dict) else None
            items += graph if isinstance(graph, list) else []
        for item in items:
            if not isinstance(item, dict):
                continue
            kinds = item.get("@type", "")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(kind, str) and _ARTICLE_TYPE.search(kind) for kind in kinds):
                title = item.get("headline") or item.get("name")
                if isinstance(title, str) and title.strip():
                    return html_module.unescape(title)
    return ""


def _byline(authors: str) -> str:
    """Authors once each ("Ann Lee; ANN LEE" is one author)."""
    names: dict[str, str] = {}
    for name in authors.split(";"):
        names.setdefault(name.strip().casefold(), name.strip())
    return "; ".join(name for name in names.values() if name)


def _field(metadata: Any, name: str) -> str:
    value = getattr(metadata, name, None) if metadata is not None else None
    return visible_line(" ".join(str(value).split())) if value else ""


def _has_title(page: Page) -> bool:
    """Whether the content has a title heading of its own (a level-1 heading; a `# `
    line in fenced code is none)."""
    fence = ""
    for line in page.markdown.split("\n"):
        if fence:
            fence = "" if line.startswith(fence) and not line.strip("`") else fence
        elif line.startswith("```"):
            fence = line[: len(line) - len(line.lstrip("`"))]
        elif line.startswith("# "):
            return True
    return False


def _yaml(value: str) -> str:
    """A one-line YAML string, quoted."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
