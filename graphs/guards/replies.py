"""Canned replies of the guard node, loaded from `prompts/guards.yaml` (ko, en, zh, vi)."""

from __future__ import annotations

from typing import Literal

from graphs.guards.categories import Refusal
from prompts import LANGUAGES, PromptNotFoundError, load_yaml

__all__ = ["ReplyKey", "guard_reply"]

ReplyKey = Refusal | Literal["pii_notice", "output_blocked"]


def guard_reply(key: ReplyKey, language: str = "ko", **values: object) -> str:
    """The canned reply for a refusal category, the PII notice or a blocked output, in `language`.

    Falls back to Korean for a language without a text; `values` fill placeholders such as `{max_chars}`.
    Raises `PromptNotFoundError` when the key is missing from the file (a bug) or a placeholder is not given.
    """
    entries = load_yaml("guards.yaml")
    if key not in entries:
        raise PromptNotFoundError(f"prompts/guards.yaml has no '{key}'")
    texts = entries[key]
    text = str(texts.get(language if language in LANGUAGES else "ko") or texts["ko"])
    try:
        return text.format(**values)
    except KeyError as missing:
        raise PromptNotFoundError(f"prompts/guards.yaml '{key}' needs a value for {missing}") from None
