"""`welfare-agent tools list`: every registered tool (built-in and plugin) and every plugin's load status."""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from tools.plugins import PluginReport
    from tools.registry import Tool

tools_app = typer.Typer(help="The agent's tools (built-in and plugins).", no_args_is_help=True)


def tool_info(item: Tool[Any]) -> dict[str, Any]:
    """A tool as JSON: name, origin, audience, intents, description, argument schema, routing hooks."""
    return {
        "name": item.name,
        "origin": item.origin,
        "audience": sorted(item.audience),
        "intents": sorted(item.intents),
        "description": item.description,
        "routed": item.from_turn is not None,
        "renders": item.render is not None,
        "schema": item.args.model_json_schema(),
    }


def plugin_info(report: PluginReport) -> dict[str, Any]:
    """A plugin report as JSON."""
    return {
        "name": report.name,
        "target": report.target,
        "status": report.status,
        "distribution": report.distribution,
        "tools": list(report.tools),
        "error": report.error,
    }


async def _inventory() -> dict[str, Any]:
    from agent.chat import ChatService
    from agent.settings import get_settings

    async with ChatService(get_settings()) as chat:  # the same registry the agent runs with
        return {
            "tools": [tool_info(t) for t in chat.registry.all()],
            "plugins": [plugin_info(r) for r in chat.plugin_reports],
        }


def list_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (tools and plugins).")] = False,
) -> None:
    """List every tool: name, origin, audience, intents, description and argument schema."""
    data = asyncio.run(_inventory())
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for item in data["tools"]:
        typer.echo(f"{item['name']}  [{item['origin']}]  audience={','.join(item['audience'])}")
        typer.echo(f"  intents: {', '.join(item['intents']) or '-'}")
        typer.echo(f"  {item['description']}")
        typer.echo(f"  args: {json.dumps(_arguments(item['schema']), ensure_ascii=False)}")
    for plugin in data["plugins"]:
        line = f"plugin {plugin['name']}: {plugin['status']}"
        if plugin["tools"]:
            line += f" ({', '.join(plugin['tools'])})"
        if plugin["error"]:
            line += f" — {plugin['error']}"
        typer.echo(line)


def _arguments(schema: dict[str, Any]) -> dict[str, str]:
    """A compact view of an argument schema: name → type (`?` when optional)."""
    required = set(schema.get("required") or [])
    out: dict[str, str] = {}
    for name, spec in (schema.get("properties") or {}).items():
        kind = spec.get("type") or "|".join(
            str(s.get("type", s.get("$ref", "?"))) for s in spec.get("anyOf", [])
        )
        out[name] = f"{kind or 'any'}{'' if name in required else '?'}"
    return out


def register(app: typer.Typer) -> None:
    """Add `tools list` to the main app."""
    tools_app.command("list")(list_command)
    app.add_typer(tools_app, name="tools")
