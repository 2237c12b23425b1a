"""`welfare-agent search` and `ingest` through Typer's CliRunner; bad input exits with code 2."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from agent import cli_retrieval
from agent.settings import get_settings
from tests.retrieval.retrieval_helpers import make_pdf
from tools.retrieval.search import configure_default

HIT_FIELDS = {"program", "title", "source", "year", "score", "text", "url", "program_id"}


@pytest.fixture
def app() -> typer.Typer:
    application = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    cli_retrieval.register(application)
    return application


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def full_env(monkeypatch: pytest.MonkeyPatch, full_data_dir: Path) -> Iterator[None]:
    monkeypatch.setenv("WELFARE_DATA_DIR", str(full_data_dir))
    monkeypatch.setenv("WELFARE_LLM_BACKEND", "none")
    monkeypatch.delenv("WELFARE_RULES_DIR", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
    configure_default(None)


@pytest.fixture
def small_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, small_rules: Path) -> Iterator[Path]:
    monkeypatch.setenv("WELFARE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("WELFARE_RULES_DIR", str(small_rules))
    monkeypatch.setenv("WELFARE_LLM_BACKEND", "none")
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()
    configure_default(None)


@pytest.mark.usefixtures("full_env")
def test_search_text_output(app: typer.Typer, runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", "엄마가 일흔이 넘으셨는데 매달 주는 연금 있나요", "--k", "3"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1. 기초연금")
    assert "source:" in result.output


@pytest.mark.usefixtures("full_env")
def test_search_json_output(app: typer.Typer, runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", "기초연금 얼마 받아요", "--json", "--k", "2"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert len(hits) == 2
    assert set(hits[0]) >= HIT_FIELDS
    assert hits[0]["program_id"] == "basic_pension"
    assert hits[0]["year"] == 2026


@pytest.mark.usefixtures("full_env")
def test_search_batch_from_file_and_stdin(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_text(
        '{"query": "아동수당 몇 살까지"}\n\nnot json\n{"query": ""}\n{"query": "energy voucher", "k": 1}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["search", "--batch", str(batch), "--k", "2"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["line"] for line in lines] == [1, 3, 4, 5]
    assert lines[0]["results"][0]["program_id"] == "child_allowance"
    assert len(lines[0]["results"]) == 2
    assert "error" in lines[1]
    assert "error" in lines[2]
    assert len(lines[3]["results"]) == 1

    piped = runner.invoke(app, ["search", "--batch", "-"], input='{"query": "부모급여"}\n')
    assert piped.exit_code == 0, piped.output
    assert json.loads(piped.output)["results"][0]["program_id"] == "parent_benefit"


@pytest.mark.usefixtures("full_env")
@pytest.mark.parametrize(
    "args",
    [
        ["search"],
        ["search", "   "],
        ["search", "x", "--k", "0"],
        ["search", "x", "--k", "101"],
        ["search", "x", "--batch", "q.jsonl"],
        ["search", "--batch", "/nonexistent/q.jsonl"],
        ["search", "x", "--k", "many"],
        ["ingest"],
    ],
)
def test_bad_input_exits_2_without_traceback(app: typer.Typer, runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


def test_ingest_good_and_broken_files(app: typer.Typer, runner: CliRunner, small_env: Path) -> None:
    good = small_env / "guide.md"
    good.write_text("# 시흥 안내\n\n## 내용\n배곧동 주민 설명회 안내\n", encoding="utf-8")
    pdf = small_env / "flyer.pdf"
    pdf.write_bytes(make_pdf(["Baegot community meeting"]))
    broken = small_env / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 truncated")
    html = small_env / "page.html"
    html.write_bytes(b"\xff\xfe\x00 not utf8")

    result = runner.invoke(app, ["ingest", str(good), str(broken), str(pdf), str(html)])
    assert result.exit_code == 2
    assert "added:" in result.output
    assert "broken.pdf" in result.output
    assert "page.html" in result.output
    assert "2 of 4" in result.output

    found = runner.invoke(app, ["search", "배곧동 설명회", "--json", "--k", "1"])
    assert json.loads(found.stdout)[0]["kind"] == "ingested"
    found = runner.invoke(app, ["search", "Baegot community meeting", "--json", "--k", "1"])
    assert json.loads(found.stdout)[0]["source"] == "flyer.pdf p.1"

    again = runner.invoke(app, ["ingest", str(good)])
    assert again.exit_code == 0
    assert "unchanged" in again.output
    good.write_text("# 시흥 안내\n\n## 내용\n배곧동 주민 설명회 장소 변경\n", encoding="utf-8")
    replaced = runner.invoke(app, ["ingest", str(good), "--json"])
    assert json.loads(replaced.stdout)["replaced"] is True
    hits = json.loads(runner.invoke(app, ["search", "배곧동 설명회", "--json", "--k", "5"]).stdout)
    assert sum(1 for h in hits if h["kind"] == "ingested" and "배곧동" in h["text"]) == 1


def test_ingest_missing_path_and_directory(app: typer.Typer, runner: CliRunner, small_env: Path) -> None:
    folder = small_env / "docs"
    folder.mkdir()
    (folder / "a.md").write_text("# 가\n\n## 내용\n가나다\n", encoding="utf-8")
    (folder / "ignored.docx").write_bytes(b"PK")
    result = runner.invoke(app, ["ingest", str(folder), str(small_env / "missing.md")])
    assert result.exit_code == 2
    assert "a.md" in result.output
    assert "missing.md: no such file" in result.output
