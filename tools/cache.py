"""The on-disk cache directory, and JSON copies of large YAML data files that a new process reads quickly.

Parsing YAML runs PyYAML's constructor in Python even with libyaml (the cross-lingual lexicon, 260 kB, takes
about 0.2 s); reading the same data as JSON takes a few milliseconds. The copy is keyed by a digest of the
file's bytes, so an edited file simply misses it. Writes are atomic, and a cache that cannot be written costs
nothing but the parse.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from tools.yamlio import safe_load

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    """`WELFARE_CACHE_DIR`, else `$XDG_CACHE_HOME/welfare-agent`, else `~/.cache/welfare-agent`."""
    explicit = os.environ.get("WELFARE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "welfare-agent"


def cached_yaml(path: Path) -> Any:
    """The parsed YAML of `path`, read from its JSON copy in the cache when the file is unchanged.

    Data that JSON would change (keys that are not strings, dates) is parsed every time, never cached.
    """
    raw = path.read_bytes()
    copy = cache_dir() / f"yaml-{path.stem}-{hashlib.sha256(raw).hexdigest()[:16]}.json"
    try:
        return json.loads(copy.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = safe_load(raw.decode("utf-8"))
    try:
        text = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return data
    if json.loads(text) == data:
        _write(copy, text, stale=f"yaml-{path.stem}-")
    return data


def _write(path: Path, text: str, stale: str) -> None:
    """Write `path` atomically and delete older copies starting with `stale`; failures are logged only."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
        ) as handle:
            handle.write(text)
        os.replace(handle.name, path)
        for old in path.parent.glob(f"{stale}*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("cache not writable", extra={"path": str(path), "error": str(exc)})
