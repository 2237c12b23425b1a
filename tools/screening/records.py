"""Importing household records into the database, reading them back for screening, and purging old ones.

A re-import replaces records by `record_id`. On PostgreSQL the rows go in with `COPY` into a temporary table
and one upsert; elsewhere with batched upserts. Records are validated as households before they are stored: a
bad line is reported with its number and the others are imported. Each row carries, beside the document, the
columns SQL narrows the screening on (`tools.screening.columns`).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, bindparam, delete, text
from sqlalchemy import select as sa_select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from tools.benefits.models import Program
from tools.screening import RecordError, split_record
from tools.screening.columns import COLUMN_NAMES, VERSION, derive_columns
from tools.screening.models import HouseholdRecord

BATCH = 2000
_REPLACED = ("dong", "household", "imported_at", "import_id", *COLUMN_NAMES)
"""What a re-import of a `record_id` replaces: everything but the id."""


@dataclass
class ImportReport:
    """What an import did: its id, the records stored (of which replaced), and the lines refused."""

    import_id: str
    stored: int = 0
    replaced: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def _unknown_receipt(receiving: list[str] | None, known: frozenset[str]) -> str | None:
    """The engine refuses a household that receives a program it does not know: so does the import."""
    for index, program_id in enumerate(receiving or []):
        if known and program_id not in known:
            return f"receiving[{index}]: unknown program id '{program_id}'"
    return None


def _rows(
    items: Iterable[tuple[int, Any]], report: ImportReport, now: datetime, known: frozenset[str]
) -> Iterator[dict[str, Any]]:
    for line, data in items:
        if isinstance(data, RecordError):
            report.errors.append((line, str(data)))
            continue
        try:
            record_id, dong, household = split_record(data)
        except RecordError as error:
            report.errors.append((line, str(error)))
            continue
        unknown = _unknown_receipt(household.receiving, known)
        if unknown is not None:
            report.errors.append((line, unknown))
            continue
        yield {
            "record_id": record_id,
            "dong": dong,
            "household": household.model_dump(mode="json", exclude_none=True),
            "imported_at": now,
            "import_id": report.import_id,
            **derive_columns(household),
        }


def _known_programs(engine: Engine) -> frozenset[str]:
    """The catalogue's program ids (empty before it is seeded: then receipts are not checked)."""
    with engine.connect() as connection:
        return frozenset(connection.execute(sa_select(Program.id)).scalars())  # type: ignore[call-overload]


def _batches(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: dict[str, dict[str, Any]] = {}
    for row in rows:
        batch[row["record_id"]] = row  # within a batch, a later line with the same id wins
        if len(batch) >= size:
            yield list(batch.values())
            batch = {}
    if batch:
        yield list(batch.values())


def import_records(
    engine: Engine, items: Iterable[tuple[int, Any]], progress: Callable[[int], None] | None = None
) -> ImportReport:
    """Validate and store records (replacing those with the same `record_id`); `progress` gets the number of
    records stored after each batch."""
    report = ImportReport(import_id=uuid.uuid4().hex[:12])
    now = datetime.now(UTC)
    for batch in _batches(_rows(items, report, now, _known_programs(engine)), BATCH):
        ids = [row["record_id"] for row in batch]
        with engine.begin() as connection:
            existing = connection.execute(
                select(HouseholdRecord.record_id).where(col(HouseholdRecord.record_id).in_(ids))
            ).all()
            if engine.dialect.name == "postgresql":
                _copy_upsert(connection, batch)
            else:
                # one statement run for every row (a multi-row VALUES would pass SQLite's bind limit)
                statement = sqlite_insert(HouseholdRecord)
                upsert = statement.on_conflict_do_update(
                    index_elements=["record_id"], set_={k: statement.excluded[k] for k in _REPLACED}
                )
                connection.execute(upsert, batch)
        report.stored += len(batch)
        report.replaced += len(existing)
        if progress is not None:
            progress(len(batch))
    return report


def _copy_upsert(connection: Any, batch: list[dict[str, Any]]) -> None:
    """PostgreSQL: COPY the batch into a temporary table, then one upsert into the records."""
    connection.execute(
        text(
            "CREATE TEMP TABLE IF NOT EXISTS household_record_in "
            "(LIKE household_record INCLUDING DEFAULTS) ON COMMIT DELETE ROWS"
        )
    )
    cursor = connection.connection.driver_connection.cursor()
    names = ["record_id", *_REPLACED]
    columns = ", ".join(names)
    with cursor.copy(f"COPY household_record_in ({columns}) FROM STDIN") as copy:
        for row in batch:
            copy.write_row(
                [json.dumps(row[k], ensure_ascii=False) if k == "household" else row[k] for k in names]
            )
    statement = pg_insert(HouseholdRecord).from_select(
        names, sa_select(text(columns)).select_from(text("household_record_in"))
    )
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=["record_id"], set_={k: statement.excluded[k] for k in _REPLACED}
        )
    )


def stored_records(engine: Engine, dong: str | None = None) -> Iterator[dict[str, Any]]:
    """The stored records (of one 동 when given), each as a record: the household with `record_id` and `dong`."""
    query = select(HouseholdRecord).order_by(col(HouseholdRecord.record_id))
    if dong is not None:
        query = query.where(col(HouseholdRecord.dong) == dong)
    with Session(engine) as session:
        for record in session.exec(query.execution_options(yield_per=BATCH)):
            yield {
                "record_id": record.record_id,
                **({"dong": record.dong} if record.dong else {}),
                **record.household,
            }


def refresh_columns(engine: Engine) -> int:
    """Derive the narrowing columns of rows that lack them or hold another version's (rows imported before
    migration 0007, or before `columns.VERSION` changed); returns how many were derived."""
    from tools.eligibility.household import parse_household

    table = HouseholdRecord.__table__  # type: ignore[attr-defined]
    stale = (table.c.columns_version.is_(None)) | (table.c.columns_version != VERSION)
    done = 0
    while True:
        with engine.begin() as connection:
            rows = connection.execute(
                sa_select(table.c.record_id, table.c.household).where(stale).limit(BATCH)
            ).all()
            if not rows:
                return done
            updates = [
                {"id": record_id, **derive_columns(parse_household(household))}
                for record_id, household in rows
            ]
            connection.execute(
                table.update()
                .where(table.c.record_id == bindparam("id"))
                .values({name: bindparam(name) for name in COLUMN_NAMES}),
                updates,
            )
            done += len(rows)


def purge_records(engine: Engine, before: datetime) -> int:
    """Delete the records imported before `before` (the retention rule); returns how many."""
    with engine.begin() as connection:
        result = connection.execute(delete(HouseholdRecord).where(col(HouseholdRecord.imported_at) < before))
        return int(result.rowcount or 0)
