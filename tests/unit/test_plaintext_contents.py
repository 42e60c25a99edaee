"""A table of contents is shown as a list, and the lines it lists are headings."""

from __future__ import annotations

from textwrap import dedent

from reader.document import BlockKind
from reader.outline import outline
from reader.parsers.plaintext import parse_plain
from reader.parsers.plaintext_contents import normalise

BODY = (
    "   The answer runs on for a while, as answers in a FAQ usually do, and it\n"
    "   wraps at the same width as every other paragraph of the document.\n"
)


def test_contents_entries_are_a_list_and_the_body_repeats_them_as_headings() -> None:
    text = dedent(
        """\
                                    THE SED FAQ

        CONTENTS

        1. GENERAL INFORMATION
        1.1. Introduction
        1.2. Latest version

        2. BASIC SED
        2.1. What is sed?

        2.1.1. sed on Unix, Windows, and DOS

        1. GENERAL INFORMATION

        1.1. Introduction

        """
    )
    text += BODY + "\n1.2. Latest version\n\n" + BODY + "\n2. BASIC SED\n\n"
    text += "2.1. What is sed?\n\n" + BODY + "\n2.1.1. sed on Unix, Windows, and DOS\n\n" + BODY
    document = parse_plain(text, "sedfaq")
    assert outline(document) == dedent(
        """\
        THE SED FAQ
          CONTENTS
          1. GENERAL INFORMATION
            1.1. Introduction
            1.2. Latest version
          2. BASIC SED
            2.1. What is sed?
              2.1.1. sed on Unix, Windows, and DOS"""
    )
    listed = [b.literal for b in document.blocks if b.kind is BlockKind.PREFORMATTED]
    assert listed[0] == "1. GENERAL INFORMATION\n1.1. Introduction\n1.2. Latest version"
    assert listed[2] == "2.1.1. sed on Unix, Windows, and DOS"


def test_contents_under_their_title_in_one_block_and_rules_between_sections() -> None:
    rule = "-" * 72
    text = (
        "Table of Contents\n1. Background\n2. Compiling and installing\n\n"
        f"{rule}\n1. Background\n{rule}\n\n"
        "1.1. How do you pronounce it?\n" + BODY + "\n"
        f"{rule}\n\n{rule}\n2. Compiling and installing\n{rule}\n\n"
        "2.1. When building it, make dies with this:\n" + BODY
    )
    assert outline(parse_plain(text, "valgrind")) == dedent(
        """\
        valgrind  (synthesized)
          Table of Contents
          1. Background
            1.1. How do you pronounce it?
          2. Compiling and installing
            2.1. When building it, make dies with this:"""
    )


def test_a_row_of_column_names_over_a_rule_heads_a_table_not_a_section() -> None:
    text = dedent(
        """\
        Word boundaries

           The following table shows how these symbols may be used in each sed.

              Match position      Possible word boundaries   HHsed   GNU sed
              ---------------------------------------------------------------
              start of word    [nonword char]^[word char]      \\<    \\< or \\b
              end of word         [word char]^[nonword char]   \\>    \\> or \\b
        """
    )
    assert outline(parse_plain(text, "sed")) == "Word boundaries"


def test_entries_lose_leaders_and_page_numbers_even_roman_ones() -> None:
    assert normalise("   1.  Introduction . . . . . . . . . . .  3") == "1. introduction"
    assert normalise("Preface ....iv") == "preface"
    assert normalise("Introduction                 12") == "introduction"
    assert normalise("Chapter 1") == "chapter 1"  # a number that is part of the title stays
    assert normalise("." * 5000 + "x") == ""  # and a line of dots takes no time


def test_an_underlined_contents_title_over_its_entries_in_one_block() -> None:
    text = (
        "Manual\n\nContents\n========\nIntroduction\nUsage\n\n"
        "Introduction\n\n" + BODY + "\nUsage\n\n" + BODY
    )
    document = parse_plain(text, "manual")
    assert [s.title for s in document.sections] == ["Manual", "Contents", "Introduction", "Usage"]


def test_a_contents_list_too_long_to_be_one_is_text() -> None:
    entries = "".join(f"Entry number {n}\n" for n in range(500))
    document = parse_plain("Manual\n\nContents\n\n" + entries + "\nThe end.\n", "manual")
    assert not any(b.kind is BlockKind.PREFORMATTED for b in document.blocks)
