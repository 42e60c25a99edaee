"""Real documents found on this machine, for the benchmark, when it has them.

Node's API documentation (Markdown: emoji, dense headings, long code) and Debian's
package changelogs with the common licences (plain text) are concatenated, in a fixed
order, and repeated to the size asked for. Machines without them get no such rows.
Each document opens with a title and a paragraph starting with corpus.NEEDLE, which the
harness waits for on screen.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path

from corpus import NEEDLE, size_label

NODE_API = Path("/usr/share/doc/nodejs/api")
DEBIAN_DOCS = Path("/usr/share/doc")
LICENCES = Path("/usr/share/common-licenses")


def found_markdown(size: int, seed: int) -> str | None:
    """About `size` bytes of Node's API docs, concatenated; None if there are none here."""
    files = sorted(NODE_API.glob("*.md")) if NODE_API.is_dir() else []
    texts = (path.read_text("utf-8", errors="replace") for path in files)
    head = f"# Node.js API docs, {size_label(size)}\n\n{NEEDLE}, found on this machine.\n\n"
    return _repeated(head, texts, size) if files else None


def found_text(size: int, seed: int) -> str | None:
    """About `size` bytes of Debian changelogs and licences; None if there are none here."""
    changelogs = sorted(DEBIAN_DOCS.glob("*/changelog.Debian.gz"))
    licences = sorted(path for path in LICENCES.glob("*") if path.is_file())
    if not changelogs:
        return None
    texts = [gzip.decompress(path.read_bytes()).decode("utf-8", "replace") for path in changelogs]
    texts += [path.read_text("utf-8", errors="replace") for path in licences]
    head = f"Debian changelogs and licences, {size_label(size)}\n\n{NEEDLE}, found here.\n\n"
    return _repeated(head, texts, size)


def _repeated(head: str, texts: Iterable[str], size: int) -> str:
    """`head`, then the texts over and over, cut at a line once `size` bytes are reached."""
    pieces = [text if text.endswith("\n") else text + "\n" for text in texts]
    body = "\n".join(pieces)
    if not body.strip():
        return head
    whole = head + body * (size // max(1, len(body.encode())) + 1)
    data = whole.encode()[:size]
    cut = data.rfind(b"\n") + 1
    return data[: cut or len(data)].decode("utf-8", "ignore")
