"""Vietnamese typed without diacritics, and Korean program names pasted into other languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphs.nlu import understand
from graphs.nlu.intent import classify, crisis_signals, wants_handoff
from graphs.nlu.language import detect_language
from tools.vietnamese import fold_latin

EVAL_DIR = Path(__file__).resolve().parents[2] / "eval" / "nlu"


def _vietnamese_items() -> list[dict[str, str]]:
    items = [
        json.loads(line)
        for path in sorted(EVAL_DIR.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [item for item in items if item["language"] == "vi"]


def test_fold_latin_removes_marks_and_keeps_other_scripts() -> None:
    assert fold_latin("Tôi muốn hỏi trợ cấp, đói quá") == "Toi muon hoi tro cap, doi qua"
    assert fold_latin("기초연금 你好 café") == "기초연금 你好 cafe"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("toi bi mat viec roi", "vi"),
        ("Tam biet nhe", "vi"),
        ("em muon hoi ve tro cap sinh con", "vi"),
        ("can I get a job here", "en"),
        ("I want to go to the community center on the bus", "en"),
        ("Trợ cấp cha mẹ (부모급여) là gì vậy?", "vi"),
        ("Could you explain what 국민취업지원제도 is? my korean isn't good", "en"),
        ("SH공사 임대주택 신청 방법 알려주세요", "ko"),
    ],
)
def test_language_of_unmarked_and_mixed_text(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_unmarked_crisis_and_handoff_rules() -> None:
    assert crisis_signals("toi khong muon song nua") == ["suicide"]
    assert crisis_signals("doi muon chet haha") == []  # the same hyperbole rule as "đói muốn chết"
    assert classify("doi muon chet haha trua nay an gi").intent != "crisis"  # nor the model's crisis guess
    assert wants_handoff("cho toi noi chuyen voi nguoi that")
    assert not wants_handoff("ban la nguoi that hay may vay")


def test_every_vietnamese_evaluation_item_survives_losing_its_marks() -> None:
    items = _vietnamese_items()
    assert len(items) >= 230
    results = [(item, understand(fold_latin(item["text"]))) for item in items]
    assert all(result.language == "vi" for _, result in results)
    assert all(result.intent == "crisis" for item, result in results if item["intent"] == "crisis")
    accuracy = sum(result.intent == item["intent"] for item, result in results) / len(results)
    assert accuracy >= 0.95  # 0.978 (227 of 232) with blind4; 0.71 before folded features


def test_programs_are_named_without_marks() -> None:
    assert understand("tro cap nuoi con don than bao nhieu").programs == ["single_parent_child_support"]
    assert understand("tien mung sinh con o Siheung").programs == ["siheung_birth_support"]


def test_one_plain_word_keeps_a_vietnamese_conversation() -> None:
    from graphs.nlu.language import detect_language

    assert detect_language("chat", default="vi") == "vi"
    assert detect_language("ok", default="vi") == "vi"
    assert detect_language("chat", default="ko") == "en"
    assert detect_language("I would like a call back", default="vi") == "en"
