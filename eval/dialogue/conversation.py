"""Playing one conversation: the resident's messages in, the agent's turns recorded, at most ten turns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from agent.chat import ChatService
from graphs.state import ChatTurn

MAX_TURNS = 10


class Resident(Protocol):
    """Who talks to the agent: the simulated citizen or a blind script."""

    locale: str | None
    unanswerable: list[str]
    events: list[str]

    @property
    def language(self) -> str:
        """The resident's language (ko, en, zh, vi)."""
        ...

    def first_message(self) -> str:
        """The opening message."""
        ...

    def reply(self, turn: ChatTurn) -> str | None:
        """The next message after the agent's turn; None ends the conversation."""
        ...


@dataclass(frozen=True)
class Exchange:
    """One turn: what the resident said and what came back."""

    said: str
    reply: str
    intent: str
    slot: str | None
    question: str | None
    results: list[dict[str, Any]]
    crisis: bool = False
    programs: tuple[str, ...] = ()
    """The programs the agent took the conversation to be about this turn."""


@dataclass
class Transcript:
    """A whole conversation."""

    exchanges: list[Exchange] = field(default_factory=list)
    error: str | None = None

    @property
    def questions(self) -> int:
        """Turns that asked a question before the final one."""
        return sum(1 for e in self.exchanges[:-1] if e.slot)

    @property
    def ended(self) -> str:
        """verdict (the last turn asks nothing), turn_limit, or error."""
        if self.error:
            return "error"
        if self.exchanges and self.exchanges[-1].slot is None:
            return "verdict"
        return "turn_limit"

    def final_results(self) -> dict[str, dict[str, Any]]:
        """Each program's result in the last turn that carried one for it."""
        final: dict[str, dict[str, Any]] = {}
        for exchange in self.exchanges:
            for result in exchange.results:
                final[str(result.get("program_id"))] = result
        return final

    def asked(self) -> list[str]:
        """The slots asked, in order (a slot asked twice appears twice)."""
        return [e.slot for e in self.exchanges if e.slot]


async def play(chat: ChatService, resident: Resident, *, max_turns: int = MAX_TURNS) -> Transcript:
    """Run the conversation in a new session until the resident stops or `max_turns` turns were played.

    An exception from the agent ends the conversation and is recorded (the evaluation goes on).
    """
    transcript = Transcript()
    session: str | None = None
    message: str | None = resident.first_message()
    try:
        while message is not None and len(transcript.exchanges) < max_turns:
            turn = await chat.turn(message, session_id=session, locale=resident.locale)
            session = turn.session_id
            transcript.exchanges.append(
                Exchange(
                    said=message,
                    reply=turn.reply,
                    intent=turn.intent,
                    slot=turn.follow_up.slot if turn.follow_up else None,
                    question=turn.follow_up.question if turn.follow_up else None,
                    results=[dict(r) for r in turn.eligibility],
                    crisis=turn.crisis,
                    programs=tuple(turn.programs),
                )
            )
            message = resident.reply(turn)
    except Exception as exc:
        transcript.error = f"{type(exc).__name__}: {exc}"
    return transcript
