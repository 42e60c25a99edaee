"""Headings a document marks by repeating a shape: release lines, "Q:" questions."""

from __future__ import annotations

from reader.document import BlockKind
from reader.outline import outline
from reader.parsers.plaintext import parse_plain

ITEM = (
    "Extracting from a pipe failed when the archive was compressed and the\n"
    "compressor wrote its output in blocks of an unusual size.\n"
)


def test_release_lines_that_repeat_their_shape_are_the_sections() -> None:
    text = "GNU tar NEWS - User visible changes. 2021-02-13\n"
    text += "Please send GNU tar bug reports to <bug-tar@gnu.org>\n\n"
    for version, date in (("1.34", "2021-02-13"), ("1.33", "2021-01-07"), ("1.32", "2019")):
        # GNU NEWS files put a form feed between releases: a separator, not a page break.
        text += f"\f\nversion {version} - Sergey Poznyakoff, {date}\n\n{ITEM}\n"
    assert outline(parse_plain(text, "NEWS")) == (
        "GNU tar NEWS - User visible changes. 2021-02-13\n"
        "  version 1.34 - Sergey Poznyakoff, 2021-02-13\n"
        "  version 1.33 - Sergey Poznyakoff, 2021-01-07\n"
        "  version 1.32 - Sergey Poznyakoff, 2019"
    )


def test_release_lines_over_indented_text_share_one_level() -> None:
    text = "GNU grep NEWS\n\n"
    text += "Version 2.5.3\n  - The new option --exclude-dir skips a directory.\n\n"
    text += "Version 2.5.1\n\n  - This is a bugfix release. No new features.\n\n"
    text += "Version 2.5\n  - The new option --label names standard input.\n"
    assert outline(parse_plain(text, "NEWS")) == (
        "GNU grep NEWS\n  Version 2.5.3\n  Version 2.5.1\n  Version 2.5"
    )


def test_questions_are_headings_and_answers_are_text() -> None:
    pairs = [
        ("What do the letters XZ mean?", "Nothing. They are just two letters."),
        (
            "I have many .tar.7z files. Can I convert them to .tar.xz without\n"
            "    spending lots of time?",
            "No. Use 7-Zip to handle .7z files.",
        ),
        ("How do I extract an archive?", "xz -dc foo.tar.xz | tar xf -"),
    ]
    text = "XZ Utils FAQ\n============\n\n" + "".join(
        f"Q:  {question}\n\nA:  {answer}\n\n\n" for question, answer in pairs
    )
    document = parse_plain(text, "faq")
    assert outline(document) == (
        "XZ Utils FAQ\n"
        "  Q: What do the letters XZ mean?\n"
        "  Q: I have many .tar.7z files. Can I convert them to .tar.xz without spending "
        "lots of time?\n"
        "  Q: How do I extract an archive?"
    )
    answers = [b.runs[0].text for b in document.blocks if b.kind is BlockKind.PARAGRAPH]
    assert answers == ["A:  " + answer for _, answer in pairs]


def test_an_answers_later_paragraphs_are_text_not_quotations() -> None:
    answer = (
        "A:  7-Zip and LZMA SDK are the original projects. LZMA SDK is roughly\n"
        "    a subset of the 7-Zip source tree.\n\n"
        "    p7zip is 7-Zip's command-line tools ported to POSIX-like systems.\n\n"
        "    LZMA Utils provide a gzip-like lzma tool for POSIX-like systems.\n"
        "    LZMA Utils are based on LZMA SDK.\n\n\n"
    )
    text = "XZ Utils FAQ\n============\n\n" + "".join(
        f"Q:  Question number {n}?\n\n" + answer for n in range(3)
    )
    document = parse_plain(text, "faq")
    body = [b for b in document.blocks if b.kind is not BlockKind.HEADING]
    assert all(b.kind is BlockKind.PARAGRAPH and not b.containers for b in body)
