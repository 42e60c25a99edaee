"""Numbered and lettered entries that the document's own numbering makes headings."""

from __future__ import annotations

from textwrap import dedent

from reader.outline import outline
from reader.parsers.plaintext import parse_plain


def tree(text: str) -> str:
    return outline(parse_plain(dedent(text).lstrip("\n"), "fallback"))


BODY = "    The answer runs on for a while, as answers in a FAQ usually do.\n"


def test_a_faqs_wrapped_questions_are_headings_whatever_their_length() -> None:
    questions = [
        " 1. Is zlib Y2K-compliant?\n",
        " 2. compress() returns Z_BUF_ERROR.\n",
        " 3. Does zlib work on MVS, OS/390, CICS, etc.?\n",
        " 4. The license says that altered source versions must be marked. So\n"
        "    what exactly do I need to do to meet that requirement?\n",
        " 5. Will zlib work on a big-endian or little-endian architecture, and can I\n"
        "    exchange compressed data between them?\n",
    ]
    text = "Frequently Asked Questions about zlib\n\n\n" + "\n".join(
        question + "\n" + BODY for question in questions
    )
    assert outline(parse_plain(text, "faq")) == dedent(
        """\
        Frequently Asked Questions about zlib
          1. Is zlib Y2K-compliant?
          2. compress() returns Z_BUF_ERROR.
          3. Does zlib work on MVS, OS/390, CICS, etc.?
          4. The license says that altered source versions must be marked. So what exactly do I need to do to meet that requirement?
          5. Will zlib work on a big-endian or little-endian architecture, and can I exchange compressed data between them?"""  # noqa: E501
    )


def test_numbering_accepts_a_title_with_commas_and_parentheses() -> None:
    assert tree(
        """
        Where to get it

        2.2.1. Unix platforms

           Get it from the usual places, as a package or as source code.

        2.2.2. Microsoft Windows (Win3x, Win9x, WinNT, Win2K)

           Binaries built with DJGPP run on all of these systems.

        2.2.3. MS-DOS

           The same binaries run under plain DOS with a DPMI host.
        """
    ) == dedent(
        """\
        Where to get it
          2.2.1. Unix platforms
          2.2.2. Microsoft Windows (Win3x, Win9x, WinNT, Win2K)
          2.2.3. MS-DOS"""
    )


def test_an_entry_needs_its_neighbour_in_the_numbering() -> None:
    """A lone "7. the rest, as always" is a numbered sentence, not a section."""
    assert (
        tree(
            """
        Notes on the port

        7. Ports to MVS, OS/390, CICS

           Nothing else has changed since the last release of the port.
        """
        )
        == "Notes on the port"
    )


def test_lettered_entries_nest_under_the_numbered_heading_before_them() -> None:
    assert tree(
        """
        6. Incompatibilities

        6.1. Special syntax in REs

        A. HHsed v1.5 (by Howard Helman)

           The following expressions can be used for addresses.

        B. sed v1.6 (by Walter Briscoe)

           This version supports a few more of them than the others.

        6.2. Word boundaries

           Not every version knows where a word begins or ends.
        """
    ) == dedent(
        """\
        6. Incompatibilities
          6.1. Special syntax in REs
            A. HHsed v1.5 (by Howard Helman)
            B. sed v1.6 (by Walter Briscoe)
          6.2. Word boundaries"""
    )


def test_lettered_items_one_after_another_are_a_list() -> None:
    assert (
        tree(
            """
        Modifications

        You must do these things in the Modified Version:

        A. Use in the Title Page a title distinct from that of the Document.

        B. List on the Title Page one or more persons as authors.

        C. State on the Title page the name of the publisher.

        D. Preserve all the copyright notices of the Document.

        You may omit a network location for a work published long ago.
        """
        )
        == "Modifications"
    )


def test_an_indented_clause_titled_on_its_own_line_is_a_heading() -> None:
    """MPL-1.1: "     2.1. The Initial Developer Grant." over the clause's text."""
    clause = (
        "     The Initial Developer hereby grants You a world-wide, royalty-free,\n"
        "     non-exclusive license, subject to third party claims.\n\n"
    )
    text = (
        "MOZILLA PUBLIC LICENSE\n\n" + clause + "2. Source Code License.\n\n"
        "     2.1. The Initial Developer Grant.\n"
        + clause
        + "     2.2. Contributor Grant.\n"
        + clause
        + "     2.3. The software is provided as is, and\n"
        + clause
    )
    assert outline(parse_plain(text, "mpl")) == dedent(
        """\
        MOZILLA PUBLIC LICENSE
          2. Source Code License.
            2.1. The Initial Developer Grant.
            2.2. Contributor Grant."""
    )


def test_a_faqs_question_wrapped_flush_is_one_heading() -> None:
    """Valgrind's FAQ: "3.1. Programs run OK on Valgrind, but at exit produce a bunch
    of errors\\ninvolving __libc_freeres and then die with a segmentation fault."."""
    answer = "The answer runs on for a while, as answers in a FAQ usually do here.\n\n"
    text = (
        "Valgrind FAQ\n\n3. Valgrind aborts unexpectedly\n\n"
        "3.1. Programs run OK on Valgrind, but at exit produce a bunch of errors\n"
        "involving __libc_freeres and then die with a segmentation fault.\n\n"
        + answer
        + "3.2. My (buggy) program dies like this?\n\n"
        + answer
        + "3.3. Why does my program die printing a message like this?\n\n"
        + answer
    )
    assert [s.title for s in parse_plain(text, "faq").sections][2:] == [
        "3.1. Programs run OK on Valgrind, but at exit produce a bunch of errors "
        "involving __libc_freeres and then die with a segmentation fault.",
        "3.2. My (buggy) program dies like this?",
        "3.3. Why does my program die printing a message like this?",
    ]


def test_a_wrapped_question_starting_in_title_case_keeps_its_second_line() -> None:
    answer = "It is a song by Cole Porter, written in 1929 for a musical revue.\n\n"
    text = (
        "FAQ\n\n1.1. What Is This Thing Called\n     Love?\n\n"
        + answer
        + "1.2. Who wrote it?\n\n"
        + answer
        + "1.3. When was it written?\n\n"
        + answer
    )
    assert [s.title for s in parse_plain(text, "faq").sections][1] == (
        "1.1. What Is This Thing Called Love?"
    )
