"""Texts are loaded by name and fail loudly when missing."""

from __future__ import annotations

import pytest

from prompts import LANGUAGES, PromptNotFoundError, label, load_yaml


def test_every_label_exists_in_every_language() -> None:
    for key, texts in load_yaml("labels.yaml").items():
        assert set(texts) == set(LANGUAGES), key
    assert label("labels", "eligible", "vi").startswith("✔")


def test_missing_texts_fail_loudly() -> None:
    with pytest.raises(PromptNotFoundError):
        label("labels", "no_such_key")
    with pytest.raises(PromptNotFoundError):
        load_yaml("no_such_file.yaml")


def test_every_referral_line_and_note_has_a_source_and_four_languages() -> None:
    table = load_yaml("referrals.yaml")
    entries = [*table["lines"].values(), *(t["note"] for t in table["topics"].values() if "note" in t)]
    assert entries
    for entry in entries:
        assert str(entry.get("source") or "").strip(), entry
        assert all(str(entry.get(lang) or "").strip() for lang in ("ko", "en", "zh", "vi")), entry
    for name, topic in table["topics"].items():
        assert set(topic["lines"]) <= set(table["lines"]), name


def test_violence_from_a_grown_child_after_her_money_names_the_elder_abuse_line() -> None:
    from graphs.referrals import crisis_kinds, crisis_lines

    text = "아들놈이 술만 먹으면 돈 내놓으라고 밀치고 때리는데 누구한테 말도 못하겠고 창피하고"
    kinds = crisis_kinds(["violence"], text)
    assert kinds[0] == "elder_abuse"
    assert any("1577-1389" in line for line in crisis_lines(kinds, "ko"))
    assert crisis_kinds(["violence"], "남편이 때려요") == ["violence"]
