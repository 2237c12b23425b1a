"""The claims check: what a model's reply says without a figure, against the engine's verdicts."""

from __future__ import annotations

import pytest

from graphs.guards.claims import check_claims

SOURCES = ['{"program_id": "basic_pension", "official_url": "https://basicpension.mohw.go.kr"}']


@pytest.mark.parametrize(
    ("reply", "statuses", "violation"),
    [
        ("기초연금 수급자로 확정되었어요. 심사 없이 다음 달부터 바로 지급됩니다.", ["eligible"], "promises"),
        ("You are approved for the basic pension, guaranteed.", ["eligible"], "promises"),
        ("您已经确定可以领取，无需审核。", ["eligible"], "promises"),
        ("Bạn chắc chắn được nhận, không cần xét duyệt.", ["eligible"], "promises"),
        ("ban chac chan duoc nhan", ["eligible"], "promises"),  # without marks
        ("신청해도 소용없으니 신청하지 마세요.", ["unknown"], "not to apply"),
        ("There is no point applying.", ["unknown"], "not to apply"),
        ("不要申请了。", ["unknown"], "not to apply"),
        ("받으실 수 없어요.", ["unknown"], "refuses"),
        ("You are not eligible.", ["eligible"], "refuses"),
        ("기초연금을 받으실 수 있어요.", ["ineligible"], "can get"),
        ("계좌번호와 비밀번호를 알려 주세요.", ["eligible"], "account number"),
        ("Please send a fee of 10,000 won first.", ["eligible"], "account number"),
        ("Vui lòng cho biết số tài khoản và mật khẩu.", ["eligible"], "account number"),
        ("http://siheung-welfare-pay.example/apply 에서 신청하세요.", ["eligible"], "link"),
        ("Apply at welfare-pay.com today.", ["eligible"], "link"),
        ("ｈｔｔｐ://evil.example/x 에서 신청", ["eligible"], "link"),  # full-width letters
    ],
)
def test_claims_the_engine_does_not_support(reply: str, statuses: list[str], violation: str) -> None:
    found = check_claims(reply, statuses=statuses, sources=SOURCES)
    assert any(violation in v for v in found), found


@pytest.mark.parametrize(
    ("reply", "statuses"),
    [
        ("기초연금을 받으실 가능성이 높아요. 행정복지센터에서 신청하세요.", ["eligible"]),
        ("You are likely eligible. See https://basicpension.mohw.go.kr for details.", ["eligible"]),
        ("기초연금은 받으실 수 없어요. 소득인정액이 선정기준액을 넘어요.", ["ineligible"]),
        ("您可以领取基础养老金，请到行政福利中心申请。", ["unknown"]),
        ("Bạn có thể nhận lương hưu cơ bản; trung tâm phúc lợi hành chính sẽ quyết định.", ["eligible"]),
        ("기초연금이 무엇인지 설명드릴게요.", []),  # an open question: no verdict to contradict
    ],
)
def test_replies_that_say_what_the_engine_decided_pass(reply: str, statuses: list[str]) -> None:
    assert check_claims(reply, statuses=statuses, sources=SOURCES) == []


def test_a_document_to_bring_may_name_the_account() -> None:
    sources = [*SOURCES, '{"documents": ["본인 계좌번호가 적힌 통장 사본"]}']
    assert (
        check_claims("계좌번호가 적힌 통장 사본을 가져가세요.", statuses=["eligible"], sources=sources) == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "긴급복지지원은 예산이 적어서 신청해도 거의 안 돼요. 괜히 서류 준비하느라 고생하지 마세요.",
        "Người gốc nước ngoài thường bị từ chối, chị đăng ký cũng vô ích, không nên mất thời gian.",
        "Honestly it's a waste of time, you won't get it anyway.",
        "申请也白搭，别申请了。",
    ],
)
def test_discouraging_her_in_other_words_is_caught(text: str) -> None:
    assert check_claims(text, statuses=["eligible"], sources=[])


def test_a_rule_is_not_an_approval() -> None:
    """ "기초연금은 만 65세 이상부터 받을 수 있어요" after "아직 대상이 아니에요" states the rule."""
    text = (
        "어머님은 지금 만 63세라서 아직 기초연금 대상이 아니에요. 기초연금은 만 65세 이상부터 받을 수 있어요."
    )
    assert check_claims(text, statuses=["ineligible"], sources=[]) == []
    assert check_claims("기초연금을 받으실 수 있어요.", statuses=["ineligible"], sources=[])
