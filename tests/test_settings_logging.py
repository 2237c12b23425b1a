"""Settings come from the environment and `.env`; logs are one JSON object per line."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest

from agent.logging import JsonFormatter
from agent.settings import Settings


def test_defaults_work_on_a_fresh_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WELFARE_DATA_DIR", raising=False)
    monkeypatch.delenv("WELFARE_LLM_BACKEND", raising=False)
    settings = Settings()
    assert settings.llm_backend == "ollama"
    assert settings.ollama_host == "http://127.0.0.1:11434"
    assert settings.sqlalchemy_url == f"sqlite:///{(tmp_path / 'var' / 'welfare.db').resolve()}"
    assert (settings.rules_dir / "programs").is_dir()


def test_dotenv_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".env").write_text("WELFARE_LLM_MODEL=qwen3:8b\nDATABASE_URL=postgresql+psycopg://x@h/db\n")
    monkeypatch.setenv("OLLAMA_HOST", "http://gpu:11434")
    settings = Settings()
    assert settings.llm_model == "qwen3:8b"
    assert settings.sqlalchemy_url == "postgresql+psycopg://x@h/db"
    assert settings.ollama_host == "http://gpu:11434"


def test_invalid_setting_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WELFARE_LLM_BACKEND", "magic")
    with pytest.raises(ValueError, match=r"llm_backend|WELFARE_LLM_BACKEND"):
        Settings()


def test_json_log_lines_carry_extra_fields() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("test.json")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        logger.info("database: catalogue seeded", extra={"programs": 19})
    finally:
        logger.removeHandler(handler)
    record = json.loads(stream.getvalue())
    assert record["event"] == "database: catalogue seeded"
    assert record["programs"] == 19
    assert record["level"] == "info"
