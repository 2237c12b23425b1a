"""Screening household records: import and screen 10,000 synthetic households, on SQLite and PostgreSQL.

The households are the simulated citizen's (`eval/dialogue/households.py`): built around each program's
thresholds, so far more of them are near a line than in a real city — synthetic, not a sample of Siheung. The
screening today decides every record with the rules engine in Python (no SQL narrowing yet): the rate here is
what that path does, and the 100,000-record time is projected from it, not measured.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from datetime import date
from pathlib import Path

from agent.db import load_rules_engine, prepare_database
from agent.settings import Settings
from bench.common import Row, postgres_database, row
from eval.dialogue.households import generate_cases
from tools.screening import rank, read_records, screen_record
from tools.screening.records import import_records, stored_records

N = 10_000
AS_OF = date(2026, 12, 4)
POSTGRES = os.environ.get(
    "WELFARE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def synthetic_records(settings: Settings, n: int = N) -> str:
    """`n` synthetic household records as JSON lines, each with a record_id and its 동."""
    rules = load_rules_engine(settings)
    cases = generate_cases(n, 2026, rules, AS_OF)
    return "\n".join(
        json.dumps(
            {"record_id": f"syn-{i:06d}", "dong": c.extras.get("dong"), **c.household}, ensure_ascii=False
        )
        for i, c in enumerate(cases)
    )


def _measure(settings: Settings, lines: str, label: str) -> list[Row]:
    engine = prepare_database(settings)
    rules = load_rules_engine(settings, engine)
    try:
        started = time.perf_counter()
        report = import_records(engine, read_records(lines, csv_format=False))
        imported = time.perf_counter() - started
        started = time.perf_counter()
        ranked = rank(screen_record(rules, record, None, AS_OF) for record in stored_records(engine))
        screened = time.perf_counter() - started
    finally:
        engine.dispose()
    rate = len(ranked) / screened
    return [
        row("screening", f"{label}: import {report.stored:,} records", imported, "s"),
        row("screening", f"{label}: screen {len(ranked):,} records, all 19 programs", screened, "s"),
        row("screening", f"{label}: records screened per second (one process)", rate, "1/s"),
        row("screening", f"{label}: 100,000 records, projected from that rate", 100_000 / rate, "s", "<= 60"),
        row(
            "screening",
            f"{label}: records with a candidate",
            sum(bool(r.candidates) for r in ranked),
            "count",
        ),
    ]


def run() -> list[Row]:
    """Import and screen on SQLite, and on PostgreSQL when it is reachable."""
    with tempfile.TemporaryDirectory(prefix="bench-screening-") as tmp:
        sqlite = Settings(WELFARE_DATA_DIR=str(Path(tmp) / "data"), WELFARE_LLM_BACKEND="none")
        lines = synthetic_records(sqlite)
        rows = _measure(sqlite, lines, "SQLite")
        with contextlib.ExitStack() as stack:
            try:
                url = stack.enter_context(postgres_database())
            except Exception:  # no PostgreSQL here: SQLite only
                return rows
            postgres = Settings(
                WELFARE_DATA_DIR=str(Path(tmp) / "pg"), DATABASE_URL=url, WELFARE_LLM_BACKEND="none"
            )
            rows += _measure(postgres, lines, "PostgreSQL")
        return rows
