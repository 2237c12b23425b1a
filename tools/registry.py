"""The tool registry: typed tools with an audience, registered through one interface.

A tool is a function with pydantic arguments and result, a description (for the planner, the model and
developers), its audience (citizen and/or officer) and the intents it serves. Built-in tools and plugins
register the same way (`register_tools(registry)`). Calls are checked here, not by the caller: a citizen's
turn can never reach an officer-only tool, whatever a message or a model asks for.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ValidationError

Audience = Literal["citizen", "officer"]
A = TypeVar("A", bound=BaseModel)
log = logging.getLogger(__name__)


class ToolError(Exception):
    """Base of the registry's errors."""


class UnknownToolError(ToolError):
    """No tool of that name is registered."""


class ToolAccessDeniedError(ToolError):
    """The caller's audience may not use this tool."""


class ToolInputError(ToolError):
    """The arguments do not validate against the tool's schema."""


@dataclass(frozen=True)
class ToolContext:
    """Who is calling: the audience decides which tools are reachable."""

    audience: Audience
    session_id: str | None = None
    language: str = "ko"
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ToolOutcome:
    """What a call returned: the result, or a failure message the model and the responder can show."""

    tool: str
    ok: bool
    result: Any = None
    error: str | None = None

    def as_json(self) -> Any:
        """The result as JSON-ready data (pydantic models dumped)."""
        return _dump(self.result) if self.ok else {"error": self.error}


ToolFunc = Callable[[A, ToolContext], Any]


@dataclass(frozen=True)
class TurnView:
    """What a tool's `from_turn` sees of the current turn (read-only; the graph builds it in `plan`)."""

    message: str
    """The citizen's message, already redacted by the guard."""
    language: str
    """The reply language (ko, en, zh, vi)."""
    intent: str
    """The turn's intent (eligibility_check, program_info, application_help, ...)."""
    audience: Audience = "citizen"
    programs: tuple[str, ...] = ()
    """Program ids the conversation is about."""
    facts: dict[str, Any] = field(default_factory=dict)
    """The household facts collected so far (the contract's field names)."""


FromTurn = Callable[[TurnView], A | None]
"""Build a tool's arguments from the turn, or None when the tool has nothing to do this turn."""
Render = Callable[[Any, str], str | None]
"""A reply section from a tool's result (its JSON form) in the given language, or None for nothing."""


@dataclass(frozen=True)
class Tool(Generic[A]):
    """A registered tool."""

    name: str
    description: str
    args: type[A]
    func: ToolFunc[A]
    audience: frozenset[Audience]
    intents: frozenset[str] = frozenset()
    origin: str = "builtin"
    from_turn: FromTurn[A] | None = None
    """Deterministic routing: when set, the planner calls the tool on turns of its intents (see TurnView)."""
    render: Render | None = None
    """The tool's section of the deterministic reply, from its result's JSON form and the reply language."""

    def schema(self) -> dict[str, Any]:
        """The OpenAI/Ollama function-tool JSON for model tool calling."""
        return {
            "type": "function",
            "function": {
                "name": self.name,
                "description": self.description,
                "parameters": self.args.model_json_schema(),
            },
        }


def tool(
    *,
    name: str,
    description: str,
    args: type[A],
    audience: Iterable[Audience],
    intents: Iterable[str] = (),
    origin: str = "builtin",
    from_turn: FromTurn[A] | None = None,
    render: Render | None = None,
) -> Callable[[ToolFunc[A]], Tool[A]]:
    """Decorator: turn `func(args, context)` into a `Tool`.

    `from_turn` and `render` are optional: with them the tool takes part in deterministic routing (the
    planner builds its arguments from the turn; the responder adds its section to the reply).
    """

    def wrap(func: ToolFunc[A]) -> Tool[A]:
        return Tool(
            name=name,
            description=description,
            args=args,
            func=func,
            audience=frozenset(audience),
            intents=frozenset(intents),
            origin=origin,
            from_turn=from_turn,
            render=render,
        )

    return wrap


class ToolRegistry:
    """Name → tool, with audience enforcement on every call."""

    def __init__(self) -> None:
        self._tools: dict[str, Tool[Any]] = {}

    def register(self, item: Tool[Any]) -> None:
        """Add a tool; a second tool with the same name is an error (plugins must not shadow built-ins)."""
        if item.name in self._tools:
            raise ToolError(f"tool '{item.name}' is already registered (by {self._tools[item.name].origin})")
        if not item.audience:
            raise ToolError(f"tool '{item.name}' has no audience")
        self._tools[item.name] = item

    def __contains__(self, name: object) -> bool:
        return name in self._tools

    def get(self, name: str) -> Tool[Any]:
        """The tool called `name`."""
        try:
            return self._tools[name]
        except KeyError:
            raise UnknownToolError(f"no tool named '{name}'") from None

    def all(self) -> list[Tool[Any]]:
        """Every tool, in registration order."""
        return list(self._tools.values())

    def available(self, audience: Audience, intent: str | None = None) -> list[Tool[Any]]:
        """Tools this audience may call (optionally only those serving `intent`)."""
        return [
            t
            for t in self._tools.values()
            if audience in t.audience and (intent is None or intent in t.intents)
        ]

    async def call(
        self, name: str, arguments: dict[str, Any] | BaseModel, context: ToolContext
    ) -> ToolOutcome:
        """Validate, check the audience, run. A failing tool becomes a failed outcome; bugs in the registry raise."""
        item = self.get(name)
        if context.audience not in item.audience:
            log.warning("tool access denied", extra={"tool": name, "audience": context.audience})
            raise ToolAccessDeniedError(f"tool '{name}' is not available to {context.audience}s")
        try:
            args = (
                arguments if isinstance(arguments, item.args) else item.args.model_validate(_dump(arguments))
            )
        except ValidationError as exc:
            raise ToolInputError(f"{name}: {exc.errors()[0]['msg']}") from None
        try:
            result = item.func(args, context)
            if inspect.isawaitable(result):
                result = await result
        except Exception as exc:  # a tool's own failure is data for the responder, not a crash
            log.exception("tool failed", extra={"tool": name})
            return ToolOutcome(tool=name, ok=False, error=f"{type(exc).__name__}: {exc}")
        return ToolOutcome(tool=name, ok=True, result=result)


def _dump(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list | tuple):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


__all__ = [
    "Audience",
    "Awaitable",
    "FromTurn",
    "Render",
    "Tool",
    "ToolAccessDeniedError",
    "ToolContext",
    "ToolError",
    "ToolInputError",
    "ToolOutcome",
    "ToolRegistry",
    "TurnView",
    "UnknownToolError",
    "tool",
]
