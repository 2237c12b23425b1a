"""Guards of the guard node: personal-data redaction, input screening and output checking.

The graph calls `guard_input(message)` first in every citizen turn and works only on `GuardResult.text`: the
normalised message with personal identifiers replaced by placeholders. That is the only form of the message that
may be stored, logged, checkpointed or sent to a model. When `GuardResult.screening.verdict` is `refuse`, the
turn answers `guard_reply(screening.category, language)` and stops; when `pii_found` is true the reply starts
with `guard_reply("pii_notice", language)`. Before a reply leaves, `check_output(reply, secrets=...)` must pass.

Crisis detection lives in `graphs.nlu` (high-recall rules) and runs on `GuardResult.text`.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from graphs.guards.injection import DEFAULT_MAX_CHARS, Category, Screening, Verdict, screen
from graphs.guards.normalize import hidden_tag_text, normalize
from graphs.guards.output import OutputCheck, check_output
from graphs.guards.pii import (
    PLACEHOLDERS,
    PiiFinding,
    PiiKind,
    Redaction,
    detect_pii,
    is_public_number,
    redact,
)
from graphs.guards.replies import ReplyKey, guard_reply

__all__ = [
    "DEFAULT_MAX_CHARS",
    "PLACEHOLDERS",
    "Category",
    "GuardResult",
    "OutputCheck",
    "PiiFinding",
    "PiiKind",
    "Redaction",
    "ReplyKey",
    "Screening",
    "Verdict",
    "check_output",
    "detect_pii",
    "guard_input",
    "guard_reply",
    "hidden_tag_text",
    "is_public_number",
    "normalize",
    "redact",
    "screen",
]


class GuardResult(BaseModel):
    """The guarded form of one incoming message. Safe to log and checkpoint: it holds no identifier values."""

    model_config = ConfigDict(frozen=True)

    text: str
    """Normalised and redacted message: the only form to store, log, checkpoint or send to a model."""
    pii_kinds: list[PiiKind]
    """Kinds of personal identifiers removed (empty when none)."""
    screening: Screening
    """The screener's decision, made on the redacted text (`screening.cleaned == text`)."""

    @property
    def pii_found(self) -> bool:
        """True when something was redacted: the reply should carry the PII notice."""
        return bool(self.pii_kinds)

    @property
    def allowed(self) -> bool:
        """True when the turn may continue to understanding and tools."""
        return self.screening.verdict == "allow"


def guard_input(message: str, *, max_chars: int = DEFAULT_MAX_CHARS) -> GuardResult:
    """Normalise, redact and screen one citizen message (the guard node's input side).

    Overlong input is refused before redaction work; even then `text` is a redacted prefix, never the raw text.
    """
    if len(message) > max_chars * 4:
        message = message[: max_chars * 4]
    redaction = redact(normalize(message))
    screening = screen(redaction.text, max_chars=max_chars)
    if hidden_tag_text(message).strip() and screening.verdict == "allow":
        # Tag characters are removed by normalize(); screen the smuggled payload on its own.
        hidden = screen(message, max_chars=max_chars)
        if hidden.verdict == "refuse":
            screening = hidden.model_copy(update={"cleaned": redaction.text})
    return GuardResult(text=redaction.text, pii_kinds=redaction.kinds, screening=screening)
