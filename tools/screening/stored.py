"""Screening the records stored in the database: SQL narrows, the engine decides and explains.

One query reads every record (of one 동 when asked) with, per program, the compiled condition of
`tools.screening.narrowing`: a record whose conditions are all false has no candidate and is never parsed; for
the others the engine checks only the programs still possible. The result equals `screen_record` on each record
(`tests/screening/test_narrowing.py` and `bench/bench_screening.py` compare them program by program).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Text, case, cast, select, true
from sqlalchemy import Engine as Database

from tools.eligibility.engine import Engine
from tools.eligibility.household import HouseholdInputError, parse_household
from tools.screening import Screened, screen_household
from tools.screening.narrowing import T, candidate_filters
from tools.screening.records import BATCH, refresh_columns

MAX_DATES = 8
"""Records dated differently (`as_of` in the record) get each date's filters, up to this many dates; the
records of any further date are all left to the engine."""


@dataclass
class Narrowed:
    """What the narrowing left to the engine, for a report: records read, and (record, program) pairs kept."""

    records: int = 0
    pairs: int = 0
    kept: int = 0
    parsed: int = 0


def _filters(
    engine: Engine, database: Database, ids: list[str], as_of: date | None, dong: str | None
) -> dict[str, ColumnElement[bool]]:
    """Per program, the filter on each record's own screening date (`as_of`, else the record's, else today)."""
    if as_of is not None:
        return candidate_filters(engine.book, as_of, ids)
    query = select(T.as_of).distinct().where(T.as_of.isnot(None))
    if dong is not None:
        query = query.where(T.dong == dong)
    with database.connect() as connection:
        dates = sorted(connection.execute(query.limit(MAX_DATES + 1)).scalars())
    today = candidate_filters(engine.book, date.today(), ids)
    if not dates:
        return today
    dated = {d: candidate_filters(engine.book, d, ids) for d in dates[:MAX_DATES]}
    other = true() if len(dates) > MAX_DATES else None
    return {
        pid: case(
            *((T.as_of == d, filters[pid]) for d, filters in dated.items()),
            (T.as_of.is_(None), today[pid]),
            else_=other if other is not None else today[pid],
        )
        for pid in ids
    }


def screen_stored(
    engine: Engine,
    database: Database,
    programs: list[str] | None = None,
    as_of: date | None = None,
    dong: str | None = None,
    *,
    with_household: bool = False,
    report: Narrowed | None = None,
) -> Iterator[Screened]:
    """Screen the stored records (of one 동 when given) in `record_id` order, as `screen_record` would.

    `with_household` keeps each record's household on the result (the API returns it); `report`, when given,
    is filled with what the narrowing left to the engine.
    """
    refresh_columns(database)
    ids = programs if programs is not None else engine.program_ids
    filters = _filters(engine, database, ids, as_of, dong)
    query = select(
        T.record_id, T.dong, T.as_of, cast(T.household, Text), *(filters[pid] for pid in ids)
    ).order_by(T.record_id)
    if dong is not None:
        query = query.where(T.dong == dong)
    counts = report if report is not None else Narrowed()
    with database.connect() as connection:
        rows = connection.execution_options(yield_per=BATCH).execute(query)
        for record_id, record_dong, _, document, *flags in rows:
            kept = [pid for pid, flag in zip(ids, flags, strict=True) if flag]
            counts.records += 1
            counts.pairs += len(ids)
            counts.kept += len(kept)
            if not kept:
                household = json.loads(document) if with_household else None
                yield Screened(record_id=record_id, dong=record_dong, household=household)
                continue
            counts.parsed += 1
            yield _decide(engine, record_id, record_dong, json.loads(document), kept, as_of, with_household)


def _decide(
    engine: Engine,
    record_id: str,
    dong: str | None,
    document: dict[str, Any],
    programs: list[str],
    as_of: date | None,
    with_household: bool,
) -> Screened:
    try:
        household = parse_household(document)
    except HouseholdInputError as error:  # stored before a stricter contract: reported, the others go on
        return Screened(record_id=record_id, dong=dong, error=str(error))
    screened = screen_household(engine, record_id, dong, household, programs, as_of)
    if not with_household and screened.error is None:
        return Screened(
            record_id=screened.record_id,
            dong=screened.dong,
            candidates=screened.candidates,
            priorities=screened.priorities,
            missed_monthly_krw=screened.missed_monthly_krw,
        )
    return screened
