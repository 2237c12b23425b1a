"""Understanding a citizen's message without an LLM: language, intent, programs named, facts stated.

`understand(text)` runs in about a millisecond; the graph asks the LLM only when `confidence` is low
(below `LOW_CONFIDENCE`). Crisis is decided by high-recall rules before anything else.

Design decisions:
- Hyperbole such as "죽을 만큼 배고파요 ㅋㅋ 점심 뭐 먹지", "웃겨 죽겠다", "饿死了", "đói muốn xỉu haha" is not crisis:
  it is removed before the crisis rules run and the model's crisis guess is not trusted alone on such text.
  A message that also contains a real signal ("죽고 싶어요", "굶고 있어요") is still crisis.
- Programs the citizen says she already receives ("생계급여 받고 있어요") go to `facts["receiving"]`,
  not to `programs` (the programs asked about).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from graphs.nlu.facts import extract_facts
from graphs.nlu.intent import INTENTS, Intent, IntentResult, classify
from graphs.nlu.language import Language, detect_language
from graphs.nlu.numbers import find_ages
from graphs.nlu.programs import detect_programs
from tools.vietnamese import with_unmarked

LOW_CONFIDENCE = 0.6
"""Below this confidence the graph should ask the LLM to classify the message."""

__all__ = ["INTENTS", "LOW_CONFIDENCE", "Intent", "Language", "Understanding", "understand"]


class Understanding(BaseModel):
    """What a message says, as far as rules and the small classifier can tell."""

    model_config = ConfigDict(frozen=True)

    intent: Intent
    """One of the contract's closed list of intents."""
    confidence: float = Field(ge=0.0, le=1.0)
    """The classifier's probability for `intent` (0.95+ when a crisis or handoff rule fired)."""
    language: Language
    """ko, en, zh or vi, from the script and Vietnamese diacritics."""
    programs: list[str] = Field(default_factory=list)
    """Program ids the message asks about (official, abbreviated, colloquial or wrong names)."""
    by_situation: bool = False
    """The programs are those her situation calls for (`situation_programs`), not names she wrote."""
    facts: dict[str, Any] = Field(default_factory=dict)
    """A partial household in the contract's field names (members, income, housing, crisis, ...)."""
    crisis_signals: list[str] = Field(default_factory=list)
    """Crisis rule kinds that fired (suicide, violence, no_food, no_shelter, medical_emergency, ...)."""
    runner_up: Intent = "smalltalk"
    """The likeliest intent other than crisis: what the turn is when a crisis guess is not trusted."""
    candidates: list[Intent] = Field(default_factory=list)
    """The intents the classifier ranks high (its guess first): all a model may choose among when asked."""

    @property
    def is_crisis(self) -> bool:
        """True when the message must be routed to the crisis reply."""
        return self.intent == "crisis"

    @property
    def needs_llm(self) -> bool:
        """True when the intent is uncertain enough to ask the LLM."""
        return self.confidence < LOW_CONFIDENCE and self.intent != "crisis"


#: Rent or bills in arrears, an eviction threatened (not tonight), or a sudden event (an illness, a job lost, a
#: death, a fire, fleeing violence) that leaves no money to live on: the situations 긴급복지지원 is for.
_ARREARS = with_unmarked(
    re.compile(
        r"(?:월세|집세|관리비|공과금|전기세|가스비|수도세)(?:가|를|도)?\s?(?:\S+\s?){0,2}(?:밀려|밀렸|밀림|밀린|밀리고|못\s?냈|못\s?내|연체)"
        r"|쫓겨날\s?(?:것\s?같|까|수도|판|위기)|나가라고\s?(?:했|하)|퇴거\s?(?:통보|명령|예정)"
        r"|behind (?:on|with) (?:the |my )?(?:rent|bills)|can'?t pay (?:the |my )?rent|(?:rent|bills) (?:is |are )?overdue|facing eviction|eviction notice|about to be evicted"
        r"|欠(?:了)?(?:房租|租金)|交不(?:起|上)房租|房租.{0,4}(?:没交|交不(?:起|上)|付不(?:起|了|上))|要被赶出|nợ tiền (?:nhà|thuê)|không trả được tiền (?:nhà|thuê)|sắp bị đuổi"
        r"|tiền (?:nhà|thuê)[^.?]{0,20}(?:chưa|không) (?:trả|đóng)(?: được)?\b|(?:chưa|không) (?:trả|đóng) (?:được )?tiền (?:nhà|thuê)"
        r"|(?:haven'?t|couldn'?t|can'?t|didn'?t|unable to) pa(?:y|id) (?:the |my |our |this month'?s )?rent"
        r"|긴급(?:으로|하게|히)?\s?(?:도와|지원해)|emergency (?:help|support|aid)|紧急(?:支援|救助|帮助)"
        # a sudden event (illness, job loss, a death, a fire, a closed shop) and no money to live on now
        r"|(?:갑자기|쓰러|입원|수술|사고|폐업|가게\s?(?:문\s?닫|접)|식당\s?(?:도\s?)?못|실직|잘렸|잘리고|잘려서|짤렸|짤리고|짤려서|해고|사망|돌아가|가출|화재(?!\s?(?:감지|경보|예방|보험|안전))|불이\s?나"
        r"|맞고|맞아서|때려서|폭행|집(?:을|에서)?\s?나왔|도망)"
        r".{0,60}(?:생활비|먹고\s?살|당장|막막|돈이\s?(?:없|한\s?푼|하나도|전혀)|돈도\s?없|(?:수입|벌이|소득)(?:이|도)?\s?(?:하나도\s?|전혀\s?|아예\s?)?(?:없|끊))"
        r"|(?:suddenly|collapsed|in (?:the )?hospital|accident|lost (?:my|his|her) job|laid off|died|passed away|fire|(?:shop|business|store) (?:closed|shut)"
        r"|hit me|beat me|beats me|left (?:my )?(?:husband|home)|ran away|fled)"
        r".{0,80}(?:no money|can'?t pay|living (?:costs|expenses)|no income|broke)"
        r"|(?:突然|住院|中风|车祸|失业|倒闭|去世|火灾|打我|家暴|跑出来|逃出来|手术|骨折|摔|受伤|工伤).{0,40}(?:没钱|生活费|没有(?:任何)?收入|付不起|交不起|生活(?:很|非常|特别)?困难|过不下去)"
        r"|(?:đột ngột|nhập viện|tai nạn|mất việc|phá sản|qua đời|(?:chồng|vợ|bố|mẹ)\s?(?:tôi|em|mình)?\s?(?:đã\s)?mất\b|cháy|đánh tôi|bạo hành|bỏ nhà|bỏ trốn)"
        r".{0,120}(?:không có tiền|tiền sinh hoạt|không (?:có|còn) thu nhập|không trả được|(?:tiền|tiết kiệm)\s?(?:\S+\s)?(?:sắp|đã)?\s?hết|hết tiền"
        r"|không (?:còn )?ai đi làm)",
        re.IGNORECASE,
    )
)  # Vietnamese typed without its marks too: "chong em bi tai nan nam vien … khong con ai di lam"


#: Care asked for at home: someone to check on her, visit or help with the housework she can no longer do. For an
#: older resident that is 노인맞춤돌봄서비스 (the rules decide the age and the status it needs).
_CARE_NEEDED = with_unmarked(
    re.compile(
        r"(?:돌봐|찾아와|들여다\s?봐|살펴|안부\s?(?:확인|물어))\s?(?:줄|주는|주실|주러|줬으면|주면)\s?(?:사람|분|데|서비스|거)"
        # "집에 누가 좀 와서 봐주는 그런거", "집에 와서 돌봐주는"
        r"|(?:누가|사람이)?\s?(?:좀\s?)?와서\s?(?:좀\s?)?(?:봐|돌봐|챙겨|도와)\s?(?:주는|줄|주실|주면|줬으면)"
        r"|(?:집안일|청소|살림|밥\s?해\s?먹(?:는\s?것|기))(?:도|이|을|를)?\s?(?:혼자\s?)?(?:못\s?하|힘들|버거|엄두)"
        r"|someone (?:who could |to |that could |who can |that can |could |can )?(?:check on|look in on|visit|come (?:by|over|round|and help))"
        r"|help (?:me |her |him |them )?(?:at home|around the house|with (?:the )?(?:housework|chores|cleaning))"
        r"|(?:can'?t|cannot|no longer) (?:do|manage|keep up with) (?:the |my |her |his )?(?:housework|chores|cleaning)"
        r"|有(?:没有)?人(?:能|可以)?(?:来|上门)?(?:照顾|看看|探望|帮忙|帮我|帮她|帮他)|上门(?:照顾|探望|帮忙|服务)|家务(?:活)?(?:做不了|干不动|做不动)"
        r"|(?:có )?ai (?:đến|tới|qua) (?:nhà )?(?:giúp|thăm|chăm|xem)|người (?:đến|tới) (?:nhà )?(?:giúp|thăm|chăm sóc)"
        r"|(?:đến|tới) nhà (?:chăm sóc|giúp|thăm)"
        r"|(?:dọn (?:nhà|dẹp)|việc nhà) không (?:nổi|làm được)",
        re.IGNORECASE,
    )
)


#: Medical costs she cannot carry: 의료급여 is the program that decides on them.
_MEDICAL_COSTS = re.compile(
    r"(?:병원비|치료비|약값|의료비|수술비|입원비)(?:가|도|는|이)?\s?(?:너무\s?|엄청\s?|많이\s?|꽤\s?|계속\s?)*(?:나와|나가|들어|부담|감당|걱정|비싸|많)"
    r"|(?:medical|hospital|doctor'?s?) (?:bills|costs|fees)|can'?t afford (?:the |my |his |her )?(?:hospital|medical|doctor|medicine)"
    r"|(?:医药费|医疗费|看病的?钱|住院费|药费)(?:很|太|特别)?(?:多|贵|高|负担|付不起|交不起)"
    r"|(?:viện phí|tiền thuốc|chi phí (?:y tế|khám bệnh|chữa bệnh))[^.]{0,12}(?:nhiều|cao|đắt|không (?:trả|kham) nổi)",
    re.IGNORECASE,
)


OLD_AGE_FROM = 60
"""An age said under this is not of an older person: care she asks for is not 노인맞춤돌봄 ("나 서른넷인데 …")."""
#: 장기요양 named: care at home asked for is its 재가급여 (국민건강보험공단), not 노인맞춤돌봄.
_LONG_TERM_CARE = re.compile(
    r"장기\s?요양|요양\s?등급|요양원|long[- ]term care|nursing home|长期(?:疗养|护理|照护)|养老院|chăm sóc dài hạn|viện dưỡng lão",
    re.IGNORECASE,
)


#: A sudden loss of the household's living said with "what do I do now" ("남편이 지난달에 갑자기 돌아가셨어요 … 뭐부터
#: 해야될지 모르겠어요"): the crisis is the reason 긴급복지지원 exists, whether or not she speaks of money.
SUDDEN_LOSS = frozenset({"breadwinner_death", "breadwinner_absent", "fire_disaster", "business_closure"})
_WHAT_NOW = with_unmarked(
    re.compile(
        r"뭐부터|뭘\s?해야|무엇(?:을|부터)|어떻게\s?해야|어떡해|어떡하|어쩌(?:면|지|나)|막막|what (?:do|should|can) (?:i|we) do"
        r"|where do (?:i|we) (?:start|begin)|怎么办|该怎么|从哪|phải làm (?:sao|gì)|làm sao bây giờ|bắt đầu từ đâu"
        r"|được (?:giúp|hỗ trợ) (?:gì|những gì)",
        re.IGNORECASE,
    )
)


#: Care after a birth ("người đến nhà chăm sóc mẹ và bé sau sinh"): 산모·신생아 건강관리, not care of an older person.
_POSTNATAL = with_unmarked(
    re.compile(
        r"산모|산후|출산|신생아|임신|sau sinh|mang thai|sắp sinh|em bé|mẹ và bé|产后|坐月子|怀孕|新生儿|postpartum|after (?:the )?birth|newborn|pregnan",
        re.I,
    )
)
#: A crisis that struck the household's living: with no income left ("老公突然住院了，家里现在一分钱收入都没有"),
#: the reason 긴급복지지원 exists.
_STRUCK = SUDDEN_LOSS | {"serious_illness"}


def asks_what_now(text: str) -> bool:
    """Whether she asks what to do now ("뭐부터 해야될지", "em phai lam sao bay gio?"), marks typed or not."""
    return bool(_WHAT_NOW.search(text))


def situation_programs(text: str, facts: dict[str, Any] | None = None) -> list[str]:
    """Programs a situation calls for though none is named: arrears, an eviction threat, a sudden loss of the
    money to live on, or of its earner with "what do I do now" → 긴급복지지원; care at home asked for (a visit,
    a check, help with the housework) → 노인맞춤돌봄서비스; medical costs she cannot carry → 의료급여. `facts`:
    the message's facts when already read."""
    facts = extract_facts(text) if facts is None else facts
    crisis = set(facts.get("crisis") or [])
    income = facts.get("income") or {}
    penniless = bool(income) and not any(income.values())  # "家里现在一分钱收入都没有"
    sudden = (bool(SUDDEN_LOSS & crisis) and asks_what_now(text)) or (bool(_STRUCK & crisis) and penniless)
    found = ["emergency_welfare"] if _ARREARS.search(text) or sudden else []
    young = any(a.unit == "years" and a.value < OLD_AGE_FROM for a in find_ages(text))
    if (
        _CARE_NEEDED.search(text)
        and not _LONG_TERM_CARE.search(text)
        and not young
        and not _POSTNATAL.search(text)
    ):
        found.append("senior_customized_care")
    if _MEDICAL_COSTS.search(text):
        found.append("medical_benefit")
    return found


#: An intent the classifier gives at least this probability (at most `MAX_CANDIDATES` of them) is one a model
#: may choose when asked to settle an unsure message.
CANDIDATE_MIN_SCORE = 0.1
MAX_CANDIDATES = 3


def candidates(result: IntentResult) -> list[Intent]:
    """The classifier's guess, then the likeliest other intents it gives some weight (never crisis: the rules
    decide danger, not a model)."""
    ranked = sorted((i for i in result.scores if i != "crisis"), key=lambda i: -result.scores[i])
    likely = [i for i in ranked if result.scores[i] >= CANDIDATE_MIN_SCORE and i != result.intent]
    return [result.intent, *likely][:MAX_CANDIDATES]


def understand(text: str) -> Understanding:
    """Language, intent (with confidence), programs and facts of one citizen message."""
    named, _ = detect_programs(text)
    facts = extract_facts(text)
    programs = named or situation_programs(text, facts)
    result = classify(text, has_program=bool(programs))
    return Understanding(
        intent=result.intent,
        runner_up=result.runner_up,
        candidates=candidates(result),
        confidence=round(min(1.0, max(0.0, result.confidence)), 4),
        language=detect_language(text),
        programs=programs,
        by_situation=bool(programs) and not named,
        facts=facts,
        crisis_signals=result.crisis_signals,
    )
