"""Answers about the home and the place: tenure and rent, 시군구 and 동, how long she has lived there."""

from __future__ import annotations

from eval.dialogue.say import (
    Say,
    Truth,
    applicant_of,
    ko_cop,
    ko_final,
    ko_iyo,
)


# housing and place --------------------------------------------------------------------------------
def housing_answer(t: Truth, say: Say) -> str | None:
    """Owner, renter (and the monthly rent), or living free."""
    h, x = t.household, t.extras
    housing = h.get("housing")
    if not housing or housing.get("tenure") is None:
        return None
    tenure = str(housing["tenure"])
    kind = str(x.get("home") or ("monthly" if tenure == "renter" and housing.get("rent_krw") else tenure))
    if tenure == "renter" and kind not in ("monthly", "jeonse"):
        kind = "monthly" if housing.get("rent_krw") else "jeonse"
    lang = say.language
    rent = say.money(int(housing.get("rent_krw") or 0)) if kind == "monthly" else ""
    deposit = int(x.get("deposit") or 0)
    dep = say.money(deposit) if deposit else ""
    table = {
        "ko": {
            "owner": ("자가예요", "내 집이에요", "우리 집이에요, 자가", "집은 제 명의로 된 거예요"),
            "monthly": (f"월세 {ko_cop(rent)}", f"월세 살아요, 한 달 {rent}", f"보증금 {dep}에 월세 {ko_iyo(rent)}" if dep else f"보증금 없이 월세 {ko_iyo(rent)}", f"월세로 {rent} 내요"),
            "jeonse": ("전세 살아요", "전세예요, 월세는 없어요", "전세로 살고 있어요"),
            "free": ("친척 집에 얹혀 살아요", "무상으로 살아요, 언니 집이에요", "아들 집에서 그냥 살아요"),
            "homeless": ("집이 없어요", "지금 살 곳이 없어요"),
        },
        "en": {
            "owner": ("I own my home", "It's my own house", "Owner"),
            "monthly": (f"I rent, {rent} a month", f"Monthly rent {rent}", f"Renting, paying {rent} per month" + (f" with a deposit of {dep}" if dep else "")),
            "jeonse": ("Jeonse rental, no monthly rent", "I rent on jeonse (lump-sum deposit)"),
            "free": ("I live at my relative's place for free", "Rent-free, at my son's house"),
            "homeless": ("I have no home right now",),
        },
        "zh": {
            "owner": ("自己的房子", "是自有住房", "房子是我的"),
            "monthly": (f"租房，每月{rent}", f"月租{rent}", f"押金{dep}，月租{rent}" if dep else f"月租{rent}，没有押金"),
            "jeonse": ("全租（传贳），不交月租", "传贳房，没有月租"),
            "free": ("住在亲戚家，不交房租", "免费住在儿子家"),
            "homeless": ("现在没有地方住",),
        },
        "vi": {
            "owner": ("Nhà riêng của tôi", "Nhà của mình", "Nhà tôi sở hữu"),
            "monthly": (f"Thuê nhà, mỗi tháng {rent}", f"Tiền thuê {rent} một tháng", f"Thuê nhà {rent}/tháng" + (f", cọc {dep}" if dep else "")),
            "jeonse": ("Thuê kiểu jeonse, không trả hàng tháng", "Nhà jeonse, không có tiền thuê tháng"),
            "free": ("Ở nhờ nhà người thân, không mất tiền", "Ở nhà con trai, không trả tiền thuê"),
            "homeless": ("Tôi không có chỗ ở",),
        },
    }  # fmt: skip
    return say.pick(table[lang][kind])


_PLACES = {
    "시흥시": {"en": "Siheung", "zh": "始兴市", "vi": "Siheung"},
    "안산시": {"en": "Ansan", "zh": "安山市", "vi": "Ansan"},
    "부천시": {"en": "Bucheon", "zh": "富川市", "vi": "Bucheon"},
    "수원시": {"en": "Suwon", "zh": "水原市", "vi": "Suwon"},
    "화성시": {"en": "Hwaseong", "zh": "华城市", "vi": "Hwaseong"},
    "성남시": {"en": "Seongnam", "zh": "城南市", "vi": "Seongnam"},
    "고양시": {"en": "Goyang", "zh": "高阳市", "vi": "Goyang"},
    "관악구": {"en": "Gwanak-gu", "zh": "冠岳区", "vi": "quận Gwanak"},
    "강서구": {"en": "Gangseo-gu", "zh": "江西区", "vi": "quận Gangseo"},
    "노원구": {"en": "Nowon-gu", "zh": "芦原区", "vi": "quận Nowon"},
    "은평구": {"en": "Eunpyeong-gu", "zh": "恩平区", "vi": "quận Eunpyeong"},
    "중랑구": {"en": "Jungnang-gu", "zh": "中浪区", "vi": "quận Jungnang"},
    "구로구": {"en": "Guro-gu", "zh": "九老区", "vi": "quận Guro"},
}


def region_answer(t: Truth, say: Say) -> str | None:
    """Where she lives (시군구, sometimes with the 동)."""
    h, x = t.household, t.extras
    region = h.get("region")
    if not region or not region.get("sigungu"):
        return None
    sido, sigungu = str(region.get("sido") or ""), str(region["sigungu"])
    dong = str(x.get("dong") or "")
    lang = say.language
    seoul = sido.startswith("서울")
    if lang != "ko" and say.rng.random() < 0.2:
        return f"{sido} {sigungu} {dong}".strip() if dong else f"{sido} {sigungu}"
    if lang == "ko":
        short = sigungu[:-1] if sigungu.endswith("시") else sigungu
        if seoul:
            return say.pick(
                (f"서울 {ko_iyo(sigungu)}", f"서울특별시 {sigungu}에 살아요", f"서울 살아요, {sigungu}")
            )
        options = [f"경기도 {ko_iyo(sigungu)}", f"{sigungu} 살아요", ko_iyo(short)]
        if dong:
            options += [
                f"{sigungu} {ko_iyo(dong)}",
                f"{short} {dong} 살아요",
                f"{dong}{'이요' if ko_final(dong) else '요'} {short}",
            ]
        return say.pick(options)
    place = _PLACES.get(sigungu, {}).get(lang, sigungu)
    if lang == "en":
        return (
            say.pick((f"Seoul, {place}", f"I live in {place}, Seoul"))
            if seoul
            else say.pick((f"{place}, Gyeonggi-do", f"I live in {place}", place))
        )
    if lang == "zh":
        return (
            say.pick((f"首尔{place}", f"住在首尔{place}"))
            if seoul
            else say.pick((f"京畿道{place}", f"住在{place}", place))
        )
    return (
        say.pick((f"Seoul, {place}", f"Tôi sống ở {place}, Seoul"))
        if seoul
        else say.pick((f"Thành phố {place}, Gyeonggi", f"Tôi sống ở {place}"))
    )


def months_resident_answer(t: Truth, say: Say) -> str | None:
    """How long she has lived in the 시군구."""
    h = t.household
    region = h.get("region") or {}
    months = region.get("months_resident")
    if months is None:
        return None
    years, rest = divmod(int(months), 12)
    lang = say.language
    if lang == "ko":
        if not years:
            return say.pick((f"{rest}개월 됐어요", f"이사 온 지 {rest}개월이요", f"{rest}개월째예요"))
        if not rest:
            return say.pick((f"{years}년 됐어요", f"{years}년째 살아요", f"딱 {years}년이요"))
        return say.pick((f"{years}년 {rest}개월이요", f"{years}년 넘었어요", f"{years}년 {rest}개월 됐어요"))
    if lang == "en":
        if not years:
            return say.pick((f"{rest} months", f"About {rest} months"))
        return say.pick(
            (
                f"{years} years" + (f" and {rest} months" if rest else ""),
                f"Over {years} years" if rest else f"{years} years",
            )
        )
    if lang == "zh":
        if not years:
            return say.pick((f"{rest}个月", f"搬来{rest}个月了"))
        return say.pick(
            (
                f"{years}年" + (f"{rest}个月" if rest else ""),
                f"住了{years}年多了" if rest else f"住了{years}年了",
            )
        )
    if not years:
        return say.pick((f"{rest} tháng", f"Được {rest} tháng rồi"))
    return say.pick(
        (
            f"{years} năm" + (f" {rest} tháng" if rest else ""),
            f"Hơn {years} năm rồi" if rest else f"{years} năm rồi",
        )
    )


def gyeonggi_years_answer(t: Truth, say: Say) -> str | None:
    """Years lived in 경기도: without a break and in total."""
    h = t.household
    continuous = h.get("gyeonggi_residence_years")
    if continuous is None:
        return None
    total = h.get("gyeonggi_total_residence_years")
    c = int(continuous)
    years = int(total) if total is not None else c
    age = applicant_of(h).get("age")
    lang = say.language
    if c == 0:
        return {
            "ko": "지금은 경기도에 안 살아요" + (f", 예전에 {years}년 살았어요" if years else ""),
            "en": "I don't live in Gyeonggi now" + (f"; I lived there {years} years before" if years else ""),
            "zh": "现在不住在京畿道" + (f"，以前住过{years}年" if years else ""),
            "vi": "Hiện tôi không sống ở Gyeonggi" + (f", trước đây sống {years} năm" if years else ""),
        }[lang]
    if years > c:
        return {
            "ko": say.pick(
                (
                    f"계속 산 건 {c}년이고 합치면 {years}년이에요",
                    f"지금 {c}년째고, 전에 산 거 합치면 {years}년이요",
                )
            ),
            "en": f"{c} year{'s' if c != 1 else ''} in a row now, {years} years in total",
            "zh": f"连续住了{c}年，加起来一共{years}年",
            "vi": f"Liên tục {c} năm, tổng cộng {years} năm",
        }[lang]
    if c == age:
        return {"ko": "태어나서 쭉 경기도 살았어요", "en": "All my life, I was born here", "zh": "从出生就一直住在京畿道",
                "vi": "Từ lúc sinh ra tôi đã sống ở Gyeonggi"}[lang]  # fmt: skip
    return say.pick(
        {
            "ko": (f"{c}년이요", f"경기도에서만 {c}년 살았어요", f"{c}년 됐어요", f"쭉 {c}년째예요"),
            "en": (f"{c} year{'s' if c != 1 else ''}", f"{c} year{'s' if c != 1 else ''} without a break"),
            "zh": (f"{c}年", f"一直住了{c}年"),
            "vi": (f"{c} năm", f"Sống liên tục {c} năm"),
        }[lang]
    )
