"""Answers about the children: ages, months, birth date, school, single parenthood."""

from __future__ import annotations

from datetime import date
from typing import Any

from eval.dialogue import numerals
from eval.dialogue.say import (
    Say,
    Truth,
    children_of,
    gender_of,
    ko_cop,
    ko_iyo,
    youngest_of,
)


# children -----------------------------------------------------------------------------------------
def _child_age_text(child: dict[str, Any], say: Say) -> str:
    months = child.get("months_old")
    lang = say.language
    if months is not None and (months < 24 or say.rng.random() < 0.4):
        m = int(months)
        words = say.words() and m > 0
        return {
            "ko": f"{numerals.ko_sino(m)} 개월" if words else f"{m}개월",
            "en": f"{numerals.en_words(m) if words else m} month{'s' if m != 1 else ''} old",
            "zh": f"{'两' if m == 2 else numerals.zh_numeral(m)}个月" if words else f"{m}个月",
            "vi": f"{numerals.vi_numeral(m)} tháng" if words else f"{m} tháng",
        }[lang]
    years = int(child.get("age") or 0)
    if lang == "ko":
        return f"{numerals.ko_native(years)} 살" if say.words() and years else f"{years}살"
    if lang == "en":
        return f"{say.age(years)} year{'s' if years != 1 else ''} old"
    return say.age(years)


def child_age_answer(t: Truth, say: Say) -> str | None:
    """The children's ages (months for the youngest ones)."""
    h = t.household
    children = children_of(h)
    lang = say.language
    if not children:
        if any(m.get("pregnant") for m in h["members"]):
            return {"ko": "아직 뱃속에 있어요, 임신 중이에요", "en": "The baby isn't born yet, I'm pregnant",
                    "zh": "还没生，现在怀孕中", "vi": "Em bé chưa sinh, tôi đang mang thai"}[lang]  # fmt: skip
        return {"ko": say.pick(("애 없어요", "아이는 없어요")), "en": "I don't have children", "zh": "没有孩子",
                "vi": "Tôi không có con"}[lang]  # fmt: skip
    ages = [
        _child_age_text(c, say)
        for c in sorted(children, key=lambda c: -(c.get("months_old") or c.get("age", 0) * 12))
    ]
    if len(ages) == 1:
        a = ages[0]
        full, bare = {
            "ko": (
                (f"애가 {ko_cop(a)}", f"우리 애 {ko_iyo(a)}", f"아이가 {ko_cop(a)}"),
                (ko_cop(a), ko_iyo(a)),
            ),
            "en": ((f"My child is {a}", f"The baby is {a}" if "month" in a else f"My kid is {a}"), (a,)),
            "zh": ((f"孩子{a}", f"孩子{a}了"), (a, f"{a}了")),
            "vi": ((f"Con tôi {a}", f"Bé được {a}"), (a,)),
        }[lang]
        return say.choose(full, bare)  # fmt: skip
    if lang == "ko":
        if len(ages) == 2 and say.rng.random() < 0.5:
            return f"큰애 {ages[0]}, 작은애 {ko_cop(ages[1])}"
        return say.pick(
            (
                f"{', '.join(ages)}요",
                f"애들이 {', '.join(ages[:-1])}, {ko_cop(ages[-1])}",
                "첫째가 " + ", ".join(ages),
            )
        )
    if lang == "en":
        return say.pick((", ".join(ages[:-1]) + f" and {ages[-1]}", f"The kids are {', '.join(ages)}"))
    if lang == "zh":
        return say.pick(("、".join(ages), f"老大{ages[0]}，" + "，".join(ages[1:])))
    return say.pick((", ".join(ages), f"Đứa lớn {ages[0]}, " + ", ".join(ages[1:])))


_SCHOOL = {
    "ko": {"elementary": "초등학생", "middle": "중학생", "high": "고등학생", "university": "대학생"},
    "en": {"elementary": "in elementary school", "middle": "in middle school", "high": "in high school", "university": "at university"},
    "zh": {"elementary": "小学", "middle": "初中", "high": "高中", "university": "大学"},
    "vi": {"elementary": "tiểu học", "middle": "trung học cơ sở", "high": "trung học phổ thông", "university": "đại học"},
}  # fmt: skip


def school_answer(t: Truth, say: Say) -> str | None:
    """The children's school levels."""
    h = t.household
    children = children_of(h)
    if any(c.get("school") is None for c in children):
        return None
    levels = [str(c["school"]) for c in children if c.get("school") not in (None, "none")]
    lang = say.language
    if not levels:
        return say.pick(
            {
                "ko": ("없어요, 학교 다니는 애는 없어요", "아직 학교 안 다녀요", "학생은 없어요"),
                "en": ("No, none of them is at school", "No school kids"),
                "zh": ("没有上学的孩子", "还没上学"),
                "vi": ("Không có con đi học", "Chưa đi học"),
            }[lang]
        )
    named = [_SCHOOL[lang][level] for level in levels]
    if lang == "ko":
        if len(named) == 1:
            return say.pick((f"{named[0]} 하나 있어요", ko_cop(named[0]), f"네, {ko_iyo(named[0])}"))
        return say.pick(
            (
                f"{', '.join(named)}이에요",
                f"큰애는 {named[0]}, 작은애는 {ko_cop(named[1])}" if len(named) == 2 else ", ".join(named),
            )
        )
    if lang == "en":
        return say.pick(("One is " + ", one is ".join(named), "Yes: " + ", ".join(named)))
    if lang == "zh":
        return say.pick(("一个上" + "，一个上".join(named), "有，" + "、".join(named)))
    return say.pick(("Có, một đứa học " + ", một đứa học ".join(named), "Có: " + ", ".join(named)))


def months_old_answer(t: Truth, say: Say) -> str | None:
    """The youngest child's age in months."""
    h = t.household
    youngest = youngest_of(h)
    if youngest is None:
        return child_age_answer(t, say)
    months = youngest.get("months_old")
    lang = say.language
    if months is None:
        return {"ko": f"{youngest.get('age')}살이에요", "en": f"{youngest.get('age')} years old",
                "zh": f"{youngest.get('age')}岁了", "vi": f"{youngest.get('age')} tuổi rồi"}[lang]  # fmt: skip
    m = int(months)
    words = say.words() and m > 0
    if lang == "ko":
        spoken = f"{numerals.ko_sino(m)} 개월" if words else f"{m}개월"
        return say.pick(
            (ko_cop(spoken), ko_iyo(spoken), f"이제 {spoken} 됐어요", f"태어난 지 {ko_iyo(spoken)}")
        )
    if lang == "en":
        spoken = numerals.en_words(m) if words else str(m)
        return say.pick((f"{spoken} months", f"The baby is {spoken} months old", f"{spoken} months old now"))
    if lang == "zh":
        spoken = numerals.zh_numeral(m) if words else str(m)
        return say.pick((f"{spoken}个月", f"{spoken}个月了", f"刚满{spoken}个月"))
    spoken = numerals.vi_numeral(m) if words else str(m)
    return say.pick((f"{spoken} tháng", f"Bé được {spoken} tháng rồi", f"{spoken} tháng tuổi"))


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")  # fmt: skip


def birth_date_answer(t: Truth, say: Say) -> str | None:
    """The youngest child's date of birth."""
    h = t.household
    youngest = youngest_of(h)
    if youngest is None or youngest.get("birth_date") is None:
        return None
    born = date.fromisoformat(str(youngest["birth_date"]))
    y, m, d = born.year, born.month, born.day
    return say.pick({
        "ko": (f"{y}년 {m}월 {d}일이에요", f"{y}.{m}.{d}요", f"{y}년 {m}월 {d}일생이에요", f"{y}년 {m}월 {d}일에 낳았어요"),
        "en": (f"{_MONTHS_EN[m - 1]} {d}, {y}", f"{born.isoformat()}", f"Born on {d} {_MONTHS_EN[m - 1]} {y}"),
        "zh": (f"{y}年{m}月{d}日", f"{y}年{m}月{d}号出生的", f"{born.isoformat()}"),
        "vi": (f"Ngày {d} tháng {m} năm {y}", f"{d}/{m}/{y}", f"Bé sinh ngày {d}/{m}/{y}"),
    }[say.language])  # fmt: skip


def single_parent_answer(t: Truth, say: Say) -> str | None:
    """Whether she raises the children alone."""
    h, x = t.household, t.extras
    single = h.get("single_parent")
    if single is None:
        return None
    lang = say.language
    if single:
        mom = gender_of(x) == "f"
        return say.pick({
            "ko": ("네, 혼자 키워요", "네 한부모예요", "이혼하고 혼자 애 키우고 있어요", "네, 싱글맘이에요" if mom else "네, 싱글대디예요"),
            "en": ("Yes, I'm a single mom" if mom else "Yes, I'm a single dad", "Yes, raising them alone", "Yes"),
            "zh": ("是的，我一个人带孩子", "是单亲", "对，单亲妈妈" if mom else "对，单亲爸爸"),
            "vi": ("Vâng, tôi nuôi con một mình", "Đúng, tôi là mẹ đơn thân" if mom else "Đúng, tôi là bố đơn thân", "Có"),
        }[lang])  # fmt: skip
    if not children_of(h):
        return {"ko": "아니요, 애가 없어요", "en": "No, I have no children", "zh": "不是，没有孩子",
                "vi": "Không, tôi không có con"}[lang]  # fmt: skip
    return say.pick(
        {
            "ko": ("아니요", "아뇨, 같이 키워요", "아니에요", "한부모는 아니에요"),
            "en": ("No", "No, we raise them together", "No, I'm married"),
            "zh": ("不是", "不是，我们两个一起带", "不是单亲"),
            "vi": ("Không", "Không, hai vợ chồng cùng nuôi", "Không phải"),
        }[lang]
    )
