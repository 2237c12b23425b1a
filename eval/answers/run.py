"""Open questions answered (issue 13): each question of a set is asked in a new conversation and its reply
scored against what a correct answer must contain and must not do (`eval/answers/scoring.py`).

    python -m eval.answers.run [--set eval/answers/questions.jsonl] [--show K] [--json OUT]

Prints the share of answers that meet their requirements, the share that are intake-only for a question that is
not about eligibility, bare refusals, crisis replies to a non-crisis, and citations on document answers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from agent.chat import ChatService
from agent.settings import Settings
from eval.answers.scoring import Question, Scored, score
from tools.retrieval.search import Retriever

DEFAULT_SET = Path(__file__).with_name("questions.jsonl")
DOCUMENT_INTENTS = ("program_info", "application_help")


def load(path: Path) -> list[Question]:
    """The questions of a JSONL set."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Question.from_json(json.loads(line)) for line in lines if line.strip()]


async def answer_all(questions: list[Question]) -> list[Scored]:
    """Ask every question in its own conversation (deterministic mode, a fresh SQLite data directory)."""
    settings = Settings(WELFARE_DATA_DIR=tempfile.mkdtemp(), DATABASE_URL=None, WELFARE_LLM_BACKEND="none")
    async with ChatService(settings, llm=None, retriever=Retriever.from_settings(settings)) as chat:
        return [score(q, await chat.turn(q.question)) for q in questions]


def report(scored: list[Scored]) -> dict[str, object]:
    """The summary figures."""
    total = len(scored)
    non_eligibility = [s for s in scored if s.question.kind not in ("eligibility", "crisis")]
    documents = [s for s in scored if s.intent in DOCUMENT_INTENTS]
    non_crisis = [s for s in scored if s.question.kind != "crisis"]
    return {
        "questions": total,
        "meet_requirements": sum(s.ok for s in scored) / total if total else 0.0,
        "intake_only_non_eligibility": sum("intake_only" in s.failures for s in non_eligibility)
        / max(1, len(non_eligibility)),
        "bare_refusals": sum("bare_refusal" in s.failures for s in scored),
        "crisis_reply_to_non_crisis": sum("crisis_template" in s.failures for s in non_crisis),
        "greetings": sum("greeting" in s.failures for s in scored),
        "citations_on_document_answers": sum(s.cited for s in documents) / max(1, len(documents)),
        "by_kind": {
            kind: f"{sum(s.ok for s in scored if s.question.kind == kind)}/{n}"
            for kind, n in sorted(Counter(s.question.kind for s in scored).items())
        },
        "by_language": {
            lang: f"{sum(s.ok for s in scored if s.question.language == lang)}/{n}"
            for lang, n in sorted(Counter(s.question.language for s in scored).items())
        },
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--set", type=Path, default=DEFAULT_SET)
    parser.add_argument("--show", type=int, default=0, help="print this many failing answers")
    parser.add_argument("--json", type=Path, default=None, help="write every scored answer here")
    args = parser.parse_args(argv)
    scored = asyncio.run(answer_all(load(args.set)))
    summary = report(scored)
    print(f"Open questions — {args.set.name}")
    for key, value in summary.items():
        print(f"  {key}: {value:.3f}" if isinstance(value, float) else f"  {key}: {value}")
    for s in [s for s in scored if not s.ok][: args.show]:
        print(f"\n[{s.question.id} {s.question.language} {s.question.kind}] {s.question.question}")
        print(f"  intent={s.intent} failures={s.failures} missing={s.missing_groups}")
        print("  " + s.reply.replace("\n", "\n  ")[:600])
    if args.json:
        rows = [
            {"id": s.question.id, "ok": s.ok, "intent": s.intent, "failures": s.failures,
             "missing": s.missing_groups, "reply": s.reply}
            for s in scored
        ]  # fmt: skip
        args.json.write_text(json.dumps({"summary": summary, "answers": rows}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
