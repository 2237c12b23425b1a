"""The tool registry: audiences are enforced on every call; a tool's failure is data, not a crash."""

from __future__ import annotations

import asyncio

import pytest
from pydantic import BaseModel

from tools.registry import (
    ToolAccessDeniedError,
    ToolContext,
    ToolError,
    ToolInputError,
    ToolRegistry,
    UnknownToolError,
    tool,
)


class Echo(BaseModel):
    """Arguments of the test tools."""

    text: str


def _registry() -> ToolRegistry:
    registry = ToolRegistry()

    @tool(
        name="echo", description="Echo.", args=Echo, audience=("citizen", "officer"), intents=("smalltalk",)
    )
    def echo(args: Echo, context: ToolContext) -> str:
        return f"{context.audience}:{args.text}"

    @tool(name="secret", description="Officers only.", args=Echo, audience=("officer",))
    async def secret(args: Echo, context: ToolContext) -> str:
        del context
        return args.text.upper()

    @tool(name="broken", description="Fails.", args=Echo, audience=("citizen",))
    def broken(args: Echo, context: ToolContext) -> str:
        del args, context
        raise RuntimeError("backend down")

    for item in (echo, secret, broken):
        registry.register(item)
    return registry


def test_citizens_never_reach_officer_tools() -> None:
    registry = _registry()
    citizen = ToolContext(audience="citizen", session_id="s")
    with pytest.raises(ToolAccessDeniedError):
        asyncio.run(registry.call("secret", {"text": "x"}, citizen))
    assert [t.name for t in registry.available("citizen")] == ["echo", "broken"]
    assert asyncio.run(registry.call("secret", {"text": "x"}, ToolContext(audience="officer"))).result == "X"


def test_calls_validate_and_contain_failures() -> None:
    registry = _registry()
    citizen = ToolContext(audience="citizen")
    assert asyncio.run(registry.call("echo", {"text": "hi"}, citizen)).result == "citizen:hi"
    with pytest.raises(ToolInputError):
        asyncio.run(registry.call("echo", {"txt": "hi"}, citizen))
    with pytest.raises(UnknownToolError):
        asyncio.run(registry.call("nope", {}, citizen))
    outcome = asyncio.run(registry.call("broken", {"text": "x"}, citizen))
    assert not outcome.ok
    assert outcome.error == "RuntimeError: backend down"


def test_names_are_unique_and_schemas_are_exported() -> None:
    registry = _registry()
    with pytest.raises(ToolError, match="already registered"):
        registry.register(registry.get("echo"))
    schema = registry.get("echo").schema()
    assert schema["function"]["name"] == "echo"
    assert schema["function"]["parameters"]["required"] == ["text"]
    assert [t.name for t in registry.available("citizen", "smalltalk")] == ["echo"]
