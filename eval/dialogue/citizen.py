"""The simulated citizen: opens with a question, answers the agent from the hidden household, and sometimes
corrects herself or refuses to say something.

Everything she says is drawn from `Random(case.seed)`, so a case plays the same way against the same agent.
"""

from __future__ import annotations

import copy
import re
from random import Random
from typing import Any

from eval.dialogue.answers import answer
from eval.dialogue.households import Case
from eval.dialogue.phrases import ASK_ONE, ASK_TWO, CORRECT, DISCOVER, DONT_KNOW, REFUSE, TOPICS
from eval.dialogue.reference import drop_fact
from eval.dialogue.say import Say, Truth, ko_final
from eval.dialogue.style import Persona, draw_persona, styled
from graphs.state import ChatTurn

REFUSAL_SHARE = 0.10
CORRECTION_SHARE = 0.20
CHILD_PROGRAMS = {
    "child_allowance", "parent_benefit", "first_meeting_voucher", "siheung_birth_support",
    "single_parent_child_support", "education_benefit",
}  # fmt: skip
REFUSAL_SLOTS: dict[str, tuple[str, ...]] = {
    "livelihood_benefit": ("income", "assets", "support_obligor"),
    "medical_benefit": ("income", "assets", "support_obligor"),
    "basic_pension": ("income", "assets", "receiving"),
    "disability_pension": ("income", "disability", "assets"),
    "disability_allowance": ("income", "receiving", "disability"),
    "senior_customized_care": ("receiving", "income"),
    "energy_voucher": ("receiving", "income"),
    "youth_monthly_rent": ("income", "housing"),
}
"""Facts a resident refuses, by the program asked (others: income or assets)."""
CORRECTABLE = ("age", "income", "household", "assets", "child_age")
_SECOND_SLOT = {
    "household": r"몇 명|how many people|几个人|bao nhiêu người",
    "age": r"나이가|how old are you|多大年纪|bao nhiêu tuổi\?",
    "income": r"한 달 소득|monthly income|每月收入|thu nhập hằng tháng",
    "assets": r"재산은|what do you own|财产大概|tài sản của bạn",
    "support_obligor": r"부양의무자|family support|赡养义务|phụng dưỡng",
    "receiving": r"받고 계신|already receive|目前在领取|đang nhận khoản",
    "disability": r"장애가 있으신|registered disability|登记的残疾|khuyết tật đã đăng ký",
    "crisis": r"갑작스러운 어려움|sudden hardship|突然的困难|khó khăn đột ngột",
    "single_parent": r"한부모 가족|single parent|单亲家庭|đơn thân",
    "child_age": r"아이가 몇 살|how old is your child|孩子几岁|con bạn mấy tuổi",
    "school": r"학교에 다니는|in primary, middle|上小学|đang học tiểu học",
    "housing": r"자가인가요|own your home|自有的还是租|nhà riêng hay thuê",
    "region": r"시·군·구|which city or county|哪个市|thành phố/quận nào",
}
_SEPARATOR = {"ko": ", ", "en": ". ", "zh": "，", "vi": ". "}


def second_slot(question: str, slot: str) -> str | None:
    """Another question asked in the same reply (the agent may ask two at once), if recognisable."""
    own = re.search(_SECOND_SLOT.get(slot, r"(?!)"), question, re.IGNORECASE)
    start = own.end() if own else 0
    found = [
        (m.start(), name)
        for name, pattern in _SECOND_SLOT.items()
        if name != slot and (m := re.search(pattern, question[start:], re.IGNORECASE))
    ]
    return min(found)[1] if found else None


class SimulatedCitizen:
    """A resident with a hidden household, a persona, and maybe one planned refusal and one correction."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.language = case.language
        self.rng = Random(case.seed)
        self.persona: Persona = draw_persona(self.rng, case.language)
        self.locale: str | None = case.language if self.persona.send_locale else None
        self.say = Say(case.language, self.rng, self.persona.words_rate, self.persona.chatty)
        self.household = case.household
        self.truth = Truth(case.household, case.extras)
        self.unanswerable: list[str] = []
        self.events: list[str] = []
        self.refuse = self._plan_refusal()
        self.correct = self._plan_correction()
        self._corrected = False
        self._queued: list[str] = []

    # planning -------------------------------------------------------------------------------------
    def _plan_refusal(self) -> str | None:
        if self.rng.random() >= REFUSAL_SHARE:
            return None
        options = REFUSAL_SLOTS.get(self.case.target, ("income", "assets"))
        options = tuple(s for s in options if answer(s, self.truth, self._quiet()) is not None)
        return self.rng.choice(options) if options else None

    def _plan_correction(self) -> str | None:
        if self.rng.random() >= CORRECTION_SHARE:
            return None
        options = [s for s in CORRECTABLE if s != self.refuse and self._wrong(s) is not None]
        return self.rng.choice(options) if options else None

    def _quiet(self) -> Say:
        return Say(self.language, Random(0))

    def _wrong(self, slot: str) -> dict[str, Any] | None:
        """The household as she first misstates it for `slot` (None when she cannot get it wrong)."""
        data = copy.deepcopy(self.household)
        applicant = data["members"][0]
        shift = self.rng.choice((-5, -3, -2, -1, 1, 2, 3, 5)) if slot in ("age", "child_age") else 0
        if slot == "age" and applicant.get("age") is not None:
            applicant["age"] = max(18, applicant["age"] + shift)
            return data if applicant["age"] != self.household["members"][0]["age"] else None
        if slot == "income" and data.get("income"):
            income = data["income"]
            if not income["earned_krw"] and not income["other_krw"]:
                income["other_krw"] = 300000
            else:
                factor = self.rng.choice((0.5, 0.7, 1.4, 2.0))
                income["earned_krw"] = round(income["earned_krw"] * factor, -4)
                income["other_krw"] = round(income["other_krw"] * factor, -4)
            return data
        if slot == "assets" and data.get("assets"):
            assets = data["assets"]
            if not any(assets.values()):
                assets["financial_krw"] = 5_000_000
            else:
                assets["property_krw"] = round(assets["property_krw"] * 2, -4)
                assets["financial_krw"] = round(assets["financial_krw"] * 2, -4) or 3_000_000
            return data
        if slot == "household":
            extra = {"relation": "child", "age": 10, "disability": "none", "school": "elementary"}
            if len(data["members"]) > 1 and self.rng.random() < 0.5:
                data["members"].pop()
            else:
                data["members"].append(extra)
            return data
        if slot == "child_age":
            children = [m for m in data["members"] if m.get("relation") == "child"]
            if not children:
                return None
            youngest = children[-1]
            youngest.pop("months_old", None)
            youngest.pop("birth_date", None)
            youngest["age"] = max(0, youngest["age"] + abs(shift))
            return data
        return None

    # what the reference checks ------------------------------------------------------------------
    def disclosed_household(self) -> dict[str, Any]:
        """The household the reference checks: the truth, without the fact she refuses to give."""
        return drop_fact(self.household, self.refuse) if self.refuse else self.household

    # talking --------------------------------------------------------------------------------------
    def first_message(self) -> str:
        """The opening: the question, sometimes with facts volunteered around it."""
        case, say, lang = self.case, self.say, self.language
        if case.discovery:
            question = say.pick(DISCOVER[lang])
        elif len(case.programs) == 1:
            question = say.pick(ASK_ONE[lang]).format(X=say.program(case.programs[0]))
        else:
            first, second = (say.program(p) for p in case.programs)
            rang = "이랑" if ko_final(first) else "랑"
            question = say.pick(ASK_TWO[lang]).replace("{랑}", rang).format(X=first, Y=second)
        slots = self._volunteered()
        text = self._compose(question, slots)
        for slot in slots:
            self.events.append(f"volunteered {slot}")
        return styled(text, lang, self.persona, self.rng, opening=True)

    def _volunteered(self) -> list[str]:
        rng, target, h = self.rng, self.case.target, self.household
        wanted: list[tuple[str, float]] = [("age", 0.4), ("household", 0.3), ("income", 0.12)]
        if h["members"][0].get("nationality"):
            wanted.insert(0, ("nationality", 0.7))
        if any(m.get("pregnant") for m in h["members"]):
            wanted.append(("pregnant", 0.7))
        if target == "emergency_welfare" and h.get("crisis"):
            wanted.insert(0, ("crisis", 0.6))
        if target in ("disability_pension", "disability_allowance"):
            wanted.append(("disability", 0.5))
        if target in CHILD_PROGRAMS:
            wanted.append(("child_age", 0.35))
        if target == "national_employment_support":
            wanted.append(("employed", 0.4))
        if target == "youth_monthly_rent":
            wanted.append(("housing", 0.3))
        chosen = [s for s, p in wanted if rng.random() < p and s not in (self.refuse, self.correct)]
        if "household" in chosen and "pregnant" in chosen:
            chosen.remove("pregnant")
        if "child_age" in chosen and not any(m.get("relation") == "child" for m in h["members"]):
            chosen.remove("child_age")
        return chosen[:3]

    def _compose(self, question: str, slots: list[str]) -> str:
        lang = self.language
        if lang == "ko" and slots and set(slots) <= {"age", "household"} and self.rng.random() < 0.6:
            lead = self._ko_connective(slots)
            if lead:
                return f"{lead} {question}"
        clauses = [c for s in slots if (c := self._statement(s))]
        if not clauses:
            return question
        joiner = {"ko": ". ", "en": ". ", "zh": "，", "vi": ". "}[lang]
        facts = joiner.join(clauses)
        if self.rng.random() < 0.25:
            return f"{question} {facts}"
        return f"{facts}{'，' if lang == 'zh' else '. '}{question}"

    def _ko_connective(self, slots: list[str]) -> str | None:
        """ "일흔 살 혼자 사는데", "예순두 살인데": the facts run into the question."""
        h, say = self.household, self.say
        pieces: list[str] = []
        if "age" in slots and h["members"][0].get("age") is not None:
            pieces.append(say.age(int(h["members"][0]["age"])))
        if "household" in slots:
            if len(h["members"]) == 1:
                pieces.append("혼자 사는데")
            else:
                return None
        if not pieces:
            return None
        if not pieces[-1].endswith("데"):
            pieces[-1] += "인데"
        return " ".join(pieces)

    def _statement(self, slot: str) -> str | None:
        """A whole-sentence answer (for facts volunteered or added to another answer)."""
        self.say.full = True
        try:
            return answer(slot, self.truth, self.say)
        finally:
            self.say.full = False

    def reply(self, turn: ChatTurn) -> str | None:
        """Her next message: a queued correction, else the answer to the agent's question, else nothing."""
        if self._queued:
            return self._queued.pop(0)
        if turn.follow_up is None:
            return None
        slot = turn.follow_up.slot
        text = self._answer(slot)
        if self.persona.chatty and self.rng.random() < 0.6:
            other = second_slot(turn.follow_up.question, slot)
            if other and other not in (self.refuse, self.correct):
                extra = self._statement(other)
                if extra and extra not in text:
                    text += _SEPARATOR[self.language] + extra
        return styled(text, self.language, self.persona, self.rng)

    def _answer(self, slot: str) -> str:
        lang, say, x = self.language, self.say, self.case.extras
        if slot == self.refuse:
            self.events.append(f"refused {slot}")
            topic = TOPICS.get(slot, TOPICS["income"])[lang]
            return say.pick(REFUSE[lang]).format(T=topic)
        true = answer(slot, self.truth, say)
        if true is None:
            self.unanswerable.append(slot)
            return say.pick(DONT_KNOW[lang])
        if slot == self.correct and not self._corrected:
            self._corrected = True
            wrong_household = self._wrong(slot)
            wrong = answer(slot, Truth(wrong_household, x), say) if wrong_household else None
            if wrong and wrong != true:
                self.events.append(f"corrected {slot}")
                fixed = say.pick(CORRECT[lang]) + true
                self._queued.append(styled(fixed, lang, self.persona, self.rng))
                return wrong
        return true
