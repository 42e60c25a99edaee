"""Guess the encoding of text that is not UTF-8, and name it in words a reader knows.

chardet does the guessing, on a sample: it is loaded only when a file needs it.
"""

from __future__ import annotations

DETECT_SAMPLE = 64 * 1024  # bytes the detector sees, from the line of the first non-UTF-8 byte
UTF8_SHARE = 10  # this many good UTF-8 characters per bad byte and it is UTF-8 with strays
MIN_CONFIDENCE = 0.1  # below this the guess is noise (a line with an accent or two)
FALLBACK = "cp1252"
# As browsers do: a stray byte Windows leaves undefined then costs one character, not the
# curly quotes and dashes of the whole text.
_WINDOWS = {"iso8859-1": "cp1252", "iso8859-9": "cp1254", "tis-620": "cp874"}

_NAMES = {
    "utf-8": "UTF-8",
    "cp1250": "Windows-1250 (Central European)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "cp1252": "Windows-1252 (Western European)",
    "cp1253": "Windows-1253 (Greek)",
    "cp1254": "Windows-1254 (Turkish)",
    "cp1255": "Windows-1255 (Hebrew)",
    "cp1256": "Windows-1256 (Arabic)",
    "cp1257": "Windows-1257 (Baltic)",
    "cp1258": "Windows-1258 (Vietnamese)",
    "cp874": "Windows-874 (Thai)",
    "iso8859-2": "ISO-8859-2 (Central European)",
    "iso8859-3": "ISO-8859-3 (South European)",
    "iso8859-4": "ISO-8859-4 (Baltic)",
    "iso8859-5": "ISO-8859-5 (Cyrillic)",
    "iso8859-6": "ISO-8859-6 (Arabic)",
    "iso8859-7": "ISO-8859-7 (Greek)",
    "iso8859-8": "ISO-8859-8 (Hebrew)",
    "iso8859-10": "ISO-8859-10 (Nordic)",
    "iso8859-13": "ISO-8859-13 (Baltic)",
    "iso8859-14": "ISO-8859-14 (Celtic)",
    "iso8859-15": "ISO-8859-15 (Western European)",
    "iso8859-16": "ISO-8859-16 (South-Eastern European)",
    "koi8-r": "KOI8-R (Russian)",
    "koi8-u": "KOI8-U (Ukrainian)",
    "mac-roman": "Mac OS Roman (Western European)",
    "mac-cyrillic": "Mac OS Cyrillic",
    "mac-greek": "Mac OS Greek",
    "mac-latin2": "Mac OS Central European",
    "mac-turkish": "Mac OS Turkish",
    "cp437": "DOS code page 437 (US)",
    "cp850": "DOS code page 850 (Western European)",
    "cp852": "DOS code page 852 (Central European)",
    "cp866": "DOS code page 866 (Cyrillic)",
    "cp932": "Shift-JIS (Japanese)",
    "shift_jis_2004": "Shift-JIS (Japanese)",
    "euc_jis_2004": "EUC-JP (Japanese)",
    "iso2022_jp_2": "ISO-2022-JP (Japanese)",
    "iso2022_jp_2004": "ISO-2022-JP (Japanese)",
    "iso2022_jp_ext": "ISO-2022-JP (Japanese)",
    "gb18030": "GB18030 (Simplified Chinese)",
    "hz": "HZ (Simplified Chinese)",
    "big5hkscs": "Big5 (Traditional Chinese)",
    "cp949": "EUC-KR (Korean)",
    "euc_kr": "EUC-KR (Korean)",
    "iso2022_kr": "ISO-2022-KR (Korean)",
    "johab": "Johab (Korean)",
}


def guess(data: bytes, start: int) -> str:
    """The codec that most likely decodes `data`, a byte at `start` being the first not UTF-8.

    Only a sample is looked at, from the start of that byte's line. It is UTF-8 still
    when the sample is that but for a few stray bytes, Windows-1252 when the detector
    cannot tell.
    """
    start = data.rfind(b"\n", 0, start) + 1
    sample = data[start : start + DETECT_SAMPLE]
    text = sample.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    if len(text) - len(text.encode("ascii", "ignore")) - bad >= UTF8_SHARE * bad:
        return "utf-8"
    import chardet  # its models load here, for the few files that need them

    result = chardet.detect(sample, prefer_superset=True, compat_names=False)
    encoding = result["encoding"]
    if encoding is None or result["confidence"] < MIN_CONFIDENCE:
        return FALLBACK
    return _WINDOWS.get(encoding, encoding)


def describe(encoding: str) -> str:
    """The codec's name as people know it, with its script or region: "Windows-1251 (Cyrillic)"."""
    return _NAMES.get(encoding, encoding.upper())
