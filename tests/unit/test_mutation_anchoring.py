"""Approximate re-anchoring, pinned down: where an edited passage is found, and when it is not.

Written to kill mutants that survived the other unit tests (see the mutation report).
"""

from __future__ import annotations

from reader.anchoring import Anchor, resolve, resolve_all

FILL = "Some unrelated opening text that goes on for a while here. " * 3
SHORT = "The quick brown fox jumps over the lazy dog"
LONG = (
    "Anthropic has said that its long-term aim is systems that transfer what they learn "
    "from one task to another, and that safety research must keep pace with capability."
)
BEFORE, AFTER = "Context before the passage: ", " and context after it."


def article(passage: str) -> str:
    return FILL + BEFORE + passage + AFTER + " " + FILL


def anchor_of(passage: str, text: str) -> Anchor:
    start = text.index(passage)
    return Anchor.from_span(text, start, start + len(passage))


def span(anchor: Anchor, text: str) -> tuple[int, int, str] | None:
    """Where and how `anchor` is found in `text` (None: orphaned)."""
    match = resolve(anchor, text)
    return None if match is None else (match.start, match.end, match.method)


def found_at(anchor: Anchor, text: str, passage: str) -> None:
    """`anchor` resolves approximately to exactly `passage` in `text`."""
    start = text.index(passage)
    assert span(anchor, text) == (start, start + len(passage), "approximate")


def test_a_word_changed_in_a_moved_short_passage_is_found_at_exactly_its_span() -> None:
    """Catches a wrong start or end of an approximate match (alignment, common start)."""
    anchor = anchor_of(SHORT, article(SHORT))
    edited = SHORT.replace("brown", "red")
    found_at(anchor, "Inserted. " + article(SHORT).replace(SHORT, edited), edited)


def test_a_passage_at_the_very_start_of_the_text_is_found_there() -> None:
    """Catches the search window clamped past the text's first character."""
    text = SHORT + AFTER + FILL
    anchor = Anchor.from_span(text, 0, len(SHORT))
    edited = SHORT.replace("brown", "red")
    found_at(anchor, "X" + text.replace(SHORT, edited), edited)


def test_a_slightly_changed_passage_is_found_even_where_its_context_changed() -> None:
    """Catches a close quote match thrown out only because the text around it changed."""
    anchor = anchor_of(SHORT, article(SHORT))
    edited = SHORT.replace("fox", "cat")
    text = "Inserted. " + FILL + "A different lead-in now: " + edited + " whatever follows." + FILL
    found_at(anchor, text, edited)


def test_a_loosely_matching_passage_counts_only_where_its_context_still_matches() -> None:
    """Catches the rule for loose matches (half to four fifths alike) dropped or inverted."""
    anchor = anchor_of(SHORT, article(SHORT))
    loose = "The quick grey wolf leaps past the lazy dog"
    found_at(anchor, "Inserted. " + article(SHORT).replace(SHORT, loose), loose)
    elsewhere = "Inserted. " + FILL + "A different lead-in now: " + loose + " whatever." + FILL
    assert resolve(anchor, elsewhere) is None


def test_a_long_passage_a_third_rewritten_is_found_and_one_mostly_rewritten_is_not() -> None:
    """Catches the piece check of long quotes (`_plausible`) made too strict or too lax."""
    anchor = anchor_of(LONG, article(LONG))
    edited = LONG.replace("long-term aim", "ultimate goal").replace(
        "transfer what they learn", "carry over their lessons"
    )
    found_at(anchor, "Inserted. " + article(LONG).replace(LONG, edited), edited)
    rewritten = (
        "The company wants to build machines able to carry over their lessons between jobs,"
        " while careful study should advance alongside power."
    )
    assert resolve(anchor, "Inserted. " + article(LONG).replace(LONG, rewritten)) is None


def test_of_two_edited_copies_the_one_in_the_old_context_is_taken() -> None:
    """Catches candidates ranked or scored so that the copy without the old context wins."""
    anchor = anchor_of(SHORT, article(SHORT))
    edited = SHORT.replace("brown", "red")
    decoy = "Elsewhere entirely, " + edited + ", said nobody."
    text = decoy + " " + FILL + BEFORE + edited + AFTER + " " + FILL
    start = text.index(BEFORE + edited) + len(BEFORE)
    assert span(anchor, text) == (start, start + len(edited), "approximate")


def test_an_approximate_match_far_from_the_old_position_is_still_found() -> None:
    """Catches the whole-text search skipped after nothing is close near the old position."""
    anchor = anchor_of(SHORT, article(SHORT))
    edited = SHORT.replace("brown", "red")
    far = "Filler sentence without the passage. " * 3000  # past the nearby area
    text = article("nothing to see") + far + BEFORE + edited + AFTER
    found_at(anchor, text, edited)


def test_each_anchor_of_many_is_found_approximately() -> None:
    """Catches the search of one anchor stopping the search of the others."""
    text = article(SHORT) + article(LONG)
    anchors = [anchor_of(SHORT, text), anchor_of(LONG, text)]
    short, long = SHORT.replace("brown", "red"), LONG.replace("long-term aim", "ultimate goal")
    edited = "Inserted. " + text.replace(SHORT, short).replace(LONG, long)
    matches = resolve_all(anchors, edited)
    assert [match and edited[match.start : match.end] for match in matches] == [short, long]


def test_a_close_copy_nearer_the_old_place_loses_to_the_one_in_the_old_context() -> None:
    """Catches the search stopping at the first close candidate whatever its context."""
    anchor = anchor_of(SHORT, article(SHORT))
    edited = SHORT.replace("brown", "red")
    padding = "Padding words go here. " * 20
    text = FILL + "Nothing alike here: " + edited + ", it said. " + padding + BEFORE + edited
    text += AFTER + " " + FILL
    start = text.index(BEFORE + edited) + len(BEFORE)
    assert span(anchor, text) == (start, start + len(edited), "approximate")


def test_an_edited_passage_is_found_among_many_echoes_of_its_first_words() -> None:
    """Catches candidates ranked by anything but how many pieces of the quote agree."""
    anchor = anchor_of(SHORT, article(SHORT))
    edited = SHORT.replace("brown", "red")
    animals = ["cat", "hen", "ox", "pig", "cow", "elk", "emu"]
    echoes = "".join(f"The quick {animal} went somewhere else today. " for animal in animals)
    text = FILL + echoes + BEFORE + edited + AFTER + " " + FILL
    start = text.index(BEFORE + edited) + len(BEFORE)
    assert span(anchor, text) == (start, start + len(edited), "approximate")


def test_a_prefix_is_quoted_from_the_very_start_of_the_text() -> None:
    """Catches the first character of the text left out of a passage's prefix."""
    assert Anchor.from_span("Hello world, this is text", 6, 11).prefix == "Hello "


def test_of_two_exact_copies_out_of_context_the_nearest_is_taken() -> None:
    """Catches closeness to the old place scored backwards, or the best copy thrown away."""
    anchor = anchor_of(SHORT, article(SHORT))
    old = anchor.start
    text = "." * (old - 100) + SHORT + "." * (150 - len(SHORT)) + SHORT + "." * 300
    assert span(anchor, text) == (old + 50, old + 50 + len(SHORT), "exact")


def test_an_exact_copy_in_its_old_context_beats_a_nearer_one_out_of_it() -> None:
    """Catches the exact search stopping at the nearest copy whatever its context."""
    anchor = anchor_of(SHORT, article(SHORT))
    old = anchor.start
    nearer = "." * (old + 20) + SHORT + "." * 200
    text = nearer + BEFORE + SHORT + AFTER + " " + FILL
    start = len(nearer) + len(BEFORE)
    assert span(anchor, text) == (start, start + len(SHORT), "exact")
