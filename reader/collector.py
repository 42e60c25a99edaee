"""When Python's cyclic garbage collector runs: at start-up never, then mostly while the
reader is still.

Start-up allocates a great deal and frees little, so the collector is off until the
first article is in (`cli.main` turns it off). What exists then lives as long as the
app: it is frozen out of every later collection (`started`). From then on a full
collection (some 10-40 ms on a typical machine) would stall whichever key press it
lands in, so automatic full collections are made rare (`RARE_FULL`) and one is run
instead once the reader has been still a moment (`collect_while_still`).
"""

from __future__ import annotations

import gc

RARE_FULL = 100  # young-generation collections between automatic full ones (Python: 10)


def started() -> None:
    """The first article is in: keep what exists out of later collections, and collect
    from now on, with full collections left for stillness."""
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, RARE_FULL)
    gc.enable()


def collect_while_still() -> None:
    """The reader has been still a moment: collect everything now, not during a key."""
    if gc.isenabled():
        gc.collect()
