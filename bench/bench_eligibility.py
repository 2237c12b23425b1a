"""Rules engine speed: all 19 programs for one household (median, p95) and batch households per second."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from time import perf_counter

from agent.db import load_rules_engine
from agent.settings import Settings
from bench.common import Row, median, percentile, row, time_calls
from tools.eligibility.household import parse_household

HOUSEHOLDS = [
    {
        "as_of": "2026-11-25",
        "region": {"sido": "경기도", "sigungu": "시흥시"},
        "members": [{"relation": "self", "age": 70, "disability": "none"}],
        "income": {"earned_krw": 0, "other_krw": 300000},
        "assets": {"property_krw": 50000000, "financial_krw": 3000000, "debt_krw": 0},
        "housing": {"tenure": "renter", "rent_krw": 300000},
        "receiving": [],
    },
    {
        "as_of": "2026-11-25",
        "members": [
            {"relation": "self", "age": 36, "employed": False},
            {"relation": "child", "age": 7, "school": "elementary"},
            {"relation": "child", "months_old": 5},
        ],
        "income": {"earned_krw": 1200000, "other_krw": 0},
        "assets": {"property_krw": 0, "financial_krw": 1000000, "debt_krw": 0},
        "single_parent": True,
        "crisis": ["job_loss"],
        "support_obligor": "none",
        "receiving": [],
    },
    {
        "members": [
            {"relation": "self", "age": 24},
            {"relation": "parent", "age": 55},
        ],
        "region": {"sido": "경기도", "sigungu": "시흥시", "months_resident": 60},
        "gyeonggi_residence_years": 10,
        "income": {"earned_krw": 3000000, "other_krw": 0},
    },
]


def run() -> list[Row]:
    """Measure the engine on an embedded SQLite catalogue."""
    with tempfile.TemporaryDirectory() as tmp:
        engine = load_rules_engine(
            Settings(WELFARE_DATA_DIR=str(Path(tmp) / "data"), WELFARE_LLM_BACKEND="none")
        )
    households = [parse_household(h) for h in HOUSEHOLDS]
    rows: list[Row] = []
    for index, household in enumerate(households):
        samples = time_calls(lambda h=household: engine.check(h), repeat=2000)  # type: ignore[misc]
        rows.append(
            row(
                "eligibility",
                f"household {index + 1}: all programs, median",
                median(samples) * 1e3,
                "ms",
                "≤ 1 ms",
            )
        )
        rows.append(
            row(
                "eligibility",
                f"household {index + 1}: all programs, p95",
                percentile(samples, 95) * 1e3,
                "ms",
            )
        )
    lines = [json.dumps(h, ensure_ascii=False) for h in HOUSEHOLDS] * 1000
    start = perf_counter()
    for line in lines:
        engine.check(parse_household(json.loads(line)))
    elapsed = perf_counter() - start
    rows.append(row("eligibility", "batch in-process (parse + check)", len(lines) / elapsed, "households/s"))
    rows.extend(_cli_batch(lines))
    return rows


def _cli_batch(lines: list[str]) -> list[Row]:
    """`welfare-agent check FILE.jsonl` as a user runs it: process start, seeding check, JSON out."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "households.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        env = {**os.environ, "WELFARE_DATA_DIR": str(Path(tmp) / "data"), "WELFARE_LLM_BACKEND": "none"}
        command = [sys.executable, "-m", "agent", "check", str(path)]
        subprocess.run([*command[:-1], "-"], input="", env=env, check=True, capture_output=True)  # seed once
        start = perf_counter()
        done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
        elapsed = perf_counter() - start
    assert done.stdout.count("\n") == len(lines)
    return [
        row(
            "eligibility",
            f"CLI .jsonl batch, {len(lines)} households (wall)",
            len(lines) / elapsed,
            "households/s",
        )
    ]


if __name__ == "__main__":
    from bench.run import format_table

    print(format_table(run()))
