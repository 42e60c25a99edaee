"""How much of the machine the host took while a benchmark ran.

On a virtual machine the host may run other guests on the same cores: the time it
takes ("steal" in /proc/stat) makes every figure here slower and noisier. The
benchmarks print it so a disturbed pass can be told from a regression.
"""

from __future__ import annotations

from pathlib import Path

STAT = Path("/proc/stat")
STEAL_FIELD = 7  # user nice system idle iowait irq softirq steal ...


def _cpu_times() -> list[int] | None:
    try:
        first = STAT.read_text().splitlines()[0].split()
    except (OSError, IndexError):
        return None
    return [int(each) for each in first[1:]] if first and first[0] == "cpu" else None


class Steal:
    """Started when made; `percent()` is the share of CPU time the host took since."""

    def __init__(self) -> None:
        self._start = _cpu_times()

    def percent(self) -> float | None:
        end = _cpu_times()
        if self._start is None or end is None or len(end) <= STEAL_FIELD:
            return None
        spent = [after - before for before, after in zip(self._start, end, strict=False)]
        total = sum(spent)
        return 100 * spent[STEAL_FIELD] / total if total else 0.0

    def describe(self) -> str:
        """'the host took 12% of the CPU', or '' where that cannot be read."""
        taken = self.percent()
        return "" if taken is None else f"the host took {taken:.0f}% of the CPU"
