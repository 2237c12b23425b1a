"""Search: weighted BM25 over Korean tokens, optional dense fusion, one best passage per program.

`Retriever` is what the graph and the CLI use; `search(query, k)` uses a process-wide retriever built from
the application settings. Hits are grouped by program (contract program id when known, else the booklet
사업명), and within a program a current (2026) project document in the query's language is preferred to a
2024 booklet chunk unless the chunk is a much better match.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
from pydantic import BaseModel, Field

from tools.retrieval.crosslingual import translations
from tools.retrieval.dense import (
    DenseIndex,
    Embedder,
    LocalEmbedder,
    OllamaEmbedder,
    build_dense,
    load_dense,
    reciprocal_rank_fusion,
)
from tools.retrieval.documents import Passage, detect_lang
from tools.retrieval.index import LexicalIndex, Sources, ensure_index, program_key
from tools.retrieval.store import DocumentStore, IngestOutcome
from tools.retrieval.tokenizer import query_terms, tokenize
from tools.vietnamese import is_vietnamese

log = logging.getLogger(__name__)

#: Passages considered per query before grouping by program.
CANDIDATES = 300
#: Within a program, a preferred passage (current document, query language) is shown instead of the best
#: one when its score is at least this share of the best.
PREFER_SHARE = 0.5
#: Languages whose project documents translate the English ones (`data/documents/zh`, `vi`): they give the answer
#: in her language but do not rank programs, so the 19 programs' many translated passages do not crowd out
#: the booklet programs a Chinese or Vietnamese question is about.
TRANSLATED_LANGS = frozenset({"zh", "vi"})
#: Weight of the Korean terms a foreign-language query is translated to (its own words weigh 1).
TRANSLATED_WEIGHT = 1.0
#: How the readings of one word share its weight: each gets TRANSLATED_WEIGHT / k ** this.
TRANSLATION_SHARE_POWER = 0.5
#: A program's score: its passages' scores, best first, times these weights (evidence spread over chunks).
AGGREGATE_WEIGHTS = (1.0, 0.4, 0.2)


class SearchHit(BaseModel):
    """One retrieved passage with its citation."""

    program: str = Field(description="The program the passage belongs to (사업명 or document title).")
    program_id: str | None = Field(default=None, description="Contract program id, where known.")
    title: str
    source: str = Field(description="Booklet page, law, 고시 or file the text comes from.")
    year: int | None = Field(default=None, description="Year of the figures in the text.")
    score: float
    text: str
    url: str | None = None
    doc_id: str
    passage_id: str
    section: str | None = None
    category: str | None = Field(
        default=None, description="The booklet's situation heading (중분류), if any."
    )
    lang: str = "ko"
    kind: str = Field(description="'project' (current documents), 'booklet' (2024 corpus) or 'ingested'.")
    note: str | None = Field(
        default=None, description="Caveat for the answer, e.g. that a figure is from 2024."
    )


class RetrievalSettings(Protocol):
    """The settings retrieval reads (a subset of `agent.settings.Settings`)."""

    @property
    def data_dir(self) -> Path: ...
    @property
    def rules_dir(self) -> Path: ...
    @property
    def llm_backend(self) -> str: ...
    @property
    def ollama_host(self) -> str: ...
    @property
    def embed_model(self) -> str | None: ...
    @property
    def local_embed(self) -> bool: ...


class SearchError(ValueError):
    """Bad search input (empty query, k out of range)."""


@dataclass
class _Group:
    key: str
    score: float
    members: list[tuple[int, float]]


class Retriever:
    """Document retrieval over the project documents, the booklet corpus and ingested files.

    Thread-safe; the index is loaded (or built) on first use and kept for the life of the object.
    """

    def __init__(
        self,
        *,
        data_dir: Path,
        rules_dir: Path,
        embedder: Embedder | None = None,
        background_dense: bool = False,
    ) -> None:
        """`background_dense`: build missing passage embeddings in a background thread and answer
        lexically meanwhile (for long-running services); otherwise the first search builds them."""
        self.index_dir = data_dir / "index"
        self.shipped_vectors = rules_dir / "embeddings"
        self.store = DocumentStore(data_dir / "documents")
        self.sources = Sources(
            documents_dir=rules_dir / "documents", corpus_dir=rules_dir / "corpus", store=self.store
        )
        self.embedder = embedder
        self.background_dense = background_dense
        self._lock = threading.Lock()
        self._dense_lock = threading.Lock()
        self._dense_thread: threading.Thread | None = None
        self._index: LexicalIndex | None = None
        self._dense: DenseIndex | None = None
        self._current_titles: dict[tuple[str, str], str] = {}
        # per program (its id, else the booklet's 사업명): its passages (built with the index)
        self._program_masks: dict[str, np.ndarray] = {}
        # translated project passages (`TRANSLATED_LANGS`): by program and language, and as a mask
        self._translated: np.ndarray = np.zeros(0, dtype=bool)
        self._translations: dict[tuple[str, str], list[int]] = {}

    @classmethod
    def from_settings(cls, settings: RetrievalSettings, *, background_dense: bool = False) -> Retriever:
        """A retriever configured from the application settings: dense through Ollama with an embedding
        model and an LLM backend other than 'none', else in process when `local_embed` is on and the
        local model is installed, else lexical only."""
        embedder: Embedder | None = None
        if settings.llm_backend != "none" and settings.embed_model:
            embedder = OllamaEmbedder(settings.ollama_host, settings.embed_model)
        elif settings.local_embed and LocalEmbedder.installed():
            embedder = LocalEmbedder()
        return cls(
            data_dir=settings.data_dir,
            rules_dir=settings.rules_dir,
            embedder=embedder,
            background_dense=background_dense,
        )

    # -- index lifecycle --------------------------------------------------------------------------------

    def index(self) -> LexicalIndex:
        """The loaded lexical index (loading or building it on first use)."""
        with self._lock:
            if self._index is None:
                self._set_index(ensure_index(self.sources, self.index_dir))
            assert self._index is not None
            return self._index

    def refresh(self) -> LexicalIndex:
        """Re-check the sources and reload or rebuild the index if they changed."""
        with self._lock:
            self._set_index(ensure_index(self.sources, self.index_dir))
            assert self._index is not None
            return self._index

    def _set_index(self, index: LexicalIndex) -> None:
        if self._index is not None and self._index.content_hash == index.content_hash:
            return
        self._index = index
        with self._dense_lock:
            self._dense = None
        self._current_titles = {
            (p.program_id, p.lang): p.title.split(" — ")[0]
            for p in index.passages
            if p.kind == "project" and p.program_id
        }
        keys = np.array([program_key(p) for p in index.passages])
        self._program_masks = {key: keys == key for key in set(keys) if key}
        self._translated = np.array(
            [p.kind == "project" and p.lang in TRANSLATED_LANGS for p in index.passages], dtype=bool
        )
        self._translations = {}
        for number, p in enumerate(index.passages):
            if self._translated[number]:
                self._translations.setdefault((program_key(p), p.lang), []).append(number)

    def dense_index(self, *, wait: bool | None = None) -> DenseIndex | None:
        """The dense index when an embedder is configured and reachable.

        A saved index is loaded at once; a missing one is built (in the background unless `wait`, which
        defaults to `not background_dense`). None while building or when the server is unavailable."""
        if self.embedder is None:
            return None
        index = self.index()
        embedder = self.embedder
        with self._dense_lock:
            if self._dense is not None and self._dense.content_hash == index.content_hash:
                return self._dense
            self._dense = load_dense(self.index_dir, embedder.model, index.content_hash)
            if self._dense is not None:
                return self._dense
            thread = self._dense_thread
            if thread is None or not thread.is_alive():

                def build() -> None:
                    dense = build_dense(
                        index.passages, index.content_hash, embedder, self.index_dir, self.shipped_vectors
                    )
                    with self._dense_lock:
                        current = self._index
                        if (
                            dense is not None
                            and current is not None
                            and dense.content_hash == current.content_hash
                        ):
                            self._dense = dense

                thread = threading.Thread(target=build, name="dense-index-build", daemon=True)
                self._dense_thread = thread
                thread.start()
        if wait if wait is not None else not self.background_dense:
            thread.join()
            with self._dense_lock:
                return self._dense
        return None

    def ingest(self, paths: Iterable[Path]) -> list[IngestOutcome]:
        """Add files to retrieval (re-ingesting a path replaces it); then refresh the index once."""
        outcomes = [self.store.ingest(p) for p in paths]
        if any(o.ok and not o.unchanged for o in outcomes) or self._index is None:
            self.refresh()
        return outcomes

    # -- search -------------------------------------------------------------------------------------------

    def search(
        self,
        query: str,
        k: int = 5,
        *,
        program_id: str | None = None,
        max_per_program: int = 1,
    ) -> list[SearchHit]:
        """The top `k` hits for a query: at most `max_per_program` passages per program, best first.

        `program_id` restricts the search to one program's passages (a contract program id, or a booklet
        program's 사업명), e.g. to answer a follow-up about a program already chosen.
        """
        query = query.strip()
        if not query:
            raise SearchError("the query is empty")
        if not 1 <= k <= 100:
            raise SearchError(f"k must be between 1 and 100 (got {k})")
        if max_per_program < 1:
            raise SearchError("max_per_program must be at least 1")
        index = self.index()
        if not len(index):
            return []
        raw = index.scores(search_terms(query))
        mask = None if program_id is None else self._program_masks.get(program_id)
        if program_id is not None:
            scores = np.where(mask, raw, np.float32(0)) if mask is not None else np.zeros_like(raw)
        else:
            scores = np.where(self._translated, np.float32(0), raw)
        ranked = _top(scores, CANDIDATES)
        if mask is not None:
            # Within one program every passage is a candidate, in the documents' order after those the
            # words matched ("where do we apply for it?" shares no word with a Korean passage).
            matched = {i for i, _ in ranked}
            ranked += [(int(i), 1e-6) for i in np.flatnonzero(mask) if int(i) not in matched]
            fused = ranked
        else:
            fused = [(i, score) for i, score in self._fuse(query, ranked) if not self._translated[i]]
        # Every passage has some dense rank, so under fusion only a program's best passage counts
        # (summing would favour programs with many passages).
        groups = _group(index, fused, AGGREGATE_WEIGHTS if fused is ranked else (1.0,))
        lang = detect_lang(query)
        hits: list[SearchHit] = []
        for group in groups:
            if program_id is None:
                group = self._with_translations(group, "vi" if is_vietnamese(query) else lang, raw)
            for number, score in self._pick(index, group, lang, max_per_program):
                hits.append(self._hit(index.passages[number], score))
            if len(hits) >= k * max_per_program:
                break
        return _limit_programs(hits, k)

    def _fuse(self, query: str, lexical: list[tuple[int, float]]) -> list[tuple[int, float]]:
        if self.embedder is None:
            return lexical
        weights = self.embedder.fusion_weights.get(
            "vi" if is_vietnamese(query) else detect_lang(query), (1.0, 1.0)
        )
        if weights[1] == 0:
            return lexical
        dense = self.dense_index()
        if dense is None:
            return lexical
        vector = self.embedder.embed([query], query=True)
        if vector is None or vector.shape[1] != dense.vectors.shape[1]:
            return lexical
        dense_ranking = dense.top(vector[0], CANDIDATES)
        return reciprocal_rank_fusion([[i for i, _ in lexical], dense_ranking], weights=weights)

    def _with_translations(self, group: _Group, lang: str, raw: np.ndarray) -> _Group:
        """The group with its program's passages in the question's language when they are translations (not
        ranked with the others): at the group's best score, in the order their words matched, else the
        document's (what it is at a glance first)."""
        numbers = self._translations.get((group.key, lang))
        if not numbers:
            return group
        best = group.members[0][1]
        ordered = sorted(numbers, key=lambda i: (-float(raw[i]), i))
        added = [(i, best * (1 - 1e-4 * rank)) for rank, i in enumerate(ordered)]
        return _Group(group.key, group.score, [*added, *group.members])

    def _pick(self, index: LexicalIndex, group: _Group, lang: str, n: int) -> list[tuple[int, float]]:
        members = group.members
        best = members[0][1]

        def preference(item: tuple[int, float]) -> tuple[int, float]:
            p = index.passages[item[0]]
            good = item[1] >= PREFER_SHARE * best
            current = p.kind != "booklet"
            return (
                0 if good and current and p.lang == lang else 1 if good and p.lang == lang else 2,
                -item[1],
            )

        return sorted(members, key=preference)[:n]

    def _hit(self, p: Passage, score: float) -> SearchHit:
        note = None
        if p.kind == "booklet" and p.year is not None:
            current = self._current_titles.get((p.program_id or "", "ko"))
            note = f"{p.year}년 안내책자 기준입니다."
            if current:
                note += f" 현재 기준은 「{current}」 문서를 따릅니다."
        return SearchHit(
            program=p.program,
            program_id=p.program_id,
            title=p.title,
            source=p.source,
            year=p.year,
            score=round(float(score), 4),
            text=p.text,
            url=p.url,
            doc_id=p.doc_id,
            passage_id=p.id,
            section=p.section,
            category=p.category,
            lang=p.lang,
            kind=p.kind,
            note=note,
        )


def search_terms(query: str) -> dict[str, float]:
    """The weighted index tokens of a query: its own (with synonyms) and, for a question in English,
    Chinese or Vietnamese, the Korean welfare terms it means (`crosslingual`), weighted `TRANSLATED_WEIGHT`."""
    weights = query_terms(query)
    for group in translations(query):
        # The k readings of one word share its weight (a word with seven Korean readings must not outweigh
        # the rest of the question).
        share = TRANSLATED_WEIGHT / len(group) ** TRANSLATION_SHARE_POWER
        for token in tokenize(" ".join(sorted(group))):
            weights[token] = max(weights.get(token, 0.0), share)
    return weights


def _top(scores: np.ndarray, n: int) -> list[tuple[int, float]]:
    positive = np.flatnonzero(scores > 0)
    if positive.size == 0:
        return []
    part = positive[np.argpartition(-scores[positive], n - 1)[:n]] if positive.size > n else positive
    order = part[np.argsort(-scores[part], kind="stable")]
    return [(int(i), float(scores[i])) for i in order]


def _group(
    index: LexicalIndex, ranked: Sequence[tuple[int, float]], weights: Sequence[float]
) -> list[_Group]:
    """Programs in order of score: their passages' scores, best first, times `weights`."""
    groups: dict[str, _Group] = {}
    for number, score in ranked:
        key = program_key(index.passages[number])
        group = groups.get(key)
        if group is None:
            groups[key] = _Group(key, score, [(number, score)])
        else:
            if len(group.members) < len(weights):
                group.score += weights[len(group.members)] * score
            group.members.append((number, score))
    return sorted(groups.values(), key=lambda g: -g.score)


def _limit_programs(hits: list[SearchHit], k: int) -> list[SearchHit]:
    seen: list[str] = []
    out: list[SearchHit] = []
    for hit in hits:
        key = hit.program_id or hit.program
        if key not in seen:
            if len(seen) == k:
                break
            seen.append(key)
        out.append(hit)
    return out


_default: Retriever | None = None
_default_lock = threading.Lock()


@dataclass(frozen=True)
class _EnvSettings:
    """Fallback settings from the environment, with the same variables and defaults as the application's."""

    data_dir: Path
    rules_dir: Path
    llm_backend: str
    ollama_host: str
    embed_model: str | None
    local_embed: bool

    @classmethod
    def from_env(cls) -> _EnvSettings:
        env = os.environ
        return cls(
            data_dir=Path(env.get("WELFARE_DATA_DIR", "var")),
            rules_dir=Path(env.get("WELFARE_RULES_DIR", str(Path(__file__).resolve().parents[2] / "data"))),
            llm_backend=env.get("WELFARE_LLM_BACKEND", "ollama"),
            ollama_host=env.get("OLLAMA_HOST", "http://127.0.0.1:11434"),
            embed_model=env.get("WELFARE_EMBED_MODEL") or None,
            local_embed=env.get("WELFARE_LOCAL_EMBED", "true").lower() not in {"0", "false", "no", "off"},
        )


def configure_default(retriever: Retriever | None) -> None:
    """Set (or with None, reset) the process-wide retriever. The application layer calls this with
    `Retriever.from_settings(get_settings())`; `tools` does not import `agent`."""
    global _default
    with _default_lock:
        _default = retriever


def get_retriever() -> Retriever:
    """The process-wide retriever: the configured one, else one built from the environment."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Retriever.from_settings(_EnvSettings.from_env())
        return _default


def search(query: str, k: int = 5) -> list[SearchHit]:
    """Search the policy documents with the process-wide retriever (see `Retriever.search`)."""
    return get_retriever().search(query, k)
