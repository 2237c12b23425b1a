"""What a model's reply claims, checked against what the engine decided (the output check's second half).

`check_grounding` requires every figure to come from the tool results; this module checks the claims that
carry no figure:

- a promise that only the 행정복지센터 can make ("확정되었어요", "심사 없이 바로 지급", "guaranteed",
  "保证", "chắc chắn được") is never allowed: the agent estimates, the office decides;
- telling her not to apply ("신청하지 마세요", "no point applying") is never allowed;
- a refusal ("받으실 수 없어요", "not eligible") only when the engine found a program she cannot get, and a
  "you can get it" only when it found one she likely can (or the reply is about a program with no check);
- a request for an account number, a password or money is never allowed;
- a link only when the tool results or documents hold it.
Each rule is a list of phrasings in Korean, English, Chinese and Vietnamese (marks optional), matched on the
normalised text (case, width, spacing and look-alike letters folded).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from graphs.guards.normalize import normalize
from tools.vietnamese import fold_latin

_PROMISE = re.compile(
    r"확정(?:되었|됐|입니다|이에요)|심사\s?없이|(?:바로|무조건|반드시|100\s?%)\s?(?:지급|받으|받을|드립|나옵)|보장(?:됩니다|해\s?드)"
    r"|guarantee|definitely (?:get|receive|qualify)|you (?:are|have been) approved|approved for|confirmed (?:as|that you)"
    r"|without (?:any )?(?:review|assessment|checks?)|will (?:definitely|certainly) (?:get|receive)"
    r"|保证|一定(?:能|可以)(?:领|拿|获得)|已(?:经)?(?:确定|批准)|无需审核|不用审核"
    r"|chac chan (?:duoc|nhan)|da duoc (?:duyet|phe duyet|chap thuan)|khong can (?:xet|tham dinh)|bao dam (?:duoc|nhan)",
    re.IGNORECASE,
)
_DISCOURAGE = re.compile(
    r"신청\s?(?:하지\s?마|할\s?필요\s?(?:가\s?)?없|해도\s?(?:소용|의미)\s?없)|소용\s?없(?:어요|습니다)"
    r"|신청해도\s?(?:거의\s?)?(?:안\s?(?:돼|되|나와)|못\s?받)|(?:괜히\s?)?고생하지\s?마|(?:서류|신청)(?:를|을)?\s?(?:준비)?(?:하지|하시지)\s?마"
    r"|(?:do not|don't|no need to|no point (?:in )?)(?: even)? ?apply|not worth (?:applying|it|the effort)|waste (?:of )?(?:your )?time|won'?t get it anyway"
    r"|不要申请|不用申请|申请也没用|没必要申请|申请也白|白费|浪费时间|别申请"
    r"|(?:dung|khong can|khong nen) (?:nop|dang ky)|nop cung vo ich|(?:dang ky|nop)[^.]{0,12}vo ich|khong nen mat thoi gian",
    re.IGNORECASE,
)
_REFUSAL = re.compile(
    r"받(?:으실|을)\s?수\s?없|대상이\s?아니|해당되지\s?않|자격이\s?없"
    r"|not eligible|ineligible|(?:can ?not|can't|won't) (?:get|receive|qualify)|do(?:es)? not qualify"
    r"|不能(?:领|拿|获得|享受)|不符合(?:条件|资格)|没有资格"
    r"|khong (?:duoc|the) nhan|khong du dieu kien|(?:thuong |se )?bi tu choi",
    re.IGNORECASE,
)
_APPROVAL = re.compile(
    r"받(?:으실|을)\s?(?:수\s?있|가능성이\s?높)|대상(?:이에요|입니다)|해당(?:돼요|됩니다)"
    r"|(?:are|is) (?:likely )?eligible|(?:can|could) (?:get|receive)|you qualify|likely to (?:get|qualify)"
    r"|(?:可以|能)(?:领|拿|获得|享受)|符合(?:条件|资格)"
    r"|(?:co the|duoc) nhan|du dieu kien",
    re.IGNORECASE,
)
# A sentence that states a rule or a condition, not a verdict on her ("만 65세 이상부터", "if", "nếu", "如果").
_CONDITION = re.compile(
    r"만\s?\d+\s?세\s?(?:이상|이하|미만|부터|가\s?되)|\d+\s?세\s?(?:이상|미만)|부터\s?받|(?:이|가)\s?되면|라면|이라면|으면\s"
    r"|\bif\b|\bonce\b|\bwhen (?:you|she|he|they) (?:turn|are|become)|\baged? \d+|\bunder \d+|\bover \d+"
    r"|如果|只要|满\d+|\d+岁以上|\bneu\b|khi (?:du|duoc)|duoi \d+|tren \d+",
    re.IGNORECASE,
)
_MONEY_OR_SECRET = re.compile(
    r"계좌\s?번호|비밀\s?번호|비번|송금|입금(?:해|하)|수수료(?:를|를\s?먼저)?\s?(?:내|보내|입금)|OTP|보안\s?카드"
    r"|account number|bank details|password|passcode|PIN\b|send (?:us |me )?(?:money|a fee|payment)|transfer (?:money|the fee)|pay (?:a|the) (?:fee|deposit)"
    r"|银行账号|账户号码|密码|转账|汇款|先交(?:费|手续费)"
    r"|so tai khoan|mat khau|chuyen tien|chuyen khoan|nop phi truoc",
    re.IGNORECASE,
)
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'）)]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:go\.kr|or\.kr|com|net|org|kr|example)\b(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)


def folded(text: str) -> str:
    """Normalised (width, look-alikes, spacing), lower case, Vietnamese marks folded."""
    return fold_latin(normalize(text).casefold())


def _host_and_path(url: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", url.casefold()).rstrip("/.,")


def check_claims(text: str, *, statuses: Collection[str], sources: Collection[str]) -> list[str]:
    """The claims of `text` that the engine's `statuses` (of this turn's results) and the `sources` (tool
    results, passages, fixed texts) do not support; empty when the reply may be shown."""
    read = folded(text)
    violations: list[str] = []
    if _PROMISE.search(read):
        violations.append("promises what the 행정복지센터 decides")
    if _DISCOURAGE.search(read):
        violations.append("tells her not to apply")
    sources_read = folded(" ".join(sources))
    asked = {m.group(0) for m in _MONEY_OR_SECRET.finditer(read)}
    if any(
        term not in sources_read for term in asked
    ):  # "계좌번호가 적힌 통장 사본" may be a document to bring
        violations.append("asks for an account number, a password or money")
    if _REFUSAL.search(read) and statuses and "ineligible" not in statuses:
        violations.append("refuses where the engine refused nothing")
    # "기초연금은 만 65세 이상부터 받을 수 있어요" states the rule, not that she can get it
    verdicts = " ".join(s for s in re.split(r"(?<=[.!?。！？])\s+|\n+", read) if not _CONDITION.search(s))
    if _APPROVAL.search(verdicts) and statuses and not ({"eligible", "unknown"} & set(statuses)):
        violations.append("says she can get what the engine refused")
    known = " ".join(_host_and_path(u) for source in sources for u in _URL.findall(source))
    for url in _URL.findall(text):
        if _host_and_path(url) not in known:
            violations.append(f"a link the tool results do not hold: {url[:60]}")
    return violations
