"""The benchmark harness runs end to end; its timings are reported, never judged here."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

pytestmark = pytest.mark.e2e  # a real terminal, or processes of its own


def test_benchmark_smoke_run_prints_a_row_for_every_kind_of_document() -> None:
    result = subprocess.run(
        [sys.executable, "tests/benchmarks/run.py", "--smoke"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in result.stdout.splitlines()
        if line.startswith("|")
    ]
    header, rule, *body = rows
    assert header[:3] == ["document", "size", "first paint"]
    assert set(rule) == {"---"}
    by_label = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    assert set(by_label) == {
        "floor: bare Textual app",
        "Markdown 5 KB",
        "plain text 5 KB",
        "real-shaped Markdown 5 KB",
        "real-shaped text 5 KB",
        "bundled article",
    }
    for label in set(by_label) - {"floor: bare Textual app"}:
        row = by_label[label]
        assert row["first paint"].endswith("ms"), row
        assert row["`G`"].endswith("ms"), row
        assert row["passage on resize"] in ("kept", "moved (1 of 1)"), row
        assert row["peak RSS"].endswith("MB"), row
    markdown = by_label["Markdown 5 KB"]
    assert markdown["MarkdownViewer first paint"].endswith("ms"), markdown
    assert markdown["markdown-it parse"].endswith("ms"), markdown
    assert "Targets" in result.stdout
