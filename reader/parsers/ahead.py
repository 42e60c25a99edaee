"""Parse the start of a Markdown article in a forked process while Textual loads.

Importing markdown-it and parsing an article's first screens take 10-20 ms of
the first frame. A child forked before Textual is imported does that work on
another core and sends back the blocks, already styled, so the first frame
needs no Markdown parser at all. Where there is no `os.fork`, or the child
fails, the app parses the start itself as before.
"""

from __future__ import annotations

import os
import pickle

from reader.document import Document
from reader.parsers import parse

READ_SIZE = 1 << 16


class ParsedAhead:
    """A preview being parsed by a child process; `document()` collects it."""

    def __init__(self, pid: int, pipe: int, text: str) -> None:
        self._pid = pid
        self._pipe = pipe
        self._text = text

    def document(self) -> Document | None:
        """The parsed start of the article (every block styled), or None if the child failed."""
        chunks = []
        try:
            while chunk := os.read(self._pipe, READ_SIZE):
                chunks.append(chunk)
        finally:
            os.close(self._pipe)
            os.waitpid(self._pid, 0)
        try:
            title, blocks, headings = pickle.loads(b"".join(chunks))
        except Exception:  # nothing came, or not all of it: parse here instead
            return None
        return Document(self._text, title, blocks, headings)


def parse_ahead(text: str, kind: str, name: str) -> ParsedAhead | None:
    """Start parsing `text` (the start of an article) in a child; None where that cannot be."""
    if kind != "markdown" or not hasattr(os, "fork"):
        return None
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: parse, send, and leave without running any cleanup
        status = 1
        try:
            os.close(read_end)
            document = parse(text, kind, name)
            blocks = [document.styled(index) for index in range(len(document.blocks))]
            payload = pickle.dumps((document.title, blocks, document.headings))
            view = memoryview(payload)
            while view:
                view = view[os.write(write_end, view) :]
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return ParsedAhead(pid, read_end, text)
