"""SQL narrowing: screening the stored records equals the engine's `screen_record`, program by program, on
SQLite and PostgreSQL (households built around each program's lines, a synthetic Siheung population, and
records with the facts the narrowing must not misread)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import Engine as Database
from sqlalchemy import delete, select, update
from sqlmodel import col

from agent.db import load_rules_engine, prepare_database
from agent.settings import Settings
from eval.dialogue.households import generate_cases
from tools.eligibility.engine import Engine
from tools.screening import Screened, read_records, screen_record
from tools.screening.models import HouseholdRecord
from tools.screening.population import population
from tools.screening.records import import_records, stored_records
from tools.screening.stored import Narrowed, screen_stored

AS_OF = date(2026, 12, 5)
SIHEUNG = {"sido": "경기도", "sigungu": "시흥시", "months_resident": 30}
NOTHING = {"property_krw": 0, "financial_krw": 0, "debt_krw": 0}
POOR = {"earned_krw": 0, "other_krw": 100_000}

EDGE: list[dict[str, Any]] = [
    # the applicant's age moves with the date (birth date), and a child's too
    {"members": [{"relation": "self", "birth_date": "1961-12-20"}], "income": POOR, "assets": NOTHING},
    {
        "members": [{"relation": "self", "age": 31}, {"relation": "child", "birth_date": "2026-01-15"}],
        "single_parent": True,
        "income": POOR,
        "assets": NOTHING,
        "region": SIHEUNG,
    },
    # ages unknown: a member with none, an applicant with none
    {"members": [{"relation": "self", "age": 40}, {"relation": "child"}], "income": POOR, "assets": NOTHING},
    {"members": [{"relation": "self"}], "income": POOR, "assets": NOTHING, "receiving": []},
    # a stated 소득인정액, with income and assets unknown
    {"members": [{"relation": "self", "age": 70}], "income_recognition_krw": 300_000, "receiving": []},
    # receipts unknown, and receipts that switch 장애인연금 to 기초연금
    {"members": [{"relation": "self", "age": 66, "disability": "severe"}], "income": POOR, "assets": NOTHING},
    {
        "members": [{"relation": "self", "age": 66, "disability": "severe"}],
        "income": POOR,
        "assets": NOTHING,
        "receiving": ["disability_pension"],
    },
    # outside Siheung, in a 군, in Seoul; a foreign applicant
    {
        "members": [{"relation": "self", "age": 24}],
        "region": {"sido": "경기", "sigungu": "양평군"},
        "gyeonggi_residence_years": 5,
        "income": POOR,
        "assets": NOTHING,
        "receiving": [],
    },
    {
        "members": [{"relation": "self", "age": 75}],
        "region": {"sido": "서울"},
        "income": POOR,
        "assets": NOTHING,
    },
    {
        "members": [{"relation": "self", "age": 72, "nationality": "VN"}],
        "income": POOR,
        "assets": NOTHING,
        "receiving": [],
    },
    # a large household, a crisis of the 조례 kind only, a young job seeker
    {
        "members": [{"relation": "self", "age": 45}, {"relation": "spouse", "age": 44}]
        + [{"relation": "child", "age": a} for a in (1, 3, 5, 8, 10, 12, 15)],
        "income": {"earned_krw": 2_500_000, "other_krw": 0},
        "assets": {"property_krw": 90_000_000, "financial_krw": 1_000_000, "debt_krw": 20_000_000},
        "support_obligor": "none",
        "crisis": ["divorce"],
        "receiving": [],
    },
    {
        "members": [{"relation": "self", "age": 29, "employed": False}],
        "income": {"earned_krw": 700_000, "other_krw": 0},
        "assets": {"property_krw": 0, "financial_krw": 3_000_000, "debt_krw": 0},
        "crisis": ["job_loss"],
        "receiving": [],
    },
]


def _records(rules: Engine, n: int) -> list[dict[str, Any]]:
    generated = [
        {"record_id": f"gen-{i:05d}", "dong": c.extras.get("dong"), **c.household}
        for i, c in enumerate(generate_cases(n, 2026, rules, AS_OF))
    ]
    edge = [{"record_id": f"edge-{i:02d}", "dong": "대야동", **r} for i, r in enumerate(EDGE)]
    return generated + list(population(n)) + edge


def _import(database: Database, records: list[dict[str, Any]]) -> None:
    with database.begin() as connection:  # the PostgreSQL database is shared by the session's tests
        connection.execute(delete(HouseholdRecord))
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    report = import_records(database, read_records(lines, csv_format=False))
    assert report.errors == []


def _clear(database: Database) -> None:
    with database.begin() as connection:
        connection.execute(delete(HouseholdRecord))
    database.dispose()


def _view(item: Screened) -> tuple[Any, ...]:
    return (item.candidates, item.priorities, item.missed_monthly_krw, item.error)


def _compare(rules: Engine, database: Database, as_of: date | None, **options: Any) -> Narrowed:
    """Screen both ways; assert they agree record by record and program by program."""
    programs = options.get("programs")
    expected = {
        r["record_id"]: screen_record(rules, r, programs, as_of)
        for r in stored_records(database, options.get("dong"))
    }
    report = Narrowed()
    got = {s.record_id: s for s in screen_stored(rules, database, as_of=as_of, report=report, **options)}
    assert list(got) == list(expected)  # the same records, in the same order
    wrong: Counter[str] = Counter()
    for record_id, want in expected.items():
        have = got[record_id]
        for program in {c.program_id for c in want.candidates} ^ {c.program_id for c in have.candidates}:
            wrong[program] += 1
        if _view(want) != _view(have):
            wrong["(amounts, priorities or errors)"] += 1
    assert wrong == Counter(), f"SQL narrowing disagrees with the engine: {wrong}"
    candidates = sum(len(s.candidates) for s in expected.values())
    assert candidates > 0
    assert report.kept >= candidates
    return report


def test_narrowing_equals_the_engine_on_generated_and_synthetic_households(any_db_settings: Settings) -> None:
    database = prepare_database(any_db_settings)
    try:
        rules = load_rules_engine(any_db_settings, database)
        _import(database, _records(rules, 700))
        report = _compare(rules, database, AS_OF)
        assert report.records == 1400 + len(EDGE)
        assert report.kept < report.pairs / 4  # the database drops most pairs before the engine sees them
        # the next year, when the 2026 rules are no longer in force: nothing is filtered on missing rules
        _compare(rules, database, date(2027, 2, 1))
        _compare(rules, database, AS_OF, programs=["basic_pension", "energy_voucher", "youth_monthly_rent"])
        _compare(rules, database, AS_OF, dong="대야동", with_household=True)
    finally:
        _clear(database)


def test_records_dated_on_their_own_and_rows_without_columns(any_db_settings: Settings) -> None:
    database = prepare_database(any_db_settings)
    try:
        rules = load_rules_engine(any_db_settings, database)
        records = list(population(300, seed=7))
        for index, record in enumerate(records):
            if index % 3 == 0:
                record["as_of"] = "2026-03-01"
            elif index % 3 == 1:
                record["as_of"] = "2026-11-30"
        _import(database, records)
        _compare(rules, database, None)  # each record on its own date (else today)
        with database.begin() as connection:  # rows as migration 0007 leaves them: no projection yet
            connection.execute(update(HouseholdRecord).values(columns_version=None, size=None))
        _compare(rules, database, AS_OF)
        with database.connect() as connection:
            versions = set(connection.execute(select(col(HouseholdRecord.columns_version))).scalars())
        assert versions == {1}
    finally:
        _clear(database)
