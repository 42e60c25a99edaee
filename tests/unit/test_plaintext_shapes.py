"""Lines whose shape decides whether they head a section: captions, displays, centring, case."""

from __future__ import annotations

from textwrap import dedent

from reader.outline import outline
from reader.parsers.plaintext import parse_plain


def tree(text: str) -> str:
    return outline(parse_plain(dedent(text).lstrip("\n"), "fallback"))


PROSE = (
    "The format carries frames of audio in packets, one after another, and the\n"
    "receiver puts them back together in the order the sender numbered them.\n"
)


def test_a_figure_caption_is_not_a_heading() -> None:
    text = (
        "1.  Packets\n\n" + PROSE + "\n      +--------+--------+\n      | header | frames |\n"
        "      +--------+--------+\n\n"
        "                     Figure 1: RTP Header\n\n" + PROSE + "\n"
        "2.  Headers\n\n" + PROSE
    )
    assert outline(parse_plain(text, "rfc")) == "rfc  (synthesized)\n  1. Packets\n  2. Headers"


def test_an_indented_line_after_a_colon_is_a_display_not_a_heading() -> None:
    text = (
        "Specifying the System Type\n==========================\n\n"
        + PROSE.rstrip()
        + " It has the form:\n\n     CPU-COMPANY-SYSTEM\n\n"
        + "where SYSTEM can have one of these forms.\n"
        "\nHere is an example of a command line for it:\n\n"
        "     ./configure CC=c99 CFLAGS=-g LIBS=-lposix\n\n" + PROSE
    )
    assert outline(parse_plain(text, "install")) == "Specifying the System Type"


def test_an_indented_line_that_is_not_centred_is_not_a_heading() -> None:
    text = "Installation\n\n" + PROSE + "\n     Run the tests with make check\n\n" + PROSE
    assert outline(parse_plain(text, "install")) == "Installation"


def test_text_after_blank_lines_inside_a_numbered_run_stays_in_it() -> None:
    assert tree(
        """
        Examples

        4.12. How do I parse a comma-delimited data file?

           The answer depends on how the fields are quoted.


           In case (d): the fields may hold quoted commas of their own.

        4.13. How do I handle fixed-length, columnar data?

           Use the column positions.
        """
    ) == dedent(
        """\
        Examples
          4.12. How do I parse a comma-delimited data file?
          4.13. How do I handle fixed-length, columnar data?"""
    )


def test_all_caps_outranks_a_centred_mixed_case_heading_that_came_first() -> None:
    """GPL-3: "Preamble" and "TERMS AND CONDITIONS" are siblings under the title."""
    text = (
        "                    GNU GENERAL PUBLIC LICENSE\n"
        "                       Version 3, 29 June 2007\n\n" + PROSE + "\n"
        "                            Preamble\n\n" + PROSE + "\n"
        "                       TERMS AND CONDITIONS\n\n"
        "  0. Definitions.\n\n" + PROSE + "\n  1. Source Code.\n\n" + PROSE
    )
    assert outline(parse_plain(text, "gpl")) == dedent(
        """\
        GNU GENERAL PUBLIC LICENSE
          Preamble
          TERMS AND CONDITIONS
            0. Definitions.
            1. Source Code."""
    )


def test_all_caps_may_hold_a_lowercase_parenthesis() -> None:
    assert (
        tree(
            """
        EXAMPLES

           CHANGING BLOCKS (consecutive lines)

        How do I change only one section of a file? Address it by its range.
        """
        )
        == "EXAMPLES\n  CHANGING BLOCKS (consecutive lines)"
    )


def test_capitals_with_small_joining_words_head_a_labelled_section() -> None:
    text = (
        "LICENSE:\n"
        "        LGPL-2.1-or-later for all code, exceptions noted in LICENSES/README.md\n\n"
        "WARNINGS and TAINT FLAGS:\n"
        "        systemd will warn during early boot if /usr is not already mounted at\n"
        "        this point, and it says so in the log when it does.\n"
    )
    titles = [s.title for s in parse_plain(text, "readme").sections]
    assert titles[1:] == ["LICENSE:", "WARNINGS and TAINT FLAGS:"]


def test_a_quoted_term_in_capitals_is_a_definition_not_a_heading() -> None:
    text = (
        "Configuring GDB\n\n"
        "`--host=HOST'\n     Configure GDB to run on the specified HOST.\n\n"
        "`HOST ...'\n     Same as `--host=HOST'.  If you omit this, GDB will guess; it's\n"
        "     quite accurate.\n"
    )
    assert outline(parse_plain(text, "readme")) == "Configuring GDB"


def test_a_title_boxed_between_different_rules_is_a_heading() -> None:
    text = (
        "These are the GNU core utilities.\n\n"
        "*********************\nPre-C99 build failure\n---------------------\n\n" + PROSE + "\n"
        "**********************\nRunning tests as root:\n----------------------\n\n" + PROSE
    )
    titles = [s.title for s in parse_plain(text, "README").sections]
    assert titles[1:] == ["Pre-C99 build failure", "Running tests as root:"]


def test_an_indented_capitals_subsection_nests_under_a_marginal_one() -> None:
    body = "       Positional options always return true, whatever the file is.\n\n"
    text = (
        "NAME\n       find - search for files\n\n"
        "EXPRESSION\n"
        + body
        + "   POSITIONAL OPTIONS\n"
        + body
        + "   TESTS\n"
        + body
        + "EXAMPLES\n"
        + body
    )
    assert outline(parse_plain(text, "find")) == dedent(
        """\
        find  (synthesized)
          NAME
          EXPRESSION
            POSITIONAL OPTIONS
            TESTS
          EXAMPLES"""
    )


def test_a_line_pointing_at_an_address_is_not_a_heading() -> None:
    text = (
        "Fixes\n\n"
        + PROSE
        + "\nSee https://lists.gnu.org/archive/html/bug-tar/msg00012.html\n\n"
        + PROSE
    )
    assert outline(parse_plain(text, "NEWS")) == "Fixes"


def test_a_line_run_into_the_title_is_not_a_heading() -> None:
    text = (
        "GNU tar NEWS - User visible changes. 2021-02-13\n"
        "Please send GNU tar bug reports to <bug-tar@gnu.org>\n\n" + PROSE + "\nChanges\n\n" + PROSE
    )
    assert outline(parse_plain(text, "NEWS")) == (
        "GNU tar NEWS - User visible changes. 2021-02-13\n  Changes"
    )


def test_a_term_and_its_meaning_split_by_a_tab_are_columns_not_a_heading() -> None:
    text = (
        "Directives\n\n"
        + PROSE
        + "\n\t\t     S\t    Second (00.00 .. 61.00).  There is a part.\n\n"
        "\t\t     T\t    time, 24-hour (hh:mm:ss.xxxxxxxxxx)\n\n" + PROSE
    )
    assert outline(parse_plain(text, "find")) == "Directives"


def test_a_header_block_above_the_title_is_not_the_title() -> None:
    text = (
        "Archive-Name: editor-faq/sed\nPosting-Frequency: irregular\nVersion: 015\n\n"
        "                            THE SED FAQ\n\n"
        "                  Frequently Asked Questions about\n"
        "                       sed, the stream editor\n\n"
        "CONTENTS\n\n1. GENERAL INFORMATION\n2. BASIC SED\n\n"
        "1. GENERAL INFORMATION\n\n" + PROSE + "\n2. BASIC SED\n\n" + PROSE
    )
    document = parse_plain(text, "sedfaq")
    assert document.title == "THE SED FAQ"
    assert [s.title for s in document.sections][1:] == [
        "CONTENTS",
        "1. GENERAL INFORMATION",
        "2. BASIC SED",
    ]
