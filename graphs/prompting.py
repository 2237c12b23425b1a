"""Prompt files (`prompts/<name>.md`) rendered into chat messages, failing loudly on a wrong variable.

A prompt file holds `{placeholder}` fields (`{{` and `}}` for literal braces) and is split into messages by
marker lines `<!-- system -->` and `<!-- user -->`; text before the first marker documents the file and
is not sent; a header line `Reply budget: N tokens` caps the model's reply (see `ReplyLimit`), and the
user message's section labels (`CITIZEN:`) are its stop sequences. `render` refuses a missing or an unknown variable, and reports the prompt's size (characters
and an approximate token count) so that each turn can log it. `fixed_text` is the template without its
placeholders: pass it to `graphs.grounding.check_grounding` as an allowed source (the hotline numbers the
prompt itself states may appear in a reply).
"""

from __future__ import annotations

import json
import math
import re
import string
from dataclasses import dataclass
from functools import lru_cache

from graphs.llm import ChatMessage, ReplyLimit, Role
from prompts import load_text

_MARKER = re.compile(r"^<!--\s*(system|user|assistant)\s*-->\s*$", re.MULTILINE)
_BUDGET = re.compile(r"^Reply budget:\s*(\d+)\s*tokens", re.MULTILINE | re.IGNORECASE)
_LABEL = re.compile(r"^([A-Z][A-Z _]{2,}):", re.MULTILINE)
_CJK = re.compile(r"[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff]")


class PromptError(ValueError):
    """A prompt file or its variables are wrong (a bug: fail loudly)."""


def approx_tokens(text: str) -> int:
    """A rough token count for a Qwen-style BPE: one per Hangul/CJK character, one per 4 other characters.

    An estimate for budgets and reports, not a tokenizer; it tends to over-count Korean slightly.
    """
    cjk = len(_CJK.findall(text))
    return cjk + math.ceil((len(text) - cjk) / 4)


def _as_text(value: object) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


@dataclass(frozen=True)
class RenderedPrompt:
    """The messages to send, with their size."""

    name: str
    messages: list[ChatMessage]
    chars: int
    approx_tokens: int
    limit: ReplyLimit | None = None
    """How long the reply may run and where it stops (None: the file declares no budget)."""


@dataclass(frozen=True)
class PromptTemplate:
    """A parsed prompt file: its messages' templates and the variables they need."""

    name: str
    sections: tuple[tuple[Role, str], ...]
    variables: frozenset[str]
    reply_tokens: int | None = None
    """The reply budget the file declares (`Reply budget: N tokens`)."""

    @property
    def labels(self) -> tuple[str, ...]:
        """The section labels of the user message (`TOOL RESULTS`, `CITIZEN` ...), in order."""
        found: list[str] = []
        for role, text in self.sections:
            if role == "user":
                found += [label for label in _LABEL.findall(text) if label not in found]
        return tuple(found)

    @property
    def limit(self) -> ReplyLimit | None:
        """The cap sent with every call of this prompt: the budget, and the labels as stop sequences
        (a model that starts writing its own `CITIZEN:` turn, as small ones do, ends there)."""
        if self.reply_tokens is None:
            return None
        stops = tuple(f"{label}:" for label in reversed(self.labels))
        return ReplyLimit(max_tokens=self.reply_tokens, stop=stops)

    @property
    def fixed_text(self) -> str:
        """The template's own text, without placeholders (an allowed source for the output check)."""
        return "\n".join(re.sub(r"\{[A-Za-z_][A-Za-z0-9_]*\}", " ", text) for _, text in self.sections)

    def render(self, **values: object) -> RenderedPrompt:
        """The messages with every `{placeholder}` filled; `PromptError` on a missing or unknown variable.

        Strings are inserted as they are; other values as compact JSON.
        """
        missing = sorted(self.variables - values.keys())
        unknown = sorted(values.keys() - self.variables)
        if missing or unknown:
            parts = []
            if missing:
                parts.append(f"missing {', '.join(missing)}")
            if unknown:
                parts.append(f"unknown {', '.join(unknown)}")
            raise PromptError(f"prompts/{self.name}.md: {'; '.join(parts)}")
        texts = {key: _as_text(value) for key, value in values.items()}
        messages = [
            ChatMessage(role=role, content=text.format_map(texts).strip()) for role, text in self.sections
        ]
        chars = sum(len(m.content) for m in messages)
        return RenderedPrompt(
            name=self.name,
            messages=messages,
            chars=chars,
            approx_tokens=sum(approx_tokens(m.content) for m in messages),
            limit=self.limit,
        )


def parse_prompt(name: str, source: str) -> PromptTemplate:
    """Parse a prompt file's text (see the module doc); `PromptError` when malformed."""
    markers = list(_MARKER.finditer(source))
    if not markers:
        raise PromptError(f"prompts/{name}.md: no <!-- system --> or <!-- user --> marker")
    sections: list[tuple[Role, str]] = []
    variables: set[str] = set()
    for n, marker in enumerate(markers):
        end = markers[n + 1].start() if n + 1 < len(markers) else len(source)
        text = source[marker.end() : end]
        try:
            fields = list(string.Formatter().parse(text))
        except ValueError as exc:
            raise PromptError(f"prompts/{name}.md: {exc}") from None
        for _, field, spec, conversion in fields:
            if field is None:
                continue
            if not field.isidentifier() or spec or conversion:
                raise PromptError(f"prompts/{name}.md: bad placeholder {{{field}}}: use {{name}} only")
            variables.add(field)
        role: Role = marker.group(1)  # type: ignore[assignment]
        sections.append((role, text))
    budget = _BUDGET.search(source[: markers[0].start()])
    return PromptTemplate(
        name=name,
        sections=tuple(sections),
        variables=frozenset(variables),
        reply_tokens=int(budget.group(1)) if budget else None,
    )


@lru_cache(maxsize=32)
def load_prompt(name: str) -> PromptTemplate:
    """The prompt `prompts/<name>.md`, parsed (`prompts.PromptNotFoundError` when it does not exist)."""
    return parse_prompt(name, load_text(f"{name}.md"))
