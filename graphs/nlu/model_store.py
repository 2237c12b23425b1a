"""A small on-disk cache for models trained at start-up, so that a new process (a CLI call, a worker)
loads the intent model in milliseconds instead of training it again (about 1.5 s).

The cache key is a digest of every input that shapes the model (the training file, the featuriser's
code and data, library versions); a changed input simply misses the cache. Writes are atomic, and a cache
that cannot be written (a read-only home) costs nothing but the time to train.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import numpy as np
import numpy.typing as npt

from tools.cache import cache_dir, store

log = logging.getLogger(__name__)


def fingerprint(paths: list[Path], extra: str = "") -> str:
    """A hex digest of the bytes of `paths` (in order) and of `extra`."""
    digest = hashlib.sha256(extra.encode())
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_arrays(name: str) -> dict[str, npt.NDArray[np.generic]] | None:
    """The arrays cached under `name`, or None when there are none (or they cannot be read)."""
    path = cache_dir() / f"{name}.npz"
    try:
        with np.load(path, allow_pickle=False) as data:
            return {key: data[key] for key in data.files}
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("model cache unreadable, retraining", extra={"path": str(path), "error": str(exc)})
        return None


def save_arrays(name: str, arrays: dict[str, npt.NDArray[np.generic]], replaces: str = "") -> None:
    """Cache `arrays` under `name`, atomically, and delete the older entries whose names start with
    `replaces` (earlier versions of the same model); failures are logged, never raised."""
    store(cache_dir() / f"{name}.npz", lambda handle: np.savez(handle, **arrays), stale=replaces)  # type: ignore[arg-type]
