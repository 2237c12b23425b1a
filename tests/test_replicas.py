"""Two `serve` processes on the local PostgreSQL and Redis, as two replicas behind a load balancer would run.

A conversation that alternates between them continues; one client's limit holds across both; and when one
replica stops mid-load, every turn it answered 200 is still there for the other to continue.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

BIN = Path(sys.executable).parent
START_SECONDS = 180


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_ready(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"replica exited with {process.returncode}")
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"replica at {url} not ready in {START_SECONDS} s")


def _start_replica(env: dict[str, str], tries: int = 3) -> tuple[str, subprocess.Popen[bytes]]:
    """A ready `serve` process. A free port can be taken by another process's connection before the replica
    binds it (the machine runs other tests): then it exits, and another port is tried."""
    for attempt in range(tries):
        port = _free_port()
        process = subprocess.Popen(
            [str(BIN / "welfare-agent"), "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_ready(url, process)
            return url, process
        except AssertionError:
            if process.poll() is None or attempt == tries - 1:
                process.terminate()
                raise
    raise AssertionError("unreachable")


@pytest.fixture(scope="module")
def replicas(
    postgres_url: str, redis_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[list[tuple[str, subprocess.Popen[bytes]]]]:
    """Two replicas sharing a fresh PostgreSQL database and Redis; limits low enough to reach in a test."""
    env = {
        **os.environ,
        "DATABASE_URL": postgres_url,
        "REDIS_URL": redis_url,
        "WELFARE_LLM_BACKEND": "none",
        "WELFARE_RATE_CLIENT_PER_MIN": "12",  # bursts of 4 a client, counted once for both replicas
        "WELFARE_LOG_LEVEL": "WARNING",
    }
    env.pop("WELFARE_METRICS_KEY", None)
    data = tmp_path_factory.mktemp("replicas")
    # Migrate once before the replicas start, as the deployment does.
    subprocess.run(
        [str(BIN / "welfare-agent"), "db", "upgrade"],
        env={**env, "WELFARE_DATA_DIR": str(data / "migrate")},
        check=True,
        capture_output=True,
    )
    started: list[tuple[str, subprocess.Popen[bytes]]] = []
    try:
        for name in ("a", "b"):
            started.append(_start_replica({**env, "WELFARE_DATA_DIR": str(data / name)}))
        yield started
    finally:
        for _, process in started:
            if process.poll() is None:
                process.terminate()
                process.wait(30)


def _turn(url: str, message: str, session: str | None, client: str) -> httpx.Response:
    body = {"message": message, **({"session_id": session} if session else {})}
    return httpx.post(f"{url}/v1/chat", json=body, headers={"X-Forwarded-For": client}, timeout=60)


def test_a_conversation_alternating_between_replicas_continues(
    replicas: list[tuple[str, subprocess.Popen[bytes]]],
) -> None:
    (a, _), (b, _) = replicas
    first = _turn(a, "혼자 사는 70세인데 기초연금 받을 수 있나요?", None, "198.51.100.1")
    assert first.status_code == 200
    session = first.json()["session_id"]
    assert first.json()["follow_up"]["slot"] == "income"
    second = _turn(b, "소득 없고 재산 없어요", session, "198.51.100.1").json()
    assert second["session_id"] == session
    assert [(r["program_id"], r["status"]) for r in second["eligibility"]] == [("basic_pension", "eligible")]
    third = _turn(a, "신청은 어디서 해요?", session, "198.51.100.1").json()
    assert "기초연금" in third["reply"]


def test_one_clients_limit_holds_across_both_replicas(
    replicas: list[tuple[str, subprocess.Popen[bytes]]],
) -> None:
    (a, _), (b, _) = replicas
    codes = [_turn(url, "안녕하세요", None, "198.51.100.2").status_code for url in (a, b, a, b, a, b)]
    # 4 in a burst for the client, whichever replica answers; each replica alone would have allowed 6
    assert codes[:4] == [200, 200, 200, 200]
    assert codes[4:] == [429, 429]
    assert _turn(b, "안녕하세요", None, "198.51.100.3").status_code == 200  # another client is not limited


def test_stopping_a_replica_mid_load_loses_no_answered_turn(
    replicas: list[tuple[str, subprocess.Popen[bytes]]],
) -> None:
    (a, stopping), (b, _) = replicas

    async def opening(client: httpx.AsyncClient, url: str, n: int) -> tuple[int, str | None]:
        try:
            response = await client.post(
                f"{url}/v1/chat",
                json={"message": "혼자 사는 70세인데 기초연금 받을 수 있나요?"},
                headers={"X-Forwarded-For": f"203.0.113.{n}"},
            )
        except httpx.HTTPError:
            return 0, None  # refused or cut off by the stopping replica: not answered
        return response.status_code, response.json().get(
            "session_id"
        ) if response.status_code == 200 else None

    async def load() -> list[tuple[int, str | None]]:
        async with httpx.AsyncClient(timeout=60) as client:
            tasks = [asyncio.create_task(opening(client, a if n % 2 else b, n)) for n in range(16)]
            await asyncio.sleep(0.3)
            stopping.send_signal(signal.SIGTERM)  # mid-load: some turns in flight on the stopping replica
            return list(await asyncio.gather(*tasks))

    outcomes = asyncio.run(load())
    stopping.wait(30)
    answered = [session for code, session in outcomes if code == 200 and session]
    assert answered, outcomes
    assert all(code in (0, 200, 503) for code, _ in outcomes), outcomes
    for n, session in enumerate(answered):
        more = _turn(b, "소득 없고 재산 없어요", session, f"192.0.2.{n}").json()
        statuses = [(r["program_id"], r["status"]) for r in more["eligibility"]]
        assert statuses == [("basic_pension", "eligible")], (session, more["reply"])
