"""Answers to situations, found in session 29 (dev19, written by a helper for development)."""

from __future__ import annotations

import pytest

from graphs.answers.compose import outside_topic, topic_notes
from graphs.nlu.intent import crisis_signals
from graphs.referrals import crisis_lines


def test_debts_get_debt_adjustment_and_rehabilitation_not_a_profile() -> None:
    message = (
        "카드값이랑 대출이 합쳐서 사천 좀 넘어요. 두달째 연체중이고 독촉전화 와요. 파산밖에 방법 없나요?"
    )
    notes = " ".join(topic_notes(message, "ko", answering=True))
    assert "1600-5500" in notes
    assert "132" in notes


@pytest.mark.parametrize(
    "message",
    [
        "landlord still hasnt returned my 10 million won deposit",
        "房东不退押金怎么办",
        "집주인이 보증금을 안 돌려줘요",
    ],
)
def test_a_deposit_not_returned_gets_the_mediation_committee(message: str) -> None:
    assert any("분쟁조정위원회" in note for note in topic_notes(message, "en", answering=True))


@pytest.mark.parametrize(
    "message",
    [
        "my hand got caught in the press machine, boss say dont report sanjae",
        "Chong em bi tai nan o cong truong, gay chan nam vien",
    ],
)
def test_an_injury_at_work_said_plainly_is_a_work_injury(message: str) -> None:
    assert any("산재" in note for note in topic_notes(message, "en", answering=True))


def test_a_job_lost_tells_of_unemployment_benefit_but_is_no_topic_outside_the_checks() -> None:
    message = "My husband just lost his job and money is tight"
    assert any("실업급여" in note for note in topic_notes(message, "en"))
    assert not outside_topic(message)  # "what can I get?" beside it stays the short profile


def test_missing_now_and_wandering_that_ended_at_home() -> None:
    missing = (
        "my wife's mom has dementia, she walked out of the apartment around 6 this morning, "
        "we searched the whole neighborhood. who do we call??"
    )
    assert crisis_signals(missing) == ["missing_person"]
    home = "아빠가 치매신데 요새 밤마다 나가서 동네를 헤매셔요. 그저께는 경찰이 모셔다 줬구요. 낮에 맡길데 없을까요"
    assert "missing_person" not in crisis_signals(home)
    still = "치매 엄마가 아침에 나가셨는데 아직도 안 들어오세요"
    assert crisis_signals(still) == ["missing_person"]


def test_self_harm_denied_is_no_suicide_signal() -> None:
    assert crisis_signals("Not thinking of hurting myself, just want to talk to a professional") == []
    assert crisis_signals("I keep thinking of hurting myself") == ["suicide"]


def test_the_suicide_lines_include_the_mental_health_crisis_line() -> None:
    lines = crisis_lines(["suicide"], "ko")
    assert lines[0].startswith("자살예방상담 109")
    assert any("1577-0199" in line for line in lines)


def test_an_ageing_parent_of_a_disabled_adult_gets_guardianship_and_day_activity() -> None:
    message = "우리 아들이 서른여덟인디 지적장애가 심해요. 내가 일흔넷이고.. 내가 아프거나 죽으면 야는 누가 돌보나 걱정이여"
    notes = " ".join(topic_notes(message, "ko", answering=True))
    assert "공공후견" in notes
    assert "주간활동" in notes


def test_violence_told_by_a_marriage_migrant_adds_the_danuri_line() -> None:
    from graphs.referrals import crisis_kinds

    message = "Chi oi, em bi chong danh hoai, em muon ly hon ma khong biet tieng Han nhieu, co ai giup em noi tieng Viet khong?"
    kinds = crisis_kinds(["violence"], message)
    assert "migrant" in kinds
    assert any("1577-1366" in line for line in crisis_lines(kinds, "vi"))
    assert "migrant" not in crisis_kinds(["violence"], "남편이 때려요")


def test_someone_to_come_and_care_for_an_old_mother_in_vietnamese() -> None:
    from graphs.dialogue.proxy import asking_for
    from graphs.nlu import situation_programs

    message = "Mẹ chồng em 80 tuổi ở một mình, có được người đến nhà chăm sóc không? Nhà em nhận 기초연금"
    assert "senior_customized_care" in situation_programs(message)
    assert "senior_customized_care" in situation_programs(
        "Me chong em 80 tuoi o mot minh, co duoc nguoi den nha cham soc khong?"
    )
    assert asking_for(message) == "parent"


def test_what_she_heard_asked_as_true_or_not_is_a_rule_question() -> None:
    from graphs.answers.focus import asks_a_rule

    assert asks_a_rule("일한다고 기초연금 안나온다는 말이 있던디 참말이여?")
    assert asks_a_rule("Is it true that I lose the pension if I work?")


def test_someone_to_come_home_after_a_birth_is_not_care_of_an_older_person() -> None:
    from graphs.nlu import situation_programs

    message = (
        "Em đang mang thai 8 tháng. Muốn đăng ký người đến nhà chăm sóc mẹ và bé sau sinh thì làm thế nào?"
    )
    assert "senior_customized_care" not in situation_programs(message)
