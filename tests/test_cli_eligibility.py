"""`welfare-agent check` and `programs` as the contract says; bad input exits 2 with a message."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from agent.cli import app

runner = CliRunner()

ELDER = {
    "as_of": "2026-11-25",
    "region": {"sido": "경기도", "sigungu": "시흥시"},
    "members": [{"relation": "self", "age": 70, "disability": "none"}],
    "income": {"earned_krw": 0, "other_krw": 300000},
    "assets": {"property_krw": 0, "financial_krw": 0, "debt_krw": 0},
    "receiving": [],
}


def _write(tmp_path: Path, name: str, content: Any) -> str:
    path = tmp_path / name
    path.write_text(
        content if isinstance(content, str) else json.dumps(content, ensure_ascii=False), encoding="utf-8"
    )
    return str(path)


def test_check_json_gives_one_result_per_program(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", _write(tmp_path, "h.json", ELDER), "--json"])
    assert result.exit_code == 0, result.output
    results = json.loads(result.stdout)
    assert len(results) == 19
    pension = next(r for r in results if r["program_id"] == "basic_pension")
    assert pension["status"] == "eligible"
    assert pension["amount_krw"] == 349700
    assert pension["amount_period"] == "month"
    assert pension["rules_version"] == "2026-01-01"
    assert {
        "program_id",
        "status",
        "amount_krw",
        "amount_period",
        "criteria",
        "missing",
        "assumptions",
    } <= set(pension)
    assert {"how_to_apply", "documents", "rules_version"} <= set(pension)
    assert all({"name", "passed", "detail", "source"} == set(c) for c in pension["criteria"])


def test_check_selected_programs_and_as_of(tmp_path: Path) -> None:
    path = _write(tmp_path, "h.json", ELDER)
    result = runner.invoke(
        app,
        [
            "check",
            path,
            "--program",
            "basic_pension",
            "-p",
            "livelihood_benefit",
            "--as-of",
            "2024-06-01",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    results = json.loads(result.stdout)
    assert [r["program_id"] for r in results] == ["basic_pension", "livelihood_benefit"]
    assert results[0]["amount_krw"] == 334810
    assert results[0]["rules_version"] == "2024-01-01"
    assert results[1]["status"] == "unknown"
    assert results[1]["missing"] == ["support_obligor"]


def test_check_text_output_is_readable(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", _write(tmp_path, "h.json", ELDER), "-p", "basic_pension"])
    assert result.exit_code == 0, result.output
    assert "기초연금" in result.stdout
    assert "349,700원" in result.stdout


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("{not json", "invalid JSON at line 1"),
        ({"members": [{"relation": "self", "age": 300}]}, "members[0].age"),
        ({"members": [{"relation": "self"}], "income": {"earned_krw": -1}}, "income.earned_krw"),
        ({"members": [{"relation": "self", "favourite": 1}]}, "members[0].favourite: unknown field"),
        (
            {"members": [{"relation": "self"}], "receiving": ["free_money"]},
            "receiving[0]: unknown program id",
        ),
        ([1, 2, 3], "JSON object"),
    ],
)
def test_bad_household_exits_2_with_a_message(tmp_path: Path, content: Any, fragment: str) -> None:
    result = runner.invoke(app, ["check", _write(tmp_path, "bad.json", content)])
    assert result.exit_code == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.output + result.stderr


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--program", "free_money"], "--program[0]: unknown program id 'free_money'"),
        (["--as-of", "yesterday"], "--as-of: not a date"),
    ],
)
def test_bad_options_exit_2(tmp_path: Path, args: list[str], fragment: str) -> None:
    result = runner.invoke(app, ["check", _write(tmp_path, "h.json", ELDER), *args])
    assert result.exit_code == 2
    assert fragment in result.stderr


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "nope.json")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_jsonl_batch_keeps_going_past_bad_lines(tmp_path: Path) -> None:
    lines = [json.dumps(ELDER, ensure_ascii=False), "{broken", "", json.dumps({"members": [{"age": 300}]})]
    lines.append(json.dumps({"members": [{"relation": "self", "age": 30}]}))
    path = _write(tmp_path, "many.jsonl", "\n".join(lines) + "\n")
    result = runner.invoke(app, ["check", path, "-p", "basic_pension"])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["line"] for o in out] == [1, 2, 4, 5]
    assert out[0]["results"][0]["status"] == "eligible"
    assert "invalid JSON" in out[1]["error"]
    assert "members[0].age" in out[2]["error"]
    assert out[3]["results"][0]["status"] == "ineligible"


def test_jsonl_from_standard_input() -> None:
    text = json.dumps(ELDER, ensure_ascii=False) + "\n" + json.dumps(ELDER, ensure_ascii=False) + "\n"
    result = runner.invoke(app, ["check", "-", "-p", "basic_pension"], input=text)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["line"] for line in result.stdout.splitlines()] == [1, 2]


def test_pretty_printed_household_from_standard_input() -> None:
    result = runner.invoke(
        app, ["check", "-", "--json"], input=json.dumps(ELDER, indent=2, ensure_ascii=False)
    )
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 19


def test_programs_lists_the_catalogue() -> None:
    result = runner.invoke(app, ["programs", "--json"])
    assert result.exit_code == 0, result.output
    catalogue = json.loads(result.stdout)
    assert len(catalogue) == 19
    entry = next(p for p in catalogue if p["id"] == "siheung_birth_support")
    assert entry["level"] == "siheung"
    assert entry["name_ko"] == "시흥시 출생축하금·산후조리비"
    assert entry["documents"]
    text = runner.invoke(app, ["programs"])
    assert "gyeonggi_youth_basic_income" in text.stdout
