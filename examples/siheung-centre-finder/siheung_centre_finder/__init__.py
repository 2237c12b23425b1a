"""Siheung 행정복지센터 finder: a welfare-agent tool plugin (entry point `centre_finder`).

"정왕동 사는데 어디 주민센터 가야 해요?" → the 행정동 whose 행정복지센터 serves the citizen's dong. Installed
into the agent's environment, it is discovered through the `welfare_agent.tools` entry point and registered
by `register_tools`, the same hook the built-in tools use.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from siheung_centre_finder.finder import CentreAnswer, UnknownDongError, dong_in, find_centre, sentence
from tools.registry import ToolContext, ToolRegistry, TurnView, tool

__all__ = [
    "CentreAnswer",
    "FindCentreArgs",
    "UnknownDongError",
    "find_centre",
    "register_tools",
]


class FindCentreArgs(BaseModel):
    """Arguments of `find_welfare_centre`."""

    model_config = ConfigDict(extra="forbid")

    dong: str = Field(
        min_length=1,
        max_length=40,
        description="A Siheung 법정동 or 행정동 name in Korean, e.g. 정왕동, 배곧.",
    )


def _from_turn(view: TurnView) -> FindCentreArgs | None:
    """Route a turn here when the message names a Siheung dong."""
    dong = dong_in(view.message)
    return FindCentreArgs(dong=dong) if dong else None


def _render(result: Any, language: str) -> str | None:
    """The reply sentence from the result's JSON form."""
    return sentence(CentreAnswer.model_validate(result), language)


@tool(
    name="find_welfare_centre",
    description="Which Siheung 행정복지센터 (by 행정동) serves a 법정동 or 행정동 name. Several centres are "
    "returned when the name is split between them; the citizen's road-name address then decides.",
    args=FindCentreArgs,
    audience=("citizen", "officer"),
    intents=("application_help", "program_info"),
    from_turn=_from_turn,
    render=_render,
)
def find_welfare_centre(args: FindCentreArgs, context: ToolContext) -> CentreAnswer:
    """The tool: `find_centre` on the given name."""
    del context
    return find_centre(args.dong)


def register_tools(registry: ToolRegistry, deps: object) -> None:
    """The plugin hook (entry point `welfare_agent.tools: centre_finder`); `deps` is not needed."""
    del deps
    registry.register(find_welfare_centre)
