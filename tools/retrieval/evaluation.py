"""Retrieval quality on the evaluation set: recall@1, recall@5 and MRR over programs.

A question's gold is the program(s) a correct answer must come from: contract program ids for the 19
contract programs, booklet 사업명 for other programs. A hit matches when its `program_id` or its `program`
is a gold. Hits are one per program (the retriever groups them), so recall@k is "a gold program is among
the first k programs" and MRR is the mean reciprocal rank of the first gold program within the top 10.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from tools.retrieval.search import Retriever, SearchHit

#: The evaluation set shipped with the repository.
QUESTIONS_PATH = Path(__file__).resolve().parents[2] / "eval" / "retrieval" / "questions.jsonl"
MRR_DEPTH = 10


class EvalQuestion(BaseModel):
    """One line of `questions.jsonl`."""

    model_config = ConfigDict(extra="forbid")

    id: str
    lang: str
    question: str
    gold_program_ids: list[str] = Field(default_factory=list)
    gold_programs: list[str] = Field(default_factory=list)
    names_program: bool = False
    split: str = "test"

    def matches(self, hit: SearchHit, aliases: dict[str, str] | None = None) -> bool:
        """True when the hit comes from a gold program. `aliases` maps booklet 사업명 to the contract program
        they belong to, so the 2026 document of 기초연금 answers a question whose gold is 기초연금제도."""
        ids = set(self.gold_program_ids) | {
            (aliases or {})[g] for g in self.gold_programs if g in (aliases or {})
        }
        return (hit.program_id is not None and hit.program_id in ids) or hit.program in self.gold_programs


class Outcome(BaseModel):
    """Where the first gold program ranked for one question (None: not in the top `MRR_DEPTH`)."""

    id: str
    question: str
    lang: str
    split: str
    rank: int | None
    top: list[str]


class Scores(BaseModel):
    """Aggregates over a set of questions."""

    n: int
    recall_at_1: float
    recall_at_5: float
    mrr: float


class EvalReport(BaseModel):
    """The whole evaluation."""

    overall: Scores
    by_lang: dict[str, Scores]
    by_split: dict[str, Scores]
    outcomes: list[Outcome]
    seconds: float

    def failures(self, k: int = 5) -> list[Outcome]:
        """Questions whose gold is not in the top k."""
        return [o for o in self.outcomes if o.rank is None or o.rank > k]


def load_questions(path: Path = QUESTIONS_PATH) -> list[EvalQuestion]:
    """Parse the JSON-lines evaluation set."""
    out: list[EvalQuestion] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                out.append(EvalQuestion.model_validate(json.loads(line)))
            except ValueError as exc:
                raise ValueError(f"{path}:{n}: {exc}") from exc
    return out


def scores(outcomes: Sequence[Outcome]) -> Scores:
    """recall@1, recall@5 and MRR@10 of some outcomes."""
    n = len(outcomes)
    if n == 0:
        return Scores(n=0, recall_at_1=0.0, recall_at_5=0.0, mrr=0.0)
    r1 = sum(1 for o in outcomes if o.rank is not None and o.rank <= 1) / n
    r5 = sum(1 for o in outcomes if o.rank is not None and o.rank <= 5) / n
    mrr = sum(1.0 / o.rank for o in outcomes if o.rank is not None) / n
    return Scores(n=n, recall_at_1=round(r1, 4), recall_at_5=round(r5, 4), mrr=round(mrr, 4))


def evaluate(retriever: Retriever, questions: Iterable[EvalQuestion]) -> EvalReport:
    """Run every question through the retriever and score the rankings."""
    aliases = {
        p.program: p.program_id for p in retriever.index().passages if p.kind == "booklet" and p.program_id
    }
    started = time.perf_counter()
    outcomes: list[Outcome] = []
    for q in questions:
        hits = retriever.search(q.question, MRR_DEPTH)
        rank = next((i for i, h in enumerate(hits, start=1) if q.matches(h, aliases)), None)
        outcomes.append(
            Outcome(
                id=q.id,
                question=q.question,
                lang=q.lang,
                split=q.split,
                rank=rank,
                top=[h.program_id or h.program for h in hits[:5]],
            )
        )
    return EvalReport(
        overall=scores(outcomes),
        by_lang={
            lang: scores([o for o in outcomes if o.lang == lang])
            for lang in sorted({o.lang for o in outcomes})
        },
        by_split={
            s: scores([o for o in outcomes if o.split == s]) for s in sorted({o.split for o in outcomes})
        },
        outcomes=outcomes,
        seconds=round(time.perf_counter() - started, 3),
    )
