"""Hostile articles, written with Python escapes so that they stay readable in review.

Every payload is a control sequence followed by a marker word. If the sequence
ever reached the terminal as such, its raw bytes would sit right before the
marker in what was written; shown harmlessly, the marker follows visible
glyphs instead (`␛[31m` for ESC [ 3 1 m).
"""

from __future__ import annotations

import html
from pathlib import Path

PAYLOADS = {
    "CSI colour": "\x1b[31mREDMARK",
    "CSI clear and home": "\x1b[2J\x1b[HCLEARMARK",
    "CSI cursor move": "\x1b[10;10HMOVEMARK",
    "OSC window title (BEL)": "\x1b]0;PWNED\x07TITLEMARK",
    "OSC window title (ST)": "\x1b]2;PWNED\x1b\\TITLE2MARK",
    "OSC clipboard write": "\x1b]52;c;cHduZWQ=\x07CLIPMARK",
    "OSC hyperlink": "\x1b]8;;file:///etc/passwd\x1b\\LINKMARK\x1b]8;;\x1b\\",
    "DCS": "\x1bP+q544e\x1b\\DCSMARK",
    "APC": "\x1b_Gi=1;AAAA\x1b\\APCMARK",
    "PM": "\x1b^private\x1b\\PMMARK",
    "C1 CSI": "\x9b31mC1CSIMARK",
    "C1 OSC": "\x9d0;PWNED\x9cC1OSCMARK",
    "lone ESC": "\x1bLONEMARK",
    "BEL": "\x07BELLMARK",
    "backspaces": "secret\x08\x08\x08\x08\x08\x08BACKMARK",
    "bidi override": "\u202eBIDIMARK\u202c \u2066ISOMARK\u2069",
}
# Markup that Rich or Textual would act on if article text were ever read as markup.
MARKUP = "[bold red]MARKUPMARK[/] [link=file:///etc/passwd]LINKUP[/link] [@click=app.quit]QUIT[/]"
# Raw sequences that must never be written, whatever else the app writes.
FORBIDDEN = [
    "\x1b]0;PWNED",
    "\x1b]2;PWNED",
    "\x1b]52;",
    "\x1b]8;",
    "\x1bP+q",
    "\x1b_G",
    "\x1b^private",
    "\x1b[31mREDMARK",
    "\x1b[2J\x1b[HCLEARMARK",
    "\x1b[10;10HMOVEMARK",
    "\x1bLONEMARK",
    "\x07BELLMARK",
    "\x08BACKMARK",
    "\u202e",
    "\u2066",
]
C1_CONTROLS = "".join(chr(code) for code in range(0x80, 0xA0))


def all_payloads() -> str:
    return " ".join(PAYLOADS.values())


def markdown_article() -> str:
    """Payloads in the title, headings, paragraphs, a list, a quote, a table and code."""
    payloads = all_payloads()
    return (
        f"# Hostile {PAYLOADS['OSC window title (BEL)']} article\n\n"
        f"First paragraph: {payloads}\n\n{MARKUP}\n\n"
        f"## Heading {PAYLOADS['CSI colour']}\n\n"
        f"- item {PAYLOADS['OSC clipboard write']}\n"
        f"  - nested {PAYLOADS['C1 CSI']}\n\n"
        f"> quoted {PAYLOADS['DCS']}\n\n"
        f"| a | b |\n|---|---|\n| {PAYLOADS['APC']} | {PAYLOADS['bidi override']} |\n\n"
        f"```\ncode {payloads}\n```\n\n"
        f"## Last {PAYLOADS['lone ESC']}\n\nThe end.\n"
    )


def plain_article() -> str:
    """Payloads in the title, underlined and numbered headings, and body text."""
    payloads = all_payloads()
    return (
        f"Hostile {PAYLOADS['OSC window title (ST)']} article\n\n"
        f"First paragraph: {payloads}\n\n{MARKUP}\n\n"
        f"Heading {PAYLOADS['CSI clear and home']}\n"
        "=================================\n\n"
        f"Body text {PAYLOADS['BEL']} under the heading, long enough to be a paragraph.\n\n"
        f"1. Numbered {PAYLOADS['C1 OSC']}\n\n"
        f"Text of the numbered section {PAYLOADS['backspaces']} goes on for a while here.\n"
    )


def html_article() -> str:
    """Payloads in a web page's title, byline, headings, text, alt text and a link."""
    payloads = html.escape(all_payloads())
    body = f"First paragraph: {payloads} " + "Words of the article go on for a while. " * 8
    return (
        f"<html><head><title>Hostile {PAYLOADS['OSC window title (BEL)']} page</title>"
        f"<meta name='author' content='{html.escape(PAYLOADS['OSC hyperlink'])}'></head>"
        f"<body><nav>Home</nav><article><h1>Hostile {PAYLOADS['CSI colour']} page</h1>"
        f"<p>{body}</p><p>{html.escape(MARKUP)}</p>"
        f"<h2>Heading {PAYLOADS['C1 CSI']}</h2><p>{body}"
        f"<img src='x.png' alt='{html.escape(PAYLOADS['OSC clipboard write'])}'> "
        f"<a href='https://x.test/{html.escape(PAYLOADS['OSC window title (ST)'])}'>link</a>"
        f"</p><ul><li>item {PAYLOADS['DCS']}</li></ul><p>The end.</p></article></body></html>"
    )


def write_corpus(folder: Path) -> list[Path]:
    """The hostile articles as files in `folder`."""
    articles = {
        "hostile.md": markdown_article(),
        "hostile.txt": plain_article(),
        "hostile.html": html_article(),
    }
    paths = []
    for name, text in articles.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
