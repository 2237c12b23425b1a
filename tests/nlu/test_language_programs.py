"""Language detection and program mention detection."""

from __future__ import annotations

import pytest

from graphs.nlu.language import detect_language
from graphs.nlu.programs import detect_programs, load_aliases


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("기초연금 받을 수 있나요?", "ko"),
        ("ㅋㅋㅋ", "ko"),
        ("기초연금 basic pension 얼마", "ko"),
        ("Can I get the basic pension?", "en"),
        ("hello", "en"),
        ("我可以领基础年金吗？", "zh"),
        ("谢谢", "zh"),
        ("Tôi có được nhận lương hưu không?", "vi"),
        ("xin chào", "vi"),
        ("toi khong biet", "vi"),
        ("12345", "ko"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        ("노령연금 얼마 나와요", ["basic_pension"]),
        ("기초 연금 신청", ["basic_pension"]),
        ("기초수급자 되려면", ["livelihood_benefit"]),
        ("기초생활수급 신청", ["livelihood_benefit"]),
        ("양육수당 얼마", []),  # 가정양육수당 (24–86개월, booklet p.122): from the documents, not 부모급여
        ("영아수당 얼마", ["parent_benefit"]),
        ("아동수당 몇 살까지", ["child_allowance"]),
        ("출산지원금 얼마예요", ["siheung_birth_support", "first_meeting_voucher"]),
        ("시흥시 출산지원금", ["siheung_birth_support"]),
        ("한부모 양육비", ["single_parent_child_support"]),
        ("차상위 확인서", ["near_poverty"]),
        ("국취제 신청", ["national_employment_support"]),
        ("에너지 바우처", ["energy_voucher"]),
        ("장애인연금이랑 장애수당", ["disability_pension", "disability_allowance"]),
        ("how much is the Basic Pension", ["basic_pension"]),
        ("first meeting voucher online", ["first_meeting_voucher"]),
        ("基础年金在哪里申请", ["basic_pension"]),
        ("儿童补贴", ["child_allowance"]),
        ("lương hưu cơ bản bao nhiêu", ["basic_pension"]),
        ("trợ cấp trẻ em", ["child_allowance"]),
        ("연금 나오나요", []),
        ("장애인 가족 지원", []),
        ("안녕하세요", []),
    ],
)
def test_detect_programs(text: str, programs: list[str]) -> None:
    asked, _ = detect_programs(text)
    assert asked == programs


def test_receiving_is_separated_from_asked() -> None:
    asked, receiving = detect_programs("생계급여 받고 있는데 에너지바우처 되나요")
    assert asked == ["energy_voucher"]
    assert receiving == ["livelihood_benefit"]


def test_every_alias_points_at_a_known_program() -> None:
    from pathlib import Path

    known = {p.stem for p in (Path(__file__).resolve().parents[2] / "data" / "programs").glob("*.yaml")}
    ids = {pid for pids in load_aliases().values() for pid in pids}
    assert ids <= known
    assert known <= ids, f"programs without aliases: {sorted(known - ids)}"


@pytest.mark.parametrize(
    ("text", "program"),
    [
        ("我能申请单亲家庭的养育费吗？", "single_parent_child_support"),
        ("co duoc nhan tien thanh nien co ban cua Gyeonggi khong?", "gyeonggi_youth_basic_income"),
        ("and what about that job seeker allowance thing", "national_employment_support"),
        ("Em muốn hỏi tiền mừng sinh của Siheung", "siheung_birth_support"),
        ("有没有紧急生活补助？", "emergency_welfare"),
    ],
)
def test_names_residents_of_a_blind_set_used(text: str, program: str) -> None:
    assert program in detect_programs(text)[0]


@pytest.mark.parametrize(
    ("text", "program"),
    [
        ("그라고 누가 집에 와가 좀 들바다봐주는 그런것도 되나", "senior_customized_care"),
        ("혼자 사는 할머니인데 누가 좀 들여다봐주는 서비스 있다고 들었어요", "senior_customized_care"),
        (
            "I live overseas and worry about her — is there someone who can visit her?",
            "senior_customized_care",
        ),
        ("주거급여는 받고 있슈. 겨울 난방비 나오는 그거도 되는감유", "energy_voucher"),
        ("Is there any help with the heating bill for us?", "energy_voucher"),
        ("나 혼자 사는 노인인디 돌봄서비스 그런 거 받을 수 있대유?", "senior_customized_care"),
        ("第四个孩子八月五号出生的，听说始兴市生第四胎给很多钱，是真的吗？", "siheung_birth_support"),
        ("I heard about parent benefit and some Siheung birth money", "siheung_birth_support"),
    ],
)
def test_a_program_described_without_its_name_is_found(text: str, program: str) -> None:
    assert program in detect_programs(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "우리 애 학교 끝나고 돌봐주는 데 있나요",
        "전기세가 밀려서 끊겼어요",
        "애기 봐주는 사람 있나요",
        "장애인 돌봄서비스 있나요",
        "시흥에서 태어나서 계속 살았어",
    ],
)
def test_other_care_or_a_cut_off_is_not_a_described_program(text: str) -> None:
    assert not {"senior_customized_care", "energy_voucher", "siheung_birth_support"} & set(
        detect_programs(text)[0]
    )


@pytest.mark.parametrize(
    ("text", "program"),
    [
        (
            "혼자 사는데 말할 사람도 없고 너무 적적해.. 노인들 친구 만들어주는 그런것도 있나",
            "senior_customized_care",
        ),
        ("자취하는 대학생인데 월세가 너무 부담되네요ㅠ", "youth_monthly_rent"),
    ],
)
def test_loneliness_of_an_older_person_and_a_students_rent_are_described_programs(
    text: str, program: str
) -> None:
    assert detect_programs(text)[0] == [program]


def test_rent_arrears_are_not_the_youth_rent_program() -> None:
    assert detect_programs("청년인데 월세 밀려서 쫓겨날 것 같아요")[0] == []


def test_a_description_matches_vietnamese_typed_without_marks() -> None:
    asked, _ = detect_programs("em vua sinh be thu hai. Siheung co ho tro tien sinh con khong?")
    assert asked == ["siheung_birth_support"]


def test_asking_for_a_spouse_and_not_when_the_spouse_is_a_condition() -> None:
    from graphs.dialogue.proxy import asking_for

    assert asking_for("남편이 중증장애인인데 장애인연금 받을 수 있나요?") == "spouse"
    assert asking_for("Can my wife get the disability pension?") == "spouse"
    assert asking_for("와이프가 버는게 있으면 안되나요?") is None
    assert asking_for("남편이 실직했는데 제가 받을 수 있나요") is None


@pytest.mark.parametrize(
    ("text", "asked", "receiving"),
    [
        ("Can I get disability pention?", ["disability_pension"], []),
        ("could you check livelihood allowence for me", ["livelihood_benefit"], []),
        ("I already get the disabilty pension", [], ["disability_pension"]),
        ("Toi co duoc nhan tro cap nguoi gia khong?", ["basic_pension"], []),
        ("Xem giúp tôi hỗ trợ mẹ đơn thân có được không", ["single_parent_child_support"], []),
    ],
)
def test_a_name_misspelt_by_a_letter_or_said_the_residents_way_is_recognised(
    text: str, asked: list[str], receiving: list[str]
) -> None:
    assert detect_programs(text) == (asked, receiving)


def test_a_short_word_one_letter_off_is_not_respelt() -> None:
    # "care" and "card" differ by a letter; only words of five letters or more are respelt
    assert detect_programs("I lost my bank card, can you help?") == ([], [])
