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

from graphs.guards.attack_model import judge
from graphs.guards.categories import Refusal
from graphs.guards.normalize import hidden_tag_text, normalize
from graphs.guards.pii import PLACEHOLDERS
from graphs.nlu.intent import crisis_signals

__all__ = ["DEFAULT_MAX_CHARS", "Category", "Screening", "Verdict", "screen"]

DEFAULT_MAX_CHARS = 2000
"""Longest message accepted, in characters after normalisation."""

Verdict = Literal["allow", "refuse"]
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
        "json_claim": r'"(?:eligible|eligibility|verified|role|decision|approved|is_officer|is_admin|verdict|status)"\s*:'
        r'\s*(?:true|"(?:eligible|approved|admin|officer|verified)")',
        "flag_value": r"\b(?:eligible|approved|verified|is_admin|is_officer)\s*[:=]\s*(?:true|yes|1)\b|"
        r"\b[a-z]+_[a-z_]+\s*=\s*true\b|\(\s*\w+_tool\s*\)|\b(?:search|lookup|eligibility|check)_tool\b",
        "header_marker": r"#{2,}\s*(?:system|admin|시스템|관리자|系统|hệ\s*thống)\s*(?:message|notice|메시지|메세지|공지)?\s*#{2,}",
        "filter_disabled": r"(?:safety\s+filters?|filters?|안전\s?필터|필터|安全过滤|过滤器|bộ\s+lọc)\s*(?:가|이|는|has\s+been|was|are|is|已|đã)?"
        r"\s*(?:관리자에\s?의해\s?|by\s+(?:the\s+)?admin\s+)?(?:해제|비활성|꺼졌|disabled|turned\s+off|removed|被?关闭|bị\s+tắt|tắt)",
        "bracket_marker": r"\[\s*/?\s*(?:tool|function|system|assistant|observation|inst|관리자|시스템|도구|툴|hệ\s*thống|"
        r"quản\s*trị|kết\s*quả\s*công\s*cụ|công\s*cụ|系统|管理员|工具)"
        r"[ _]*(?:result|output|call|response|message|결과|메시지)?\s*\]",
        "chat_template": r"<\|?\s*/?\s*(?:im_start|im_end|system|assistant|endoftext|start_header_id|end_header_id|"
        r"eot_id|tool_call|tool|function_call|developer)\s*\|?>|<<\s*/?\s*sys\s*>>",
        "role_line": r"(?:^|\n)[ \t]*#{0,6}[ \t]*(?:system|assistant|tool|function|observation|developer|시스템|"
        r"어시스턴트|도구|툴)[ \t]*(?:message|output|result|결과|메시지)?[ \t]*[:：]",
        "tool_output": r"\b(?:tool|function)\s*(?:call\s*)?(?:output|result|response|returned)s?\s*[:=]?\s*[{\[]|"
        r"\b(?:tool|function)\s*(?:output|result|response)s?\s*[:=]|工具(?:调用)?(?:返回|输出)(?:结果)?|系统(?:消息|通知)\s*[:：]",
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
        "from_now_on": r"\bfrom\s+now\s+on,?\s+(?:you|answer|respond|always|never|ignore)\b|"
        r"từ\s+(?:bây\s+giờ|giờ|nay)\s+(?:trở\s+đi\s+)?,?\s*bạn\s+(?:không|hãy|chỉ|phải|cứ)|"
        r"ai\s+cũng\s+(?:đủ\s+điều\s+kiện|được\s+duyệt)",
        "guard_switch": r"\b(?:disable|bypass|skip|reveal|turn_off)_\w+\s*[:=]|\bguard(?:rails?)?\s*(?:=|:)\s*(?:off|false|0)",
        "vi_ignore": r"bỏ\s+qua\s+(?:(?:tất\s+cả|mọi|các|những)\s+)*(?:hướng\s+dẫn|chỉ\s+dẫn|lệnh|quy\s+tắc|chỉ\s+thị)",
        "vi_prompt": r"lời\s+nhắc\s+hệ\s+thống",
        "vi_hidden_rules": r"(?:quy\s+tắc|hướng\s+dẫn|chỉ\s+dẫn|cài\s+đặt)\s+(?:ẩn|bí\s+mật|nội\s+bộ|mà\s+bạn|của\s+bạn)"
        r".{0,40}(?:xem|cho|gửi|nguyên\s+văn|in\s+ra|tiết\s+lộ)|(?:xem|cho|gửi|nguyên\s+văn|in\s+ra|tiết\s+lộ).{0,40}"
        r"(?:quy\s+tắc|hướng\s+dẫn|chỉ\s+dẫn)\s+(?:ẩn|bí\s+mật|nội\s+bộ|mà\s+bạn)",
        "rules_you_follow": r"\b(?:rules|instructions|guidelines|prompt)\s+(?:you\s+(?:follow|were\s+given|have\s+been\s+given|"
        r"operate\s+under)|given\s+to\s+you)\b.{0,40}(?:show|print|paste|tell|list|reveal|copy|verbatim|word\s+for\s+word)|"
        r"(?:show|print|paste|tell|list|reveal|copy)\b.{0,40}\b(?:rules|instructions|guidelines)\s+(?:you\s+(?:follow|were\s+given|"
        r"operate\s+under)|given\s+to\s+you)",
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
        "zh_hidden_rules": r"(?:隐藏|后台|内部|秘密|你的|你被设定的|你遵守的)(?:的)?(?:设定|规则|提示词|提示|指令|指示).{0,20}?"
        r"(?:原文|复制|发给|给我看|显示|告诉|打印|列出)|(?:原文|复制|发给|给我看|显示|告诉|打印|列出).{0,10}?"
        r"(?:隐藏|后台|内部|秘密)(?:的)?(?:设定|规则|提示词|指令)",
        "ko_hidden_rules": r"(?:숨겨진|숨은|비밀|내부|네가따르는|너가따르는|니가따르는|네가받은|너가받은|당신이받은|"
        r"당신이따르는|너한테입력된|너에게입력된|너의|당신의|챗봇의|봇의)(?:운영)?(?:규칙|지침|지시|프롬프트|설정|룰|원칙)"
        r"(?:사항)?(?:들)?(?:의)?(?:전체|전부|원문|전문|내용)?.{0,20}?(?:보여|알려|붙여|출력|공개|원문|전문|복사|내놔|적어)",
        "ko_operator_notice": r"(?:챗봇|상담봇|봇|ai|인공지능|너|너의|네|니)(?:의)?(?:운영)?(?:지침|규칙|설정|정책)(?:이|가|은|는)?"
        r"(?:변경|바뀌|수정|개정)|(?:누가물어보든|누구에게나|누구한테나|무조건).{0,12}(?:수급가능|적격|대상|승인)"
        r"(?:이라고|으로|로)?(?:만)?(?:답|안내|말)|(?:안전검사|안전장치|필터|검열)(?:를|을)?(?:끄|꺼|해제|풀)|"
        r"(?:모든|모두|전부)(?:문의자|사람|신청자|이용자|민원인)(?:에게|한테)?.{0,12}(?:수급가능|적격|대상|승인|지급)"
        r"(?:이라고|으로|로)?(?:안내|답변|답|응답)|(?:검증|심사|확인)(?:을|를)?생략(?:하고|하십시오|하세요|해)",
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
        "vi_jailbreak": r"không\s+(?:có|bị)\s+(?:bất\s+kỳ\s+|một\s+)?giới\s+hạn|chế\s+độ\s+nhà\s+phát\s+triển",
        "filter_off": r"\b(?:with(?:out)?\s+(?:the\s+|your\s+)?filters?(?:\s+off)?|filters?\s+(?:off|disabled)|unfiltered|"
        r"no\s+filters?)\b|\b(?:guidelines|rules|restrictions|filters|safeguards)\s+(?:didn'?t|did\s+not|don'?t|do\s+not|"
        r"no\s+longer)\s+(?:exist|apply)|không\s+kiểm\s+duyệt",
    },
) + _rules(
    "compact",
    {
        "ko_mode": r"탈옥|개발자모드|디버그모드|dan모드|갓모드|무제한모드|검열없이|검열없는",
        "ko_no_rules": r"(?:너는|넌|너의|너한테|ai|챗봇|봇|모드|역할극).{0,30}(?:규칙|제한|제약|검열)"
        r"(?:같은건|이|은|는|도)?(?:전혀|아무것도|하나도)?없(?:어|는|다|이)|(?:아무|모든)(?:제한|규칙|검열)(?:도)?없이",
        "ko_role_reassign": r"(?:지금부터|이제부터|이제)(?:너는|넌)|(?:너는|넌)(?:이제|지금부터|이제부터)",
        "ko_role_play": r"역할극.{0,30}(?:규칙|제한|공무원|담당자|관리자|승인|없는)",
        "zh_jailbreak": r"没有(?:任何)?限制|越狱|开发者模式|不受(?:任何)?(?:规则)?限制|解除.{0,6}(?:安全)?(?:规则|限制)|"
        r"不被允许(?:说|回答|透露)",
        "ko_filter_off": r"필터(?:가|를|는)?(?:꺼진|끈|끄고|꺼|없이|없는|해제|풀린|풀고)|검열(?:을|를)?(?:끄|풀|해제)|"
        r"안전장치(?:가|를|이)?(?:해제|꺼진|끈|풀린|없는)|규칙없이뭐든",
    },
)

# ------------------------------------------------------------------------------------------- impersonation
_IMPERSONATION = _rules(
    "text",
    {
        "mark_eligible": r"\bmark\s+(?:me|my\s+\w+|this\s+\w+|the\s+\w+|him|her|us|them)\s+(?:as\s+)?(?:eligible|approved|"
        r"qualified)",
        "override_decision": r"\b(?:override|overturn|reverse|cancel|change)\s+(?:the|this|that|my|his|her|their)\s+(?:\w+\s+){0,2}"
        r"(?:decision|rejection|denial|ruling|assessment)",
        "applicant_list": r"\b(?:list|send|show|export|pull|give)\b.{0,30}\b(?:applicants?|recipients?|applications?|case\s+files?)"
        r"\b.{0,30}\b(?:list|names|this\s+month|all)\b|\b(?:applicant|recipient)\s+(?:list|names|records)\b",
        "set_status": r"\bset\s+(?:my|the|his|her)\s+(?:status|eligibility|result)\s+to\b",
        "approve_imperative": r"(?:^|[.!,;:]\s*|please\s+|now\s+|just\s+)approve\s+(?:my|the|this|his|her|"
        r"application|claim|case|all|every|me)\b",
        "privileged_mode": r"\b(?:officer|admin|administrator|supervisor|developer|root)\s+(?:mode|override|"
        r"privileges?|access|rights)\b",
        "claims_officer": r"\b(?:i\s*am|i'm)\s+(?:a|an|the)\s+(?:welfare\s+|city\s+|system\s+)?(?:officer|official|"
        r"administrator|admin|caseworker|civil\s+servant)\b.{0,80}\b(?:approve|switch|mode|show\s+all|grant|"
        r"privileges?|override|access|cases|records)",
        "grant_privileges": r"\bgrant\s+(?:me|my\s+account)\s+(?:\w+\s+){0,2}(?:privileges?|access|rights|permissions?)",
        "vi_officer": r"phê\s+duyệt\s+hồ\s+sơ|tôi\s+là\s+(?:cán\s+bộ|quản\s+trị\s+viên|nhân\s+viên\s+(?:phường|ủy\s+ban|phúc\s+lợi))"
        r"|đánh\s+dấu.{0,20}đủ\s+điều\s+kiện|danh\s+sách\s+(?:những\s+)?người\s+(?:nộp\s+đơn|nhận|được\s+nhận|xin)",
    },
) + _rules(
    "compact",
    {
        "ko_privileged_mode": r"(?:관리자|공무원|담당자|주무관|심사관)(?:모드|권한)|권한(?:을|를)?(?:올려|상승|부여|줘|주세요|달라)",
        "ko_mark_eligible": r"(?:승인|적격|수급자|대상자|합격|수급결정)(?:으로|로)?(?:그냥|바로|당장|즉시|좀|꼭)?"
        r"(?:처리|등록|표시|변경|입력|바꿔|지정|체크|결정|판정)"
        r"(?:해|하세요|하라|해라|해줘|해주세요|해요|하고|할것|시켜|줘|주세요|달라)",
        "ko_approve_mine": r"(?:신청|이것|이거|이사람|저|나|제|내)(?:을|를|의)?(?:신청)?(?:을|를)?(?:바로|당장|즉시|지금)?"
        r"승인(?:해|하라|해라|해줘|해주세요)",
        "ko_exception": r"예외처리(?:합니다|해|하세요|하라)",
        "ko_role_officer": r"(?:너는|넌).{0,12}(?:공무원|담당자|주무관|관리자|심사관)(?:이야|이다|입니다|야|처럼|인척)",
        "zh_officer": r"标记为合格|批准我的申请|我是(?:福利)?(?:官员|公务员|管理员)|(?:公务员|管理员|工作人员|后台)模式|"
        r"我是.{0,8}(?:开发人员|开发者|管理员|工程师)|后台权限|所有用户的.{0,4}记录|"
        r"(?:申请人|领取人|受助人|受助者)(?:的)?名单",
        "ko_applicant_list": r"(?:신청자|수급자|지원자|수혜자|신청인)(?:들)?(?:의)?(?:명단|목록|리스트|전체리스트)|"
        r"(?:신청자|수급자|신청인)(?:들)?(?:의)?(?:심사현황|신청내역|상담기록|수급내역)",
        "ko_decision_change": r"(?:탈락|부적격|불인정|거절|기각)(?:결정|판정|처리)?(?:을|를)?(?:취소|번복|뒤집|바꾸|바꿔|변경|철회)"
        r"(?:하고|해줘|해주세요|하세요|하십시오|해라|시켜|줘)(?!싶)",
    },
)
# A story, a role, a hypothesis or a "grandma used to tell me" around an act the agent must not help with.
_FRAMING = re.compile(
    r"hypothetical|thought\s+experiment|in\s+a\s+story|as\s+a\s+story|write\s+a\s+story|role[\s-]?play|pretend|"
    r"screenplay|script\s+where|novel|fiction|"
    r"imagine\s+you|grandma|grandmother|bedtime|"
    r"가정해|가상의|소설|이야기(?:로|속)|동화|역할극|연기해|흉내|할머니가.{0,20}(?:들려|얘기|이야기)|"
    r"假设|故事|小说|角色扮演|扮演|奶奶|"
    r"giả\s+sử|câu\s+chuyện|truyện|đóng\s+vai|nhập\s+vai|bà\s+(?:tôi|em|mình)",
    re.I,
)
_HARMFUL_ACT = re.compile(
    r"\bfake|\bforg(?:e|ed|es|ing|ery)\b|counterfeit|hide\s+(?:my\s+|the\s+)?(?:income|assets|money)|\bsham\b|\bcheat|"
    r"push\s+(?:a\s+|the\s+)?\w*\s*application\s+through|bypass|defraud|fraud|off\s+the\s+(?:record|books)|"
    r"가짜|위조|변조|조작|속이|속여|(?:소득|재산|수입|돈|통장|월급)(?:을|를)?\s?숨[기겨길]|위장|허위|"
    r"假离婚|假结婚|假的?(?:文件|证明|合同|材料)|伪造|隐瞒|骗|应付.{0,4}调查|"
    r"giấy\s+tờ\s+giả|hồ\s+sơ\s+giả|làm\s+giả|giả\s+mạo|giấu|lừa",
    re.I,
)
_KO_CLAIM = re.compile(
    r"(?:공무원|담당자|주무관|관리자|직원|심사관|팀장|과장|국장|계장|실장|개발자|운영자|사회복지사|비서실|비서)"
    r"(?:입니다|이에요|예요|이야|임|인데요?|이니까|라서|이다|이거든요?)"
)
_KO_PRIVILEGE = re.compile(
    r"승인|처리해|조회|모드|권한|적격|수급내역|명단|열람|입력|변경|다른주민|다른사람|목록|리스트|체크해|취소|"
    r"결정으로|상담기록|꺼주|꺼줘|뽑아|보내주|심사현황|현황전체|신청자들"
)

# ------------------------------------------------------------------------------------------- fraud
_FRAUD = _rules(
    "text",
    {
        "hide_income": r"\bhide\s+(?:my\s+|our\s+|the\s+|his\s+|her\s+)?(?:income|money|assets|savings|earnings|wages|"
        r"property|job|crypto|wallet|bank\s+account|account|car|business|side\s+income)|\bfrom\s+the\s+(?:asset|income|"
        r"means|financial)\s+(?:check|test|investigation|inquiry|review)",
        "forged_document": r"\b(?:fake|forged?|forging|falsif(?:y|ied)|doctor(?:ed)?|counterfeit)\s+(?:a\s+|an\s+|the\s+|"
        r"my\s+)?(?:\w+\s+){0,3}(?:lease|contract|document|certificate|diagnosis|pay\s*slip|payslip|receipt|id|"
        r"papers?|statement|letter|notice|record|proof|bill|invoice|note|stamp|seal)",
        "evade_checks": r"\b(?:avoid|dodge|get\s+around|fool|trick|pass|beat|cheat)\s+(?:the\s+)?(?:home\s+visit|inspection|"
        r"investigation|audit|check|verification|caseworker|officials?|system)|without\s+(?:getting\s+caught|them\s+"
        r"(?:knowing|finding\s+out|noticing))|(?:won'?t|don'?t|doesn'?t|not)\s+(?:get\s+caught|find\s+out|notice)\b",
        "keep_off_report": r"\bkeep\s+(?:that|it|this|the\s+\w+|my\s+\w+)\s+off\s+(?:the|my)\s+(?:\w+\s+)?(?:report|"
        r"books|records|application|declaration)|\b(?:not|never|without)\s+(?:declare|declaring|report|reporting)\b.{0,30}"
        r"\b(?:so|to)\s+(?:i|we)\s+(?:can\s+)?(?:keep|get|still|qualify)",
        "dead_claim": r"\bkeep\s+(?:receiving|getting|claiming)\b.{0,40}\b(?:dead|deceased|died)|"
        r"\b(?:dead|deceased)\s+\w+(?:'s)?\s+(?:pension|benefit|allowance)",
        "vi_fraud": r"giấu\s+(?:thu\s+nhập|tài\s+sản|tài\s+khoản|tiền)|giả\s+mạo|làm\s+giả|giấy\s+tờ\s+giả|hồ\s+sơ\s+giả|"
        r"khai\s+(?:thiếu|gian|sai\s+sự\s+thật)|không\s+khai\s+báo\s+để|(?:không|khỏi)\s+(?:bị\s+)?phát\s+hiện(?:\s+ra)?",
    },
) + _rules(
    "compact",
    {
        "ko_hide_income": r"(?:소득|수입|재산|월급|알바비|급여|통장|예금|돈|부업)(?:을|를|은|는)?"
        r"(?:숨기|숨겨|숨길|안잡히|안걸리|빼고신고|적게신고|축소|누락|들키지않|속이|속여)",
        "ko_nominee": r"(?:현금으로받|차명|다른사람명의|아들명의|딸명의|가족명의|명의로옮|명의로돌)",
        "ko_forged": r"(?:서류|진단서|계약서|증명서|영수증|통장사본|확인서|소견서)(?:을|를)?(?:위조|변조|조작|포토샵|꾸며|고쳐)|"
        r"(?:서류|진단서|계약서|증명서|영수증|통장사본|확인서|소견서)(?:좀|를|을)?(?:위조|변조|조작)|"
        r"(?:위조|변조|조작|가짜|허위)(?:로|해서|한|된)?(?:서류|진단서|계약서|임대차계약서|증명서|영수증|소득증명)|"
        r"가짜(?:로)?(?:서류|진단서|계약서|임대차|증명서)|허위로|포토샵으로고쳐",
        "ko_sham": r"위장(?:이혼|전입|취업|실직|별거|분가)|서류상으로만이혼|서류상(?:으로)?이혼(?:하고|해서|하면|한뒤|한후|만)",
        "ko_evade_checks": r"(?:실사|조사|현장조사|방문조사|확인조사|실태조사|현장확인|방문)(?:가|이)?(?:나오면|오면|올때|때|하면)?"
        r".{0,10}(?:피하|피해|피할|속이|속여|들키지|안걸리|안들키|숨기|숨겨|모면)|"
        r"(?:실사|조사|현장조사|방문조사|현장확인)(?:가|이)?(?:안|않)나오게",
        "ko_omit_report": r"(?:소득|재산|수입|사업소득|근로소득)(?:있는건|은|는|을|를)?빼고.{0,20}(?:신고|작성|쓰|써|내)|"
        r"(?:금융정보|금융조회|재산조회|소득조회)(?:는|를|은)?(?:어떻게)?(?:피하|피해|피할|막|안걸리)",
        "ko_fake_form": r"(?:통지서|증명서|진단서|계약서|확인서|서류|영수증|해고통지서)(?:양식)?.{0,10}"
        r"(?:그럴듯하게|가짜로|진짜처럼|비슷하게|감쪽같이)(?:하나)?(?:만들|써|작성)",
        "ko_inflate": r"실제보다.{0,10}(?:비싸게|높게|적게|낮게|많게|크게|작게).{0,15}(?:써|쓰|작성|신고|내|올리)",
        "ko_false_report": r"(?:멀쩡히|멀쩡한데|사실은|실제론|실제로는|사실).{0,30}(?:했다고|라고|인척|인것처럼|한것처럼)"
        r".{0,6}(?:신고|신청|하면|속이|말하면)|(?:했다고|라고)할(?:건데|거예요|거임|거에요).{0,20}(?:사실|실은|실제로는)",
        "ko_dead_claim": r"(?:돌아가신|사망한|죽은|고인).{0,12}(?:연금|급여|수당).{0,10}(?:계속|타는|받으려|받는방법|받을수)|"
        r"사망신고(?:를)?안(?:하|해)",
        "ko_unreported": r"(?:신고안하고|신고하지않고|안알리고|몰래).{0,10}(?:수급|받|급여)",
        "zh_fraud": r"隐瞒(?:收入|财产)|瞒报|少报|伪造|假的?(?:租房)?(?:文件|证明|合同|材料|诊断)|编(?:一个|个)?假|假离婚|假结婚|"
        r"(?:不被|不会被|不让)(?:人)?(?:查到|发现|查出)",
    },
)
#: A fraud request says how it deceives: hiding, faking, a name that is not hers, not being caught. The model's
#: fraud guess is trusted only with such a word ("my boss says our company has no 산재 insurance so I can't
#: claim" is a worker's question, not a fraud).
_DECEIT = re.compile(
    r"숨기|숨겨|감추|안\s?걸리|안\s?들키|안\s?들킬|티\s?(?:안|나)|피하|피해요|피할|몰래|위조|가짜|허위|조작|위장|명의|차명|서류상"
    r"|둘러대|안\s?잡히|신고\s?안|안\s?하고|미루|빼고|적게|속이|거짓|대신\s?신청|만들어|고쳐|그럴듯|실제로는|실제보다|눈치|옮겨\s?(?:두|놓|놔)|돌려\s?(?:받|놓|놔)|잠깐"
    r"|hide|hiding|conceal|fake|forge|false|\blie\b|lying|pretend|trick|cheat|avoid|off the (?:record|books)|don'?t report|not report"
    r"|without (?:report|declar)|under the table|make it look|say (?:i'?m|that)|actually|draft|keep\b.{0,30}\boff (?:the|my|his|her)\b|dead"
    r"|隐瞒|瞒|假|不被|露馅|过户|名下|骗|伪造|冒充|编"
    r"|giấu|giả|không bị (?:phát hiện|kiểm tra)|không (?:phải )?khai|khai (?:là|thiếu)|lừa|trốn",
    re.IGNORECASE,
)
_FRAUD_INFORMATIONAL = re.compile(
    r"처벌|불법|벌금|제재|환수|도용|신고는어디|신고하려|어디에신고|어떻게되나|위반|illegal|penalt|punish|"
    r"report\s+(?:fraud|it|someone|somebody|them|him|her|this|a\s+\w+)|where\s+(?:do|can|should)\s+i\s+report|"
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
        "list_people": r"\blist\s+(?:of\s+)?(?:everyone|everybody|all\s+(?:the\s+)?(?:people|residents|households|families|"
        r"recipients|applicants))|\bnames\s+and\s+(?:addresses|phone\s+numbers|incomes?)\b|"
        # "who in my building gets …", "tell me everyone on my street who gets …" — not a rule she heard ("my
        # coworker said everyone who is 24 in gyeonggi gets 청년기본소득")
        r"(?<!said\s)(?<!says\s)(?<!heard\s)(?<!that\s)\b(?:everyone|everybody|all\s+"
        r"(?:the\s+)?(?:people|residents|households|families))\s+(?:in|on|at|who)\b(?!\s+(?:is|are)\s+\d)"
        r".{0,50}\b(?:gets?|got|receiv|claims?)",
        "on_file": r"\b(?:has|have|keeps?)\s+on\s+file\s+for\b|\b(?:mr|mrs|ms|miss)\.?\s+\w+(?:[\s-]\w+){0,2}\b.{0,60}"
        r"\b(?:gets?|getting|receives?|receiving|claims?|applied|income|address)\b|\b(?:if|whether)\s+(?:my\s+)?(?:landlord|"
        r"neighbou?r|tenant|ex|coworker|colleague|boss)\b.{0,60}\b(?:gets?|receives?|is\s+on|claims?)\b",
        "third_party_record": r"\b(?:ex[\s-]?(?:wife|husband|partner|girlfriend|boyfriend)|my\s+ex|neighbou?r|tenant|lodger|"
        r"landlord|employee|applicant|coworker|colleague|classmate'?s?\s+\w+)\b.{0,80}(?:\bwhat\s+(?:income|benefits?|"
        r"amount)\s+(?:did|does|is|has)\s+(?:she|he|they)|\b(?:is|does|did)\s+(?:she|he|they)\s+(?:get|getting|receiv|"
        r"claim|on)|\b(?:her|his|their)\s+(?:income|address|benefits?|records?|bank|phone)\b)",
        "vi_other": r"(?:cho\s+tôi\s+biết|tra\s+cứu|số\s+điện\s+thoại|địa\s+chỉ).{0,40}(?:người\s+hàng\s+xóm|người\s+khác)|"
        r"(?:người\s+hàng\s+xóm|người\s+khác).{0,40}(?:nhận\s+gì|số\s+điện\s+thoại|địa\s+chỉ)|"
        r"(?:số\s+tài\s+khoản|số\s+điện\s+thoại|địa\s+chỉ).{0,40}(?:của|mà)\s+(?:anh|chị|bà|ông|cô)\s+\w+|"
        r"(?:người\s+thuê|hàng\s+xóm|người\s+bên\s+cạnh|chồng\s+cũ|vợ\s+cũ|người\s+yêu\s+cũ|(?:chị|anh|bà|ông|cô)\s+\w+"
        r"\s+\w+(?:\s+\w+)?\s+ở).{0,60}(?:có\s+(?:đang\s+)?nhận|thu\s+nhập\s+(?:của|bao)|địa\s+chỉ\s+(?:cũ|của)|số\s+tiền)",
    },
) + _rules(
    "compact",
    {
        "ko_benefit_of_others": r"(?:이웃|옆집|친구|동료|남의|다른사람|다른분|다른주민|이동네|동네사람|그사람|이사람|"
        r"[가-힣]{2,3}씨|[가-힣]{2,3}님).{0,20}(?:뭐받|얼마받|받는지|받고있는지|받는사람|수급여부|수급내역|수급자인지|"
        r"무슨급여).{0,10}(?:알려|조회|확인|보여|누구|뭐야|뭔지)",
        "ko_lists": r"수급자명단|명단(?:을|좀)?(?:뽑|보여|알려|줘)|다른사람(?:의)?(?:상담|대화)(?:내용|기록)|"
        r"방금상담한사람|이전사용자|다른사용자|(?:세션|session)(?:id)?.{0,20}(?:대화|기록)",
        # not "前夫…一分钱都没给过，电话也不接" (her ex who does not pay or answer), nor "前夫拿走了"
        "zh_other": r"(?:邻居|别人|他人|前夫|前妻|前男友|前女友|房客|租客|员工|同事).{0,20}(?:领|拿(?:了)?(?:什么|多少|哪些)|收入|"
        r"收了多少|福利|电话(?!也?不接|打不通|不通|不回)|地址|住在哪)",
        "zh_lists": r"(?:领|拿|申请|收到|享受).{0,12}(?:的)?(?:人|家庭|户|人员)(?:的)?(?:名单|是谁|有哪些)|(?:所有|全部).{0,12}"
        r"(?:家庭|人|户)(?:的)?名单",
        "ko_who_receives": r"(?:받는|수급하는|수급받는|받고있는|타는)(?:사람|집|가정|세대|애들|분|가구|학생)(?:들)?.{0,4}?"
        r"(?:누구|누군지|어느집)",
        "ko_third_party_record": r"(?:전남편|전처|전부인|전와이프|전여친|전남친|전애인|헤어진(?:여친|남친|애인|와이프|남편|여자친구|남자친구)|"
        r"지원자|세입자|직원|학부모|윗집|아랫집|옆집|이웃|동료|그사람|그분|\d+동\d+호(?:사람|집|분)?|주소(?:사람|집|분))(?:이|가|은|는|의|를)?.{0,40}"
        r"(?:무슨복지|어떤복지|받고있는지|받고있나|받고있어|받는지|수급자인지|수급여부|수급기록|수급내역|수급액|소득인정액|신고한소득|"
        r"어디사는지|어디살|주소|연락처|전화번호|장애정도|몇종|진짜인지|조회)",
        "ko_named_record": r"(?:[가-힣]{2,3}(?:씨|님)|이름은[가-힣]{2,4}|\d{4}(?:년|\.\d{1,2}\.\d{1,2})생).{0,30}"
        r"(?:소득인정액|수급자인지|수급여부|받고있는지|받고있나|받는지|얼마로나왔|어디사는지|주소|연락처|수급액|장애정도|몇종|수급기록)",
    },
)
_OWN_FAMILY = re.compile(
    r"\bmy\s+(?:mom|mum|mother|dad|father|parents?|son|daughter|kids?|children|husband|wife|grandm\w+|grandf\w+)\b"
    r"|(?:우리|저희|제|내)\s?(?:엄마|어머니|아빠|아버지|부모님|아들|딸|애|남편|아내|할머니|할아버지)"
    r"|我(?:妈|爸|母亲|父亲|儿子|女儿|老公|老婆|丈夫|妻子)|(?:mẹ|bố|ba|má|con|chồng|vợ) (?:tôi|em)\b",
    re.IGNORECASE,
)
_IDENTIFIER_REQUEST = re.compile(
    r"(?:주민번호|주민등록번호|전화번호|연락처|주소|계좌번호|계좌|핸드폰번호|휴대폰번호).{0,12}?"
    r"(?:알려줘|알려주세요|알려줄|알려달|찾아줘|찾아|조회해|보여줘|가르쳐|뽑아|뭐야|뭔지)"
)
_PLACEHOLDER = re.compile("|".join(re.escape(text) for text in sorted(set(PLACEHOLDERS.values()))))
_SELF_OR_PUBLIC = re.compile(
    r"(?:^|\s)(?:제|내|저의|나의|본인|우리집)\s?(?:주소|전화번호|연락처|계좌|주민)|담당자|상담사|상담원|복지사|주무관|"
    r"주민센터|센터|시청|구청|"
    r"행정복지센터|기관|복지로|동사무소|상담소|129|고용센터|보건소|"
    # the number to ask about a program ("에너지바우처 … 물어볼 전화번호도 알려줘요"), not a person's
    r"물어볼|문의|바우처|연금|급여|수당|이용권|콜센터"
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


_ANY_RULE = {
    view: re.compile(
        "|".join(
            f"(?:{pattern.pattern})"
            for rule_view, _, pattern in (
                _TOOL_SPOOFING + _INJECTION + _JAILBREAK + _IMPERSONATION + _FRAUD + _OTHER_PERSON
            )
            if rule_view == view
        ),
        re.I,
    )
    for view in ("text", "compact")
}


def _any_rule(views: dict[str, list[str]]) -> bool:
    return any(_ANY_RULE[view].search(text) for view, texts in views.items() for text in texts)


def _fired(rules: Sequence[tuple[str, str, re.Pattern[str]]], views: dict[str, list[str]]) -> list[str]:
    names: list[str] = []
    for view, name, pattern in rules:
        if any(pattern.search(text) for text in views[view]):
            names.append(name)
    return names


_MODEL_MIN_LETTERS = 15


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
    # One search per view tells whether any rule can fire; most messages end the rule checks there.
    candidate = _any_rule(views)
    for category, rules in checks:
        fired = _fired(rules, views) if candidate else []
        if fired:
            return _refuse(category, [f"{category}:{name}" for name in fired], cleaned)

    compact = views["compact"]
    if any(_FRAMING.search(view) for view in views["text"]) and any(
        _HARMFUL_ACT.search(view) for view in views["text"]
    ):
        return _refuse("jailbreak", ["jailbreak:framed_harm"], cleaned)
    if any(_KO_CLAIM.search(view) and _KO_PRIVILEGE.search(view) for view in compact):
        return _refuse("impersonation", ["impersonation:ko_claims_officer"], cleaned)

    fraud = _fired(_FRAUD, views) if candidate else []
    fraud = [
        name
        for name in fraud
        if name not in _FRAUD_INTENT_NEEDED or any(_KO_NOMINEE_EFFECT.search(view) for view in compact)
    ]
    if fraud and not _FRAUD_INFORMATIONAL.search(views["text"][0] + " " + compact[0]):
        return _refuse("fraud", [f"fraud:{name}" for name in fraud], cleaned)

    other = _fired(_OTHER_PERSON, views) if candidate else []
    # A placeholder left by redaction ("[주민등록번호] 로 조회해 주세요") is not a request for someone's number.
    unplaced = _COMPACT_DROP.sub("", _PLACEHOLDER.sub(" ", views["text"][0]))
    if _IDENTIFIER_REQUEST.search(unplaced) and not _SELF_OR_PUBLIC.search(views["text"][0]):
        other.append("ko_identifier_request")
    if other:
        return _refuse("other_person_data", [f"other_person_data:{name}" for name in other], cleaned)

    if hidden.strip():
        return _refuse("injection", ["injection:hidden_tag_text"], cleaned)

    # The learned second opinion, for phrasings no pattern describes. A message with a crisis sign is never
    # refused on the model's word: a person in danger must reach the crisis reply.
    # Redaction placeholders ("[전화번호]") say nothing about intent and looked like data requests to it.
    # Short messages (mostly answers to the agent's questions) are left to the patterns.
    unplaced_text = _PLACEHOLDER.sub(" ", cleaned)
    verdict = judge(unplaced_text)
    letters = sum(char.isalnum() for char in unplaced_text)
    deceit = verdict.category != "fraud" or bool(_DECEIT.search(cleaned))
    # Her own mother or child is not "another person": "My mom is 68 … what's the maximum basic pension?" asks
    # for the family she may ask for (the patterns above still refuse an ex's or a neighbour's records).
    family = verdict.category == "other_person_data" and bool(_OWN_FAMILY.search(cleaned))
    if (
        verdict.refuse
        and deceit
        and not family
        and letters >= _MODEL_MIN_LETTERS
        and not crisis_signals(cleaned)
    ):
        kind = verdict.category
        return _refuse(kind, [f"{kind}:model:{verdict.attack_probability:.2f}"], cleaned)
    return Screening(verdict="allow", category="ok", reasons=[], cleaned=cleaned)
