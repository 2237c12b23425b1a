"""Schema-driven fuzz of the HTTP API with Schemathesis: no operation may answer with a server error (5xx).

Every operation of the app's OpenAPI schema is exercised with positive (schema-valid) and negative
(schema-violating) inputs; each input is sent without credentials, with a garbage bearer key and with a valid
officer key. Requests go in-process to the ASGI app through Schemathesis' ASGI client, whose lifespan (the chat
service) runs for the module and is shut down at its end. Generation is derandomized and bounded
(MAX_EXAMPLES per operation, no deadline) so runs are reproducible and quick.

The schema is taken from an app that is never started (its settings are not used) so collection has no side
effects; Schemathesis' lazy `from_fixture` loader is not used (it breaks on pytest 9's nodes).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.python import asgi

from agent.app import create_app
from agent.auth import create_user
from agent.settings import Settings

MAX_EXAMPLES = 30
GARBAGE_KEY = "Bearer wa_not-a-real-key-0000000000000000000000000"


def _settings(data_dir: str) -> Settings:
    return Settings(
        WELFARE_DATA_DIR=data_dir,
        WELFARE_LLM_BACKEND="none",
        WELFARE_RATE_SESSION_PER_MIN=1_000_000,
        WELFARE_RATE_CLIENT_PER_MIN=1_000_000,
    )


schema = schemathesis.openapi.from_dict(create_app(_settings("unused-schema-only")).openapi())
schema.config.generation.update(max_examples=MAX_EXAMPLES, deterministic=True)
schema.config.output.sanitization.update(enabled=False)  # print the real session ids and keys of a failure


@dataclass(frozen=True)
class Target:
    """A running app's in-process client and the Authorization headers to try (None: no header)."""

    client: asgi.ASGIClient
    authorizations: tuple[str | None, ...]


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    """The app on a fresh data directory with its lifespan running, and an officer's key."""
    app = create_app(_settings(str(tmp_path_factory.mktemp("fuzz") / "data")))
    try:
        with asgi.get_client(app) as client:  # type: ignore[arg-type]  # FastAPI's scope is a MutableMapping
            assert client.get("/healthz").status_code == 200
            _, key = create_user(app.state.services.db, "fuzz", "officer")
            yield Target(client, (None, GARBAGE_KEY, f"Bearer {key}"))
    finally:
        asgi.shutdown_lifespans()


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_error(case: schemathesis.Case[Any], target: Target) -> None:
    """Any input, any credentials: the answer is never a 5xx (nor an exception out of the app)."""
    for authorization in target.authorizations:
        headers = {"Authorization": authorization} if authorization else None
        reproduce = case.as_curl_command(headers=headers, base_url=target.client.base_url)
        try:
            response = case.call(session=target.client, base_url=target.client.base_url, headers=headers)
        except Exception as exc:  # an exception escaping the app is a server error too
            pytest.fail(f"{case.operation.label} raised {exc!r}\nreproduce: {reproduce}")
        assert response.status_code < 500, (
            f"{case.operation.label} answered {response.status_code}: {response.text[:500]}\n"
            f"reproduce: {reproduce}"
        )
