"""The retrieval tool the graph calls: typed arguments, a docstring the model can read, cited results."""

from __future__ import annotations

from pydantic import BaseModel, Field

from tools.retrieval.search import Retriever, SearchHit, get_retriever


class SearchDocumentsArgs(BaseModel):
    """Arguments of `search_documents`."""

    query: str = Field(min_length=1, max_length=500, description="The citizen's question or key words.")
    k: int = Field(default=5, ge=1, le=20, description="How many programs to return.")
    program_id: str | None = Field(
        default=None, description="Only passages of this program (e.g. 'basic_pension'), for follow-ups."
    )
    max_per_program: int = Field(default=1, ge=1, le=50, description="Passages per program.")


def search_documents(args: SearchDocumentsArgs, retriever: Retriever | None = None) -> list[SearchHit]:
    """Find policy passages that answer a welfare question, with citations.

    Returns the best passages, one program per hit unless `max_per_program` > 1: program name and id,
    title, source (law, 고시, booklet page), year of the figures, URL where known, and the text. Prefer
    2026 project documents; a 2024 booklet hit carries a `note` saying its figures are from 2024.
    """
    r = retriever or get_retriever()
    return r.search(args.query, args.k, program_id=args.program_id, max_per_program=args.max_per_program)
