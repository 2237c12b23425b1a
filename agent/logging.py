"""Structured logging: one JSON object per line, on stderr for the service and in a file for the terminal."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

_RESERVED = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """Formats a record as JSON with its `extra=` fields as top-level keys."""

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _RESERVED and not key.startswith("_"):
                payload[key] = value
        if record.exc_info:
            payload["exc"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False, default=str)


def configure_logging(level: str = "INFO", fmt: str = "json", file: Path | None = None) -> None:
    """Install one handler on the root logger (idempotent): stderr, or `file` for the terminal commands, whose
    conversation and results must not be interleaved with log lines. A file that cannot be opened falls back
    to stderr."""
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "_welfare", False):
            root.removeHandler(old)
            old.close()
    handler: logging.Handler = logging.StreamHandler(sys.stderr)
    if file is not None:
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(file, encoding="utf-8", delay=True)
        except OSError:
            pass
    handler._welfare = True  # type: ignore[attr-defined]
    handler.setFormatter(
        JsonFormatter() if fmt == "json" else logging.Formatter("%(levelname)s %(name)s: %(message)s")
    )
    # The handler's own level too: libraries that set their loggers to DEBUG (bm25s) stay below it.
    handler.setLevel(level.upper())
    root.addHandler(handler)
    root.setLevel(level.upper())
