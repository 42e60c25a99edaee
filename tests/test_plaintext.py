"""Structure inferred from plain text."""

from __future__ import annotations

from textwrap import dedent

from conftest import BUNDLED

from reader.document import BlockKind, ContainerKind, Document
from reader.outline import outline
from reader.parsers import parse_plain


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
          In conclusion, Amazon’s…  (synthesized)"""
    )


def test_bundled_article_opening_paragraph_belongs_to_the_title() -> None:
    document = parse_plain(BUNDLED.read_text(encoding="utf-8"), BUNDLED.name)
    assert document.blocks[1].kind is BlockKind.PARAGRAPH
    assert document.section_of(1) is document.root
    closing = document.blocks[-1]
    assert closing.plain.startswith("Whether the partnership")
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
