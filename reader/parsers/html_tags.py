"""What HTML tags mean to reader: dropped, blocks, inline styles (no lxml: cheap to load)."""

from __future__ import annotations


def _names(names: str) -> frozenset[str]:
    return frozenset(names.split())


# Never shown. (<source> is not here: to libxml2's HTML parser it is not empty, and the
# <img> after it in a <picture> may be read as inside it.)
DROPPED = _names(
    "script style noscript template head title meta link iframe object embed svg math "
    "canvas video audio map area button input select option textarea"
)
BLOCKS = _names(
    "address article aside blockquote body center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main "
    "menu nav ol p pre section summary table tbody td tfoot th thead tr ul caption"
)
HEADINGS = {f"h{level}": level for level in range(1, 7)}
EMPHASIS = {"em": "*", "i": "*", "cite": "*", "dfn": "*", "strong": "**", "b": "**"}
CODE = frozenset({"code", "kbd", "samp", "tt", "var"})
STRIKE = frozenset({"del", "s", "strike"})
PERMALINKS = frozenset({"¶", "\\#", "§", "🔗", "⚓"})  # a heading's link to itself
SAFE_SCHEMES = ("http:", "https:", "mailto:", "#", "/", "./", "../")  # links kept as links
