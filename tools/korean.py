"""The process-wide Kiwi morphological analyser, shared by retrieval and intent classification.

Kiwi is loaded once per process, lazily and under a lock: `Kiwi()` costs about 0.4 s and 300 MB with the
options used here (1.0 s and 490 MB with the typo and multi-word dictionaries, which are not needed).
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

log = logging.getLogger(__name__)

#: Kiwi options (see the module docstring for what they cost).
KIWI_OPTIONS: dict[str, Any] = {"load_typo_dict": False, "load_multi_dict": False}
#: Welfare words Kiwi would otherwise split at a determiner: 한부모가족 -> 한/MM 부모 가족 (then it would
#: match 부모급여), 첫만남이용권 -> 첫/MM 만남 ... (form, tag, score).
USER_WORDS: tuple[tuple[str, str, float], ...] = (("한부모", "NNG", 5.0), ("첫만남", "NNG", 0.0))

_kiwi: Any = None
_kiwi_lock = threading.Lock()
_kiwi_load_seconds: float | None = None


def get_kiwi() -> Any:
    """The process-wide Kiwi instance, created on first use (thread-safe)."""
    global _kiwi, _kiwi_load_seconds
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                started = time.perf_counter()
                instance = Kiwi(**KIWI_OPTIONS)
                for form, tag, score in USER_WORDS:
                    instance.add_user_word(form, tag, score)
                instance.tokenize(
                    "시흥시 기초연금 신청"
                )  # Kiwi loads part of its model on the first analysis
                _kiwi_load_seconds = time.perf_counter() - started
                log.info("kiwi loaded", extra={"seconds": round(_kiwi_load_seconds, 3)})
                _kiwi = instance
    return _kiwi


def kiwi_load_seconds() -> float | None:
    """How long loading Kiwi took in this process, or None when it is not loaded yet."""
    return _kiwi_load_seconds
