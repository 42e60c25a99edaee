"""Paginated plain text: page headers and footers dropped, pages joined."""

from __future__ import annotations

from reader.document import BlockKind
from reader.parsers.plaintext import parse_plain

HEADER = "RFC 9999               Example Payload Format               August 2008\n"


def footer(page: int) -> str:
    return f"Writer                      Standards Track                    [Page {page}]\n"


def rfc(feed: str) -> str:
    """Three pages of an RFC, a paragraph and a section running across the breaks."""
    return (
        "1.  Introduction\n\n"
        "   The payload format carries frames of audio in packets, and it is\n"
        "   meant for streams on networks that now and then, as networks do,\n\n\n\n"
        + footer(1)
        + feed
        + HEADER
        + "\n\n"
        "   lose packets.  Receivers cope with the loss.\n\n"
        "2.  Payload Format\n\n"
        "   Every packet starts with a header of four octets, in network order.\n\n\n"
        + footer(2)
        + feed
        + HEADER
        + "\n\n"
        "2.1.  Payload Header\n\n"
        "   The header names the configuration the packet's frames use.\n"
    )


def test_page_furniture_is_dropped_and_a_paragraph_runs_across_the_break() -> None:
    document = parse_plain(rfc("\f\n"), "rfc")
    assert [s.title for s in document.sections][1:] == [
        "1. Introduction",
        "2. Payload Format",
        "2.1. Payload Header",
    ]
    paragraphs = [b.runs[0].text for b in document.blocks if b.kind is BlockKind.PARAGRAPH]
    assert paragraphs[0] == (
        "The payload format carries frames of audio in packets, and it is meant for "
        "streams on networks that now and then, as networks do, lose packets.  "
        "Receivers cope with the loss."
    )
    assert not any("[Page" in b.runs[0].text for b in document.blocks if b.runs)
    assert not any("RFC 9999" in (b.literal or "") for b in document.blocks)


def test_pages_without_form_feeds_are_found_by_their_footers() -> None:
    document = parse_plain(rfc(""), "rfc")
    assert [s.title for s in document.sections][1:] == [
        "1. Introduction",
        "2. Payload Format",
        "2.1. Payload Header",
    ]
    assert not any("[Page" in b.runs[0].text for b in document.blocks if b.runs)


def test_a_section_drawn_in_a_frame_joins_the_tree_and_keeps_its_offsets() -> None:
    box = (
        "*" * 60 + "\n"
        "*" + " " * 58 + "*\n"
        "*  6. Disclaimer of Warranty" + " " * 31 + "*\n"
        "*  -------------------------" + " " * 31 + "*\n"
        "*" + " " * 58 + "*\n"
        "*  Covered Software is provided under this License on an   *\n"
        '*  "as is" basis, without warranty of any kind.            *\n'
        "*" + " " * 58 + "*\n" + "*" * 60 + "\n"
    )
    text = "5. Termination\n--------------\n\nThe rights granted end.\n\n" + box
    document = parse_plain(text, "mpl")
    assert [s.title for s in document.sections][1:] == [
        "5. Termination",
        "6. Disclaimer of Warranty",
    ]
    body = document.blocks[-1]
    assert body.runs[0].text == (
        'Covered Software is provided under this License on an "as is" basis, without '
        "warranty of any kind."
    )
    assert text[body.start : body.end].startswith("Covered Software")
    assert text[body.start : body.end].endswith("any kind.")


def test_a_form_feed_opening_the_header_line_is_a_page_break() -> None:
    header = "\fRFC 1               A Title               Aug 2008\n\n"
    text = "Some body text on page one.\n" + header + "More body text on page two.\n"
    text += header + "Third page text.\n"
    document = parse_plain(text, "rfc")
    assert [b.runs[0].text for b in document.blocks] == [
        "Some body text on page one.",
        "More body text on page two.",
        "Third page text.",
    ]


def test_a_section_opened_by_a_long_word_is_named_by_its_start() -> None:
    text = (
        "1.  One\n\n" + "   Text of the first section, which goes on a little.\n\n"
        "2.  Two\n\n   Text of the second section, which goes on a little.\n\n\n\n"
        "https://example.com/a/very/long/path/that/exceeds the limit of a name.\n"
    )
    titles = [s.title for s in parse_plain(text, "x").sections]
    assert titles[-1] == "https://example.com/a/very/long…"
