"""The conversation state LangGraph checkpoints, and the chat turn the graph returns.

The state is bounded: the remembered history is trimmed to the last few turns and every per-turn field is
overwritten each turn, so turn 300 costs what turn 1 does.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict

from pydantic import BaseModel, Field

from graphs.nlu.intent import Intent

FLOW_INTENTS: tuple[Intent, ...] = (
    "eligibility_check",
    "program_info",
    "application_help",
    "benefit_discovery",
)
FLOWS: tuple[Intent, ...] = ("eligibility_check", "benefit_discovery")
"""The intents that run a check: their open questions carry over to the next turn."""
DangerReply = Literal["none", "crisis_reply", "lines_then_answer", "urgent_help"]
"""How a danger shapes the reply: not at all; the crisis reply alone (the lines that fit, and the offer of a
person); the lines that fit and then the answer to what she asked; or the 긴급복지 check with where to ask for
it today."""
HISTORY_TURNS = 6
"""How many past turns (citizen + agent) the state keeps for the responder."""


class TurnInput(TypedDict, total=False):
    """What a caller passes for one turn (the narrow input state)."""

    message: str
    locale: str | None
    session_id: str
    audience: str
    guarded: bool
    """True when the caller already redacted and screened `message` (then `pii` and `refusal` say what it found)."""
    pii: list[str]
    refusal: str | None
    handoff_allowed: bool
    """False when this client has opened as many cases as it may for now (no case is opened this turn)."""


class AgentState(TypedDict, total=False):
    """Everything the graph remembers between turns plus the current turn's working data."""

    # input of this turn
    message: str
    """The citizen's message, already redacted by the guard."""
    locale: str | None
    """The language the client asked for (ko, en, zh, vi), if any."""
    session_id: str
    audience: str
    guarded: bool
    handoff_allowed: bool
    # memory (persists across turns)
    history: list[dict[str, str]]
    """The last turns as {"role": "citizen" | "agent", "text": ...}, trimmed to HISTORY_TURNS."""
    language: str
    flow: str | None
    """The flow the conversation is in (an intent of FLOW_INTENTS)."""
    programs: list[str]
    """Program ids this turn is about."""
    goal: list[str]
    """The programs of the check under way (`programs` is this turn's: an aside names its own)."""
    facts: dict[str, Any]
    """The household collected so far, in the contract's field names."""
    known: list[str]
    """Chat-level slots the citizen has answered (e.g. 'household')."""
    pending: list[str]
    """The slots the agent asked for in its last reply."""
    offer: str | None
    """A yes/no offer awaiting an answer (e.g. 'handoff')."""
    declined: list[str]
    """Slots the citizen preferred not to answer."""
    keep_pending: bool
    """This turn answered something else briefly; the pending question is asked again."""
    income_kind_unsaid: bool
    """Her income was given without saying whether it is earned ("월 182"): read as other income, and asked
    when the 30% deduction on earnings would change a status (`policy.income_kind_probe`)."""
    ledger: dict[str, dict[str, Any]]
    """Per fact slot: status (said, answered, corrected, refused, assumed), turn, and how often it was asked
    (see `graphs.dialogue.ledger`); `known` and `declined` are its views."""
    crisis_offered: bool
    """The last reply was a crisis reply (its offer of a person is open; a case it opens is a crisis case)."""
    handoff_id: str | None
    handoff_contact: str | None
    """How she chose to be reached (chat | phone | visit), on the turn she answered the offer of a person."""
    turn: int
    # this turn's work (overwritten every turn)
    intent: str
    confidence: float
    crisis: bool
    """The reply opens with the help lines for a danger (`danger_reply` is one of the two crisis replies)."""
    crisis_kinds: list[str]
    """The kinds of danger this message showed (suicide, violence, no_food, missing_person, ...)."""
    danger_reply: DangerReply
    """How a danger shapes this turn's reply (`graphs.dialogue.turn.danger_reply`)."""
    applicant: str | None
    """Whom she asks for when it is not herself ("parent": "어머니 대신 문의드립니다"); kept for the conversation."""
    applicant_told: bool
    """This message says whom she asks for (the reply then says it checks for that person)."""
    asked_how: bool
    """She asked how to apply, with her own facts: the check's reply also says how and where."""
    asked_about: list[str]
    """The programs she asked about in this turn: the check's reply starts with what they are."""
    pii: list[str]
    """Kinds of personal data removed from this message."""
    refusal: str | None
    """A guard refusal category (injection, fraud, ...) when the message was refused."""
    actions: list[dict[str, Any]]
    results: list[dict[str, Any]]
    verdicts: dict[
        str, str
    ]  # the verdict last given (`flows.verdict_of`), to tell when a remark changes nothing
    probes: dict[str, list[dict[str, Any]]]
    """Results under another value of an unstated fact (`policy.nationality_probe`), by fact."""
    hits: list[dict[str, Any]]
    topic: str | None
    """The booklet program the last document answer was about (its 사업명 or id): a follow-up that names no
    topic of its own ("어디서 신청해요?", "where do we apply for it?") is about it."""
    catalogue: list[dict[str, Any]]
    plugin_results: list[dict[str, Any]]
    """Results of plugin tools this turn, as {"tool": name, "result": JSON} (rendered by the responder)."""
    handoff: dict[str, Any] | None
    reply: str
    card_lines: list[str]
    """The reply's lines that say each program's result (`responder.result_lines`): a page that shows the
    results as cards leaves them out of the text (`ChatTurn.brief`)."""
    follow_up: dict[str, str] | None
    citations: list[dict[str, Any]]
    mode: str
    usage: dict[str, int]
    """LLM calls and prompt tokens of this turn."""


class Citation(BaseModel):
    """A source a reply relies on."""

    title: str
    source: str
    url: str | None = None
    snippet: str = ""


class FollowUp(BaseModel):
    """The agent's pending question."""

    slot: str
    question: str


class Stamp(BaseModel):
    """What produced an answer, so that it can be explained and replayed later."""

    rules: str = Field(
        description="Content hash of the rules data files seeded (data/programs, data/parameters)."
    )
    documents: str = Field(
        description="Content hash of the document index (documents, corpus, ingested files)."
    )
    prompts: str = Field(description="Hash of the prompt, reply-template and locale files.")
    model: str = Field(description="'deterministic', or the backend and model (with its digest when known).")


class ChatTurn(BaseModel):
    """The chat turn of the contract (`POST /v1/chat`, `welfare-agent ask --json`)."""

    session_id: str
    reply: str
    language: str
    intent: str
    programs: list[str] = Field(default_factory=list)
    eligibility: list[dict[str, Any]] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    follow_up: FollowUp | None = None
    handoff: dict[str, Any] | None = None
    crisis: bool = False
    mode: Literal["llm", "deterministic"] = "deterministic"
    usage: dict[str, int] = Field(default_factory=dict)
    """Extension: LLM calls and (approximate) prompt tokens of this turn."""
    stamp: Stamp | None = None
    """Extension: the rules data, document index, prompt and model versions behind this answer."""
    brief: str | None = None
    """Extension: the reply without the lines that say each program's result, for a page that shows
    `eligibility` as cards (so the verdict is not read twice); null when the reply has no such lines or a
    model wrote it."""
