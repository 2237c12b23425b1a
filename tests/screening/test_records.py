"""Household records in the database: import (COPY on PostgreSQL), replace by record_id, screen, purge."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from typer.testing import CliRunner

from agent.cli import app
from agent.db import prepare_database
from agent.settings import Settings
from tests.screening.test_screening import RECORDS
from tools.screening import read_records
from tools.screening.records import import_records, purge_records, stored_records

runner = CliRunner()


def test_import_replaces_by_record_id_and_reads_back_on_both_databases(any_db_settings: Settings) -> None:
    engine = prepare_database(any_db_settings)
    try:
        lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS)
        first = import_records(engine, read_records(lines, csv_format=False))
        assert first.stored == 5
        assert [line for line, _ in first.errors] == [6, 7]
        again = import_records(engine, read_records(json.dumps({**RECORDS[0], "dong": "대야동"}), False))
        assert (again.stored, again.replaced) == (1, 1)
        stored = {r["record_id"]: r for r in stored_records(engine)}
        assert stored["r-70"]["dong"] == "대야동"  # the re-import replaced it
        assert stored["r-70"]["members"][0]["age"] == 70
        assert [r["record_id"] for r in stored_records(engine, "정왕본동")] == [
            "r-85",
            "r-85-receiving",
            "r-crisis",
        ]
        assert purge_records(engine, datetime.now(UTC) + timedelta(seconds=1)) == 5
        assert list(stored_records(engine)) == []
    finally:
        engine.dispose()


def test_the_cli_imports_then_screens_the_stored_records_of_one_dong(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS[:5]), encoding="utf-8")
    imported = runner.invoke(app, ["records", "import", str(path), "--json"])
    assert imported.exit_code == 0, imported.output
    assert json.loads(imported.stdout)["stored"] == 5
    screened = runner.invoke(app, ["screen", "--imported", "--dong", "정왕본동", "--json"])
    assert screened.exit_code == 0, screened.output
    ranked = [json.loads(line)["record_id"] for line in screened.stdout.splitlines()]
    assert ranked == ["r-crisis", "r-85", "r-85-receiving", "r-70"]  # r-rich lives in no 동
    assert runner.invoke(app, ["screen"]).exit_code == 2  # neither a file nor --imported
    assert runner.invoke(app, ["screen", str(path), "--dong", "x"]).exit_code == 2
    purged = runner.invoke(app, ["purge", "--days", "0"])
    assert purged.exit_code == 0, purged.output
    assert "deleted 5 household record(s)" in purged.stdout


def test_a_synthetic_population_is_printed_labelled_and_imports_cleanly() -> None:
    printed = runner.invoke(app, ["records", "synthetic", "30", "--seed", "5"])
    assert printed.exit_code == 0, printed.output
    records = [json.loads(line) for line in printed.stdout.splitlines()]
    assert len(records) == 30
    assert all(r["record_id"].startswith("syn-5-") for r in records)
    again = runner.invoke(app, ["records", "synthetic", "10", "--seed", "5", "--start", "20"])
    assert [json.loads(line) for line in again.stdout.splitlines()] == records[20:]  # household i is fixed
    imported = runner.invoke(app, ["records", "import", "-", "--json"], input=printed.stdout)
    assert imported.exit_code == 0, imported.output
    assert json.loads(imported.stdout)["stored"] == 30
    assert runner.invoke(app, ["records", "synthetic", "0"]).exit_code == 2


def test_the_import_refuses_a_receipt_the_engine_does_not_know(settings: Settings) -> None:
    engine = prepare_database(settings)
    try:
        record = {**RECORDS[0], "receiving": ["basic_pension", "nope"]}
        report = import_records(engine, read_records(json.dumps(record, ensure_ascii=False), False))
        assert report.stored == 0
        assert report.errors == [(1, "receiving[1]: unknown program id 'nope'")]
    finally:
        engine.dispose()
