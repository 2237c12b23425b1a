"""Booklet table rows read as sentences: no template strings, no field names a resident cannot use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphs.answers.readable import field_value, readable, tidy

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


def test_a_row_reads_as_its_label_and_content() -> None:
    row = (
        "내용의 '재가급여' 관련 정보: 구분은(는) '재가급여', 지원내용은(는) '가정을 방문하여 신체활동 지원 … "
        "장기요양 급여비용의 15% 본인부담'입니다."
    )
    assert readable(row) == "재가급여: 가정을 방문하여 신체활동 지원 … 장기요양 급여비용의 15% 본인부담"


def test_a_dict_value_becomes_pairs_and_page_numbers_are_dropped() -> None:
    row = (
        "대상의 '사회활동' 관련 정보: 구분은(는) '사회활동', 지원대상은(는) '{'공익활동': '65세 이상 기초연금 "
        "수급자', '사회서비스형': '60세 이상'}', 페이지은(는) '224'입니다."
    )
    assert readable(row) == "사회활동: 공익활동: 65세 이상 기초연금 수급자; 사회서비스형: 60세 이상"


def test_a_question_and_its_answer_read_as_such() -> None:
    row = "자주하는_질문의 '자주하는_질문' 관련 정보: 질문은(는) '중복 신청되나요?', 답변은(는) '순차적으로 가능합니다.'입니다."
    assert readable(row) == "중복 신청되나요? → 순차적으로 가능합니다."


def test_the_contact_of_a_list_row() -> None:
    row = (
        "목록의 '목록' 관련 정보: 사업명은(는) '노인 치과 임플란트 지원', 문의처은(는) '국민건강보험공단(☎1577-1000), "
        "보건복지상담센터(☎129)', 페이지은(는) '232'입니다."
    )
    assert field_value(row, "문의처") == "국민건강보험공단(☎1577-1000), 보건복지상담센터(☎129)"
    assert field_value("방법: 주민센터에 신청", "문의처") is None


def test_plain_passages_are_only_tidied() -> None:
    assert (
        readable("방법:  주민센터에\n - 방문 신청\n - 온라인 신청")
        == "방법: 주민센터에 · 방문 신청 · 온라인 신청"
    )


@pytest.mark.skipif(not any(CORPUS.rglob("*.json")), reason="the booklet corpus is not in data/corpus")
def test_no_row_of_the_booklet_keeps_its_template() -> None:
    rows = [
        r["text"]
        for path in CORPUS.rglob("*.json")
        for r in json.loads(path.read_text(encoding="utf-8"))
        if isinstance(r, dict) and "관련 정보:" in str(r.get("text"))
    ]
    assert len(rows) > 1000
    left = [readable(t) for t in rows if "은(는) '" in readable(t)]
    assert left == []


def test_an_office_and_its_number_read_as_a_contact() -> None:
    row = "문의의 '문의' 관련 정보: 기관은(는) '다누리콜센터', 연락처은(는) '1577-1366'입니다."
    assert readable(row) == "다누리콜센터 ☎1577-1366"


def test_a_table_inside_a_value_reads_as_rows_not_as_code() -> None:
    row = (
        "내용의 '도산 대지급금' 관련 정보: 사업명은(는) '도산 대지급금', "
        "기준은(는) '[{'항목': '임금', '30세 미만': 220}, {'항목': '퇴직급여등', '30세 미만': 220}]'입니다."
    )
    text = readable(row)
    assert "{" not in text
    assert "[" not in text
    assert "항목: 임금, 30세 미만: 220; 항목: 퇴직급여등" in text


def test_the_documents_confidence_marks_are_not_shown() -> None:
    assert (
        readable("- 장기요양등급을 받은 분은 제외됩니다 (확인등급 B).")
        == "장기요양등급을 받은 분은 제외됩니다."
    )
    assert readable("32% 이하 (2026년, 확인등급 A).") == "32% 이하 (2026년)."
    assert readable("서류 (서류 목록은 미확인, 확인등급 C+)") == "서류 (서류 목록은 미확인)"
    assert "확인등급" not in readable("금액 (확인등급 B; 복지로 원문은 금액을 반대로 적고 있어 확인 필요)")


def test_a_field_name_of_the_corpus_reads_as_words() -> None:
    """Seen in a reply: "자동_재신청: 산림복지서비스이용권 기신청자가 …" (a raw field name)."""
    text = "자동_재신청: 산림복지서비스이용권 기신청자가 수급자격 유지 시 자동으로 매년 재신청됩니다."
    assert tidy(text).startswith("자동 재신청: ")
    assert tidy("file_name 그대로") == "file_name 그대로"  # only between Hangul
