"""Intent: crisis recall on the evaluation set, overall accuracy, handoff and benign look-alikes."""

from __future__ import annotations

from typing import Any

import pytest

from eval.nlu.run import UTTERANCES_PATH, evaluate, load_utterances
from graphs.nlu import Understanding, understand
from graphs.nlu.intent import INTENTS, load_training

# The development set reaches 0.993 (412 of 415; `python -m eval.nlu.run`); the blind figure is in
# eval/nlu/HELDOUT.md. This floor guards against regressions and is raised as the model improves.
ACCURACY_FLOOR = 0.98


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return evaluate()


def test_eval_set_shape() -> None:
    items = load_utterances()
    assert len(items) >= 400
    for language in ("en", "zh", "vi"):
        assert sum(1 for i in items if i["language"] == language) >= 60
    assert {i["intent"] for i in items} == set(INTENTS)


def test_no_evaluation_utterance_is_in_training() -> None:
    training = {text for text, _ in load_training()}
    for path in sorted(UTTERANCES_PATH.parent.glob("*.jsonl")):
        copied = training & {item["text"] for item in load_utterances(path)}
        assert not copied, f"{path.name} utterances copied into training: {sorted(copied)[:5]}"


def test_crisis_recall_is_total(report: dict[str, Any]) -> None:
    missed = [f["text"] for f in report["failures"] if f["intent"] == "crisis" and f["predicted"] != "crisis"]
    assert missed == []
    assert report["crisis_recall"] == 1.0


def test_every_crisis_item_flagged() -> None:
    for item in load_utterances():
        if item["intent"] == "crisis":
            assert understand(item["text"]).is_crisis, item["text"]


def test_intent_accuracy(report: dict[str, Any]) -> None:
    assert report["intent_accuracy"] >= ACCURACY_FLOOR
    for language, accuracy in report["per_language"].items():
        assert accuracy >= 0.9, language


def test_confidence_is_meaningful(report: dict[str, Any]) -> None:
    assert report["confident_accuracy"] > report["intent_accuracy"]
    assert report["confident_share"] >= 0.7


@pytest.mark.parametrize(
    "text",
    [
        "더 이상 살고 싶지 않아요",
        "애들 밥 못 먹인 지 이틀",
        "I don't want to wake up tomorrow",
        "今晚没地方住",
        "tôi không muốn sống nữa",
        "혼자 사는데 너무 힘들어서 죽고 싶어요",
        "배고파 죽겠는데 사실 사흘째 굶고 있어요",
        "남편이 술 마시면 때려요",
        "my dad beats my little brother",
        "집주인이 오늘 당장 나가래요",
    ],
)
def test_crisis(text: str) -> None:
    result = understand(text)
    assert result.intent == "crisis"
    assert result.crisis_signals
    assert result.confidence >= 0.95


@pytest.mark.parametrize(
    "text",
    [
        "죽을 만큼 배고파요 ㅋㅋ 점심 뭐 먹지",
        "웃겨 죽겠다 ㅋㅋㅋ",
        "배고파 죽겠네",
        "lol I'm dying of hunger",
        "饿死了哈哈",
        "đói muốn xỉu haha",
        "혼자살고 수입 없어요 의료급여 되나요",
    ],
)
def test_benign_look_alikes_are_not_crisis(text: str) -> None:
    assert understand(text).intent != "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "사람이랑 얘기하고 싶어요",
        "상담원 연결",
        "talk to a human",
        "转人工",
        "tôi muốn nói chuyện với người thật",
    ],
)
def test_handoff(text: str) -> None:
    result = understand(text)
    assert result.intent == "handoff"
    assert result.confidence >= 0.95


def test_understanding_shape() -> None:
    result = understand("일흔 살이고 혼자 사는데 노령연금 받을 수 있나요?")
    assert isinstance(result, Understanding)
    assert result.intent == "eligibility_check"
    assert result.language == "ko"
    assert result.programs == ["basic_pension"]
    assert result.facts["members"] == [{"relation": "self", "age": 70}]
    assert 0.0 <= result.confidence <= 1.0
    assert result.model_dump()["intent"] == "eligibility_check"


def test_program_named_is_never_smalltalk() -> None:
    assert understand("기초연금").intent in (
        "eligibility_check",
        "program_info",
        "application_help",
        "benefit_discovery",
    )


@pytest.mark.parametrize("text", ["hello", "ㅋㅋㅋ", "감사합니다!!", "谢谢你", "tạm biệt", "네 알겠습니다"])
def test_pure_greetings_are_smalltalk(text: str) -> None:
    assert understand(text).intent == "smalltalk"


def test_greeting_with_a_question_is_not_smalltalk() -> None:
    assert understand("안녕하세요 기초연금 얼마 나와요?").intent == "program_info"


def test_runner_up_is_the_best_intent_other_than_crisis() -> None:
    # When the graph does not trust a crisis guess, the turn takes this intent instead of smalltalk.
    for item in load_utterances()[:120]:
        u = understand(item["text"])
        assert u.runner_up != "crisis"
        if u.intent != "crisis" and not u.programs:
            assert u.runner_up == u.intent or u.intent in ("handoff", "smalltalk")
