"""The terminal commands: they import only what they use, and keep log lines out of the conversation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("langgraph", "langchain_core", "kiwipiepy", "bm25s", "sqlalchemy", "alembic", "ollama")


def _imported_after(args: list[str], env: dict[str, str]) -> set[str]:
    """The heavy packages loaded by running the CLI with `args` in a fresh interpreter."""
    probe = (
        "import sys, json\n"
        "from typer.testing import CliRunner\n"
        "from agent.cli import app\n"
        f"result = CliRunner().invoke(app, {args!r})\n"
        "assert result.exit_code == 0, result.output\n"
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_help_loads_neither_the_graph_nor_the_database() -> None:
    assert _imported_after(["--help"], dict(os.environ)) == set()
    assert _imported_after(["check", "--help"], dict(os.environ)) == set()


def test_check_loads_the_database_but_not_the_chat_graph(tmp_path: Path) -> None:
    from agent.db import prepare_database
    from agent.settings import get_settings

    prepare_database(get_settings()).dispose()  # migrated once (`db upgrade`): alembic is not needed again
    household = tmp_path / "h.json"
    household.write_text(json.dumps({"members": [{"relation": "self", "age": 70}]}), encoding="utf-8")
    loaded = _imported_after(["check", str(household)], dict(os.environ))
    assert "sqlalchemy" in loaded
    assert not loaded & {"langgraph", "langchain_core", "kiwipiepy", "bm25s", "alembic"}


def test_ask_in_deterministic_mode_loads_no_model_client() -> None:
    env = {**os.environ, "WELFARE_LLM_BACKEND": "none"}
    loaded = _imported_after(["ask", "기초연금 얼마예요?"], env)
    assert "langgraph" in loaded
    assert "ollama" not in loaded


@pytest.mark.parametrize(
    ("backend", "why"), [("none", "WELFARE_LLM_BACKEND=none"), ("ollama", "no model at http://127.0.0.1:9")]
)
def test_ask_prints_the_reply_and_one_notice_and_logs_to_a_file(
    tmp_path: Path, backend: str, why: str
) -> None:
    env = {
        **os.environ,
        "WELFARE_LLM_BACKEND": backend,
        "OLLAMA_HOST": "http://127.0.0.1:9",  # nothing listens: the deterministic fallback
        "WELFARE_DATA_DIR": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [str(Path(sys.executable).parent / "welfare-agent"), "ask", "기초연금 신청 어디서 해요?"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "기초연금" in done.stdout
    assert '"level"' not in done.stdout + done.stderr  # no JSON log line in the terminal
    notices = [line for line in done.stderr.splitlines() if line.startswith("deterministic mode")]
    assert len(notices) == 1
    assert why in notices[0]
    log = (tmp_path / "data" / "logs" / "welfare-agent.log").read_text(encoding="utf-8")
    assert '"event": "chat turn"' in log
