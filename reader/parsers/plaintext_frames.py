"""Text drawn inside a frame of one character (MPL-2.0's boxes of `*`): the frame taken off.

A block whose first and last lines are rules of one character and whose other
lines each start and end with that character is a frame. Its inside is split
into blocks at the frame's empty lines and read like any other text, so a
heading drawn in a box ("*  6. Disclaimer of Warranty  *") joins the tree. Each
line keeps its offset in the text, shifted to where its inside starts.
"""

from __future__ import annotations

from reader.parsers.plaintext_layout import Chunk

_FRAME_CHARACTERS = "*#|+="
_MIN_LINES = 4


def unframe(chunks: list[Chunk]) -> list[Chunk]:
    """The chunks with every framed block replaced by the blocks inside its frame."""
    out: list[Chunk] = []
    for chunk in chunks:
        inside = _inside(chunk)
        out.extend([chunk] if inside is None else inside)
    return out


def _inside(chunk: Chunk) -> list[Chunk] | None:
    lines = chunk.lines
    top, bottom = lines[0].strip(), lines[-1].strip()
    if len(lines) < _MIN_LINES or len(top) < 3 or top[0] not in _FRAME_CHARACTERS:
        return None
    frame = top[0]
    if set(top) != {frame} or set(bottom) != {frame}:
        return None
    middle = lines[1:-1]
    if not all(_framed(line.strip(), frame) for line in middle):
        return None
    blocks: list[Chunk] = []
    current: Chunk | None = None
    blanks = chunk.blank_before
    for line, start in zip(middle, chunk.starts[1:-1], strict=True):
        left = line.index(frame) + 1
        text = line[left : line.rindex(frame)].rstrip()
        if not text.strip():
            current = None
            blanks += 1
            continue
        if current is None:
            current = Chunk([], [], blanks)
            blocks.append(current)
            blanks = 0
        current.lines.append(text)
        current.starts.append(start + left)
    return blocks


def _framed(line: str, frame: str) -> bool:
    return len(line) > 1 and line[0] == line[-1] == frame
