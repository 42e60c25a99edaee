"""How alike two texts are, from small sketches: to recognise an article after it was edited.

A sketch is a bottom-k MinHash of the text's word shingles (runs of SHINGLE words,
case and the punctuation around words ignored): the K smallest shingle hashes. A
shingle's hash is led by its first word's, so only shingles that start with one of
the K lowest-hashing words are hashed (at most MAX_SHINGLES of them), and the rest
is a few passes over the words in C: about 35 ms for the MAX_CHARS sketched (the
start of a longer text). `similarity` estimates the Jaccard similarity of two
texts' shingle sets from their sketches (exactly, for texts of fewer than K
shingles). Pure computation: safe in a worker thread.
"""

from __future__ import annotations

import hashlib
import math
import string
import struct
import zlib
from bisect import bisect_right
from itertools import compress, islice
from operator import methodcaller

SHINGLE = 5  # words in a shingle
K = 128  # hashes kept in a sketch
MAX_CHARS = 1 << 19  # only the start of a longer text is sketched
MAX_SHINGLES = 1 << 12  # shingles hashed at most (a text that repeats itself has many alike)
_VERSION = b"\x01"  # sketches of another version are never compared
_strip = methodcaller("strip", string.punctuation + "“”‘’«»—–…·•")  # from either end of a word


def sketch(text: str) -> bytes:
    """The text's sketch: empty for a text without words."""
    tokens = text[:MAX_CHARS].split()
    distinct = set(tokens)
    normal = dict(zip(distinct, map(_strip, map(str.casefold, distinct)), strict=True))
    words = list(filter(None, map(normal.__getitem__, tokens)))
    if not words:
        return b""
    vocabulary = set(normal.values())
    vocabulary.discard("")
    ranks = dict(zip(vocabulary, map(zlib.crc32, map(_encode, vocabulary)), strict=True))
    chosen = set(sorted(ranks, key=ranks.__getitem__)[:K])  # each starts a shingle of its own
    starts = max(1, len(words) - SHINGLE + 1)
    found = islice(compress(range(starts), map(chosen.__contains__, words)), MAX_SHINGLES)
    shingles = {" ".join(words[at : at + SHINGLE]) for at in found}
    hashes = sorted(ranks[shingle.split(" ", 1)[0]] << 32 | _hash(shingle) for shingle in shingles)
    return _VERSION + struct.pack(f">{min(K, len(hashes))}Q", *hashes[:K])


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity (0..1) of the texts two sketches were made of."""
    first, second = _values(a), _values(b)
    if not first or not second:
        return 0.0
    # Up to the lower of the two sketches' last hashes, both know every shingle's.
    cut = min(_last(first), _last(second))
    first, second = first[: bisect_right(first, cut)], second[: bisect_right(second, cut)]
    shared = len(set(first).intersection(second))
    return shared / (len(first) + len(second) - shared)


def _values(sketch: bytes) -> list[int]:
    if not sketch.startswith(_VERSION) or (len(sketch) - 1) % 8:
        return []
    return sorted(struct.unpack(f">{(len(sketch) - 1) // 8}Q", sketch[1:]))


def _last(values: list[int]) -> float:
    """The highest hash a sketch knows all of: any, if it holds all its text's shingles."""
    return values[-1] if len(values) >= K else math.inf


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(_encode(shingle), digest_size=4).digest())
