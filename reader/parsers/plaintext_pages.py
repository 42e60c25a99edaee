"""Page furniture in paginated plain text (RFCs, printed manuals): dropped, pages joined.

A page break is a footer ending in a page number ("Barbato  Standards Track
[Page 8]"), or a form feed with a running header after it ("RFC 5215   Vorbis
RTP Payload Format   August 2008"); footer and header are not text. A form feed
alone is a section separator (as in GNU NEWS files) and is left as it is.
The blocks either side of a break are one block when the first runs on into the
second; either way a break never counts as the blank lines that end a section.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.parsers.plaintext_layout import Chunk, indentation
from reader.parsers.plaintext_shapes import GAPS

_FOOTER = re.compile(r"(?:\[page \d+\]|^-\s*\d+\s*-|\bpage \d+(?: of \d+)?)$", re.IGNORECASE)
_ENDS_SENTENCE = ".!?:\"'”’)"


def drop_page_furniture(text: str, chunks: list[Chunk]) -> list[Chunk]:
    """The chunks without page headers and footers, each page's text joined to the next."""
    if "\f" not in text and not any(_footer(chunk) for chunk in chunks):
        return chunks
    out: list[Chunk] = []
    at_break = False
    previous_end = 0
    lines = Counter(chunk.lines[0] for chunk in chunks if len(chunk.lines) == 1)
    for chunk in chunks:
        feed = "\f" in text[previous_end : chunk.start]  # (.start is past a leading \f)
        previous_end = chunk.starts[-1] + len(chunk.lines[-1])
        header = len(chunk.lines) == 1 and lines[chunk.lines[0]] >= 2 and _columns(chunk)
        if _footer(chunk) or ((at_break or feed) and header):
            at_break = True
            continue
        if at_break:  # (a form feed with no footer or header around it separates sections)
            at_break = False
            if out and _runs_on(out[-1], chunk):
                out[-1].lines.extend(chunk.lines)
                out[-1].starts.extend(chunk.starts)
                continue
            chunk.blank_before = 1
        out.append(chunk)
    return out


def _footer(chunk: Chunk) -> bool:
    line = chunk.lines[0].strip()
    return len(chunk.lines) == 1 and bool(_FOOTER.search(line)) and bool(GAPS.search(line))


def _columns(chunk: Chunk) -> bool:
    return bool(GAPS.search(chunk.lines[0].strip()))


def _runs_on(before: Chunk, after: Chunk) -> bool:
    """Whether the text after a page break continues the block before it, at its margin."""
    last = before.lines[-1].rstrip()
    first = after.lines[0]
    same_margin = indentation(first) == indentation(last)
    return same_margin and (last[-1] not in _ENDS_SENTENCE or first.strip()[0].islower())
