"""Answers about the people: who lives together, the applicant's age, disability, family support, nationality."""

from __future__ import annotations

from eval.dialogue import numerals
from eval.dialogue.answers_children import child_age_answer
from eval.dialogue.say import (
    RELATIONS,
    Say,
    Truth,
    applicant_of,
    children_of,
    gender_of,
    ko_cop,
    ko_final,
    ko_iyo,
    ko_rang,
    member_word,
)

# household ----------------------------------------------------------------------------------------


def _kid_group(n: int, say: Say) -> str:
    lang = say.language
    if lang == "ko":
        word = say.pick(("애", "아이", "자녀", "애기" if n == 1 else "애들"))
        if say.rng.random() < 0.5:
            return f"{word} {numerals.ko_native(n, before_unit=False)}"
        return f"{word} {numerals.count(n, 'ko', words=say.rng.random() < 0.5)}"
    if lang == "en":
        if n == 1:
            return say.pick(("my child", "my kid", "one child", "my baby"))
        return say.pick(
            (f"{numerals.en_words(n)} kids", f"my {numerals.en_words(n)} children", f"{n} children")
        )
    if lang == "zh":
        return f"{numerals.count(n, 'zh')}孩子"
    return say.pick((f"{numerals.vi_numeral(n)} đứa con", f"{n} con", f"{numerals.vi_numeral(n)} con"))


def _household_parts(t: Truth, say: Say) -> list[str]:
    lang = say.language
    h, x = t.household, t.extras
    rel = RELATIONS[lang]
    parts: list[str] = []
    others = [(i, m) for i, m in enumerate(h["members"]) if m is not applicant_of(h)]
    if any(m.get("relation") == "spouse" for _, m in others):
        parts.append(say.pick(rel["spouse_f" if gender_of(x) == "f" else "spouse_m"]))
    minors = [m for _, m in others if m.get("relation") == "child" and (m.get("age") or 0) < 19]
    if minors:
        parts.append(_kid_group(len(minors), say))
    for index, m in others:
        if m.get("relation") == "child" and (m.get("age") or 0) >= 19:
            parts.append(member_word(index, m, x, say))
    parents = [(i, m) for i, m in others if m.get("relation") == "parent"]
    if len(parents) == 1:
        parts.append(member_word(*parents[0], x, say))
    elif parents:
        parts.append(say.pick(rel["parents"]))
    grandchildren = [m for _, m in others if m.get("relation") == "grandchild"]
    if grandchildren:
        parts.append(
            say.pick(rel["grandchild"]) + (f" {len(grandchildren)}" if len(grandchildren) > 1 else "")
        )
    for index, m in others:
        if m.get("relation") in ("sibling", "other"):
            parts.append(member_word(index, m, x, say))
    return parts


def _join_ko(parts: list[str], say: Say) -> str:
    """ "남편이랑 애 둘이랑", "남편하고 애 둘하고": a list that runs into a verb."""
    if say.rng.random() < 0.6:
        return " ".join(ko_rang(p) for p in parts)
    return "하고 ".join(parts) + "하고"


def household_answer(t: Truth, say: Say) -> str | None:
    """Who lives together: relations and the count."""
    h = t.household
    members = h["members"]
    n = len(members)
    lang = say.language
    parts = _household_parts(t, say)
    if lang == "ko":
        if n == 1:
            text = say.choose(
                ("혼자 살아요", "혼자예요", "저 혼자 삽니다", "독거예요 혼자 살아요", "1인 가구예요"),
                ("저 혼자요",),
            )
        else:
            listed = _join_ko(parts, say)
            native = numerals.ko_native(n) if n < 100 else str(n)
            text = say.choose(
                (f"{listed} 살아요", f"{', '.join(parts)} 해서 {n}명이에요", f"{native} 식구예요. {', '.join(parts)}",
                 f"{n}인 가구예요 ({', '.join(parts)})", f"저까지 {n}명이요, {listed} 살아요"),
                (", ".join(parts), f"{native} 식구요. {listed} 살아요"),
            )  # fmt: skip
    elif lang == "en":
        if n == 1:
            text = say.choose(("I live alone", "It's only me"), ("Just me", "One person, me"))
        else:
            listed = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
            text = say.pick(
                (
                    f"{numerals.en_words(n).capitalize()} of us: me, {listed}",
                    f"Me, {listed}",
                    f"I live with {listed}",
                    f"{n} people - me, {listed}",
                )
            )
    elif lang == "zh":
        if n == 1:
            text = say.choose(("我一个人住", "独居，就我一个"), ("就我自己", "一个人"))
        else:
            listed = "、".join(parts)
            counted = f"{numerals.zh_numeral(n) if say.rng.random() < 0.5 else n}口人"
            text = say.pick(
                (
                    f"我和{listed}，一共{counted}",
                    f"{counted}：我、{listed}",
                    f"我跟{listed}一起住",
                    f"{counted}，{listed}和我",
                )
            )
    else:
        if n == 1:
            text = say.choose(("Tôi sống một mình", "Chỉ có mình tôi"), ("Một mình thôi",))
        else:
            listed = ", ".join(parts[:-1]) + (" và " if len(parts) > 1 else "") + parts[-1]
            text = say.pick(
                (
                    f"Nhà tôi có {n} người: tôi, {listed}",
                    f"Tôi sống với {listed}",
                    f"{n} người, tôi với {listed}",
                    f"Gia đình tôi {numerals.vi_numeral(n)} người: tôi và {listed}",
                )
            )
    extra = _pregnancy_note(t, say)
    if say.chatty and children_of(h) and say.rng.random() < 0.3:
        ages = child_age_answer(t, say)
        if ages:
            extra = (extra + " " if extra else "") + ages
    return f"{text}. {extra}" if extra else text


def _pregnancy_note(t: Truth, say: Say) -> str:
    pregnant = [m for m in t.household["members"] if m.get("pregnant")]
    if not pregnant:
        return ""
    me = pregnant[0].get("relation") == "self"
    lang = say.language
    if lang == "ko":
        return "그리고 제가 임신 중이에요" if me else "그리고 아내가 임신 중이에요"
    if lang == "en":
        return "And I'm pregnant" if me else "And my wife is pregnant"
    if lang == "zh":
        return "我现在怀孕了" if me else "我老婆怀孕了"
    return "Tôi đang mang thai" if me else "Vợ tôi đang mang thai"


def age_answer(t: Truth, say: Say) -> str | None:
    """The applicant's age."""
    h = t.household
    years = applicant_of(h).get("age")
    if years is None:
        return None
    spoken = say.age(int(years))
    lang = say.language
    if lang == "ko":
        return say.choose((ko_cop(spoken), f"올해 {ko_cop(spoken)}", f"만 {years}세예요", f"나이는 {ko_cop(spoken)}",
                           f"{spoken} 먹었어요"), (ko_iyo(spoken), f"만 {years}세요"))  # fmt: skip
    if lang == "en":
        return say.choose((f"I'm {spoken}", f"I am {spoken} years old this year", f"I just turned {spoken}"),
                          (spoken, f"{spoken} years old"))  # fmt: skip
    if lang == "zh":
        return say.choose((f"我今年{spoken}", f"我{spoken}了"), (spoken, f"{spoken}了", f"周岁{spoken}"))
    return say.choose((f"Tôi {spoken}", f"Năm nay tôi {spoken} rồi"), (spoken, f"{spoken} ạ"))


# family support, benefits, disability, crisis -----------------------------------------------------
_OBLIGOR: dict[str, dict[str, tuple[str, ...]]] = {
    "ko": {
        "none": ("없어요", "부양해줄 가족 없어요", "자식 없어요", "부모님 다 돌아가셨고 자식도 없어요"),
        "meets": ("자식들도 형편이 어려워요", "아들 있는데 걔도 힘들게 살아요", "딸이 있긴 한데 연락 안 하고 살아요", "있긴 한데 도와줄 형편이 안 돼요"),
        "fails": ("아들이 잘 살아요", "딸이 의사라 넉넉해요", "자식들이 돈을 잘 벌어요", "아들네가 여유가 있어요"),
    },
    "en": {
        "none": ("No, I have no such family", "None", "No children, and my parents have passed away"),
        "meets": ("My son struggles too", "They are poor themselves", "I have a daughter but she can barely get by"),
        "fails": ("My son is well off", "My daughter is rich", "Yes, my children earn a lot"),
    },
    "zh": {
        "none": ("没有", "没有子女，父母也不在了", "没有这样的家人"),
        "meets": ("孩子们自己也很困难", "有儿子，但他也很困难", "有女儿，但她条件也不好"),
        "fails": ("儿子很有钱", "女儿家里很宽裕", "有，孩子们收入都挺高"),
    },
    "vi": {
        "none": ("Không có", "Tôi không có con, bố mẹ mất rồi", "Không có ai cả"),
        "meets": ("Con tôi cũng khó khăn", "Có con nhưng nó cũng nghèo", "Có con gái nhưng nó cũng chật vật"),
        "fails": ("Con trai tôi khá giả", "Con gái tôi giàu lắm", "Có, con tôi kiếm được nhiều tiền"),
    },
}  # fmt: skip


def support_obligor_answer(t: Truth, say: Say) -> str | None:
    """부양의무자: none / meets / fails, as residents describe their family."""
    h = t.household
    value = h.get("support_obligor")
    return None if value is None else say.pick(_OBLIGOR[say.language][str(value)])


_DEGREE = {
    "ko": {"severe": "중증", "mild": "경증"},
    "en": {"severe": "severe", "mild": "mild"},
    "zh": {"severe": "重度", "mild": "轻度"},
    "vi": {"severe": "nặng", "mild": "nhẹ"},
}


def disability_answer(t: Truth, say: Say) -> str | None:
    """Registered disability of the applicant (or of another member)."""
    h, x = t.household, t.extras
    mine = applicant_of(h).get("disability")
    if mine is None:
        return None
    lang = say.language
    if mine == "severe":
        return say.pick(
            {
                "ko": (
                    "중증 장애예요",
                    "심한 장애 있어요, 중증이요",
                    "장애 정도가 심한 장애인이에요",
                    "네, 중증이에요",
                ),
                "en": ("Yes, severe", "I have a severe disability", "Registered as severely disabled"),
                "zh": ("有，重度残疾", "我是重度残疾", "重度的"),
                "vi": ("Có, khuyết tật nặng", "Tôi bị khuyết tật nặng", "Khuyết tật mức độ nặng"),
            }[lang]
        )
    if mine == "mild":
        return say.pick(
            {
                "ko": (
                    "경증이에요",
                    "심하지 않은 장애예요",
                    "장애가 있긴 한데 경증이에요",
                    "네, 가벼운 장애요",
                ),
                "en": ("Yes, a mild one", "Mild disability", "I'm registered with a mild disability"),
                "zh": ("轻度残疾", "有，是轻度的", "有残疾，轻度"),
                "vi": ("Khuyết tật nhẹ", "Có, nhẹ thôi", "Tôi bị khuyết tật mức nhẹ"),
            }[lang]
        )
    others = [
        (i, m)
        for i, m in enumerate(h["members"])
        if m is not applicant_of(h) and m.get("disability") in ("mild", "severe")
    ]
    if others:
        index, member = others[0]
        degree = _DEGREE[lang][str(member["disability"])]
        who = member_word(index, member, x, say)
        return {
            "ko": f"저는 없고 {who}{'이' if ko_final(who) else '가'} {degree} 장애가 있어요",
            "en": f"Not me, but {who} has a {degree} disability",
            "zh": f"我没有，我{who}是{degree}残疾",
            "vi": f"Tôi thì không, nhưng {who} bị khuyết tật {degree}",
        }[lang]
    full, bare = {
        "ko": (("장애는 없어요", "등록된 장애 없어요"), ("없어요", "아니요 없어요")),
        "en": (("I have no disability", "No registered disability"), ("No", "No disability")),
        "zh": (("没有残疾", "没有登记的残疾"), ("没有",)),
        "vi": (("Không có khuyết tật", "Tôi không bị khuyết tật"), ("Không",)),
    }[lang]
    return say.choose(full, bare)


_COUNTRY = {
    "VN": {"ko": "베트남", "en": "Vietnamese", "zh": "越南", "vi": "Việt Nam"},
    "CN": {"ko": "중국", "en": "Chinese", "zh": "中国", "vi": "Trung Quốc"},
    "US": {"ko": "미국", "en": "American", "zh": "美国", "vi": "Mỹ"},
    "PH": {"ko": "필리핀", "en": "Filipino", "zh": "菲律宾", "vi": "Philippines"},
    "UZ": {"ko": "우즈베키스탄", "en": "Uzbek", "zh": "乌兹别克斯坦", "vi": "Uzbekistan"},
}


def nationality_answer(t: Truth, say: Say) -> str | None:
    """Korean, or the applicant's foreign nationality (often with the visa)."""
    h = t.household
    code = applicant_of(h).get("nationality")
    lang = say.language
    if code is None or str(code).upper() in ("KR", "KOR"):
        return say.pick(
            {
                "ko": ("한국 사람이에요", "한국 국적이에요", "내국인이에요"),
                "en": ("I'm Korean", "Korean citizen", "I have Korean nationality"),
                "zh": ("韩国国籍", "我已经入籍韩国了", "我是韩国国籍"),
                "vi": ("Tôi có quốc tịch Hàn", "Tôi đã nhập quốc tịch Hàn Quốc", "Quốc tịch Hàn Quốc"),
            }[lang]
        )
    country = _COUNTRY.get(str(code).upper(), {}).get(lang, str(code))
    return say.pick(
        {
            "ko": (
                f"{country} 사람이에요, 결혼이민 F-6 비자요",
                f"{country} 국적이에요",
                f"아직 귀화 안 했어요, {country} 국적이에요",
            ),
            "en": (
                f"I'm {country}, on an F-6 visa",
                f"{country} national, not naturalized",
                f"I'm a {country} citizen",
            ),
            "zh": (f"{country}国籍，F-6签证", f"我是{country}人，还没入籍", f"{country}国籍"),
            "vi": (
                f"Tôi quốc tịch {country}, visa F-6",
                f"Tôi là người {country}, chưa nhập quốc tịch",
                f"Quốc tịch {country}",
            ),
        }[lang]
    )


def pregnant_answer(t: Truth, say: Say) -> str | None:
    """Whether someone in the household is pregnant."""
    note = _pregnancy_note(t, say)
    if note:
        return note.removeprefix("그리고 ").removeprefix("And ")
    return {"ko": say.pick(("아니요", "임신 중은 아니에요")), "en": "No", "zh": "没有", "vi": "Không"}[
        say.language
    ]
