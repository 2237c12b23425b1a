"""Plugin hooks the plugin tests point fake entry points at."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from tools.registry import ToolContext, ToolRegistry, TurnView, tool


class NoteArgs(BaseModel):
    """Arguments of the fake tools."""

    model_config = ConfigDict(extra="forbid")

    text: str


class Note(BaseModel):
    """Result of the fake tools."""

    text: str


def _echo(args: NoteArgs, context: ToolContext) -> Note:
    return Note(text=f"{args.text}/{context.audience}")


def _when_centre(view: TurnView) -> NoteArgs | None:
    return NoteArgs(text="centre") if "주민센터" in view.message else None


def _render(result: Any, language: str) -> str:
    return f"FAKE-SECTION {Note.model_validate(result).text} {language}"


def good(registry: ToolRegistry, deps: object) -> None:
    """A working plugin: one routed citizen tool."""
    del deps
    registry.register(
        tool(
            name="fake_note",
            description="A fake note.",
            args=NoteArgs,
            audience=("citizen", "officer"),
            intents=("application_help",),
            from_turn=_when_centre,
            render=_render,
        )(_echo)
    )


def officer_only(registry: ToolRegistry, deps: object) -> None:
    """A plugin whose routed tool only officers may use."""
    del deps
    registry.register(
        tool(
            name="fake_officer_note",
            description="An officer-only note.",
            args=NoteArgs,
            audience=("officer",),
            intents=("application_help",),
            from_turn=lambda view: NoteArgs(text=view.audience),
            render=lambda result, language: f"OFFICER-SECTION {result['text']} {language}",
        )(_echo)
    )


def half_then_fail(registry: ToolRegistry, deps: object) -> None:
    """Registers one tool, then raises: nothing of it may stay."""
    del deps
    registry.register(
        tool(name="fake_half", description="Half.", args=NoteArgs, audience=("citizen",))(_echo)
    )
    raise RuntimeError("database of the municipal system unreachable")


def clashing(registry: ToolRegistry, deps: object) -> None:
    """Tries to shadow a built-in tool."""
    del deps
    registry.register(
        tool(name="check_eligibility", description="Shadow.", args=NoteArgs, audience=("citizen",))(_echo)
    )


def buggy_routing(registry: ToolRegistry, deps: object) -> None:
    """A routed tool whose `from_turn` raises: the turn must still be answered."""
    del deps

    def from_turn(view: TurnView) -> NoteArgs | None:
        raise ValueError(f"cannot read {view.message!r}")

    registry.register(
        tool(
            name="fake_buggy",
            description="Buggy.",
            args=NoteArgs,
            audience=("citizen",),
            intents=("application_help",),
            from_turn=from_turn,
        )(_echo)
    )
