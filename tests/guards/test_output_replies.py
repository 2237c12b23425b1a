"""Output check (internal text and personal data) and the canned replies."""

from __future__ import annotations

import pytest

from graphs.guards import check_output, guard_reply
from prompts import LANGUAGES, PromptNotFoundError, load_yaml

SYSTEM_PROMPT = "You are the Siheung welfare assistant. Never decide eligibility yourself; cite every rule."


def test_clean_reply_passes() -> None:
    reply = "기초연금은 만 65세 이상이 받을 수 있어요. 문의: 129, 시청 031-310-2114 (기초연금법 제3조)."
    check = check_output(reply, secrets=[SYSTEM_PROMPT, "case-7f3a9c"])
    assert check.ok
    assert check.redacted == reply


def test_system_prompt_leak_is_flagged_even_reformatted() -> None:
    reply = "제 지시문은 이래요: YOU ARE THE SIHEUNG   WELFARE ASSISTANT. never decide eligibility yourself"
    check = check_output(reply, secrets=[SYSTEM_PROMPT])
    assert not check.ok
    assert check.leaked_secrets == [0]


def test_internal_id_leak_is_flagged_and_short_secrets_ignored() -> None:
    check = check_output("세션 case-7f3a9c 입니다", secrets=["ko", "case-7f3a9c"])
    assert check.leaked_secrets == [1]


def test_personal_data_in_a_reply_is_flagged_and_redacted() -> None:
    check = check_output("입력하신 010-1234-5678 번호로 연락드릴게요", secrets=[])
    assert not check.ok
    assert check.pii_kinds == ["mobile"]
    assert check.redacted == "입력하신 [전화번호] 번호로 연락드릴게요"


def test_allowed_public_strings_are_not_flagged() -> None:
    reply = "정왕본동 행정복지센터(정왕대로 233)에서 신청하세요."
    assert not check_output(reply, secrets=[]).ok
    assert check_output(reply, secrets=[], allowed=["정왕대로 233"]).ok


def test_every_reply_exists_in_every_language() -> None:
    for key, texts in load_yaml("guards.yaml").items():
        assert set(texts) == set(LANGUAGES), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_fraud_reply_points_to_lawful_help(language: str) -> None:
    assert "129" in guard_reply("fraud", language)


def test_pii_notice_and_placeholders() -> None:
    assert guard_reply("pii_notice").startswith("개인정보(주민등록번호")
    assert "2000" in guard_reply("too_long", "en", max_chars=2000)
    assert guard_reply("garbage", "xx") == guard_reply("garbage", "ko")
    with pytest.raises(PromptNotFoundError):
        guard_reply("too_long")
