"""Plugin tools in a turn (issue 8): routing them from the turn, and their sections of the reply."""

from __future__ import annotations

import logging
from typing import Any

from graphs import responder
from graphs.state import AgentState
from tools.registry import Audience, ToolRegistry, TurnView

log = logging.getLogger(__name__)


def plugin_actions(
    tools: ToolRegistry, state: AgentState, planned: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Actions for the tools that route themselves (`from_turn`) and serve this turn's intent and audience."""
    audience: Audience = "officer" if state.get("audience") == "officer" else "citizen"
    intent = state.get("intent") or ""
    taken = {a["tool"] for a in planned}
    view = TurnView(
        message=state.get("message", ""),
        language=state.get("language", "ko"),
        intent=intent,
        audience=audience,
        programs=tuple(state.get("programs") or []),
        facts=dict(state.get("facts") or {}),
    )
    actions: list[dict[str, Any]] = []
    for item in tools.available(audience, intent):
        if item.from_turn is None or item.name in taken:
            continue
        try:
            args = item.from_turn(view)
        except Exception:  # a plugin bug skips that tool for this turn
            log.warning("plugin from_turn failed", extra={"tool": item.name}, exc_info=True)
            continue
        if args is not None:
            actions.append({"tool": item.name, "args": args.model_dump(mode="json"), "plugin": True})
    return actions


def plugin_sections(tools: ToolRegistry, state: AgentState, language: str) -> list[str]:
    """The reply sections of this turn's plugin results (each tool's `render`)."""
    sections: list[str] = []
    for entry in state.get("plugin_results") or []:
        item = tools.get(entry["tool"]) if entry["tool"] in tools else None
        if item is None or item.render is None:
            continue
        try:
            text = item.render(entry["result"], language)
        except Exception:
            log.warning("plugin render failed", extra={"tool": item.name}, exc_info=True)
            continue
        if text and text.strip():
            sections.append(text.strip())
    return sections


def with_sections(reply: str, sections: list[str], language: str, *, lead: bool) -> str:
    """Put plugin sections into a reply: first when no program was named (they are the answer, and a bare
    "which program?" prompt is dropped), otherwise before the closing note."""
    final = responder.render("final_note", language)
    canned = {responder.render("which_program", language), responder.render("no_results", language)}
    if lead:
        rest = "" if reply.strip() in canned else reply
        return "\n".join([*sections, rest or final])
    if reply.endswith(final):
        return "\n".join([reply[: -len(final)].rstrip("\n"), *sections, final])
    return "\n".join([reply, *sections])
