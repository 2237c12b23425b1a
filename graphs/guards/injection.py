"""Screening a citizen's message for prompt injection, jailbreaks, impersonation, fraud requests, requests for other
people's data, pasted fake tool output, garbage and overlong input.

`screen(text)` returns `allow` or `refuse` with a category; the graph answers a refusal with the canned reply for
the category (`graphs.guards.replies`) and never passes the message to a model or a tool.

Design decisions:
- Patterns look for an *act* (ignore + instructions, reveal + system prompt, approve + my application), not for
  single words: "시스템 점검 언제예요?", "관리자한테 연결해 주세요" (a handoff), "how do I ignore spam calls" and
  "ignore my previous answer, I'm actually 72" (a correction) are allowed.
- Korean and Chinese patterns run on a compact view (lower case, no spaces or punctuation), so "무.시.해" and
  "무 시 해" match like "무시해"; English and Vietnamese patterns run on the lower-case text, on a view where letters
  typed one by one ("i g n o r e") are joined, on a view with leetspeak digits undone ("1gn0re"), and on any text
  hidden in Unicode tag characters.
- Fraud (hiding income or assets, forged documents, 위장이혼/위장전입, claiming for the dead) is refused with a
  pointer to lawful help; a question *about* the consequences ("소득을 숨기면 처벌받나요?") is allowed.
- SQL, script and template payloads are refused as `injection`. The data layer must still bind every slot value
  as a query parameter; screening is a second line, not the first.
- Garbage: empty input, mostly symbols, one character repeated, highly repetitive or encoded blobs. Short answers
  to the agent's questions ("2", "70", "네") are not garbage.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from graphs.guards.normalize import hidden_tag_text, normalize
from graphs.guards.pii import PLACEHOLDERS

__all__ = ["DEFAULT_MAX_CHARS", "Category", "Screening", "Verdict", "screen"]

DEFAULT_MAX_CHARS = 2000
"""Longest message accepted, in characters after normalisation."""

Verdict = Literal["allow", "refuse"]
Refusal = Literal[
    "injection",
    "jailbreak",
    "impersonation",
    "fraud",
    "other_person_data",
    "tool_spoofing",
    "garbage",
    "too_long",
]
"""Why a message is refused (each has a canned reply in prompts/guards.yaml)."""
Category = Literal["ok"] | Refusal


class Screening(BaseModel):
    """The screener's decision on one message."""

    model_config = ConfigDict(frozen=True)

    verdict: Verdict
    """`allow`: continue the turn; `refuse`: answer with the category's canned reply and stop."""
    category: Category
    """`ok` when allowed; otherwise what kind of attack or misuse was recognised."""
    reasons: list[str]
    """Identifiers of the rules that fired (e.g. `injection:ignore_instructions`), for the audit log."""
    cleaned: str
    """The normalised message (invisible characters removed, full-width folded); what the graph works on."""


_Rule = tuple[str, re.Pattern[str]]


def _rules(view: Literal["text", "compact"], rules: dict[str, str]) -> list[tuple[str, str, re.Pattern[str]]]:
    return [(view, name, re.compile(pattern, re.I)) for name, pattern in rules.items()]


# ------------------------------------------------------------------------------------------- tool spoofing
_TOOL_SPOOFING = _rules(
    "text",
    {
        "json_result": r'\{\s*"(?:status|eligible|eligibility|result|tool|role|decision|approved|program_id|function|'
        r'name|arguments|amount_krw|content|verdict)"\s*:',
        "bracket_marker": r"\[\s*/?\s*(?:tool|function|system|assistant|observation|inst|관리자|시스템|도구|툴)"
        r"[ _]*(?:result|output|call|response|message|결과|메시지)?\s*\]",
        "chat_template": r"<\|?\s*/?\s*(?:im_start|im_end|system|assistant|endoftext|start_header_id|end_header_id|"
        r"eot_id|tool_call|tool|function_call|developer)\s*\|?>|<<\s*/?\s*sys\s*>>",
        "role_line": r"(?:^|\n)[ \t]*#{0,6}[ \t]*(?:system|assistant|tool|function|observation|developer|시스템|"
        r"어시스턴트|도구|툴)[ \t]*(?:message|output|result|결과|메시지)?[ \t]*[:：]",
        "tool_output": r"\b(?:tool|function)\s*(?:output|result|response)s?\s*[:=]",
        "status_value": r"\b(?:status|eligibility|verdict)\s*[:=]\s*[\"']?eligible",
    },
)

# ------------------------------------------------------------------------------------------- injection
_W = (
    r"(?:all|any|every|the|your|my|of|previous|prior|above|earlier|preceding|these|those|system|initial|original|"
    r"existing|safety|other|current|former)"
)
_INJECTION = _rules(
    "text",
    {
        "ignore_instructions": r"\b(?:ignore|disregard|forget|override|bypass)\s*(?:" + _W + r"\s*){0,4}"
        r"(?:instructions?|instruc|directions?|rules?|prompts?|guidelines?|guardrails?|polic(?:y|ies)|constraints?|"
        r"restrictions?|programming|filters?|safeguards?)\b",
        "reveal_prompt": r"\b(?:reveal|show|print|display|output|repeat|tell|give|leak|dump|share|list|translate|read|"
        r"what\s+(?:is|are|was|were))\b[^.?!\n]{0,40}?(?:system\s*(?:prompt|message|instructions?)|"
        r"initial\s+prompt|hidden\s+(?:prompt|instructions?|rules)|developer\s+(?:message|prompt)|"
        r"your\s+(?:instructions|prompt|system\s+prompt|configuration|config)|internal\s+(?:config(?:uration)?|"
        r"data|instructions|rules)|context\s+window|(?:api|secret)\s*keys?|database\s+password|passwords?|"
        r"environment\s+variables?)",
        "repeat_above": r"\brepeat\s+(?:the\s+text|everything|all(?:\s+the\s+text)?|the\s+words)\s+(?:above|before)",
        "new_instructions": r"\bnew\s+(?:instructions|rules|system\s+prompt)\s*[:：]",
        "from_now_on": r"\bfrom\s+now\s+on,?\s+(?:you|answer|respond|always|never|ignore)\b",
        "vi_ignore": r"bỏ\s+qua\s+(?:(?:tất\s+cả|mọi|các|những)\s+)*(?:hướng\s+dẫn|chỉ\s+dẫn|lệnh|quy\s+tắc|chỉ\s+thị)",
        "vi_prompt": r"lời\s+nhắc\s+hệ\s+thống",
        "sql": r"\b(?:drop|truncate|alter)\s+table\b|\bunion\s+(?:all\s+)?select\b|\binsert\s+into\b|"
        r"\bdelete\s+from\b|\bupdate\s+\w+\s+set\b|\bselect\s+(?:\*|[\w,\s]{1,60}?)\s+from\s+\w|"
        r"'\s*(?:or|and)\s+'?\w+'?\s*=\s*'?\w+|\b(?:or|and)\s+1\s*=\s*1\b|;\s*--|\bsleep\s*\(\s*\d+\s*\)|"
        r"pg_sleep|information_schema|sqlite_master|xp_cmdshell",
        "markup": r"<\s*script\b|javascript\s*:|\bon(?:error|load)\s*=|\{\{.{0,40}\}\}|\$\{jndi:",
    },
) + _rules(
    "compact",
    {
        "ko_ignore_instructions": r"(?:이전|앞|위|지금까지|기존|모든|기본|원래|처음|시스템|너의|네|니)(?:의|에)?(?:모든)?"
        r"(?:지시|지침|명령|규칙|프롬프트|설정|제약|제한|룰|가이드라인)(?:사항)?(?:은|는|을|를|들|들은|들을)?"
        r"(?:모두|전부|다|싹|완전히)?(?:무시|잊어|잊고|잊으|지워|삭제|무효|취소|해제|따르지마|어기)",
        "ko_ignore_generic": r"(?:지시|지침|명령|규칙|프롬프트|설정)(?:사항)?(?:은|는|을|를)?(?:모두|전부|다)?"
        r"무시(?:하고|해|하라|하세요|할래)",
        "ko_reveal_prompt": r"(?:시스템|system|숨겨진|내부|초기|개발자가입력한|개발자|너의|네|너한테주어진|너에게주어진)"
        r"(?:프롬프트|메시지|메세지|지시|지침|설정|prompt|message)(?:사항)?.{0,20}?"
        r"(?:보여|알려|출력|공개|말해|복사|그대로|뭐야|뭔지|내놔|전문|적어)",
        "ko_prompt_dump": r"프롬프트.{0,15}?(?:출력|보여|알려|공개|내놔)",
        "ko_secrets": r"(?:관리자|db|데이터베이스|서버|api)(?:비밀번호|패스워드|접속정보|키|key)",
        "ko_internal_data": r"내부(?:데이터베이스|데이터|db|로그|정보)(?:내용)?.{0,10}?(?:보여|알려|출력)",
        "ko_new_rules": r"새(?:로운)?(?:규칙|지시|지침)(?:을|를)?(?:적용|따라)",
        "zh_ignore": r"忽略(?:之前|以上|上面|先前|所有|前面)?(?:的)?(?:所有)?(?:指令|指示|提示|规则|设定)",
        "zh_prompt": r"系统提示|系统指令",
    },
)

# ------------------------------------------------------------------------------------------- jailbreak
_JAILBREAK = _rules(
    "text",
    {
        "dan": r"\bdo\s+anything\s+now\b|\bdan\b.{0,40}(?:no\s+rules|mode)",
        "mode": r"\b(?:developer|debug|god|sudo|jailbreak|jailbroken|unrestricted|unfiltered|maintenance|dan|evil)"
        r"\s*mode\b",
        "unfiltered": r"\b(?:jailbreak|jailbroken|unfiltered|uncensored)\b|\bsudo\b",
        "no_rules": r"\b(?:ai|assistant|model|bot|you|act|pretend|answer|respond)\b.{0,40}\b(?:no|without)\s+"
        r"(?:any\s+)?(?:restrictions|rules|filters|content\s+polic(?:y|ies)|limits|guidelines|censorship)\b",
        "pretend": r"\bpretend\s+(?:that\s+)?you\b|\bact\s+as\s+(?:if\s+you\s+(?:were|are)\s+)?(?:an?\s+|my\s+)?"
        r"(?:ai|assistant|model|bot|character|late|dead|evil|unfiltered|unrestricted|jailbroken|grand)",
        "hypothetical": r"\bevil\s+twin\b|\bif\s+you\s+(?:had|have|were\s+without)\s+no\s+(?:rules|restrictions|filters)",
        "you_are_now": r"\byou\s+are\s+now\s+(?:a|an|the|my|dan|in|no\s+longer)\b",
        "role_play": r"\blet'?s\s+(?:play\s+a\s+game|role\s*-?\s*play)\b",
        "fiction": r"\b(?:for\s+a\s+(?:novel|story|book|screenplay|game)|in\s+a\s+fictional)\b.{0,80}"
        r"(?:reveal|hidden\s+instructions|system\s+prompt|no\s+rules|bypass)",
        "vi_jailbreak": r"không\s+(?:có|bị)\s+giới\s+hạn|chế\s+độ\s+nhà\s+phát\s+triển",
    },
) + _rules(
    "compact",
    {
        "ko_mode": r"탈옥|개발자모드|디버그모드|dan모드|갓모드|무제한모드|검열없이|검열없는",
        "ko_no_rules": r"(?:너는|넌|너의|너한테|ai|챗봇|봇|모드|역할극).{0,30}(?:규칙|제한|제약|검열)"
        r"(?:같은건|이|은|는|도)?(?:전혀|아무것도|하나도)?없(?:어|는|다|이)|(?:아무|모든)(?:제한|규칙|검열)(?:도)?없이",
        "ko_role_reassign": r"(?:지금부터|이제부터|이제)(?:너는|넌)|(?:너는|넌)(?:이제|지금부터|이제부터)",
        "ko_role_play": r"역할극.{0,30}(?:규칙|제한|공무원|담당자|관리자|승인|없는)",
        "zh_jailbreak": r"没有(?:任何)?限制|越狱|开发者模式|不受(?:任何)?(?:规则)?限制",
    },
)

# ------------------------------------------------------------------------------------------- impersonation
_IMPERSONATION = _rules(
    "text",
    {
        "mark_eligible": r"\bmark\s+(?:me|my\s+\w+|this\s+\w+|him|her|us)\s+(?:as\s+)?(?:eligible|approved|qualified)",
        "set_status": r"\bset\s+(?:my|the|his|her)\s+(?:status|eligibility|result)\s+to\b",
        "approve_imperative": r"(?:^|[.!,;:]\s*|please\s+|now\s+|just\s+)approve\s+(?:my|the|this|his|her|"
        r"application|claim|case|all|every|me)\b",
        "privileged_mode": r"\b(?:officer|admin|administrator|supervisor|developer|root)\s+(?:mode|override|"
        r"privileges?|access|rights)\b",
        "claims_officer": r"\b(?:i\s*am|i'm)\s+(?:a|an|the)\s+(?:welfare\s+|city\s+|system\s+)?(?:officer|official|"
        r"administrator|admin|caseworker|civil\s+servant)\b.{0,80}\b(?:approve|switch|mode|show\s+all|grant|"
        r"privileges?|override|access|cases|records)",
        "grant_privileges": r"\bgrant\s+(?:me|my\s+account)\s+(?:\w+\s+){0,2}(?:privileges?|access|rights|permissions?)",
        "vi_officer": r"phê\s+duyệt\s+hồ\s+sơ|tôi\s+là\s+cán\s+bộ|đánh\s+dấu.{0,20}đủ\s+điều\s+kiện",
    },
) + _rules(
    "compact",
    {
        "ko_privileged_mode": r"(?:관리자|공무원|담당자|주무관|심사관)(?:모드|권한)|권한(?:을|를)?(?:올려|상승|부여|줘|주세요|달라)",
        "ko_mark_eligible": r"(?:승인|적격|수급자|대상자|합격)(?:으로|로)?(?:처리|등록|표시|변경|입력|바꿔|지정|체크|결정|판정)"
        r"(?:해|하세요|하라|해라|해줘|해주세요|해요|하고|할것|시켜|줘|주세요|달라)",
        "ko_approve_mine": r"(?:신청|이것|이거|이사람|저|나|제|내)(?:을|를|의)?(?:신청)?(?:을|를)?(?:바로|당장|즉시|지금)?"
        r"승인(?:해|하라|해라|해줘|해주세요)",
        "ko_exception": r"예외처리(?:합니다|해|하세요|하라)",
        "ko_role_officer": r"(?:너는|넌).{0,12}(?:공무원|담당자|주무관|관리자|심사관)(?:이야|이다|입니다|야|처럼|인척)",
        "zh_officer": r"标记为合格|批准我的申请|我是(?:福利)?(?:官员|公务员|管理员)",
    },
)
_KO_CLAIM = re.compile(
    r"(?:공무원|담당자|주무관|관리자|직원|심사관|팀장|과장)(?:입니다|이에요|예요|이야|임|인데요?|이니까|라서|이다)"
)
_KO_PRIVILEGE = re.compile(r"승인|처리해|조회|모드|권한|적격|수급내역|명단|열람|입력|변경|다른주민|다른사람")

# ------------------------------------------------------------------------------------------- fraud
_FRAUD = _rules(
    "text",
    {
        "hide_income": r"\bhide\s+(?:my\s+|our\s+|the\s+|his\s+|her\s+)?(?:income|money|assets|savings|earnings|wages|"
        r"property|job)",
        "forged_document": r"\b(?:fake|forged?|forging|falsif(?:y|ied)|doctor(?:ed)?|counterfeit)\s+(?:a\s+|an\s+|the\s+|"
        r"my\s+)?(?:\w+\s+){0,2}(?:lease|contract|document|certificate|diagnosis|pay\s*slip|payslip|receipt|id|"
        r"papers?|statement)",
        "dead_claim": r"\bkeep\s+(?:receiving|getting|claiming)\b.{0,40}\b(?:dead|deceased|died)|"
        r"\b(?:dead|deceased)\s+\w+(?:'s)?\s+(?:pension|benefit|allowance)",
        "vi_fraud": r"giấu\s+thu\s+nhập|giả\s+mạo|làm\s+giả",
    },
) + _rules(
    "compact",
    {
        "ko_hide_income": r"(?:소득|수입|재산|월급|알바비|급여|통장|예금|돈|부업)(?:을|를|은|는)?"
        r"(?:숨기|숨겨|숨길|안잡히|안걸리|빼고신고|적게신고|축소|누락|들키지않|속이|속여)",
        "ko_nominee": r"(?:현금으로받|차명|다른사람명의|아들명의|딸명의|가족명의|명의로옮|명의로돌)",
        "ko_forged": r"(?:서류|진단서|계약서|증명서|영수증|통장사본|확인서|소견서)(?:을|를)?(?:위조|변조|조작|포토샵|꾸며|고쳐)|"
        r"(?:위조|변조|조작|가짜|허위)(?:로|해서|한|된)?(?:서류|진단서|계약서|임대차계약서|증명서|영수증|소득증명)|"
        r"가짜(?:로)?(?:서류|진단서|계약서|임대차|증명서)|허위로|포토샵으로고쳐",
        "ko_sham": r"위장(?:이혼|전입|취업|실직|별거|분가)|서류상(?:으로만)?이혼",
        "ko_dead_claim": r"(?:돌아가신|사망한|죽은|고인).{0,12}(?:연금|급여|수당).{0,10}(?:계속|타는|받으려|받는방법|받을수)|"
        r"사망신고(?:를)?안(?:하|해)",
        "ko_unreported": r"(?:신고안하고|신고하지않고|안알리고|몰래).{0,10}(?:수급|받|급여)",
        "zh_fraud": r"隐瞒(?:收入|财产)|伪造|假(?:文件|证明|合同)",
    },
)
_FRAUD_INFORMATIONAL = re.compile(
    r"처벌|불법|벌금|제재|환수|도용|신고는어디|신고하려|어디에신고|어떻게되나|위반|illegal|penalt|punish|report|"
    r"is\s+it\s+(?:a\s+)?crime|违法|处罚|bất\s+hợp\s+pháp",
    re.I,
)
_FRAUD_INTENT_NEEDED = frozenset({"ko_nominee"})
_KO_NOMINEE_EFFECT = re.compile(r"소득|재산|안잡|안걸|빠지|조사|수급|급여")

# ------------------------------------------------------------------------------------------- other person data
_OTHER_PERSON = _rules(
    "text",
    {
        "ask_about_others": r"\b(?:tell\s+me|show(?:\s+me)?|look\s+up|find|give\s+me|list|what\s+did)\b.{0,40}"
        r"\b(?:neighbou?rs?|other\s+(?:people|citizens|residents|users)|previous\s+user|another\s+(?:user|person|"
        r"citizen)|someone\s+else|people\s+receiving|recipients|household\s+data\s+of|case\s+\d)",
        "session_access": r"\bsession\s*(?:id)?\b.{0,30}(?:conversation|history|대화|기록)",
        "vi_other": r"(?:cho\s+tôi\s+biết|tra\s+cứu|số\s+điện\s+thoại|địa\s+chỉ).{0,40}(?:người\s+hàng\s+xóm|người\s+khác)|"
        r"(?:người\s+hàng\s+xóm|người\s+khác).{0,40}(?:nhận\s+gì|số\s+điện\s+thoại|địa\s+chỉ)",
    },
) + _rules(
    "compact",
    {
        "ko_benefit_of_others": r"(?:이웃|옆집|친구|동료|남의|다른사람|다른분|다른주민|이동네|동네사람|그사람|이사람|"
        r"[가-힣]{2,3}씨|[가-힣]{2,3}님).{0,20}(?:뭐받|얼마받|받는지|받고있는지|받는사람|수급여부|수급내역|수급자인지|"
        r"무슨급여).{0,10}(?:알려|조회|확인|보여|누구|뭐야|뭔지)",
        "ko_lists": r"수급자명단|명단(?:을|좀)?(?:뽑|보여|알려|줘)|다른사람(?:의)?(?:상담|대화)(?:내용|기록)|"
        r"방금상담한사람|이전사용자|다른사용자|(?:세션|session)(?:id)?.{0,20}(?:대화|기록)",
        "zh_other": r"(?:邻居|别人|他人).{0,10}(?:领|拿|收|福利|电话|地址)",
    },
)
_IDENTIFIER_REQUEST = re.compile(
    r"(?:주민번호|주민등록번호|전화번호|연락처|주소|계좌번호|계좌|핸드폰번호|휴대폰번호).{0,12}?"
    r"(?:알려줘|알려주세요|알려줄|알려달|찾아줘|찾아|조회해|보여줘|가르쳐|뽑아|뭐야|뭔지)"
)
_PLACEHOLDER = re.compile("|".join(re.escape(text) for text in sorted(set(PLACEHOLDERS.values()))))
_SELF_OR_PUBLIC = re.compile(
    r"(?:^|\s)(?:제|내|저의|나의|본인|우리집)\s?(?:주소|전화번호|연락처|계좌|주민)|담당자|주민센터|센터|시청|구청|"
    r"행정복지센터|기관|복지로|동사무소|상담소|129|고용센터|보건소"
)

# ------------------------------------------------------------------------------------------- garbage
_BASE64_TOKEN = re.compile(r"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])")
_LONG_DIGITS = re.compile(r"[0-9]{25}")
_REPEATS = re.compile(r"(.)\1{3,}", re.S)
_COMPACT_DROP = re.compile(r"[\s.,·\-_*~'\"`!?/\\|()\[\]{}:;]+")
_SPACED_LETTERS = re.compile(r"\b(?:[a-z] ){2,}[a-z]\b")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})


def _garbage_reason(cleaned: str) -> str | None:
    chars = [char for char in cleaned if not char.isspace()]
    count = len(chars)
    if count == 0:
        return "garbage:empty"
    if _BASE64_TOKEN.search(cleaned) and not re.search(r"https?://", cleaned):
        return "garbage:encoded_blob"
    if _LONG_DIGITS.search(cleaned):
        return "garbage:digit_blob"
    content = sum(1 for char in chars if char.isalnum())
    if count >= 10 and content / count < 0.3:
        return "garbage:symbols"
    if count >= 20 and len(_REPEATS.sub(r"\1\1\1", "".join(chars))) <= 0.2 * count:
        return "garbage:repeated_characters"
    data = cleaned.encode("utf-8")
    if len(data) >= 300 and len(zlib.compress(data, 9)) < 0.12 * len(data):
        return "garbage:repetitive"
    return None


def _views(cleaned: str, hidden: str) -> dict[str, list[str]]:
    low = re.sub(r"\s+", " ", cleaned.lower()).strip()
    joined = _SPACED_LETTERS.sub(lambda match: match.group().replace(" ", ""), low)
    text_views = [low, joined, low.translate(_LEET), cleaned.lower()]
    compact_views = [_COMPACT_DROP.sub("", low)]
    if hidden:
        hidden_low = hidden.lower()
        text_views.append(hidden_low)
        compact_views.append(_COMPACT_DROP.sub("", hidden_low))
    return {"text": list(dict.fromkeys(text_views)), "compact": list(dict.fromkeys(compact_views))}


def _fired(rules: Sequence[tuple[str, str, re.Pattern[str]]], views: dict[str, list[str]]) -> list[str]:
    names: list[str] = []
    for view, name, pattern in rules:
        if any(pattern.search(text) for text in views[view]):
            names.append(name)
    return names


def _refuse(category: Category, reasons: list[str], cleaned: str) -> Screening:
    return Screening(verdict="refuse", category=category, reasons=reasons, cleaned=cleaned)


def screen(text: str, *, max_chars: int = DEFAULT_MAX_CHARS) -> Screening:
    """Decide whether a citizen's message may continue through the turn.

    Order: length, garbage, pasted tool output or chat-template markers, injection, jailbreak, impersonation,
    fraud, other people's data. The first category that fires decides; `reasons` lists its rules.
    """
    if len(text) > max_chars * 4:  # refuse before spending time normalising megabytes
        return _refuse("too_long", [f"too_long:{len(text)}>{max_chars}"], text[:max_chars])
    cleaned = normalize(text)
    if len(cleaned) > max_chars:
        return _refuse("too_long", [f"too_long:{len(cleaned)}>{max_chars}"], cleaned)
    hidden = hidden_tag_text(text)
    views = _views(cleaned, hidden)

    garbage = _garbage_reason(cleaned)
    if garbage is not None:
        return _refuse("garbage", [garbage], cleaned)

    checks: list[tuple[Category, Sequence[tuple[str, str, re.Pattern[str]]]]] = [
        ("tool_spoofing", _TOOL_SPOOFING),
        ("injection", _INJECTION),
        ("jailbreak", _JAILBREAK),
        ("impersonation", _IMPERSONATION),
    ]
    for category, rules in checks:
        fired = _fired(rules, views)
        if fired:
            return _refuse(category, [f"{category}:{name}" for name in fired], cleaned)

    compact = views["compact"]
    if any(_KO_CLAIM.search(view) and _KO_PRIVILEGE.search(view) for view in compact):
        return _refuse("impersonation", ["impersonation:ko_claims_officer"], cleaned)

    fraud = _fired(_FRAUD, views)
    fraud = [
        name
        for name in fraud
        if name not in _FRAUD_INTENT_NEEDED or any(_KO_NOMINEE_EFFECT.search(view) for view in compact)
    ]
    if fraud and not _FRAUD_INFORMATIONAL.search(views["text"][0] + " " + compact[0]):
        return _refuse("fraud", [f"fraud:{name}" for name in fraud], cleaned)

    other = _fired(_OTHER_PERSON, views)
    # A placeholder left by redaction ("[주민등록번호] 로 조회해 주세요") is not a request for someone's number.
    unplaced = _COMPACT_DROP.sub("", _PLACEHOLDER.sub(" ", views["text"][0]))
    if _IDENTIFIER_REQUEST.search(unplaced) and not _SELF_OR_PUBLIC.search(views["text"][0]):
        other.append("ko_identifier_request")
    if other:
        return _refuse("other_person_data", [f"other_person_data:{name}" for name in other], cleaned)

    if hidden.strip():
        return _refuse("injection", ["injection:hidden_tag_text"], cleaned)
    return Screening(verdict="allow", category="ok", reasons=[], cleaned=cleaned)
