"""Make untrusted text safe to show: control characters become visible glyphs.

Article text must never reach the terminal as escape sequences. C0 controls
(tab and newline aside) become their Unicode control pictures (ESC shows as
"␛"), DEL as "␡", C1 controls and bidirectional controls as "<U+XXXX>"; Unicode line separators
become newlines.
Markup is not a concern here: callers never parse article text as markup.
"""

from __future__ import annotations

import os
import re

_C0 = {code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A)}
_OTHER = {code: f"<U+{code:04X}>" for code in range(0x80, 0xA0)}
_BIDI = {
    code: f"<U+{code:04X}>"
    for code in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
}
_SEPARATORS = {0x2028: "\n", 0x2029: "\n"}  # Unicode line/paragraph separators
# Lone surrogates (an undecodable byte of a file name, kept by Python as U+DC80-U+DCFF)
# cannot be written to a terminal at all: show the byte.
_SURROGATES = {
    code: f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"<U+{code:04X}>"
    for code in range(0xD800, 0xE000)
}
_TABLE: dict[int, int | str] = {
    **_C0,
    0x7F: 0x2421,
    **_OTHER,
    **_BIDI,
    **_SEPARATORS,
    **_SURROGATES,
}
_ONE_LINE: dict[int, int | str] = {**_TABLE, 0x09: " ", 0x0A: " ", 0x2028: " ", 0x2029: " "}


_PARSABLE: dict[int, int | str] = {**_C0, 0x7F: 0x2421, **dict.fromkeys(range(0x80, 0xA0), 0xFFFD)}


_UNPARSABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")


def parsable(text: str) -> str:
    """HTML with the control characters an HTML parser would refuse (and could stop at)
    shown as glyphs: ESC as "␛", a C1 control as "\ufffd"."""
    return _UNPARSABLE.sub(lambda match: match[0].translate(_PARSABLE), text)


def visible(text: str) -> str:
    """Text with every control character replaced by a visible stand-in (tabs and newlines kept)."""
    return text.translate(_TABLE)


def visible_line(text: str) -> str:
    """Like `visible`, for one-line places (titles, labels): tabs and newlines become spaces."""
    return text.translate(_ONE_LINE)


def visible_path(path: object) -> str:
    """A file name or path for one-line places: bytes that are not UTF-8 shown as `\\xe9`.

    Paths on POSIX are bytes; Python keeps undecodable ones as lone surrogates,
    which `visible_line` shows as the bytes they stand for.
    """
    return visible_line(os.fsdecode(path) if isinstance(path, bytes) else str(path))
