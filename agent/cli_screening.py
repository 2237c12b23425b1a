"""`welfare-agent screen`: household records → the programs each likely qualifies for and does not receive."""

from __future__ import annotations

import getpass
import json
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from agent.cli_common import AsOfOption, ProgramOption, fail, read_text

if TYPE_CHECKING:  # the rules engine is imported by the command itself: `--help` stays fast
    from collections.abc import Iterator

    from agent.settings import Settings
    from tools.eligibility.engine import Engine as RulesEngine
    from tools.screening import Screened


records_app = typer.Typer(help="Household records kept for screening (personal data).", no_args_is_help=True)


@records_app.command("import")
def records_import(
    path: Annotated[str, typer.Argument(help="RECORDS.jsonl or .csv (or - for JSON lines on stdin)")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON")] = False,
) -> None:
    """Store household records (re-importing a record_id replaces it); bad lines are reported, the others
    stored (exit 2 when any was refused). Audited; purged with `welfare-agent purge`."""
    import sys

    from agent import audit
    from agent.db import make_engine, prepare_database
    from agent.settings import get_settings
    from tools.screening import read_records
    from tools.screening.records import import_records

    text = read_text(path)
    items = list(read_records(text, path.lower().endswith(".csv")))
    settings = get_settings()
    engine = prepare_database(settings, make_engine(settings))
    try:
        with typer.progressbar(
            length=len(items), label="importing", file=sys.stderr, hidden=len(items) < 5000
        ) as bar:
            report = import_records(engine, items, progress=bar.update)
        audit.append(
            engine,
            actor=getpass.getuser(),
            role="cli",
            action="records.import",
            target=report.import_id,
            detail={"stored": report.stored, "replaced": report.replaced, "errors": len(report.errors)},
        )
    finally:
        engine.dispose()
    summary = {
        "import_id": report.import_id,
        "stored": report.stored,
        "replaced": report.replaced,
        "errors": [{"line": line, "error": error} for line, error in report.errors],
    }
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False))
    else:
        typer.echo(f"imported {report.stored} record(s) ({report.replaced} replaced) as {report.import_id}")
        for line, error in report.errors:
            typer.echo(f"line {line}: {error}", err=True)
    if report.errors:
        typer.echo(f"error: {len(report.errors)} line(s) could not be imported", err=True)
        raise typer.Exit(2)


@records_app.command("synthetic")
def records_synthetic(
    count: Annotated[int, typer.Argument(help="How many households", min=1, max=10_000_000)],
    seed: Annotated[int, typer.Option("--seed", help="Population seed (same seed, same households)")] = 2026,
    start: Annotated[int, typer.Option("--start", help="Index of the first household", min=0)] = 0,
) -> None:
    """Print a synthetic Siheung population as JSON lines (record ids `syn-…`; drawn from published shares,
    see tools/screening/population.py), ready for `records import -`. No real person is in it."""
    from tools.screening.population import population

    for record in population(count, seed, start):
        typer.echo(json.dumps(record, ensure_ascii=False))


def register(app: typer.Typer) -> None:
    """Add `screen` and `records` to the main app."""
    app.add_typer(records_app, name="records")

    @app.command()
    def screen(
        records: Annotated[
            str | None,
            typer.Argument(help="RECORDS.jsonl (a household with record_id and dong a line), .csv, or -"),
        ] = None,
        imported: Annotated[
            bool, typer.Option("--imported", help="Screen the records stored by `records import`")
        ] = False,
        dong: Annotated[str | None, typer.Option("--dong", help="With --imported: only this 동")] = None,
        program: ProgramOption = None,
        as_of: AsOfOption = None,
        as_json: Annotated[bool, typer.Option("--json", help="One JSON line per record")] = False,
    ) -> None:
        """Screen household records, ranked for follow-up: crisis, the very old living alone, infants, severe
        disability, then the monthly amount missed. A bad record is reported and the others go on (exit 2
        after all were printed). Records are personal data: the screening is audited, nothing leaves the
        machine."""
        from agent import audit
        from agent.db import load_rules_engine, make_engine
        from agent.settings import get_settings
        from tools.eligibility.household import HouseholdInputError
        from tools.screening import RecordError, Screened, rank, screen_record

        try:
            on = date.fromisoformat(as_of) if as_of else None
        except ValueError:
            fail(f"--as-of: not a date (YYYY-MM-DD): {as_of!r}")
        if (records is None) == (not imported):
            fail("give either RECORDS or --imported")
        if dong is not None and not imported:
            fail("--dong: only with --imported")
        settings = get_settings()
        engine = load_rules_engine(settings)
        try:
            programs = engine.validate_programs(program, "--program") if program else None
        except HouseholdInputError as exc:
            fail(str(exc))
        screened: list[Screened] = []
        if records is None:
            screened = _stored(settings, engine, programs, on, dong)
        for number, record in _records(records):
            if isinstance(record, RecordError):
                screened.append(Screened(record_id=None, error=str(record), line=number))
                continue
            result = screen_record(engine, record, programs, on)
            screened.append(result if result.error is None else replace(result, line=number))
        ranked = rank(screened)
        for item in ranked:
            typer.echo(json.dumps(item.as_json(), ensure_ascii=False) if as_json else _line(item))
        failed = sum(item.error is not None for item in ranked)
        db = make_engine(settings)
        try:
            audit.append(
                db,
                actor=getpass.getuser(),
                role="cli",
                action="screening.run",
                target=audit.fingerprint([item.record_id for item in ranked[:20]]),
                detail={
                    "records": len(ranked),
                    "with_candidates": sum(bool(item.candidates) for item in ranked),
                    "errors": failed,
                    "programs": programs or "all",
                    "as_of": str(on) if on else None,
                },
            )
        finally:
            db.dispose()
        if failed:
            typer.echo(f"error: {failed} of {len(ranked)} record(s) could not be screened", err=True)
            raise typer.Exit(2)


def _records(path: str | None) -> Iterator[tuple[int, Any]]:
    """The records of a file, numbered (none without a file)."""
    from tools.screening import read_records

    if path is not None:
        yield from read_records(read_text(path), path.lower().endswith(".csv"))


def _stored(
    settings: Settings, rules: RulesEngine, programs: list[str] | None, on: date | None, dong: str | None
) -> list[Screened]:
    """The records stored by `records import` (of one 동), narrowed in SQL and decided by the engine."""
    from agent.db import make_engine
    from tools.screening.stored import screen_stored

    engine = make_engine(settings)
    try:
        return list(screen_stored(rules, engine, programs, on, dong))
    finally:
        engine.dispose()


def _line(item: Screened) -> str:
    """One record in a terminal: id, 동, priorities, the programs and the monthly amount missed."""
    if item.error is not None:
        where = f"line {item.line}: " if item.line is not None else ""
        return f"{item.record_id or '-'}  error: {where}{item.error}"
    if not item.candidates:
        return f"{item.record_id}  {item.dong or ''}  —"
    programs = ", ".join(c.program_id for c in item.candidates)
    flags = f" [{', '.join(item.priorities)}]" if item.priorities else ""
    return f"{item.record_id}  {item.dong or ''}{flags}  {programs}  (월 {item.missed_monthly_krw:,}원 추정)"
