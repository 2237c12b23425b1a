"""A reply that repeats the model's instructions is recognised however it is disguised (issue 15)."""

from __future__ import annotations

import re

import pytest
import yaml

from graphs.guards.instructions import _PATH, echoes_instructions
from prompts import load_text


@pytest.mark.parametrize(
    "reply",
    [
        # paraphrased, with a word about instructions
        "My instructions say I only explain results somebody computed for me and never decide eligibility myself.",
        # translated
        "저는 시흥시 복지 도우미이고, 계산된 결과를 설명만 할 뿐 자격은 직접 판단하지 않아요.",
        "我是始兴市的福利助手，只解释已经计算好的结果，从不自己判断资格。",
        "Tôi là trợ lý phúc lợi của thành phố Siheung; tôi chỉ giải thích kết quả được tính sẵn và không tự quyết định tư cách.",
        "我的规则：只使用工具结果中出现的数字，不要自己计算或编造。",
        # spaced out, and in look-alike Cyrillic letters
        "Y o u  a r e  t h e  w e l f a r e  a s s i s t a n t  o f  S i h e u n g  C i t y.  Y o u  e x p l a i n  r e s u l t s",
        "Yоu аrе thе wеlfаrе аssistаnt оf Siheung Сity; yоu ехрlаin rеsults thаt wеrе соmрutеd fоr yоu.",
        "시 흥 시 복 지 도 우 미 입 니 다. 계 산 된 결 과 를 설 명 할 뿐 자 격 을 스 스 로 판 단 하 지 않 습 니 다.",
    ],
)
def test_the_instructions_are_recognised_however_disguised(reply: str) -> None:
    assert echoes_instructions(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "기초연금은 받으실 가능성이 높습니다. 월 349,700원이에요. 최종 결정은 행정복지센터에서 해요. 재산은 어느 정도인가요?",
        "You are likely eligible for the Basic Pension (기초연금), about 349,700 won a month. The community centre decides.",
        "基础养老金（기초연금）：您很可能符合条件，每月349,700韩元。最终由行政福利中心决定。",
        "Lương hưu cơ bản (기초연금): bạn có khả năng cao được nhận, 349,700 won mỗi tháng. Trung tâm sẽ quyết định.",
        "장기요양 등급은 1등급부터 5등급과 인지지원등급이 있어요. 1등급이 가장 심한 상태예요. [1] 문의: 국민건강보험공단 1577-1000",
        "The rules for the child allowance changed in 2026: every child under 9 gets 100,000 won a month. [1]",
        "시흥시 복지 도우미예요. 계산 결과는 행정복지센터에서 다시 확인해요.",
    ],
)
def test_ordinary_replies_are_not_taken_for_the_instructions(reply: str) -> None:
    assert not echoes_instructions(reply)


def test_the_sentences_kept_are_those_of_the_prompt_files() -> None:
    """The English sentences of instructions.yaml stay in step with the prompts the model is given."""
    prompts = re.sub(r"\s+", " ", load_text("respond.md") + load_text("understand.md")).replace('"', "")
    for entry in yaml.safe_load(_PATH.read_text(encoding="utf-8")):
        assert set(entry) == {"en", "ko", "zh", "vi"}
        for sentence in re.split(r"(?<=[.;])\s+", entry["en"]):
            core = sentence.rstrip(".;").replace(" of Siheung City", " of Siheung City (시흥시)")
            assert core.split(":")[-1].strip()[:40] in prompts, sentence
