"""Answers about money and hardship: income, 소득인정액, assets, benefits received, work, crisis events."""

from __future__ import annotations

from typing import Any

from eval.dialogue.say import (
    RELATIONS,
    Say,
    Truth,
    applicant_of,
    gender_of,
    ko_cop,
    ko_final,
    ko_iyo,
)


def income_answer(t: Truth, say: Say) -> str | None:
    """Monthly earned and other income of the household (and the 소득인정액 when the resident knows it)."""
    h = t.household
    income = h.get("income")
    if not income or income.get("earned_krw") is None or income.get("other_krw") is None:
        return None
    earned, other = int(income["earned_krw"]), int(income["other_krw"])
    senior = (applicant_of(h).get("age") or 0) >= 65
    lang = say.language
    text = _income_text(earned, other, senior, say)
    recognition = h.get("income_recognition_krw")
    if recognition is not None:
        amount = say.money(int(recognition))
        note = {
            "ko": say.pick(
                (f"주민센터에서 소득인정액은 {amount}이라고 하더라고요", f"소득인정액은 {ko_iyo(amount)}")
            ),
            "en": f"The welfare centre told me my recognised income (소득인정액) is {amount}",
            "zh": f"居民中心说我的认定收入（소득인정액）是{amount}",
            "vi": f"Trung tâm nói thu nhập được công nhận (소득인정액) của tôi là {amount}",
        }[lang]
        text = f"{text}. {note}"
    return text


def _income_text(earned: int, other: int, senior: bool, say: Say) -> str:
    lang = say.language
    if not earned and not other:
        full, bare = {
            "ko": (
                ("소득 없어요", "버는 돈 없어요", "수입이 하나도 없어요"),
                ("없어요", "한 푼도 없어요", "없습니다"),
            ),
            "en": (
                ("We have no income at all", "No income, nothing comes in"),
                ("None", "No income", "Zero"),
            ),
            "zh": (("没有收入", "一分钱收入都没有"), ("没有", "没有，什么收入都没有")),
            "vi": (("Không có thu nhập", "Hiện không có thu nhập gì"), ("Không có", "Không có đồng nào")),
        }[lang]
        return say.choose(full, bare)
    e = say.money(earned) if earned else ""
    o = say.money(other) if other else ""
    if lang == "ko":
        pension = "연금" if senior else say.pick(("지원금", "다른 수입", "양육비", "실업급여"))
        if earned and other:
            return say.pick((f"월급 {e}, {pension} {ko_iyo(o)}", f"일해서 {e} 벌고 {pension}{'으로' if ko_final(pension) else '로'} {o} 들어와요",
                             f"근로소득 {e}, 기타소득 {ko_iyo(o)}", f"한 달에 일해서 {e}, 그 외에 {o} 정도요"))  # fmt: skip
        if earned:
            return say.pick((f"월급 {e} 받아요", f"일해서 한 달에 {e} 벌어요", f"{ko_iyo(e)}, 월급이요", f"알바로 월 {e} 정도 벌어요",
                             f"근로소득 {ko_iyo(e)}", f"집에 버는 게 한 달 {ko_cop(e)}"))  # fmt: skip
        if senior:
            return say.pick((f"연금 {o} 나와요", f"국민연금 {o} 받아요", f"일은 안 하고 연금 {ko_iyo(o)}", f"자식들이 보내주는 돈 {o} 정도요",
                             f"다른 소득은 없고 연금 {ko_iyo(o)}"))  # fmt: skip
        return say.pick((f"일은 안 하고 {pension} {o} 받아요", f"{pension} {o} 들어오는 게 다예요", f"월급은 없고 {pension} {ko_iyo(o)}",
                         f"근로소득은 없고 기타소득 {ko_iyo(o)}"))  # fmt: skip
    if lang == "en":
        if earned and other:
            return say.pick((f"{e} from work and {o} other income", f"Salary {e}, plus {o} from a pension or allowances",
                             f"I earn {e} a month, and there's another {o} that isn't wages"))  # fmt: skip
        if earned:
            return say.pick(
                (
                    f"I earn {e} a month",
                    f"{e} a month from my job",
                    f"My salary is about {e} per month",
                    f"Around {e} from work",
                )
            )
        return say.pick((f"Only a pension of {o} a month" if senior else f"Only {o} a month in allowances", f"{o} a month, not from work",
                         f"No wages, just {o} of other income"))  # fmt: skip
    if lang == "zh":
        if earned and other:
            return say.pick(
                (
                    f"工资{e}，另外{'养老金' if senior else '补贴'}{o}",
                    f"工作收入{e}，其他收入{o}",
                    f"每个月上班挣{e}，还有{o}别的收入",
                )
            )
        if earned:
            return say.pick((f"每个月工资{e}", f"上班挣{e}", f"工资大概{e}一个月", f"打工一个月{e}"))
        return say.pick(
            (f"只有养老金{o}" if senior else f"只有补贴{o}", f"其他收入{o}，没有工资", f"每个月{o}，不是工资")
        )
    if earned and other:
        return say.pick(
            (
                f"Lương {e}, thu nhập khác {o}",
                f"Đi làm được {e}, thêm {o} tiền trợ cấp",
                f"Đi làm {e} một tháng, ngoài ra có {o}",
            )
        )
    if earned:
        return say.pick(
            (
                f"Lương tháng {e}",
                f"Tôi đi làm được {e} một tháng",
                f"Mỗi tháng kiếm khoảng {e}",
                f"Làm thêm được {e}/tháng",
            )
        )
    return say.pick(
        (
            f"Chỉ có lương hưu {o}" if senior else f"Chỉ có trợ cấp {o}",
            f"Thu nhập khác {o}, không đi làm",
            f"Không có lương, chỉ có {o} mỗi tháng",
        )
    )


def income_recognition_answer(t: Truth, say: Say) -> str | None:
    """소득인정액, when the resident was told it."""
    h = t.household
    recognition = h.get("income_recognition_krw")
    if recognition is None:
        return None
    amount = say.money(int(recognition))
    return {
        "ko": say.pick(
            (
                f"소득인정액 {ko_iyo(amount)}",
                f"주민센터에서 {amount}{'으로' if ko_final(amount) else '로'} 나왔대요",
            )
        ),
        "en": f"It's {amount}",
        "zh": f"认定收入是{amount}",
        "vi": f"Là {amount}",
    }[say.language]


def assets_answer(t: Truth, say: Say) -> str | None:
    """Property (home, deposit), savings and debt."""
    h, x = t.household, t.extras
    assets = h.get("assets")
    if not assets or None in (
        assets.get("property_krw"),
        assets.get("financial_krw"),
        assets.get("debt_krw"),
    ):
        return None
    prop, fin, debt = int(assets["property_krw"]), int(assets["financial_krw"]), int(assets["debt_krw"])
    lang = say.language
    if not prop and not fin and not debt:
        full, bare = {
            "ko": (
                ("재산 없어요", "가진 거 하나도 없어요", "집도 없고 돈도 없어요", "재산이랄 게 없어요"),
                ("없어요",),
            ),
            "en": (
                ("Nothing, no property or savings", "I don't own anything", "No assets, no debt"),
                ("None",),
            ),
            "zh": (("什么财产都没有", "没有房子也没有存款", "没有财产"), ("没有",)),
            "vi": (
                ("Không có tài sản gì", "Không có nhà cũng không có tiền tiết kiệm"),
                ("Không có", "Không có gì cả"),
            ),
        }[lang]
        return say.choose(full, bare)
    home = str(x.get("home", "owner" if prop else "none"))
    parts: list[str] = []
    if prop:
        p = say.money(prop)
        parts.append({
            "ko": {"owner": say.pick((f"집이 {p} 정도", f"집 한 채 {p}", f"아파트 {p}")), "jeonse": f"전세보증금 {p}"}.get(home, f"보증금 {p}"),
            "en": {"owner": f"a home worth {p}", "jeonse": f"a jeonse deposit of {p}"}.get(home, f"a rent deposit of {p}"),
            "zh": {"owner": f"房子值{p}", "jeonse": f"全租押金{p}"}.get(home, f"押金{p}"),
            "vi": {"owner": f"nhà trị giá {p}", "jeonse": f"tiền cọc jeonse {p}"}.get(home, f"tiền cọc {p}"),
        }[lang])  # fmt: skip
    if fin:
        f = say.money(fin)
        parts.append({"ko": say.pick((f"통장에 {f}", f"예금 {f}", f"적금 {f}")), "en": f"{f} in savings",
                      "zh": f"存款{f}", "vi": f"tiết kiệm {f}"}[lang])  # fmt: skip
    if debt:
        d = say.money(debt)
        parts.append(
            {
                "ko": say.pick((f"빚이 {d}", f"대출 {d}")),
                "en": f"a debt of {d}",
                "zh": f"欠债{d}",
                "vi": f"nợ {d}",
            }[lang]
        )
    zero_notes = {
        "ko": ("빚은 없어요", "예금은 없어요", "집은 없어요"),
        "en": ("no debt", "no savings", "no property"),
        "zh": ("没有债", "没有存款", "没有房产"),
        "vi": ("không nợ", "không có tiết kiệm", "không có nhà"),
    }[lang]
    notes = []
    if say.chatty or say.rng.random() < 0.4:
        notes = [
            n
            for present, n in zip((debt, fin, prop), zero_notes, strict=True)
            if not present and say.rng.random() < 0.6
        ]
    if lang == "ko":
        body = say.pick((f"{', '.join(parts)} 있어요", ", ".join(parts), f"{', '.join(parts)} 그 정도예요"))
        return ", ".join([body, *notes])
    listed = ", ".join(parts + notes)
    if lang == "en":
        return say.pick(("I have " + listed, listed[0].upper() + listed[1:]))
    if lang == "zh":
        return "，".join(parts + notes)
    return say.pick(("Tôi có " + listed, listed[0].upper() + listed[1:]))


def receiving_answer(t: Truth, say: Say) -> str | None:
    """Benefits already received, by name."""
    h = t.household
    receiving = h.get("receiving")
    if receiving is None:
        return None
    lang = say.language
    if not receiving:
        full, bare = {
            "ko": (
                ("받는 거 없어요", "아무것도 안 받아요", "받는 복지는 없어요"),
                ("없어요", "지금은 없어요"),
            ),
            "en": (
                ("No, I don't get any benefits", "I don't receive anything now"),
                ("None", "Nothing right now"),
            ),
            "zh": (("目前没领任何补助", "什么补助都没领"), ("没有", "目前没领")),
            "vi": (("Tôi không nhận trợ cấp nào", "Hiện chưa nhận trợ cấp gì"), ("Không có", "Chưa nhận gì")),
        }[lang]
        return say.choose(full, bare)
    names = [say.program(p) for p in receiving]
    joined = {"ko": ", ".join, "en": " and ".join, "zh": "和".join, "vi": " và ".join}[lang](names)
    return say.pick(
        {
            "ko": (
                f"{joined} 받고 있어요",
                f"{joined}만 받아요",
                f"지금 {joined} 받는 중이에요",
                f"{joined} 받아요",
            ),
            "en": (f"I get {joined}", f"I'm already receiving {joined}", f"Just {joined}"),
            "zh": (f"我在领{joined}", f"已经在领{joined}了", f"只领{joined}"),
            "vi": (f"Tôi đang nhận {joined}", f"Đang hưởng {joined}", f"Chỉ có {joined}"),
        }[lang]
    )


_CRISIS: dict[str, dict[str, tuple[str, ...]]] = {
    "breadwinner_death": {
        "ko": ("{spouse}{ga} 갑자기 돌아가셨어요", "{spouse}{ga} 세상을 떠나서 혼자 됐어요"),
        "en": ("{spouse} passed away suddenly", "I lost {spouse}, who was the main earner"),
        "zh": ("我{spouse}去世了", "{spouse}突然走了，家里没有收入了"),
        "vi": ("{spouse} tôi mất rồi", "{spouse} tôi qua đời đột ngột"),
    },
    "breadwinner_absent": {
        "ko": ("{spouse}{ga} 집을 나가서 연락이 안 돼요", "{spouse}{ga} 가출해서 생활비가 끊겼어요"),
        "en": ("{spouse} left home and I can't reach them", "{spouse} walked out and stopped paying anything"),
        "zh": ("{spouse}离家出走了，联系不上", "{spouse}走了，不给生活费"),
        "vi": ("{spouse} tôi bỏ đi, không liên lạc được", "{spouse} tôi bỏ nhà đi rồi"),
    },
    "serious_illness": {
        "ko": ("큰 병에 걸려서 일을 못 해요", "암 진단 받고 치료 중이에요", "크게 다쳐서 일을 못 하고 있어요"),
        "en": ("I was diagnosed with cancer and can't work", "I got seriously ill", "I was badly injured and can't work"),
        "zh": ("我得了重病，没法工作", "我查出癌症了，正在治疗", "受了重伤，不能上班"),
        "vi": ("tôi bị bệnh nặng, không làm được", "tôi bị ung thư đang điều trị", "tôi bị tai nạn nặng, không đi làm được"),
    },
    "business_closure": {
        "ko": ("가게를 폐업했어요", "장사가 안 돼서 가게 문 닫았어요"),
        "en": ("I had to close my shop", "my business shut down"),
        "zh": ("店关门了", "生意做不下去，关店了"),
        "vi": ("tôi phải đóng cửa tiệm", "cửa hàng của tôi phá sản rồi"),
    },
    "job_loss": {
        "ko": ("회사에서 잘렸어요", "실직했어요", "다니던 공장이 문 닫아서 일자리를 잃었어요"),
        "en": ("I lost my job", "I was laid off last month", "the factory closed and I lost my job"),
        "zh": ("我失业了", "上个月被公司裁了", "工厂倒闭了，我没工作了"),
        "vi": ("tôi bị mất việc", "tháng trước tôi bị cho nghỉ việc", "nhà máy đóng cửa nên tôi thất nghiệp"),
    },
    "domestic_violence": {
        "ko": ("가정폭력 때문에 집을 나왔어요", "남편 폭력 때문에 애들 데리고 나왔어요"),
        "en": ("I left home because of domestic violence",),
        "zh": ("因为家暴我搬出来了",),
        "vi": ("tôi bị bạo lực gia đình nên phải bỏ nhà ra đi",),
    },
    "fire_disaster": {
        "ko": ("집에 불이 나서 살 수가 없어요", "화재로 집이 다 탔어요"),
        "en": ("there was a fire and my home burned",),
        "zh": ("家里着火了，房子烧了",),
        "vi": ("nhà tôi bị cháy",),
    },
    "divorce": {
        "ko": ("이혼하고 수입이 확 줄었어요",),
        "en": ("after my divorce my income dropped",),
        "zh": ("离婚以后收入一下子少了",),
        "vi": ("sau khi ly hôn thu nhập giảm hẳn",),
    },
}  # fmt: skip


def crisis_phrase(event: str, x: dict[str, Any], say: Say) -> str:
    """One crisis event in the resident's words."""
    lang = say.language
    table = _CRISIS.get(event)
    if table is None:
        return {"ko": "사정이 갑자기 어려워졌어요", "en": "things suddenly got hard", "zh": "家里突然出事了",
                "vi": "gia đình đột nhiên gặp khó khăn"}[lang]  # fmt: skip
    spouse = say.pick(RELATIONS[lang]["spouse_f" if gender_of(x) == "f" else "spouse_m"])
    text = say.pick(table[lang]).format(spouse=spouse, ga="이" if ko_final(spouse) else "가")
    return text[0].upper() + text[1:] if lang in ("en", "vi") else text


def crisis_answer(t: Truth, say: Say) -> str | None:
    """Recent crisis events, or none."""
    h, x = t.household, t.extras
    events = h.get("crisis")
    if events is None:
        return None
    lang = say.language
    if not events:
        full, bare = {
            "ko": (
                ("그런 일은 없었어요", "갑자기 어려워진 일은 없어요"),
                ("없어요", "특별히 없어요", "아니요, 없어요"),
            ),
            "en": (("Nothing like that happened", "No, nothing sudden"), ("No", "Nothing like that")),
            "zh": (("没有这种情况", "没有，没发生什么"), ("没有",)),
            "vi": (("Không có chuyện gì như vậy", "Không có gì đột ngột"), ("Không",)),
        }[lang]
        return say.choose(full, bare)
    return ". ".join(crisis_phrase(str(e), x, say) for e in events)


def employed_answer(t: Truth, say: Say) -> str | None:
    """Whether the applicant works now."""
    h = t.household
    employed = applicant_of(h).get("employed")
    if employed is None:
        return None
    table: dict[str, dict[bool, tuple[str, ...]]] = {
        "ko": {True: ("네, 일하고 있어요", "회사 다녀요", "네 알바해요", "직장 다니고 있어요"),
               False: ("아니요, 안 해요", "지금 일 안 해요", "백수예요", "일 쉬고 있어요, 구직 중이에요")},
        "en": {True: ("Yes, I work", "Yes, full-time", "I have a part-time job"),
               False: ("No", "No, I'm not working now", "I'm looking for a job")},
        "zh": {True: ("有，在上班", "在打工", "有工作"), False: ("没有工作", "现在没上班", "在找工作")},
        "vi": {True: ("Có, tôi đang đi làm", "Có, làm bán thời gian", "Có đi làm"),
               False: ("Không, tôi không đi làm", "Đang thất nghiệp, tìm việc", "Không có việc")},
    }  # fmt: skip
    return say.pick(table[say.language][bool(employed)])
