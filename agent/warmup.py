"""Make the first answer fast: build or load what it needs before anyone asks.

`welfare-agent db upgrade` (and so `make run`) builds the search index and trains the intent model when they
are missing; `serve` loads them, and the Korean analyser, before it takes requests. Each is persisted where it
is built (the index in the data directory, the intent model in the cache directory), so later starts load them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from agent.settings import Settings


@dataclass(frozen=True)
class Warmed:
    """What was made ready, and how long each part took (seconds)."""

    passages: int
    index_seconds: float
    intent_seconds: float
    analyser_seconds: float


def warm_up(settings: Settings) -> Warmed:
    """Build or load the search index (and its passage vectors), the intent model and the Korean analyser (Kiwi) in this process."""
    from graphs.nlu.intent import get_model
    from tools.korean import get_kiwi
    from tools.retrieval.crosslingual import default_lexicon
    from tools.retrieval.search import Retriever

    started = time.perf_counter()
    retriever = Retriever.from_settings(settings)
    passages = len(retriever.index().passages)
    retriever.dense_index(wait=True)  # the shipped vectors; only new or changed passages are embedded
    default_lexicon()  # parsed once, then read from its JSON copy by every later process
    indexed = time.perf_counter()
    get_model()
    trained = time.perf_counter()
    get_kiwi()
    analysed = time.perf_counter()
    return Warmed(
        passages=passages,
        index_seconds=indexed - started,
        intent_seconds=trained - indexed,
        analyser_seconds=analysed - trained,
    )
