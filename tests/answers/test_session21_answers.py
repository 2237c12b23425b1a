"""Answers found wanting in session 21 (development data: blind17): an English question about one of the 19
programs is answered from the project's own 2026 English document, not the 2024 booklet's gist."""

from __future__ import annotations

from typing import Any

from graphs.answers.compose import document_answer
from tests.answers.passages import passage


def _passage(section: str, lang: str, kind: str, text: str, score: float, **more: Any) -> dict[str, Any]:
    return passage(
        "한부모가족 아동 양육비 지원", "single_parent_child_support", section, lang, kind, text, score, **more
    )


_HITS = [
    _passage(
        "At a glance",
        "en",
        "project",
        "Low-income single parents receive KRW 230,000 a month for each child.",
        0.9,
        title="Child-rearing allowance for single-parent families (한부모가족 아동양육비) — At a glance",
    ),
    _passage(
        "How much", "en", "project", "- Child-rearing allowance: KRW 230,000 a month per child (2026).", 0.8
    ),
    _passage("How to apply", "en", "project", "At the administrative welfare centre or on Bokjiro.", 0.7),
    _passage("Contact", "en", "project", "Family counselling line 1577-4206; call centre 129.", 0.6),
    _passage(
        "summary", "en", "booklet", "Child-rearing allowance: at or below 63% … 210,000 won a month.", 1.0
    ),
    _passage("내용", "ko", "project", "한부모가족에게 자녀 1명당 매달 23만원의 양육비를 줍니다.", 0.5),
]


def test_an_english_situation_gets_the_2026_document_and_where_to_apply() -> None:
    answer = document_answer("raising my 2 kids alone, is there any money for single moms?", _HITS, "en")
    text = "\n".join(answer.lines)
    assert text.startswith(
        "Child-rearing allowance for single-parent families (한부모가족 아동양육비): Low-income"
    )
    assert "administrative welfare centre" in text  # where to apply, so she can act on it
    assert "23만원" in text  # the Korean passage to show at the office
    assert "210,000" not in text  # not the 2024 gist beside the 2026 figures
    assert answer.contact == "Family counselling line 1577-4206; call centre 129."
    assert answer.booklet_year is None


def test_an_english_how_much_question_gets_the_how_much_section() -> None:
    answer = document_answer("how much is the single parent allowance per kid?", _HITS, "en")
    assert "- Child-rearing allowance: KRW 230,000 a month per child (2026)." in answer.lines


def test_without_a_document_in_her_language_the_booklet_gist_is_used() -> None:
    hits = [h for h in _HITS if h["kind"] == "booklet" or h["lang"] == "ko"]
    answer = document_answer("is there any money for single moms?", hits, "en")
    assert "210,000" in "\n".join(answer.lines)
    assert answer.booklet_year == 2024


def test_a_topic_is_found_in_vietnamese_typed_without_marks() -> None:
    from graphs.answers.compose import referral_lines

    lines = referral_lines("Em lam o Siheung, khong co bao hiem y te, phai mo. Co ho tro gi khong?", "vi", "")
    assert any("90%" in line for line in lines)  # the uninsured foreigner's note, as for "không có bảo hiểm"
