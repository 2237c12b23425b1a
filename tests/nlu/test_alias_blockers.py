"""A booklet program whose name holds a checked program's name ("재난적의료비 지원" holds 의료비 지원) is its own
program: `aliases.yaml` names it so that it does not read as the checked one."""

from __future__ import annotations

import json
import re
from pathlib import Path

from graphs.nlu.programs import compact, detect_programs, load_aliases

ROOT = Path(__file__).resolve().parents[2]
CHUNKS = ROOT / "data" / "corpus" / "welfare-booklet-2024" / "chunks.json"
DOCUMENTS = ROOT / "data" / "documents" / "ko"


def _own_booklet_names() -> set[str]:
    """The booklet names the project's documents claim for their program (`booklet_names`)."""
    names: set[str] = set()
    for path in DOCUMENTS.glob("*.md"):
        found = re.search(r"^booklet_names: \[(.*)\]$", path.read_text(encoding="utf-8"), re.M)
        names |= {n.strip() for n in found.group(1).split(",")} if found else set()
    return names


def _titles_holding_an_alias() -> list[str]:
    aliases = {a: ids for a, ids in load_aliases().items() if ids}
    own = _own_booklet_names()
    titles = {str(c["metadata"].get("사업명") or "") for c in json.loads(CHUNKS.read_text(encoding="utf-8"))}
    return sorted(t for t in titles - own - {""} if any(a in compact(t) and a != compact(t) for a in aliases))


def test_every_booklet_title_holding_a_checked_name_is_its_own() -> None:
    titles = _titles_holding_an_alias()
    assert titles, "the corpus has such titles; the test must look at them"
    misread = {t: detect_programs(t)[0] for t in titles if detect_programs(t)[0]}
    assert misread == {}
