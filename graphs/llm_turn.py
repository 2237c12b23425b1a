"""The LLM path of a turn: phrase the reply from the tool results, grounded and streamed sentence by sentence.

The deterministic reply is always computed first; the model may only rephrase it. Each sentence is checked
before it is streamed (every amount, percentage, date and phone number must appear in the tool results or
the fixed texts), so an invented figure never reaches the citizen. Any failure — the server down, slow,
erroring, a cut stream, or a check that fails — returns None and the deterministic reply stands.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from graphs.grounding import check_grounding
from graphs.guards import check_output
from graphs.guards.claims import check_claims
from graphs.guards.coverage import check_coverage, must_say, sentence_problems
from graphs.guards.instructions import echoes_instructions
from graphs.llm import ChatBackend, ChatMessage, LLMUnavailable, ToolSpec
from graphs.prompting import load_prompt
from prompts import load_text
from tools.registry import ToolContext, ToolError, ToolRegistry

log = logging.getLogger(__name__)
TokenSink = Callable[[str], Awaitable[None]]
LANGUAGE_NAMES = {
    "ko": "Korean (한국어)",
    "en": "English",
    "zh": "Simplified Chinese (简体中文)",
    "vi": "Vietnamese (Tiếng Việt)",
}
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|\n+")
_COUNTS: dict[str, int] = {}


def _secrets(system_prompt: str) -> list[str]:
    """Lines of the system prompt long enough to be recognisable if the model repeated them."""
    return [line.strip() for line in system_prompt.splitlines() if len(line.strip()) >= 24]


@lru_cache(maxsize=1)
def _scaffolding() -> re.Pattern[str]:
    """The prompts' own section labels ("PENDING QUESTION:", "LAST TURNS:", "CITIZEN:"): a reply that shows
    one is echoing its prompt, as a small model was seen to do."""
    labels: set[str] = set()
    for name in ("respond.md", "understand.md"):
        labels |= set(re.findall(r"^([A-Z][A-Z _]{2,}):", load_text(name), re.MULTILINE))
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, labels))) + r")\s*:")


def _leaks(text: str, secrets: list[str], sources: list[str]) -> bool:
    """The reply repeats the system prompt (verbatim, or translated, paraphrased, spaced out or in look-alike
    letters) or shows its section labels, or shows personal data that the sources did not contain."""
    return (
        bool(_scaffolding().search(text))
        or echoes_instructions(text)
        or not check_output(text, secrets=secrets, allowed=sources).ok
    )


def fallback_counts() -> dict[str, int]:
    """How often each reason sent a turn back to the deterministic reply (for the metrics)."""
    return dict(_COUNTS)


def _count(reason: str) -> None:
    _COUNTS[reason] = _COUNTS.get(reason, 0) + 1


@dataclass
class Phrased:
    """The model's reply when grounded, with what it cost."""

    text: str | None
    calls: int
    prompt_tokens: int
    fallback: str | None = None


def _compact_results(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    keep = ("program_id", "program_name", "status", "amount_krw", "amount_period", "rules_version", "missing")
    out = []
    for result in results:
        item = {k: result.get(k) for k in keep}
        item["criteria"] = [
            {"passed": c["passed"], "detail": c["detail"], "source": c["source"]} for c in result["criteria"]
        ]
        item["how_to_apply"] = result.get("how_to_apply")
        item["documents"] = result.get("documents")
        out.append(item)
    return out


def _passages(hits: list[dict[str, Any]]) -> tuple[str, list[str]]:
    lines, titles = [], []
    for index, hit in enumerate(hits[:3], start=1):
        titles.append(str(hit.get("title")))
        lines.append(
            f"[{index}] {hit.get('title')} ({hit.get('source')}, {hit.get('year')}): {' '.join(str(hit.get('text')).split())[:400]}"
        )
    return "\n".join(lines) or "none", titles


async def phrase(
    backend: ChatBackend,
    *,
    language: str,
    message: str,
    results: list[dict[str, Any]],
    hits: list[dict[str, Any]],
    pending_question: str | None,
    history: list[dict[str, str]],
    deterministic_reply: str,
    question_slot: str | None = None,
    on_token: TokenSink | None = None,
) -> Phrased:
    """One model call phrasing the reply; None text (with the reason) when it must not be shown.

    Each sentence is checked before it is streamed; the whole reply must then say what the deterministic
    reply says that matters (`graphs.guards.coverage`), or the deterministic reply stands.
    """
    template = load_prompt("respond")
    tool_results = json.dumps(_compact_results(results), ensure_ascii=False)
    passages, titles = _passages(hits)
    prompt = template.render(
        language=LANGUAGE_NAMES.get(language, language),
        tool_results=tool_results,
        passages=passages,
        pending_question=pending_question or "none",
        last_turns="\n".join(f"{h['role']}: {h['text'][:300]}" for h in history[-4:]) or "none",
        message=message,
        draft=deterministic_reply,
    )
    sources = [tool_results, passages, template.fixed_text, deterministic_reply]
    secrets = _secrets(prompt.messages[0].content)
    statuses = [str(r.get("status")) for r in results]
    must = must_say(
        deterministic_reply,
        results,
        language=language,
        question_slot=question_slot,
        shown=tool_results + passages,
        message=message,
    )
    by_program = {str(r.get("program_id")): str(r.get("status")) for r in results}
    buffer = ""
    previous = ""
    failed: str | None = None

    async def emit(text: str) -> None:
        nonlocal failed, previous
        if failed or not text.strip():
            return
        verdict = check_grounding(text, allowed_sources=sources, allowed_citations=titles)
        if not verdict.ok:
            failed = "ungrounded"
            log.warning("llm reply not grounded", extra={"violations": verdict.violations[:5]})
            return
        claims = check_claims(text, statuses=statuses, sources=sources)
        if claims:
            failed = "unsupported_claim"
            log.warning(
                "llm reply makes a claim the engine does not support", extra={"violations": claims[:5]}
            )
            return
        if _leaks(text, secrets, sources):
            failed = "output_blocked"
            log.warning("llm reply blocked by the output check")
            return
        for sentence in filter(str.strip, _SENTENCE_END.split(text)):
            garbled = sentence_problems(sentence, language, by_program, previous, message)
            if garbled:
                failed = "incomplete"
                log.warning("llm sentence does not read as the reply", extra={"problems": garbled[:5]})
                return
            previous = sentence
        if on_token is not None:
            await on_token(text)

    async def collect(token: str) -> None:
        nonlocal buffer
        buffer += token
        parts = _SENTENCE_END.split(buffer)
        if len(parts) > 1:
            complete = buffer[: len(buffer) - len(parts[-1])]
            buffer = parts[-1]
            await emit(complete)

    try:
        result = await backend.stream(prompt.messages, on_token=collect, limit=prompt.limit)
    except LLMUnavailable as exc:
        _count(exc.reason)
        log.warning("llm unavailable: deterministic reply", extra={"reason": exc.reason})
        return Phrased(None, 1, prompt.approx_tokens, exc.reason)
    await emit(buffer)
    if (
        failed is None
        and not check_grounding(result.text, allowed_sources=sources, allowed_citations=titles).ok
    ):
        failed = "ungrounded"
    if failed is None and _leaks(result.text, secrets, sources):
        failed = "output_blocked"
    if failed is None and check_claims(result.text, statuses=statuses, sources=sources):
        failed = "unsupported_claim"
    if failed is None and result.text.strip():
        missing = check_coverage(result.text, must)
        if missing:
            failed = "incomplete"
            log.warning("llm reply leaves out what it must say", extra={"problems": missing[:5]})
    if failed or not result.text.strip():
        reason = failed or "empty"
        _count(reason)
        return Phrased(None, 1, result.prompt_tokens or prompt.approx_tokens, reason)
    return Phrased(result.text.strip(), 1, result.prompt_tokens or prompt.approx_tokens)


class UnderstandingAssist(BaseModel):
    """What the model reads from a message the classifier was unsure of."""

    intent: str
    language: str = "ko"
    programs: list[str] = []


async def assist_understanding(
    backend: ChatBackend, *, message: str, intents: list[str], pending_question: str | None
) -> UnderstandingAssist | None:
    """One structured-output call for an unsure message; None on any failure (the classifier's guess stands)."""
    template = load_prompt("understand")
    prompt = template.render(
        intents="\n".join(f"- {i}" for i in intents),
        facts="(not needed)",
        pending_question=pending_question or "none",
        last_turns="none",
        message=message,
    )
    try:
        answer = await backend.structured(prompt.messages, UnderstandingAssist, limit=prompt.limit)
    except LLMUnavailable as exc:
        _count(exc.reason)
        return None
    return answer if answer.intent in intents else None


MAX_TOOL_ROUNDS = 2
"""Model tool calls per turn are bounded: after this many rounds the model must answer."""


async def answer_with_tools(
    backend: ChatBackend,
    registry: ToolRegistry,
    context: ToolContext,
    *,
    language: str,
    message: str,
    hits: list[dict[str, Any]],
    history: list[dict[str, str]],
    deterministic_reply: str,
    on_token: TokenSink | None = None,
) -> Phrased:
    """An open question: the model may call the tools this audience may use (bounded rounds), then answers.

    Only tools of the caller's audience are offered, and every call goes through the registry, which
    refuses any other (a citizen's turn never reaches an officer tool, whatever the model asks). The answer
    is grounded against the passages and everything the tools returned.
    """
    template = load_prompt("respond")
    passages, titles = _passages(hits)
    prompt = template.render(
        language=LANGUAGE_NAMES.get(language, language),
        tool_results="[]",
        passages=passages,
        pending_question="none",
        last_turns="\n".join(f"{h['role']}: {h['text'][:300]}" for h in history[-4:]) or "none",
        message=message,
        draft=deterministic_reply,
    )
    offered = registry.available(context.audience)
    specs = [
        ToolSpec(name=t.name, description=t.description, parameters=t.args.model_json_schema())
        for t in offered
    ]
    messages = list(prompt.messages)
    sources = [passages, template.fixed_text, deterministic_reply]
    calls, tokens = 0, 0
    try:
        for _ in range(MAX_TOOL_ROUNDS + 1):
            tools = specs if calls < MAX_TOOL_ROUNDS else None
            result = await backend.stream(messages, tools=tools, limit=prompt.limit)
            calls += 1
            tokens += result.prompt_tokens or prompt.approx_tokens
            if not result.tool_calls or tools is None:
                break
            messages.append(ChatMessage(role="assistant", content=result.text, tool_calls=result.tool_calls))
            for call in result.tool_calls:
                content = await _run_tool(registry, context, call.name, call.arguments)
                sources.append(content)
                messages.append(
                    ChatMessage(role="tool", content=content, tool_name=call.name, tool_call_id=call.id)
                )
    except LLMUnavailable as exc:
        _count(exc.reason)
        return Phrased(None, calls, tokens, exc.reason)
    text = result.text.strip()
    reason: str | None = None
    if not text:
        reason = "empty"
    elif not check_grounding(text, allowed_sources=sources, allowed_citations=titles).ok:
        reason = "ungrounded"
    elif _leaks(text, _secrets(prompt.messages[0].content), sources):
        reason = "output_blocked"
    elif check_claims(text, statuses=[], sources=sources):  # an open question: no verdict of the engine
        reason = "unsupported_claim"
    elif check_coverage(
        text,
        must_say(
            deterministic_reply,
            [],
            language=language,
            question_slot=None,
            shown="\n".join(sources),
            message=message,
            its_answer=calls == 1,  # tools called: its answer may rest on what they returned
        ),
    ):
        reason = "incomplete"
    if reason is not None:
        _count(reason)
        return Phrased(None, calls, tokens, reason)
    if on_token is not None:
        await on_token(text)
    return Phrased(text, calls, tokens)


async def _run_tool(
    registry: ToolRegistry, context: ToolContext, name: str, arguments: dict[str, Any]
) -> str:
    """A tool's result (or why it was refused) as JSON text for the model."""
    try:
        outcome = await registry.call(name, arguments, context)
    except (
        ToolError
    ) as exc:  # unknown tool, wrong audience, invalid arguments: the model is told, nothing runs
        log.warning("model tool call refused", extra={"tool": name, "reason": type(exc).__name__})
        return json.dumps({"error": str(exc)}, ensure_ascii=False)
    return json.dumps(outcome.as_json(), ensure_ascii=False, default=str)[:6000]
