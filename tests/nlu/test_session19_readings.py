"""Facts residents write that were misread, found at the start of session 19 (session 18's trial and blind16,
development data)."""

from __future__ import annotations

import pytest

from graphs.nlu.numbers import find_ages


@pytest.mark.parametrize(
    "text",
    ["장애수당 한달 얼마에요?", "한 달 받는 돈이 얼마죠", "한달 나오는 게 얼마예요", "한 달 최대 얼마"],
)
def test_a_month_asked_about_as_money_is_no_baby_s_age(text: str) -> None:
    assert find_ages(text) == []


@pytest.mark.parametrize("text", ["애기 한달 됐어요", "두달 됐어요"])
def test_a_baby_s_age_in_native_months_is_still_read(text: str) -> None:
    assert [a.unit for a in find_ages(text)] == ["months"]
