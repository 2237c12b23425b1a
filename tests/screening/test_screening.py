"""`welfare-agent screen`: likely programs not yet received, ranked for follow-up; bad records reported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from agent.cli import app
from tools.screening import read_records, record_from_csv_row

runner = CliRunner()

SIHEUNG = {"sido": "경기도", "sigungu": "시흥시"}
NOTHING = {"property_krw": 0, "financial_krw": 0, "debt_krw": 0}


def _old_alone(record_id: str, age: int, **extra: Any) -> dict[str, Any]:
    return {
        "record_id": record_id,
        "dong": "정왕본동",
        "region": SIHEUNG,
        "members": [{"relation": "self", "age": age}],
        "income": {"earned_krw": 0, "other_krw": 200_000},
        "assets": NOTHING,
        "receiving": [],  # the city's records know what the household receives
        **extra,
    }


RECORDS = [
    _old_alone("r-70", 70),
    _old_alone("r-85", 85),
    _old_alone("r-85-receiving", 85, receiving=["basic_pension"]),
    {
        "record_id": "r-rich",
        "members": [{"relation": "self", "age": 40, "employed": True}],
        "income": {"earned_krw": 9_000_000, "other_krw": 0},
        "assets": {"property_krw": 900_000_000, "financial_krw": 0, "debt_krw": 0},
        "region": SIHEUNG,
        "receiving": [],
    },
    {**_old_alone("r-crisis", 50), "crisis": ["job_loss"]},
    {"members": [{"relation": "self", "age": 70}]},  # no record_id
    _old_alone("r-bad", 70, favourite="blue"),
]


def _screen(tmp_path: Path, lines: list[str], *args: str) -> Any:
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return runner.invoke(app, ["screen", str(path), "--json", *args])


def test_candidates_are_likely_programs_not_received_and_ranked_for_follow_up(tmp_path: Path) -> None:
    result = _screen(tmp_path, [json.dumps(r, ensure_ascii=False) for r in RECORDS] + ["{not json"])
    assert result.exit_code == 2  # reported after the others were screened
    assert "3 of 8 record(s) could not be screened" in result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 8
    by_id = {o["record_id"]: o for o in out if o.get("record_id")}
    pension = {c["program_id"]: c for c in by_id["r-70"]["candidates"]}["basic_pension"]
    assert pension["status"] == "eligible"
    assert pension["amount_krw"] == 349_700
    assert "65" in pension["why"]
    assert "basic_pension" not in {c["program_id"] for c in by_id["r-85-receiving"]["candidates"]}
    assert by_id["r-rich"]["candidates"] == []
    assert by_id["r-85"]["priorities"] == ["very_old_alone"]
    # crisis first, then the very old alone (larger amount missed first), then the others; errors last
    order = [o["record_id"] for o in out]
    assert order[:3] == ["r-crisis", "r-85", "r-85-receiving"]
    assert order.index("r-70") < order.index("r-rich")
    errors = out[-3:]
    assert all("error" in o for o in errors)
    assert any(o["error"] == "record_id: required" for o in errors)
    assert any("favourite" in o["error"] for o in errors)
    assert any(o.get("line") == 8 and "invalid JSON" in o["error"] for o in errors)


def test_a_program_filter_and_the_readable_output(tmp_path: Path) -> None:
    result = _screen(tmp_path, [json.dumps(RECORDS[1], ensure_ascii=False)], "--program", "basic_pension")
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    assert [c["program_id"] for c in json.loads(line)["candidates"]] == ["basic_pension"]
    path = tmp_path / "records.jsonl"
    text = runner.invoke(app, ["screen", str(path)])
    assert text.exit_code == 0
    assert "r-85  정왕본동 [very_old_alone]" in text.stdout
    assert "월 " in text.stdout
    bad = runner.invoke(app, ["screen", str(path), "--program", "nope"])
    assert bad.exit_code == 2
    assert "nope" in bad.stderr


def test_csv_records_nest_dotted_columns_and_split_lists(tmp_path: Path) -> None:
    text = (
        "record_id,dong,members,income.earned_krw,income.other_krw,assets.property_krw,assets.financial_krw,"
        "assets.debt_krw,region.sido,region.sigungu,receiving\n"
        '0042,대야동,"[{""relation"": ""self"", ""age"": 85}]",0,200000,0,0,0,경기도,시흥시,energy_voucher;near_poverty\n'
        '0043,,"not json",,,,,,,,\n'
    )
    rows = list(read_records(text, csv_format=True))
    number, record = rows[0]
    assert number == 2
    assert record["record_id"] == "0042"  # an id stays text, its leading zeros kept
    assert record["income"] == {"earned_krw": 0, "other_krw": 200000}
    assert record["receiving"] == ["energy_voucher", "near_poverty"]
    assert "dong" in record
    assert isinstance(rows[1][1], ValueError)
    assert "members" in str(rows[1][1])
    path = tmp_path / "records.csv"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["screen", str(path), "--json"])
    assert result.exit_code == 2
    first = json.loads(result.stdout.splitlines()[0])
    assert first["record_id"] == "0042"
    assert "basic_pension" in {c["program_id"] for c in first["candidates"]}
    assert record_from_csv_row({"record_id": "1", "dong": ""}) == {"record_id": "1"}
