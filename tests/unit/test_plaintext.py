"""Structure inferred from plain text."""

from __future__ import annotations

from textwrap import dedent

import pytest
from conftest import BUNDLED

from reader.document import BlockKind, ContainerKind, Document
from reader.outline import outline
from reader.parsers import ParseCancelled
from reader.parsers.plaintext import parse_plain


def tree(text: str) -> str:
    return outline(parse_plain(dedent(text).lstrip("\n"), "fallback"))


def kinds(document: Document) -> list[str]:
    return [block.kind.value for block in document.blocks]


def test_bundled_article_tree_is_exactly_the_articles_outline() -> None:
    document = parse_plain(BUNDLED.read_text(encoding="utf-8"), BUNDLED.name)
    assert document.title == "Amazon invests $4B in Anthropic AI startup"
    assert outline(document) == dedent(
        """\
        Amazon invests $4B in Anthropic AI startup
          The Anthropic Advantage
          Amazon’s Strategic Investment
          Implications for the AI Ecosystem
            1. Advancements in Natural Language Processing
            2. AI Generalization
            3. Increased Competition in AI
            4. Ethical Considerations
          Amazon’s $4 billion investment…  (synthesized)"""
    )


def test_bundled_article_opening_paragraph_belongs_to_the_title() -> None:
    document = parse_plain(BUNDLED.read_text(encoding="utf-8"), BUNDLED.name)
    assert document.blocks[1].kind is BlockKind.PARAGRAPH
    assert document.section_of(1) is document.root
    closing = document.blocks[-1]
    assert closing.plain.startswith("Amazon’s $4 billion investment in Anthropic marks")
    assert document.section_of(len(document.blocks) - 1).synthetic


def test_underlined_headings_nest_by_order_of_first_appearance() -> None:
    assert tree(
        """
        ==========
        The Manual
        ==========

        Installing
        ==========

        Run the installer and follow the prompts on screen.

        Requirements
        ------------

        Any computer will do.

        Support
        =======

        Write to us.
        """
    ) == dedent(
        """\
        The Manual
          Installing
            Requirements
          Support"""
    )


def test_recurring_underline_style_is_not_a_title() -> None:
    text = """
    Chapter One
    ===========

    It was a dark night.

    Chapter Two
    ===========

    It was a bright morning.
    """
    document = parse_plain(dedent(text).lstrip(), "novel.txt")
    assert document.title == "novel.txt"
    assert [s.title for s in document.root.children] == ["Chapter One", "Chapter Two"]


def test_all_caps_lines_are_headings() -> None:
    assert tree(
        """
        Terms of Service

        INTRODUCTION

        These terms govern your use of the service.

        YOUR ACCOUNT

        You are responsible for your account.
        """
    ) == dedent(
        """\
        Terms of Service
          INTRODUCTION
          YOUR ACCOUNT"""
    )


def test_numbered_headings_nest_by_their_numbering() -> None:
    assert tree(
        """
        Design Notes

        1. Goals

        We want a fast reader.

        2. Architecture

        There are three parts.

        2.1 Parsing

        Text becomes blocks.

        2.1.1 Plain text

        Structure is inferred.

        2.2 Rendering

        Blocks become lines.

        3. Open questions

        Many.
        """
    ) == dedent(
        """\
        Design Notes
          1. Goals
          2. Architecture
            2.1 Parsing
              2.1.1 Plain text
            2.2 Rendering
          3. Open questions"""
    )


def test_text_after_two_blank_lines_leaves_the_numbered_run() -> None:
    document = parse_plain(
        dedent(
            """\
            Report

            Findings

            We found three things.

            1. Speed

            It is fast.

            2. Size

            It is small.


            Overall we are pleased with the results.
            """
        ),
        "r.txt",
    )
    findings = document.root.children[0]
    assert [c.title for c in findings.children] == ["1. Speed", "2. Size"]
    closing = document.root.children[1]
    assert closing.synthetic and closing.title.startswith("Overall")
    assert document.section_of(len(document.blocks) - 1) is closing


def test_one_blank_line_keeps_text_in_the_last_subsection() -> None:
    document = parse_plain("Report\n\nFindings\n\nIntro.\n\n1. Speed\n\nFast.\n\nMore.\n", "r")
    assert document.section_of(len(document.blocks) - 1).title == "1. Speed"


def test_contents_heading_does_not_adopt_numbered_sections() -> None:
    assert tree(
        """
        A Protocol

        Abstract

        This memo describes a protocol.

        Table of Contents

           1. Introduction ........................................ 2
           2. Protocol ............................................ 3

        1. Introduction

        The protocol is simple.

        2. Protocol

        Send a message.
        """
    ) == dedent(
        """\
        A Protocol
          Abstract
          Table of Contents
          1. Introduction
          2. Protocol"""
    )


def test_hard_wrapped_paragraphs_are_reflowed() -> None:
    text = dedent(
        """\
        Notes

        The quick brown fox jumps over the lazy dog and keeps on running through
        the field until it reaches the river, where it stops to drink some water
        before it turns around and goes home again.

        A second paragraph that is also wrapped at the same width as the first one
        so the parser can tell it was hard-wrapped rather than written line by line.
        """
    )
    document = parse_plain(text, "n")
    paragraph = document.blocks[1]
    assert "\n" not in paragraph.plain
    assert paragraph.plain.startswith("The quick brown fox")
    assert paragraph.plain.endswith("goes home again.")
    assert "running through the field" in paragraph.plain


def test_short_intentional_lines_keep_their_breaks() -> None:
    text = dedent(
        """\
        A paragraph wrapped at seventy-two columns so the parser learns the width
        of the text, which lets it tell a soft break from a hard one with ease.

        Roses are red,
        violets are blue.
        """
    )
    document = parse_plain(text, "p")
    assert document.blocks[-1].plain == "Roses are red,\nviolets are blue."


def test_a_line_inside_a_paragraph_is_never_a_heading() -> None:
    text = "Title\n\nSome text here that runs on.\nIMPORTANT NOTICE\nMore text after it.\n"
    document = parse_plain(text, "t")
    assert [s.title for s in document.sections] == ["Title"]
    assert "IMPORTANT NOTICE" in document.blocks[1].plain


def test_no_headings_at_all_gives_a_single_root_named_after_the_file() -> None:
    text = "just some words, lowercase and ending in a comma,\n\nand another paragraph.\n"
    document = parse_plain(text, "notes.txt")
    assert document.title == "notes.txt"
    assert document.root.synthetic and document.root.children == []
    assert kinds(document) == ["paragraph", "paragraph"]


def test_a_single_line_file() -> None:
    document = parse_plain("Only one line here", "one.txt")
    assert kinds(document) == ["paragraph"]
    assert document.title == "one.txt"


def test_an_empty_file_has_no_blocks() -> None:
    document = parse_plain("", "empty.txt")
    assert document.blocks == []
    assert document.title == "empty.txt"
    assert document.sections == [document.root]


def test_code_and_tables_are_preformatted() -> None:
    text = dedent(
        """\
        Example

        Run this:

            def greet(name):
                return f"hello {name}"

        Results:

          Name      Score   Rank
          Alice     93      1
          Bob       88      2
        """
    )
    document = parse_plain(text, "e")
    pre = [b for b in document.blocks if b.kind is BlockKind.PREFORMATTED]
    assert [b.literal for b in pre] == [
        'def greet(name):\n    return f"hello {name}"',
        "Name      Score   Rank\nAlice     93      1\nBob       88      2",
    ]


def test_indented_prose_is_a_quotation_not_code() -> None:
    text = dedent(
        """\
        Article

        He wrote:

            We shall not flag or fail. We shall go on to the end, we shall fight
            in France, we shall fight on the seas and oceans, we shall fight with
            growing confidence.

        And so on.
        """
    )
    document = parse_plain(text, "a")
    quote = document.blocks[2]
    assert quote.kind is BlockKind.PARAGRAPH
    assert quote.containers and quote.containers[0].kind is ContainerKind.QUOTE


def test_centred_title_line_is_a_heading() -> None:
    text = dedent(
        """\
                            MIT License

        Permission is hereby granted, free of charge, to any person obtaining
        a copy of this software.

                          Warranty Disclaimer

        The software is provided as is, without warranty of any kind.
        """
    )
    assert tree(text) == "MIT License\n  Warranty Disclaimer"


def test_a_list_of_short_lines_is_not_a_run_of_headings() -> None:
    text = "Shopping\n\nApples\n\nPears\n\nMilk\n\nBread\n\nThat is all we need today.\n"
    document = parse_plain(text, "s")
    assert [s.title for s in document.sections] == ["Shopping"]


def test_spans_point_at_the_source_text() -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    document = parse_plain(text, "b")
    for block in document.blocks:
        if block.kind is BlockKind.HEADING:
            assert text[block.start : block.end] == block.plain
    starts = [b.start for b in document.blocks]
    assert starts == sorted(starts)


def test_book_chapters_with_subtitles_and_a_contents_list() -> None:
    text = dedent(
        """\
        PRIDE AND PREJUDICE

        By Jane Austen

        CONTENTS

        CHAPTER I. The Beginning
        CHAPTER II. The Visit

        CHAPTER I.

        THE BEGINNING

        It is a truth universally acknowledged, that a single man in possession
        of a good fortune, must be in want of a wife.

        CHAPTER II.
        The Visit

        Mr. Bennet was among the earliest of those who waited on Mr. Bingley.
        """
    )
    assert tree(text) == dedent(
        """\
        PRIDE AND PREJUDICE
          CONTENTS
          CHAPTER I. THE BEGINNING
          CHAPTER II. The Visit"""
    )


def test_numbered_list_items_separated_by_blank_lines_are_not_headings() -> None:
    text = dedent(
        """\
        Getting Started

        You will need:

        1. A laptop with Python installed

        2. A text editor you like

        3. A cup of coffee

        Once you have these, open the editor and start typing.
        """
    )
    document = parse_plain(text, "g")
    assert [s.title for s in document.sections] == ["Getting Started"]


def test_two_blank_lines_everywhere_is_ordinary_spacing() -> None:
    text = (
        "Design Notes\n\n\n1. Goals\n\n\nWe want speed.\n\n\n2. Non-goals\n\n\nWe skip plugins.\n"
    )
    assert tree(text) == "Design Notes\n  1. Goals\n  2. Non-goals"


def test_rfc_header_block_page_breaks_and_centred_title() -> None:
    text = dedent(
        """\
        Network Working Group                                           J. Smith
        Request for Comments: 9999                                 Example Corp.
        Category: Standards Track                                     April 2024


                          The Example Transfer Protocol (ETP)

        Abstract

           This memo describes a protocol for moving examples between hosts.

        Table of Contents

           1.  Introduction ....................................................2
           2.  Protocol Overview ...............................................2

        1.  Introduction

           The protocol is simple and is described below in some detail.



        Smith                        Standards Track                   [Page 2]

        RFC 9999                          ETP                        April 2024


        2.  Protocol Overview

           A client sends a message and the server answers it.
        """
    )
    document = parse_plain(text, "rfc9999.txt")
    assert document.title == "The Example Transfer Protocol (ETP)"
    assert outline(document) == dedent(
        """\
        The Example Transfer Protocol (ETP)
          Abstract
          Table of Contents
          1. Introduction
          2. Protocol Overview"""
    )
    assert document.section_of(0) is document.root  # the header block belongs to the title


def test_man_page_headings_with_indented_bodies() -> None:
    text = dedent(
        """\
        LS(1)                        User Commands                        LS(1)

        NAME
               ls - list directory contents

        DESCRIPTION
               List information about the FILEs.

               -a, --all
                      do not ignore entries starting with .
        """
    )
    assert tree(text) == "fallback  (synthesized)\n  NAME\n  DESCRIPTION"


def test_headings_directly_followed_by_lists() -> None:
    text = dedent(
        """\
        Team Meeting Notes
        2024-03-14

        Attendees: Alice, Bob, Carol, Dave

        Agenda
        - Release planning
        - Bug triage

        Action items
        1. Alice: release notes by Friday
        2. Bob: changelog
        """
    )
    assert tree(text) == "Team Meeting Notes\n  Agenda\n  Action items"


def test_indented_commands_are_preformatted() -> None:
    text = dedent(
        """\
        Tool Manual

        Install the tool and its plugin with the following two commands, run from
        a terminal in the directory where you unpacked the release archive today:

            pip install footool
            pip install footool-plugin-extra

        Then run it:

            footool --input data.foo --verbose
        """
    )
    document = parse_plain(text, "t")
    pre = [b.literal for b in document.blocks if b.kind is BlockKind.PREFORMATTED]
    assert pre == [
        "pip install footool\npip install footool-plugin-extra",
        "footool --input data.foo --verbose",
    ]


def test_a_wide_table_does_not_stop_reflow() -> None:
    prose = dedent(
        """\
        The reader takes up the passage. She reads it once, pauses, and reads it
        again. The second reading is not a repetition but a different encounter
        with the same words, slower and more attentive than the first one was.
        """
    )
    table = "\n".join(f"  {n:<30}{n * 2:<30}{n * 3:<30}{n * 4:<16}" for n in range(8))
    document = parse_plain("Essay\n\n" + prose + "\n" + table + "\n", "e")
    assert "\n" not in document.blocks[1].plain


def test_a_long_parse_stops_when_cancelled() -> None:
    text = "Title\n\n" + "A line of body text that goes on.\n\n" * 1000
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1

    with pytest.raises(ParseCancelled):
        parse_plain(text, "long.txt", cancelled)
    assert len(asked) == 2  # it stopped at the next pass after being told


def heading_texts(text: str) -> list[tuple[int, str]]:
    document = parse_plain(dedent(text).lstrip("\n"), "fallback")
    return [(heading.level, heading.title) for heading in document.headings]


def test_definition_terms_at_the_body_margin_are_not_headings() -> None:
    texts = [
        text
        for _, text in heading_texts(
            """
        NAME
             ssh - remote login client

        ENVIRONMENT
             ssh will normally set the following environment variables, and
             they may be read by the commands it runs on the remote machine.

             SSH_TTY
                         This is set to the name of the tty associated with
                         the current shell or command.

             DISPLAY
                         The DISPLAY variable indicates the location of the
                         X11 server.

        FILES
             ~/.ssh/config
                     This is the per-user configuration file, described in
                     ssh_config(5), with strict permissions.
        """
        )
    ]
    assert texts == ["NAME", "ENVIRONMENT", "FILES"]


def test_code_and_path_lines_are_not_headings() -> None:
    texts = [
        text
        for _, text in heading_texts(
            """
        Options
        =======

        `--help'
             Display a quick summary of how to invoke `configure'.

        `--prefix=DIR'
             Configure the source to install programs under directory DIR.
        """
        )
    ]
    assert texts == ["Options"]


def test_emacs_outline_markers_are_headings_levelled_by_their_stars() -> None:
    assert heading_texts(
        """
        * Noteworthy changes in release 3.8

        ** Bug fixes

          The -s option no longer suppresses messages.

        ** Documentation improvements

          The manual now covers unspecified behavior.

        * Noteworthy changes in release 3.7

        ** Bug fixes

          Preprocessing patterns is now fast.
        """
    ) == [
        (1, "Noteworthy changes in release 3.8"),
        (2, "Bug fixes"),
        (2, "Documentation improvements"),
        (1, "Noteworthy changes in release 3.7"),
        (2, "Bug fixes"),
    ]


def test_star_items_separated_by_blank_lines_stay_a_list() -> None:
    texts = [
        text
        for _, text in heading_texts(
            """
        Changes

        * Make less able to read lesskey source files.

        * Add the --lesskey-src option.

        * Add the --file-size option.

        Other text follows here, as a paragraph of body text.
        """
        )
    ]
    assert "Add the --lesskey-src option." not in texts


def test_numbered_headings_may_end_in_a_full_stop_or_a_question_mark() -> None:
    texts = [
        text
        for _, text in heading_texts(
            """
        1. Where can I get a Visual Basic interface to zlib?

           See the file win32/DLL_FAQ.txt in the zlib distribution.

        2. Definitions.

           "This License" refers to version 3 of the License.
        """
        )
    ]
    assert texts == [
        "1. Where can I get a Visual Basic interface to zlib?",
        "2. Definitions.",
    ]


def test_numbered_question_run_into_its_answer_is_a_heading() -> None:
    assert heading_texts(
        """
        ------------------------------------------------------------------------
        1. Background
        ------------------------------------------------------------------------

        1.1. How do you pronounce "Valgrind"?
        The "Val" as in the word "value". The "grind" is pronounced with a
        short 'i'.

        1.2. Where does the name "Valgrind" come from?
        From Nordic mythology. Originally the project was named Heimdall.
        """
    ) == [
        (1, "1. Background"),
        (2, '1.1. How do you pronounce "Valgrind"?'),
        (2, '1.2. Where does the name "Valgrind" come from?'),
    ]


def test_a_full_width_rule_under_a_sentence_is_not_an_underline() -> None:
    texts = [
        text
        for _, text in heading_texts(
            """
        Introduction

        Don't feel bad: almost everyone gets it wrong at first.
        ------------------------------------------------------------------------

        More text follows the separator, as body text of the section.
        """
        )
    ]
    assert "Don't feel bad: almost everyone gets it wrong at first." not in texts


def test_equals_underline_ranks_above_dash_whatever_comes_first() -> None:
    assert tree(
        """
        Introduction
        ------------

        Some words about the subject of this document.

        PART ONE
        ========

        The first part begins here.

        Details
        -------

        More words about the details.
        """
    ) == dedent(
        """\
        fallback  (synthesized)
          Introduction
          PART ONE
            Details"""
    )


def test_man_page_subsection_under_a_section_name_nests_under_it() -> None:
    text = (
        "NAME\n       tool - do things\n\n"
        "OPTIONS\n   Generic Information\n       --help Output a usage message and exit.\n\n"
        "       -V, --version\n              Output the version number and exit.\n\n"
        "   Pattern Syntax\n       -E, --extended\n              Use extended patterns here.\n"
    )
    assert outline(parse_plain(text, "fallback")) == dedent(
        """\
        fallback  (synthesized)
          NAME
          OPTIONS
            Generic Information
            Pattern Syntax"""
    )


def test_indented_caps_line_inside_an_entry_is_not_a_heading() -> None:
    text = (
        "NAME\n       tool - do things with files and directories\n\n"
        "DESCRIPTION\n       The tool does things with files and with the directories that\n"
        "       hold them, one after another, until it has seen every one of them.\n\n"
        "OPTIONS\n       --owner-map=FILE\n"
        "              Use FILE to map owners; each line has two fields,\n"
        "              separated by any amount of whitespace:\n\n"
        "              OLDUSR NEWUSR\n\n"
        "              OLDUSR is a user name, NEWUSR is another one.\n"
    )
    assert outline(parse_plain(text, "fallback")) == (
        "fallback  (synthesized)\n  NAME\n  DESCRIPTION\n  OPTIONS"
    )


@pytest.mark.parametrize(
    "detail", ["Version 2, June 1991", "Release 3.19.0 11 Apr 2022", "Version 1.1.0 (2022-12-11)"]
)
def test_version_line_under_the_title_is_not_a_heading(detail: str) -> None:
    text = f"THE LICENCE\n\n{detail}\n\nPreamble\n\nThe licence text begins here and goes on.\n"
    assert outline(parse_plain(text, "fallback")) == "THE LICENCE\n  Preamble"


@pytest.mark.parametrize(
    "line", ["Typical code for this step is just", "More complex code is necessary if"]
)
def test_lead_in_line_before_code_is_not_a_heading(line: str) -> None:
    text = f"Setup\n=====\n\nSome words.\n\n{line}\n\n        call_it(&info, TRUE);\n\nMore.\n"
    assert line not in outline(parse_plain(text, "fallback"))


@pytest.mark.parametrize("line", ["J_DCT_METHOD dct_method", "JSAMPARRAY colormap"])
def test_declaration_with_text_under_it_is_not_a_heading(line: str) -> None:
    text = f"Setup\n=====\n\nSome words.\n\n{line}\n        Selects the method to use here.\n"
    assert line not in outline(parse_plain(text, "fallback"))


def test_numbered_subsection_nests_under_its_numbered_parent_past_other_headings() -> None:
    text = (
        "3. Blocks\n\nSome text about blocks.\n\n"
        "4. Index\n\nThe index comes last.\n\n"
        "Notes\n\nA short note.\n\n"
        "4.1. Index Indicator\n\nAlways zero.\n\n"
        "5. Trailer\n\nThe end.\n"
    )
    result = outline(parse_plain(text, "fallback"))
    assert "    4.1. Index Indicator" in result.splitlines()
    assert "  5. Trailer" in result.splitlines()


def test_two_sentences_on_a_line_are_not_a_heading() -> None:
    text = (
        "Index\n=====\n\nIndex serves several purposes. Using it, one can\n"
        "  - verify the blocks;\n  - find the size.\n\nMore text follows here.\n"
    )
    assert "Index serves" not in outline(parse_plain(text, "fallback"))


def test_numbered_clause_with_a_run_in_title_is_a_heading() -> None:
    text = (
        "TERMS AND CONDITIONS\n\n"
        '   1. Definitions.\n\n      "License" shall mean the terms of this document.\n\n'
        "   2. Grant of Copyright License. Subject to the terms and conditions of\n"
        "      this License, each Contributor hereby grants to You a licence.\n\n"
        "   3. Do this first. Then read the rest of the text and carry on.\n"
        "      It goes on for a while longer than one line.\n"
    )
    result = outline(parse_plain(text, "fallback"))
    assert "2. Grant of Copyright License. Subject to the terms and conditions of" in result
    assert "Do this first" not in result


def test_label_over_indented_prose_is_a_heading_but_not_over_code() -> None:
    text = (
        "Preamble\n\nThe intent of this document is to state the conditions here.\n\n"
        "Definitions:\n\n"
        '\t"Package" refers to the collection of files distributed by the\n'
        "\tCopyright Holder, and derivatives of that collection of files.\n\n"
        "Typical code:\n\n        start_it(&info, TRUE);\n\nThat is all.\n"
    )
    result = outline(parse_plain(text, "fallback"))
    assert "Definitions:" in result
    assert "Typical code" not in result
