"""The lexical (BM25) index: which passages go in, how they are tokenized, and how the index is persisted.

The index lives under `<data_dir>/index/`. Its manifest records a content hash of every source (project
documents, corpus files, the ingested-documents registry) and of the tokenizer; a process loads the saved
index when the hash matches and rebuilds it only when something changed.

Scoring uses bm25s's precomputed sparse score matrix directly, so that query tokens can carry weights
(synonym expansions weigh less than the citizen's own words).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import bm25s
import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel, TypeAdapter

from tools.retrieval.documents import (
    DocumentError,
    Passage,
    gist_files,
    load_corpus_gists,
    load_corpus_json,
    load_markdown,
    markdown_metadata,
)
from tools.retrieval.store import DocumentStore
from tools.retrieval.tokenizer import TOKENIZER_VERSION, tokenize_many

log = logging.getLogger(__name__)

#: Bump when what goes into the index changes (fields, boosts, linking): forces a rebuild.
INDEX_FORMAT = "6"
_PASSAGES = TypeAdapter(list[Passage])
_build_lock = threading.Lock()
_build_count = 0


def build_count() -> int:
    """How many lexical indexes this process has built (tests use it to see that a load did not build)."""
    return _build_count


@dataclass(frozen=True)
class Sources:
    """Where the passages come from."""

    documents_dir: Path
    """Project documents (`data/documents/**.md`, one file per program and language)."""
    corpus_dir: Path
    """Corpus JSON files (`data/corpus/**.json`, each optionally with a `corpus.yaml`)."""
    store: DocumentStore
    """Documents added with `welfare-agent ingest`."""

    def files(self) -> list[Path]:
        """The project document and corpus files, in a stable order."""
        docs = sorted(p for p in self.documents_dir.rglob("*.md") if p.name.lower() != "readme.md")
        corpus = (
            sorted(self.corpus_dir.rglob("*.json"))
            + sorted(self.corpus_dir.rglob("corpus.yaml"))
            + sorted(self.corpus_dir.rglob("gists.*.yaml"))
        )
        return [p for p in docs + corpus if p.is_file()]


def content_hash(sources: Sources) -> str:
    """A hash of everything the index is built from."""
    h = hashlib.sha256(f"format={INDEX_FORMAT};tokenizer={TOKENIZER_VERSION}\n".encode())
    for path in sources.files():
        h.update(path.as_posix().encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    h.update(sources.store.fingerprint().encode())
    return h.hexdigest()


# ------------------------------------------------------------------------------------------- collecting


def collect_passages(sources: Sources) -> list[Passage]:
    """Every passage to index. A broken source file is logged and skipped; the rest is still indexed."""
    passages: list[Passage] = []
    aliases: dict[str, str] = {}  # booklet 사업명 or document title -> program id
    for path in sorted(p for p in sources.documents_dir.rglob("*.md") if p.name.lower() != "readme.md"):
        rel = path.relative_to(sources.documents_dir).as_posix()
        try:
            passages.extend(load_markdown(path, doc_id=f"doc:{rel}", kind="project"))
        except DocumentError as exc:
            log.warning("document skipped", extra={"path": str(path), "reason": str(exc)})
            continue
        meta = markdown_metadata(path)
        pid = meta.get("program_id")
        if isinstance(pid, str):
            for name in meta.get("booklet_names") or []:
                aliases[str(name)] = pid
    for path in sorted(sources.corpus_dir.rglob("*.json")):
        prefix = path.parent.name if path.parent != sources.corpus_dir else path.stem
        try:
            passages.extend(load_corpus_json(path, doc_prefix=prefix, kind="booklet"))
        except DocumentError as exc:
            log.warning("corpus skipped", extra={"path": str(path), "reason": str(exc)})
            continue
        for gists in gist_files(path):
            try:
                passages.extend(load_corpus_gists(gists, doc_prefix=prefix))
            except DocumentError as exc:
                log.warning("corpus summaries skipped", extra={"path": str(gists), "reason": str(exc)})
    passages.extend(sources.store.passages())
    return [
        p.model_copy(update={"program_id": aliases[p.program]})
        if p.program_id is None and p.program in aliases
        else p
        for p in passages
    ]


def index_text(p: Passage) -> str:
    """The text BM25 sees for a passage: the program name twice (a field boost), the aspect (항목), the
    booklet's situation heading (중분류) and the text."""
    return "\n".join(x for x in (p.program, p.program, p.section, p.category, p.text) if x)


# ---------------------------------------------------------------------------------------------- index


class Manifest(BaseModel):
    """`<index_dir>/manifest.json`."""

    content_hash: str
    directory: str
    passages: int
    programs: int
    vocabulary: int
    built_at: str
    build_seconds: float


@dataclass
class Bm25Matrix:
    """bm25s's precomputed sparse scores (one column per token) with weighted-query scoring."""

    vocab: dict[str, int]
    data: NDArray[np.float32]
    indices: NDArray[np.int32]
    indptr: NDArray[np.int64]
    n_docs: int

    @classmethod
    def build(cls, corpus_tokens: Sequence[list[str]]) -> Bm25Matrix:
        """Index tokenized documents."""
        if not corpus_tokens:
            return cls({}, np.zeros(0, np.float32), np.zeros(0, np.int32), np.zeros(1, np.int64), 0)
        retriever = bm25s.BM25(k1=1.2, b=0.75)
        # A document without any content token keeps a placeholder so that numbering stays aligned.
        retriever.index([t or ["\u0000"] for t in corpus_tokens], show_progress=False)
        scores: dict[str, Any] = retriever.scores
        return cls(
            vocab=dict(retriever.vocab_dict),
            data=np.asarray(scores["data"], dtype=np.float32),
            indices=np.asarray(scores["indices"], dtype=np.int32),
            indptr=np.asarray(scores["indptr"], dtype=np.int64),
            n_docs=len(corpus_tokens),
        )

    def scores(self, terms: dict[str, float]) -> NDArray[np.float32]:
        """BM25 score of every document for weighted query terms; a Korean compound the documents never use
        is scored by its known parts (`known_parts`)."""
        out = np.zeros(self.n_docs, dtype=np.float32)
        terms = with_known_parts(terms, self.vocab)
        for token, weight in terms.items():
            tid = self.vocab.get(token)
            if tid is None:
                continue
            start, end = int(self.indptr[tid]), int(self.indptr[tid + 1])
            # Each document occurs at most once per token column, so fancy-index += is exact here.
            out[self.indices[start:end]] += np.float32(weight) * self.data[start:end]
        return out

    def save(self, directory: Path) -> None:
        """Write the arrays and the vocabulary."""
        directory.mkdir(parents=True, exist_ok=True)
        np.save(directory / "data.npy", self.data)
        np.save(directory / "indices.npy", self.indices)
        np.save(directory / "indptr.npy", self.indptr)
        meta = {"n_docs": self.n_docs, "vocab": self.vocab}
        (directory / "vocab.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> Bm25Matrix:
        """Read what `save` wrote; the arrays are memory-mapped read-only, so a start reads only the pages a
        query touches and replicas on one host share them in the page cache."""
        meta = json.loads((directory / "vocab.json").read_text(encoding="utf-8"))
        return cls(
            vocab=meta["vocab"],
            data=np.load(directory / "data.npy", mmap_mode="r"),
            indices=np.load(directory / "indices.npy", mmap_mode="r"),
            indptr=np.load(directory / "indptr.npy", mmap_mode="r"),
            n_docs=int(meta["n_docs"]),
        )


PART_WEIGHT = 0.8
"""A known part stands for the compound a little less surely than the compound itself would."""
_HANGUL_WORD = re.compile(r"[가-힣]{3,}")


def known_parts(token: str, vocab: dict[str, int]) -> list[str]:
    """The parts of a Korean compound that the documents do use, when they never use the compound itself
    ("활동지원사" → ["활동지원"]: Kiwi keeps the resident's word whole, the booklet writes 장애인활동지원): its
    longest known head of two or more syllables, and the rest when that is a known word of two or more."""
    if token in vocab or not _HANGUL_WORD.fullmatch(token):
        return []
    for cut in range(len(token) - 1, 1, -1):
        head, rest = token[:cut], token[cut:]
        if head in vocab:
            return [head, rest] if len(rest) >= 2 and rest in vocab else [head]
    return []


WHOLE_MIN = 5
"""A shorter word ("청각장애") is a word of many titles ("청각장애인용 TV"), not most of one program's name."""


def known_wholes(token: str, titles: frozenset[str]) -> list[str]:
    """The compounds of program titles of which a Korean word of five syllables or more is most
    ("내일배움카드" → "국민내일배움카드제": Kiwi keeps the title's compound whole, the resident writes the part
    she knows)."""
    if len(token) < WHOLE_MIN or token in titles or not _HANGUL_WORD.fullmatch(token):
        return []  # a title's own word ("아동수당") names its program, not the longer ones ("장애아동수당")
    return [w for w in titles if token in w and len(token) * 2 > len(w)]


def with_known_parts(terms: dict[str, float], vocab: dict[str, int]) -> dict[str, float]:
    """`terms` with each unknown compound's known parts added (never lowering a term already there)."""
    out = dict(terms)
    for token, weight in terms.items():
        for part in known_parts(token, vocab):
            out[part] = max(out.get(part, 0.0), weight * PART_WEIGHT)
    return out


@dataclass
class LexicalIndex:
    """A loaded BM25 index over passages."""

    passages: list[Passage]
    text: Bm25Matrix
    content_hash: str
    priority: NDArray[np.float32] = field(init=False)
    program_keys: list[str] = field(init=False)
    passage_program: NDArray[np.int32] = field(init=False)

    def __post_init__(self) -> None:
        self.priority = np.array([p.priority for p in self.passages], dtype=np.float32)
        position: dict[str, int] = {}
        self.passage_program = np.array(
            [position.setdefault(program_key(p), len(position)) for p in self.passages], dtype=np.int32
        )
        self.program_keys = list(position)

    def __len__(self) -> int:
        return len(self.passages)

    @property
    def vocabulary(self) -> int:
        """Distinct tokens in the index."""
        return len(self.text.vocab)

    @cached_property
    def title_tokens(self) -> frozenset[str]:
        """The tokens of the program titles."""
        return frozenset(
            t for tokens in tokenize_many(sorted({p.program for p in self.passages})) for t in tokens
        )

    def scores(self, terms: dict[str, float]) -> NDArray[np.float32]:
        """BM25 score of every passage for weighted query terms (with the title compounds each is most of,
        `known_wholes`), times the passage's prior."""
        out = dict(terms)
        for token, weight in terms.items():
            for whole in known_wholes(token, self.title_tokens):
                out[whole] = max(out.get(whole, 0.0), weight * PART_WEIGHT)
        return self.text.scores(out) * self.priority


def program_key(p: Passage) -> str:
    """The key hits are grouped by: the contract program id when known, else the program name."""
    return p.program_id or p.program


def index_tokens(passages: Sequence[Passage]) -> list[list[str]]:
    """The tokens of `index_text` for every passage. Program names, aspects and headings repeat across
    chunks, so each distinct value is tokenized once (this halves the build time)."""
    fields = [(p.program, p.section or "", p.category or "") for p in passages]
    distinct = sorted({value for triple in fields for value in triple if value})
    cache = dict(zip(distinct, tokenize_many(distinct), strict=True))
    cache[""] = []
    texts = tokenize_many([p.text for p in passages])
    return [
        cache[program] * 2 + cache[section] + cache[category] + text
        for (program, section, category), text in zip(fields, texts, strict=True)
    ]


def build_index(passages: Sequence[Passage], digest: str) -> LexicalIndex:
    """Tokenize and index passages in memory."""
    global _build_count
    _build_count += 1
    tokens = index_tokens(passages)
    return LexicalIndex(passages=list(passages), text=Bm25Matrix.build(tokens), content_hash=digest)


def _save(index: LexicalIndex, index_dir: Path, build_seconds: float) -> None:
    index_dir.mkdir(parents=True, exist_ok=True)
    name = f"lexical-{index.content_hash[:12]}-{uuid.uuid4().hex[:6]}"
    target = index_dir / name
    target.mkdir()
    index.text.save(target / "text")
    (target / "passages.json").write_bytes(_PASSAGES.dump_json(index.passages))
    manifest = Manifest(
        content_hash=index.content_hash,
        directory=name,
        passages=len(index.passages),
        programs=len(index.program_keys),
        vocabulary=index.vocabulary,
        built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        build_seconds=round(build_seconds, 3),
    )
    tmp = index_dir / f".manifest.{uuid.uuid4().hex[:6]}.json"
    tmp.write_text(manifest.model_dump_json(indent=1), encoding="utf-8")
    os.replace(tmp, index_dir / "manifest.json")  # readers switch to the new index atomically
    for old in index_dir.glob("lexical-*"):
        if old.name != name:
            shutil.rmtree(old, ignore_errors=True)


def read_manifest(index_dir: Path) -> Manifest | None:
    """The manifest of the saved index, or None."""
    path = index_dir / "manifest.json"
    if not path.is_file():
        return None
    try:
        return Manifest.model_validate_json(path.read_bytes())
    except ValueError:
        return None


def _load(index_dir: Path, manifest: Manifest) -> LexicalIndex:
    d = index_dir / manifest.directory
    return LexicalIndex(
        passages=_PASSAGES.validate_json((d / "passages.json").read_bytes()),
        text=Bm25Matrix.load(d / "text"),
        content_hash=manifest.content_hash,
    )


def ensure_index(sources: Sources, index_dir: Path) -> LexicalIndex:
    """Load the saved index when it matches the sources; otherwise build it and save it."""
    with _build_lock:
        digest = content_hash(sources)
        manifest = read_manifest(index_dir)
        if manifest is not None and manifest.content_hash == digest:
            try:
                return _load(index_dir, manifest)
            except (OSError, ValueError) as exc:
                log.warning("saved index unreadable; rebuilding", extra={"reason": str(exc)})
        started = time.perf_counter()
        index = build_index(collect_passages(sources), digest)
        seconds = time.perf_counter() - started
        _save(index, index_dir, seconds)
        log.info(
            "index built",
            extra={"passages": len(index), "vocabulary": index.vocabulary, "seconds": round(seconds, 3)},
        )
        return index
