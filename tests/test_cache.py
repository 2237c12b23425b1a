"""JSON copies of parsed YAML data files: used while the file is unchanged, never when JSON would alter it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.cache import cached_yaml


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("WELFARE_CACHE_DIR", str(directory))
    return directory


def test_copy_is_read_while_the_file_is_unchanged(tmp_path: Path, cache: Path) -> None:
    source = tmp_path / "lexicon.yaml"
    source.write_text("치매:\n  en: [dementia]\n", encoding="utf-8")
    assert cached_yaml(source) == {"치매": {"en": ["dementia"]}}
    (copy,) = cache.glob("yaml-lexicon-*.json")
    copy.write_text('{"치매": {"en": ["from the copy"]}}', encoding="utf-8")
    assert cached_yaml(source) == {"치매": {"en": ["from the copy"]}}


def test_an_edited_file_is_parsed_again_and_the_old_copy_removed(tmp_path: Path, cache: Path) -> None:
    source = tmp_path / "lexicon.yaml"
    source.write_text("a: [1]\n", encoding="utf-8")
    cached_yaml(source)
    source.write_text("a: [2]\n", encoding="utf-8")
    assert cached_yaml(source) == {"a": [2]}
    assert len(list(cache.glob("yaml-lexicon-*.json"))) == 1


def test_data_json_would_change_is_not_cached(tmp_path: Path, cache: Path) -> None:
    source = tmp_path / "params.yaml"
    source.write_text("2026: {since: 2026-01-01}\n", encoding="utf-8")
    first = cached_yaml(source)
    assert list(first) == [2026]
    assert list(cache.glob("yaml-params-*.json")) == []
    assert cached_yaml(source) == first


def test_unwritable_cache_costs_only_the_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("WELFARE_CACHE_DIR", str(blocker / "cache"))
    source = tmp_path / "lexicon.yaml"
    source.write_text("b: [x]\n", encoding="utf-8")
    assert cached_yaml(source) == {"b": ["x"]}
