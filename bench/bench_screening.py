"""Screening household records: import and screen a synthetic Siheung population, and check the narrowed
screening against the engine.

- Sizes: 10,000, 100,000 and 1,000,000 households on PostgreSQL (`COPY` import), 10,000 on SQLite. Set
  `WELFARE_BENCH_SCREENING_SIZES` (e.g. "10000,100000") to run fewer.
- The households are `tools.screening.population` (synthetic, drawn from published shares; `syn-` ids).
- "screen" is what `welfare-agent screen --imported` does before printing: the SQL narrowing, the engine on the
  pairs it keeps, and the ranking, for all 19 programs, in one process.
- Equality: on 10,000 households built around each program's lines (`eval/dialogue/households.py`) and on the
  first 10,000 synthetic ones, the narrowed screening is compared with `screen_record` (the engine on every
  program of every record), program by program.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine as Database
from sqlalchemy import delete, text

from agent.db import load_rules_engine, prepare_database
from agent.settings import Settings
from bench.common import Row, postgres_database, row
from eval.dialogue.households import generate_cases
from tools.eligibility.engine import Engine
from tools.screening import rank, screen_record
from tools.screening.models import HouseholdRecord
from tools.screening.population import population
from tools.screening.records import import_records, stored_records
from tools.screening.stored import Narrowed, screen_stored

AS_OF = date(2026, 12, 5)
SIZES = tuple(
    int(n) for n in os.environ.get("WELFARE_BENCH_SCREENING_SIZES", "10000,100000,1000000").split(",")
)
EQUALITY = 10_000


def _numbered(records: Iterator[dict[str, Any]]) -> Iterator[tuple[int, Any]]:
    return ((n, r) for n, r in enumerate(records, start=1))


def _clear(database: Database) -> None:
    with database.begin() as connection:
        connection.execute(delete(HouseholdRecord))


def _scale(database: Database, rules: Engine, n: int, label: str) -> list[Row]:
    """Import `n` synthetic households (replacing what was there) and screen them all."""
    _clear(database)
    started = time.perf_counter()
    report = import_records(database, _numbered(population(n)))
    imported = time.perf_counter() - started
    if database.dialect.name == "postgresql":
        with database.connect() as connection:
            connection.execute(text("ANALYZE household_record"))
    narrowed = Narrowed()
    started = time.perf_counter()
    ranked = rank(screen_stored(rules, database, None, AS_OF, report=narrowed))
    screened = time.perf_counter() - started
    tag = f"{label} {n:,}"
    return [
        row("screening", f"{tag}: import (records/s {report.stored / imported:,.0f})", imported, "s"),
        row("screening", f"{tag}: screen, all 19 programs", screened, "s", "<= 60" if n == 100_000 else None),
        row("screening", f"{tag}: records screened per second", len(ranked) / screened, "1/s"),
        row("screening", f"{tag}: (record, program) pairs left to the engine", narrowed.kept, "count"),
        row("screening", f"{tag}: records the engine read", narrowed.parsed, "count"),
        row(
            "screening", f"{tag}: records with a candidate", sum(bool(r.candidates) for r in ranked), "count"
        ),
    ]


def _equality(database: Database, rules: Engine, records: list[dict[str, Any]], label: str) -> list[Row]:
    """Narrowed screening vs the engine on every program of every record: mismatching pairs, by program."""
    _clear(database)
    report = import_records(database, _numbered(iter(records)))
    assert not report.errors, report.errors[:3]
    started = time.perf_counter()
    expected = {r["record_id"]: screen_record(rules, r, None, AS_OF) for r in stored_records(database)}
    alone = time.perf_counter() - started
    started = time.perf_counter()
    got = {s.record_id: s for s in screen_stored(rules, database, None, AS_OF)}
    narrowed = time.perf_counter() - started
    wrong: Counter[str] = Counter()
    for record_id, want in expected.items():
        have = got[record_id]
        for program in {c.program_id for c in want.candidates} ^ {c.program_id for c in have.candidates}:
            wrong[program] += 1
        if (want.missed_monthly_krw, want.priorities) != (have.missed_monthly_krw, have.priorities):
            wrong["amount or priority"] += 1
    candidates = sum(len(s.candidates) for s in expected.values())
    pairs = len(expected) * len(rules.program_ids)
    rows = [
        row("screening", f"equality {label}: households × programs compared", pairs, "count"),
        row("screening", f"equality {label}: candidates (engine)", candidates, "count"),
        row("screening", f"equality {label}: mismatching pairs", sum(wrong.values()), "count", "0"),
        row("screening", f"equality {label}: the engine alone on every pair", alone, "s"),
        row("screening", f"equality {label}: narrowed in SQL, then the engine", narrowed, "s"),
    ]
    rows += [
        row("screening", f"equality {label}: mismatches in {p}", c, "count", "0") for p, c in wrong.items()
    ]
    return rows


def _on(settings: Settings, label: str, sizes: tuple[int, ...], equality: bool) -> list[Row]:
    database = prepare_database(settings)
    rules = load_rules_engine(settings, database)
    rows: list[Row] = []
    try:
        if equality:
            generated = [
                {"record_id": f"gen-{i:05d}", "dong": c.extras.get("dong"), **c.household}
                for i, c in enumerate(generate_cases(EQUALITY, 2026, rules, AS_OF))
            ]
            rows += _equality(database, rules, generated, f"{label}, 10,000 built around the lines")
            rows += _equality(
                database, rules, list(population(EQUALITY)), f"{label}, 10,000 synthetic Siheung"
            )
        for n in sizes:
            rows += _scale(database, rules, n, label)
        _clear(database)
    finally:
        database.dispose()
    return rows


def run() -> list[Row]:
    """SQLite at 10,000; PostgreSQL (when reachable) at every size, with the equality check."""
    with tempfile.TemporaryDirectory(prefix="bench-screening-") as tmp:
        sqlite = Settings(WELFARE_DATA_DIR=str(Path(tmp) / "data"), WELFARE_LLM_BACKEND="none")
        rows = _on(sqlite, "SQLite", tuple(n for n in SIZES if n <= 10_000), equality=False)
        with contextlib.ExitStack() as stack:
            try:
                url = stack.enter_context(postgres_database())
            except Exception:  # no PostgreSQL here: SQLite only
                return rows
            postgres = Settings(
                WELFARE_DATA_DIR=str(Path(tmp) / "pg"), DATABASE_URL=url, WELFARE_LLM_BACKEND="none"
            )
            rows += _on(postgres, "PostgreSQL", SIZES, equality=True)
        return rows
