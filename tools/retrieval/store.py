"""The registry of documents added with `welfare-agent ingest`.

Each ingested file is parsed once, at ingest time, and its passages are kept under `<data_dir>/documents/`,
keyed by the file's absolute path: ingesting the same path again replaces its passages instead of adding a
second copy, and the index does not depend on the original file staying where it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, TypeAdapter

from tools.retrieval.documents import DocumentError, Passage, load_document

_PASSAGES = TypeAdapter(list[Passage])


class IngestedDocument(BaseModel):
    """One registry entry."""

    key: str
    path: str
    sha256: str
    passages: int
    ingested_at: str


class IngestOutcome(BaseModel):
    """What happened to one path given to `ingest`."""

    path: str
    ok: bool
    passages: int = 0
    replaced: bool = False
    unchanged: bool = False
    error: str | None = None


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class DocumentStore:
    """Ingested documents under one directory (`registry.json` plus one passages file per document)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._registry_path = root / "registry.json"
        self._lock = threading.Lock()

    # -- registry ---------------------------------------------------------------------------------------

    def entries(self) -> list[IngestedDocument]:
        """Registered documents, oldest first."""
        if not self._registry_path.is_file():
            return []
        raw = json.loads(self._registry_path.read_text(encoding="utf-8"))
        return [IngestedDocument.model_validate(v) for v in raw.values()]

    def _save(self, entries: list[IngestedDocument]) -> None:
        payload = {e.key: e.model_dump() for e in entries}
        _atomic_write(self._registry_path, json.dumps(payload, ensure_ascii=False, indent=1).encode())

    def fingerprint(self) -> str:
        """Changes whenever a document is added, replaced or removed (part of the index content hash)."""
        entries = sorted(self.entries(), key=lambda e: e.key)
        h = hashlib.sha256()
        for e in entries:
            h.update(f"{e.key}:{e.sha256}:{e.passages}\n".encode())
        return h.hexdigest()

    @staticmethod
    def key_for(path: Path) -> str:
        """Registry key of a file: a hash of its absolute path."""
        return hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]

    # -- operations ---------------------------------------------------------------------------------------

    def ingest(self, path: Path) -> IngestOutcome:
        """Parse and register one file; a broken file gives `ok=False` with the reason and changes nothing."""
        key = self.key_for(path)
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            return IngestOutcome(
                path=str(path), ok=False, error=f"{path}: cannot read ({exc.strerror or exc})"
            )
        with self._lock:
            entries = {e.key: e for e in self.entries()}
            previous = entries.get(key)
            if previous is not None and previous.sha256 == digest:
                return IngestOutcome(
                    path=str(path), ok=True, passages=previous.passages, replaced=False, unchanged=True
                )
            try:
                passages = load_document(path, doc_id=f"ingested:{key}", kind="ingested")
            except DocumentError as exc:
                return IngestOutcome(path=str(path), ok=False, error=str(exc))
            _atomic_write(self._passages_path(key), _PASSAGES.dump_json(passages))
            entries[key] = IngestedDocument(
                key=key,
                path=str(path.resolve()),
                sha256=digest,
                passages=len(passages),
                ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
            )
            self._save(list(entries.values()))
        return IngestOutcome(path=str(path), ok=True, passages=len(passages), replaced=previous is not None)

    def remove(self, path: Path) -> bool:
        """Forget an ingested file; True when it was registered."""
        key = self.key_for(path)
        with self._lock:
            entries = {e.key: e for e in self.entries()}
            if entries.pop(key, None) is None:
                return False
            self._save(list(entries.values()))
            self._passages_path(key).unlink(missing_ok=True)
        return True

    def passages(self) -> list[Passage]:
        """All ingested passages, in registry order."""
        out: list[Passage] = []
        for entry in self.entries():
            p = self._passages_path(entry.key)
            if p.is_file():
                out.extend(_PASSAGES.validate_json(p.read_bytes()))
        return out

    def _passages_path(self, key: str) -> Path:
        return self.root / f"{key}.passages.json"
