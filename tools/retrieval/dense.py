"""Optional dense retrieval through Ollama's `/api/embed`, fused with BM25 by reciprocal rank fusion.

Dense retrieval is used only when a model server and an embedding model are configured and reachable. When
the server cannot be reached, retrieval stays lexical: one INFO log line says so, no error reaches the
caller, and the server is tried again after `retry_after` seconds.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

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

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32] | None:
        """One L2-normalised row per text, or None when the embedding service is unavailable."""
        ...


class OllamaEmbedder:
    """Embeddings from an Ollama server (`POST /api/embed`), with short timeouts."""

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

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32] | None:
        """Embed texts; None (and lexical-only retrieval) when the server fails or answers nonsense.

        A single text (a query) gets the short `query_timeout`; batches (index building) the longer one."""
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


def _path(index_dir: Path, model: str) -> Path:
    return index_dir / f"dense-{re.sub(r'[^A-Za-z0-9._-]+', '_', model)}.npz"


def load_dense(index_dir: Path, model: str, content_hash: str) -> DenseIndex | None:
    """The saved dense index for this model and lexical content hash, or None."""
    path = _path(index_dir, model)
    if not path.is_file():
        return None
    try:
        with np.load(path) as saved:
            if str(saved["content_hash"]) == content_hash and str(saved["model"]) == model:
                return DenseIndex(model, content_hash, saved["vectors"].astype(np.float32))
    except (OSError, ValueError, KeyError) as exc:
        log.warning("saved dense index unreadable; rebuilding", extra={"reason": str(exc)})
    return None


def build_dense(
    passages: Sequence[Passage], content_hash: str, embedder: Embedder, index_dir: Path
) -> DenseIndex | None:
    """Embed every passage and save the vectors. None when the embedding service fails part-way."""
    texts = [embed_text(p) for p in passages]
    rows: list[NDArray[np.float32]] = []
    started = time.perf_counter()
    for start in range(0, len(texts), BATCH_SIZE):
        batch = embedder.embed(texts[start : start + BATCH_SIZE])
        if batch is None:
            return None
        rows.append(batch)
    vectors = np.vstack(rows) if rows else np.zeros((0, 0), dtype=np.float32)
    index_dir.mkdir(parents=True, exist_ok=True)
    path = _path(index_dir, embedder.model)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, vectors=vectors, content_hash=np.array(content_hash), model=np.array(embedder.model))
    tmp.replace(path)
    log.info(
        "dense index built",
        extra={
            "model": embedder.model,
            "passages": len(passages),
            "seconds": round(time.perf_counter() - started, 3),
        },
    )
    return DenseIndex(embedder.model, content_hash, vectors)


def reciprocal_rank_fusion(rankings: Sequence[Sequence[int]], k: int = 60) -> list[tuple[int, float]]:
    """Fuse ranked lists of ids: score(id) = sum over lists of 1 / (k + rank), rank from 1. Best first."""
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))
