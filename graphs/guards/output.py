"""Checking a reply before it is shown: no internal text (system prompt lines, internal ids) and no personal data.

`check_output(reply, secrets=[...])` flags a reply that contains any of the given internal strings, compared after
normalisation (case, width and spacing ignored), or a long enough verbatim piece of one; and any personal
identifier found by `detect_pii`. The graph replaces a flagged reply with the `output_blocked` canned text (or
with `redacted` when only personal data was found and the caller prefers to keep the answer).

Public numbers in `public_numbers.txt` are never flagged; `allowed` adds strings a tool returned on purpose
(the address of a 행정복지센터, an officer's desk number) so they are not flagged either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from graphs.guards.normalize import normalize
from graphs.guards.pii import PiiFinding, PiiKind, redact

__all__ = ["MIN_SECRET_CHARS", "OutputCheck", "check_output"]

MIN_SECRET_CHARS = 4
"""Secrets shorter than this (after normalisation) are ignored: they would match ordinary words."""
_CHUNK = 32
"""A secret longer than twice this is also matched by any verbatim piece of this many characters."""


class OutputCheck(BaseModel):
    """The verdict on one reply."""

    model_config = ConfigDict(frozen=True)

    ok: bool
    """True when the reply may be shown as it is."""
    leaked_secrets: list[int]
    """Indices (into `secrets`) of the internal strings found in the reply; never the strings themselves."""
    pii_kinds: list[PiiKind]
    """Kinds of personal identifiers found in the reply."""
    redacted: str
    """The reply with personal identifiers replaced (internal strings are not removed: replace the reply)."""


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", normalize(text).casefold()).strip()


def _leaks(reply: str, secret: str) -> bool:
    needle = _squash(secret)
    if len(needle) < MIN_SECRET_CHARS:
        return False
    if needle in reply:
        return True
    if len(needle) < 2 * _CHUNK:
        return False
    step = _CHUNK // 2
    return any(needle[start : start + _CHUNK] in reply for start in range(0, len(needle) - _CHUNK + 1, step))


def check_output(reply: str, *, secrets: list[str], allowed: Iterable[str] = ()) -> OutputCheck:
    """Flag a reply that shows internal text or personal data.

    `secrets`: system prompt lines, internal ids, anything that must never reach a citizen.
    `allowed`: strings that may appear although they look like personal data (public addresses or numbers
    returned by a tool).
    """
    haystack = _squash(reply)
    leaked = [index for index, secret in enumerate(secrets) if _leaks(haystack, secret)]
    allowed_squashed = {_squash(item) for item in allowed if item.strip()}
    redaction = redact(reply)
    flagged: list[PiiFinding] = [
        finding
        for finding in redaction.findings
        if not any(_squash(finding.value) in item for item in allowed_squashed)
    ]
    if len(flagged) != len(redaction.findings):
        keep = {(finding.start, finding.end) for finding in flagged}
        parts: list[str] = []
        cursor = 0
        for finding in redaction.findings:
            if (finding.start, finding.end) in keep:
                parts.append(reply[cursor : finding.start])
                parts.append(finding.placeholder)
                cursor = finding.end
        parts.append(reply[cursor:])
        redacted = "".join(parts)
    else:
        redacted = redaction.text
    kinds = list(dict.fromkeys(finding.kind for finding in flagged))
    return OutputCheck(ok=not leaked and not kinds, leaked_secrets=leaked, pii_kinds=kinds, redacted=redacted)
