"""The finder and the tool, tested on their own and through a tool registry (as the agent calls them)."""

from __future__ import annotations

import pytest
from siheung_centre_finder import FindCentreArgs, register_tools
from siheung_centre_finder.finder import (
    UnknownDongError,
    dong_in,
    find_centre,
    known_names,
    normalise,
    sentence,
    table,
)

from tools.registry import ToolContext, ToolRegistry, TurnView

JEONGWANG = ["정왕본동", "정왕1동", "정왕2동", "정왕3동", "정왕4동", "거북섬동"]


def test_the_table_has_the_20_administrative_dongs() -> None:
    assert len(table().centres) == 20
    assert "§5.2" in table().source
    assert len(known_names()) == len(set(known_names()))


@pytest.mark.parametrize(
    ("name", "centres"),
    [
        ("정왕동", JEONGWANG),
        ("정왕", JEONGWANG),
        ("배곧", ["배곧1동", "배곧2동"]),
        ("장현동", ["연성동", "장곡동", "능곡동"]),
        ("광석동", ["연성동", "능곡동"]),
        ("군자동", ["군자동", "능곡동"]),  # a 행정동 and a 법정동 of 능곡동 at once
        ("포동", ["신현동"]),
        ("죽율동", ["정왕본동"]),
        ("대야동", ["대야동"]),
        ("정왕 1동", ["정왕1동"]),
        ("정왕제2동", ["정왕2동"]),
        ("시흥시 목감동", ["목감동"]),
        ("연성동", ["연성동"]),
    ],
)
def test_find_centre(name: str, centres: list[str]) -> None:
    answer = find_centre(name)
    assert answer.centres == centres
    assert answer.ambiguous == (len(centres) > 1)


def test_unknown_names_are_refused() -> None:
    with pytest.raises(UnknownDongError):
        find_centre("역삼동")
    assert normalise("  배곧 ") == "배곧동"


def test_never_guesses_one_centre_when_several_serve() -> None:
    text = sentence(find_centre("정왕동"), "ko")
    assert text == (
        "정왕동은 정왕본동·정왕1동·정왕2동·정왕3동·정왕4동·거북섬동 행정복지센터가 나누어 맡아요. "
        "주소(도로명)로 맞는 곳을 확인해 주세요."
    )
    for language in ("en", "zh", "vi"):
        assert all(c in sentence(find_centre("정왕동"), language) for c in JEONGWANG)
    assert sentence(find_centre("포동"), "en").startswith("포동 is served by the 신현동")


def test_dong_in_a_message() -> None:
    assert dong_in("정왕동 사는데 어디 주민센터 가야 해요?") == "정왕동"
    assert dong_in("저는 정왕 3동에 살아요") == "정왕3동"
    assert dong_in("정왕본동 주민센터요") == "정왕본동"
    assert dong_in("서울 역삼동 살아요") is None


async def test_the_tool_through_a_registry() -> None:
    registry = ToolRegistry()
    register_tools(registry, None)
    item = registry.get("find_welfare_centre")
    assert item.audience == {"citizen", "officer"}
    assert "application_help" in item.intents
    assert item.from_turn is not None
    assert item.render is not None
    view = TurnView(message="배곧동 사는데 주민센터 어디예요?", language="ko", intent="application_help")
    args = item.from_turn(view)
    assert args == FindCentreArgs(dong="배곧동")
    assert item.from_turn(TurnView(message="안녕하세요", language="ko", intent="application_help")) is None
    outcome = await registry.call("find_welfare_centre", args, ToolContext(audience="citizen"))
    assert outcome.ok
    assert item.render(outcome.as_json(), "ko") == (
        "배곧동은 배곧1동·배곧2동 행정복지센터가 나누어 맡아요. 주소(도로명)로 맞는 곳을 확인해 주세요."
    )
    failed = await registry.call("find_welfare_centre", {"dong": "역삼동"}, ToolContext(audience="citizen"))
    assert not failed.ok
