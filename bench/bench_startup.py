"""Cold starts: each command in a new process, median of several runs, next to `python -c pass`.

And the first answer that needs documents after `make run` (`db upgrade`, then `serve`): from the moment the
port answers, how long the first such question takes over HTTP.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.common import Row, free_port, median, row

BIN = Path(sys.executable).parent
RUNS = 5
HOUSEHOLD = {
    "region": {"sido": "경기도", "sigungu": "시흥시"},
    "members": [{"relation": "self", "age": 70}],
    "income": {"earned_krw": 0, "other_krw": 300000},
    "assets": {"property_krw": 0, "financial_krw": 0, "debt_krw": 0},
}
DOCUMENT_QUESTION = "치매안심센터는 뭐 하는 곳이에요?"


def _cold(command: list[str], env: dict[str, str], runs: int = RUNS, stdin: str | None = None) -> float:
    """The median wall time of `command` in a new process (given `stdin`, when set)."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, input=stdin, text=stdin is not None)
        samples.append(time.perf_counter() - started)
    return median(samples)


def _first_document_answer(env: dict[str, str]) -> tuple[float, float]:
    """Seconds from `serve` starting to its port answering, and of the first question needing documents."""
    port = free_port()
    started = time.perf_counter()
    server = subprocess.Popen(
        [str(BIN / "welfare-agent"), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        ready = time.perf_counter() - started
        asked = time.perf_counter()
        response = httpx.post(f"{url}/v1/chat", json={"message": DOCUMENT_QUESTION}, timeout=120)
        response.raise_for_status()
        if not response.json()["citations"]:
            raise RuntimeError("the first document question came back without citations")
        return ready, time.perf_counter() - asked
    finally:
        server.terminate()
        server.wait(30)


def run() -> list[Row]:
    """Cold-start times of the CLI and of the first document answer after `make run`."""
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        env = {
            **os.environ,
            "WELFARE_DATA_DIR": str(Path(tmp) / "data"),
            "WELFARE_LLM_BACKEND": "none",
        }
        household = Path(tmp) / "household.json"
        household.write_text(json.dumps(HOUSEHOLD), encoding="utf-8")
        cli = str(BIN / "welfare-agent")
        upgrade_started = time.perf_counter()
        subprocess.run([cli, "db", "upgrade"], env=env, check=True, capture_output=True)
        upgrade = time.perf_counter() - upgrade_started
        rows = [
            row("startup", "python -c pass", _cold([sys.executable, "-c", "pass"], env), "s"),
            row("startup", "welfare-agent --help", _cold([cli, "--help"], env), "s", "<= 1"),
            row("startup", "welfare-agent programs", _cold([cli, "programs"], env), "s"),
            row("startup", "welfare-agent check (one household)", _cold([cli, "check", str(household)], env), "s", "<= 1"),
            row("startup", "welfare-agent ask (one turn, documents)", _cold([cli, "ask", DOCUMENT_QUESTION], env, 3), "s", "<= 3"),
            row("startup", "welfare-agent chat (start, then an empty line ends it)", _cold([cli, "chat"], env, stdin="\n"), "s", "<= 3"),
            row("startup", "db upgrade on a fresh data dir (index built)", upgrade, "s"),
        ]  # fmt: skip
        ready, first = _first_document_answer(env)
        rows += [
            row("startup", "serve: start to port answering (warm-up included)", ready, "s"),
            row("startup", "first answer needing documents after make run", first, "s", "<= 2"),
        ]
        return rows
