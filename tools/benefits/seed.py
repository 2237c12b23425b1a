"""Load the reviewable data files into the database (SQLite or PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, delete, select

from tools.benefits.files import DataSet, ParameterSpec
from tools.benefits.models import DatasetVersion, MedianIncome, Program, RuleParameter


def _parameter_rows(scope: str, params: dict[str, ParameterSpec]) -> list[RuleParameter]:
    return [
        RuleParameter(
            scope=scope,
            key=key,
            unit=spec.unit,
            description=spec.description,
            value=dated.value,
            effective_from=dated.start,
            effective_to=dated.end,
            reference=dated.reference,
            confidence=dated.confidence,
            note=dated.note,
        )
        for key, spec in params.items()
        for dated in spec.values
    ]


def seeded_hash(session: Session) -> str | None:
    """The content hash of the data last seeded, or None for an empty database."""
    row = session.get(DatasetVersion, 1)
    return row.content_hash if row else None


def seed(session: Session, dataset: DataSet, *, force: bool = False) -> bool:
    """Replace the catalogue with `dataset` in one transaction; skip when already current.

    Returns True when the database was written.
    """
    if not force and seeded_hash(session) == dataset.content_hash:
        return False
    for table in (RuleParameter, MedianIncome, Program):
        session.exec(delete(table))
    for program in dataset.programs:
        session.add(Program.model_validate(program.model_dump(exclude={"parameters"})))
        session.add_all(_parameter_rows(program.id, program.parameters))
    for shared in dataset.shared:
        session.add_all(_parameter_rows(shared.scope, shared.parameters))
    for year in dataset.median_income.years:
        for size, amount in year.by_size.items():
            session.add(
                MedianIncome(
                    year=year.year,
                    household_size=size,
                    amount_krw=amount,
                    confidence=year.confidence[size],
                    reference=year.reference,
                )
            )
    version = session.get(DatasetVersion, 1) or DatasetVersion(content_hash="", seeded_at="")
    version.content_hash = dataset.content_hash
    version.seeded_at = datetime.now(UTC).isoformat(timespec="seconds")
    session.add(version)
    session.commit()
    return True


def program_ids(session: Session) -> list[str]:
    """The ids of every program in the database, sorted."""
    return sorted(session.exec(select(Program.id)).all())
