"""HTTP load: 200 concurrent five-turn Korean eligibility conversations against `welfare-agent serve`.

The server runs as a separate process (deterministic mode, a temporary data directory, rate limits raised);
this process drives it with one httpx.AsyncClient. Sessions run concurrently, the turns of one session
sequentially. Every loop is bounded in count and by DEADLINE_S. The client and the server share the
machine's cores, so turns/s and latencies are a lower bound of what the server alone would do.

An error is a non-2xx reply, an exception (timeout, connection), or a conversation whose third turn does not
find `basic_pension` eligible. The server's peak RSS is VmHWM of its process.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench.common import Row, free_port, percentile, row

CONVERSATION = (
    "일흔 살이고 혼자 사는데 기초연금 받을 수 있나요?",
    "월 소득 30만원, 재산 없어요",
    "없어요",
    "신청은 어디서 해요?",
    "고마워요",
)
ELIGIBLE_TURN = 2  # zero-based index of the turn that must find basic_pension eligible
SESSIONS = 200
WARMUP_SESSIONS = 3
DEADLINE_S = 300.0
REQUEST_TIMEOUT_S = 30.0
STARTUP_TIMEOUT_S = 90.0
KEEPALIVE_EXPIRY_S = 2.0
ROOT = Path(__file__).resolve().parent.parent
NAME = "load"


@dataclass
class Tally:
    """Latencies of successful turns and the errors, by kind."""

    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    turns: int = 0
    sessions_done: int = 0


def _server_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        WELFARE_DATA_DIR=str(data_dir),
        WELFARE_LLM_BACKEND="none",
        WELFARE_RATE_SESSION_PER_MIN="100000",
        WELFARE_RATE_CLIENT_PER_MIN="100000",
        WELFARE_LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def peak_rss_mb(pid: int) -> float:
    """VmHWM (peak resident set) of process `pid` in MB; 0 when it cannot be read."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=15)


async def _wait_healthy(client: httpx.AsyncClient, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}:\n{log.read_text()[-2000:]}")
        with contextlib.suppress(httpx.HTTPError):
            if (await client.get("/healthz", timeout=2.0)).status_code == 200:
                return
        await asyncio.sleep(0.2)
    raise RuntimeError(f"server not healthy after {STARTUP_TIMEOUT_S:.0f} s:\n{log.read_text()[-2000:]}")


def _eligible(body: dict[str, Any]) -> bool:
    return any(
        r.get("program_id") == "basic_pension" and r.get("status") == "eligible"
        for r in body.get("eligibility") or []
    )


async def _session(
    client: httpx.AsyncClient, tally: Tally, *, record: bool = True, base: Iterator[str] | None = None
) -> None:
    """One conversation; stops at its first error (later turns would not be meaningful). With `base`, each
    turn goes to the next base URL it gives (a load balancer's choice of replica)."""
    session_id: str | None = None
    for index, message in enumerate(CONVERSATION):
        payload: dict[str, str] = {"message": message}
        if session_id is not None:
            payload["session_id"] = session_id
        started = time.perf_counter()
        try:
            response = await client.post(f"{next(base) if base else ''}/v1/chat", json=payload)
        except httpx.HTTPError as exc:
            tally.errors[f"exception:{type(exc).__name__}"] += 1
            return
        elapsed = time.perf_counter() - started
        if not response.is_success:
            tally.errors[f"http_{response.status_code}"] += 1
            return
        body = response.json()
        if session_id is not None and body.get("session_id") != session_id:
            tally.errors["session_changed"] += 1
            return
        session_id = body["session_id"]
        if record:
            tally.latencies.append(elapsed)
        tally.turns += 1
        if index == ELIGIBLE_TURN and not _eligible(body):
            tally.errors["turn3_not_eligible"] += 1
            return
    tally.sessions_done += 1


async def _drive(
    base_url: str, proc: subprocess.Popen[bytes], log: Path, sessions: int
) -> tuple[Tally, float]:
    # Idle connections expire on the client before uvicorn's 5 s keep-alive closes them on the server:
    # with equal timeouts a request can race the server's close and fail with ReadError.
    limits = httpx.Limits(
        max_connections=max(200, sessions),
        max_keepalive_connections=max(200, sessions),
        keepalive_expiry=KEEPALIVE_EXPIRY_S,
    )
    async with httpx.AsyncClient(
        base_url=base_url, limits=limits, timeout=httpx.Timeout(REQUEST_TIMEOUT_S)
    ) as client:
        await _wait_healthy(client, proc, log)
        warm = Tally()
        for _ in range(WARMUP_SESSIONS):
            await _session(client, warm, record=False)
        if warm.errors:
            raise RuntimeError(f"warm-up failed: {dict(warm.errors)}")
        tally = Tally()
        tasks = [asyncio.create_task(_session(client, tally)) for _ in range(sessions)]
        return tally, await until_deadline(tasks, tally)


async def until_deadline(tasks: list[asyncio.Task[None]], tally: Tally) -> float:
    """Wait for the sessions at most DEADLINE_S (those still running count as errors); the wall time."""
    started = time.perf_counter()
    _, pending = await asyncio.wait(tasks, timeout=DEADLINE_S)
    wall = time.perf_counter() - started
    for task in pending:
        task.cancel()
    if pending:
        tally.errors["deadline"] += len(pending)
        await asyncio.gather(*pending, return_exceptions=True)
    return wall


def measure(sessions: int = SESSIONS) -> tuple[Tally, float, float, int]:
    """Start the server, run `sessions` conversations; (tally, wall s, server peak RSS MB, server log errors)."""
    with tempfile.TemporaryDirectory(prefix="welfare-load-") as tmp:
        base = Path(tmp)
        port = free_port()
        log = base / "server.log"
        with log.open("wb") as out:
            proc = subprocess.Popen(
                [sys.executable, "-m", "agent", "serve", "--host", "127.0.0.1", "--port", str(port)],
                cwd=ROOT,
                env=_server_env(base / "data"),
                stdout=out,
                stderr=subprocess.STDOUT,
            )
            try:
                tally, wall = asyncio.run(_drive(f"http://127.0.0.1:{port}", proc, log, sessions))
                rss = peak_rss_mb(proc.pid)
            finally:
                _stop(proc)
        log_errors = sum('"level": "error"' in line for line in log.read_text(errors="replace").splitlines())
    return tally, wall, rss, log_errors


def run() -> list[Row]:
    """The load benchmark's rows."""
    tally, wall, rss, log_errors = measure()
    samples = tally.latencies or [0.0]
    errors = sum(tally.errors.values())
    cpus = os.cpu_count() or 0
    note = f"{cpus} cores shared by client and server"
    rows = [
        row(
            NAME,
            f"{SESSIONS} sessions x {len(CONVERSATION)} turns: turns/s ({note})",
            tally.turns / wall,
            "1/s",
        ),
        row(NAME, "turn latency p50", percentile(samples, 50) * 1e3, "ms"),
        row(NAME, "turn latency p95", percentile(samples, 95) * 1e3, "ms"),
        row(NAME, "turn latency p99", percentile(samples, 99) * 1e3, "ms"),
        row(NAME, "turns completed", tally.turns, "turns", str(SESSIONS * len(CONVERSATION))),
        row(NAME, "wall time", wall, "s", f"≤ {DEADLINE_S:.0f}"),
        row(NAME, "errors", errors, "count", "0"),
        row(NAME, "server peak RSS (VmHWM)", rss, "MB"),
        row(NAME, "server log lines at level error", log_errors, "count", "0"),
    ]
    rows.extend(
        row(NAME, f"errors: {kind}", count, "count", "0") for kind, count in sorted(tally.errors.items())
    )
    return rows


if __name__ == "__main__":
    from bench.run import format_table

    print(format_table(run()))
    print(
        f"note: client and server share the {os.cpu_count()} cores of this machine; "
        "the server runs as a separate process (uvicorn, one worker, deterministic mode)."
    )
