"""When the cyclic garbage collector runs: off at start-up, then full collections mostly
while the reader is still."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from reader import collector


@pytest.fixture
def collector_state() -> Iterator[None]:
    """The collector as it was before the test, afterwards."""
    enabled, threshold = gc.isenabled(), gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)
    (gc.enable if enabled else gc.disable)()


def test_started_keeps_what_exists_out_of_collections_and_makes_full_ones_rare(
    collector_state: None,
) -> None:
    gc.disable()
    collector.started()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[2] == collector.RARE_FULL


def test_collecting_while_still_waits_for_the_collector_to_be_on(collector_state: None) -> None:
    full: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "stop" and info["generation"] == 2:
            full.append(1)

    gc.callbacks.append(record)
    try:
        gc.disable()
        collector.collect_while_still()  # still starting up: no collection
        assert not full
        gc.enable()
        collector.collect_while_still()
        assert full
    finally:
        gc.callbacks.remove(record)
