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
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

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
        store(copy, lambda handle: handle.write(text.encode("utf-8")), stale=f"yaml-{path.stem}-")
    return data


def store(path: Path, write: Callable[[IO[bytes]], object], stale: str = "") -> None:
    """Write `path` atomically (`write` fills a temporary file beside it) and delete the older files beside it
    whose names start with `stale` (earlier versions of the same entry); failures are logged, never raised."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
            write(handle)
        os.replace(handle.name, path)
        for old in path.parent.glob(f"{stale}*{path.suffix}") if stale else ():
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("cache not written", extra={"path": str(path), "error": str(exc)})
