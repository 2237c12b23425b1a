"""`welfare-agent doctor` with the fake model server up, down, and without a model."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from agent import cli_doctor
from agent.db import prepare_database
from agent.settings import Settings, get_settings
from fakes.ollama_server import FakeOllama

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """Test app."""

    cli_doctor.register(app)
    return app


def _use(monkeypatch: pytest.MonkeyPatch, **env: str) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()


def test_doctor_all_fine_with_the_fake_server(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake: FakeOllama
) -> None:
    _use(
        monkeypatch, WELFARE_LLM_BACKEND="ollama", OLLAMA_HOST=fake.url, WELFARE_DATA_DIR=str(tmp_path / "d")
    )
    prepare_database(Settings()).dispose()
    result = runner.invoke(_app(), ["doctor", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    checks = {c["name"]: c for c in report["checks"]}
    assert report["ok"]
    assert report["mode"] == "llm"
    assert checks["database"]["status"] == "ok"
    assert checks["database"]["data"]["programs"] >= 19
    assert checks["index"]["status"] == "warn"  # not built yet: built on first search
    assert checks["model"]["status"] == "ok"
    assert "qwen3:4b" in checks["model"]["data"]["models"]

    text = runner.invoke(_app(), ["doctor"])
    assert text.exit_code == 0
    assert re.search(r"model +OK", text.output)
    assert "qwen3:4b loaded" in text.output


def test_doctor_model_server_down(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    _use(monkeypatch, WELFARE_LLM_BACKEND="ollama", OLLAMA_HOST=f"http://127.0.0.1:{port}")
    result = runner.invoke(_app(), ["doctor"])
    assert result.exit_code == 1
    assert "model" in result.output
    assert "FAIL" in result.output
    assert "unreachable" in result.output
    assert "deterministic" in result.output
    assert "database" in result.output
    assert "WARN" in result.output


def test_doctor_model_missing(monkeypatch: pytest.MonkeyPatch, fake: FakeOllama) -> None:
    _use(monkeypatch, WELFARE_LLM_BACKEND="ollama", OLLAMA_HOST=fake.url, WELFARE_LLM_MODEL="exaone3.5:7.8b")
    result = runner.invoke(_app(), ["doctor", "--json"])
    assert result.exit_code == 1
    model = next(c for c in json.loads(result.output)["checks"] if c["name"] == "model")
    assert model["status"] == "fail"
    assert "not found" in model["detail"]


def test_doctor_deterministic_mode_is_fine(monkeypatch: pytest.MonkeyPatch) -> None:
    _use(monkeypatch, WELFARE_LLM_BACKEND="none")
    result = runner.invoke(_app(), ["doctor", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["mode"] == "deterministic"
