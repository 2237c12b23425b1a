"""The built-in tools: eligibility, documents, program catalogue, handoff. They register through the same
hook as third-party plugins (`register_tools(registry, deps)`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine as DbEngine

from tools.eligibility.engine import Engine
from tools.eligibility.household import parse_household
from tools.eligibility.limits import program_limits
from tools.eligibility.result import EligibilityResult
from tools.handoff.service import create_case, list_cases
from tools.registry import ToolContext, ToolRegistry, tool
from tools.retrieval.search import Retriever, SearchHit
from tools.retrieval.tool import SearchDocumentsArgs, search_documents


@dataclass(frozen=True)
class ToolDeps:
    """What tools may use: the rules engine, the database, the retriever (loaded lazily)."""

    rules: Engine
    db: DbEngine
    retriever: Callable[[], Retriever]


class CheckEligibilityArgs(BaseModel):
    """Arguments of `check_eligibility`."""

    model_config = ConfigDict(extra="forbid")

    household: dict[str, Any] = Field(description="The household JSON of the contract (members required).")
    programs: list[str] | None = Field(default=None, description="Program ids; all programs when omitted.")
    as_of: date | None = Field(default=None, description="Date the rules apply to; today when omitted.")


class CatalogueArgs(BaseModel):
    """Arguments of `program_catalogue`."""

    model_config = ConfigDict(extra="forbid")

    programs: list[str] | None = Field(default=None, description="Program ids; all when omitted.")


class HandoffArgs(BaseModel):
    """Arguments of `create_handoff`."""

    model_config = ConfigDict(extra="forbid")

    reason: Literal["requested", "crisis", "undecidable"]
    summary: str = Field(max_length=4000)
    facts: dict[str, Any] = Field(default_factory=dict)
    programs: list[str] = Field(default_factory=list)
    contact: Literal["chat", "phone", "visit"] = "chat"
    transcript: list[dict[str, str]] = Field(default_factory=list, max_length=100)


class HandoffCase(BaseModel):
    """A created (or already open) case: the chat turn's `handoff`."""

    id: str
    case_id: str
    status: str
    reason: str
    contact: str
    created_at: str


class ListHandoffsArgs(BaseModel):
    """Arguments of `list_handoffs` (officers only)."""

    model_config = ConfigDict(extra="forbid")

    status: Literal["open", "claimed", "closed"] | None = None


def _results_for_case(rules: Engine, facts: dict[str, Any]) -> list[dict[str, Any]]:
    """Every program checked on the facts collected (none when no household was described)."""
    if not facts:
        return []
    try:
        household = parse_household(facts)
    except ValueError:  # facts the chat collected are valid by construction; a case opens regardless
        return []
    return [r.model_dump(mode="json") for r in rules.check(household)]


def register_tools(registry: ToolRegistry, deps: ToolDeps) -> None:
    """Register the built-in tools."""

    @tool(
        name="check_eligibility",
        description="Check a household's eligibility for welfare programs with the deterministic rules engine. "
        "Returns per program: status, criteria with legal sources, missing facts, amount estimate, how to apply.",
        args=CheckEligibilityArgs,
        audience=("citizen", "officer"),
        intents=("eligibility_check", "benefit_discovery"),
    )
    def check_eligibility(args: CheckEligibilityArgs, context: ToolContext) -> list[EligibilityResult]:
        del context
        return deps.rules.check(parse_household(args.household), args.programs, args.as_of)

    @tool(
        name="search_documents",
        description="Find policy passages about welfare programs, with citations (program, title, source, year).",
        args=SearchDocumentsArgs,
        audience=("citizen", "officer"),
        intents=("program_info", "application_help", "benefit_discovery", "eligibility_check"),
    )
    def documents(args: SearchDocumentsArgs, context: ToolContext) -> list[SearchHit]:
        del context
        return search_documents(args, deps.retriever())

    @tool(
        name="program_catalogue",
        description="The catalogue entry of programs: names, level, agency, legal basis, summary, how to apply, "
        "documents, contact, official URL.",
        args=CatalogueArgs,
        audience=("citizen", "officer"),
        intents=("program_info", "application_help"),
    )
    def catalogue(args: CatalogueArgs, context: ToolContext) -> list[dict[str, Any]]:
        del context
        ids = deps.rules.validate_programs(args.programs) if args.programs else deps.rules.program_ids
        today = date.today()
        return [
            {
                **deps.rules.book.programs[i].model_dump(mode="json"),
                "limits": program_limits(deps.rules.book, i, today),
            }
            for i in ids
        ]

    @tool(
        name="create_handoff",
        description="Hand the conversation to a welfare officer: creates a case with a summary and the facts.",
        args=HandoffArgs,
        audience=("citizen",),
        intents=("handoff", "crisis"),
    )
    def handoff(args: HandoffArgs, context: ToolContext) -> HandoffCase:
        if not context.session_id:
            raise ValueError("a handoff needs the citizen's session")
        case = create_case(
            deps.db,
            session_id=context.session_id,
            reason=args.reason,
            language=context.language,
            summary=args.summary,
            facts=args.facts,
            programs=args.programs,
            contact=args.contact,
            results=_results_for_case(deps.rules, args.facts),
            transcript=args.transcript,
        )
        return HandoffCase(
            id=case.id,
            case_id=case.id,
            status=case.status,
            reason=case.reason,
            contact=case.contact,
            created_at=case.created_at.isoformat(),
        )

    @tool(
        name="list_handoffs",
        description="List handoff cases for officers (newest first).",
        args=ListHandoffsArgs,
        audience=("officer",),
        intents=(),
    )
    def handoffs(args: ListHandoffsArgs, context: ToolContext) -> list[dict[str, Any]]:
        del context
        return [c.model_dump(mode="json") for c in list_cases(deps.db, args.status)]

    for item in (check_eligibility, documents, catalogue, handoff, handoffs):
        registry.register(item)
