"""Whether a question asks for a program's limits, which are then said a question asks for them ("장애인연금 부부면 소득 기준 얼마에요?", "What's the
income limit for the basic pension?"): the engine's own dated figures (`tools.eligibility.limits`), not a
passage that may be from another year."""

from __future__ import annotations

import re

#: A question about the limit itself, not about what she gets.
ASKS_LIMIT = re.compile(
    r"선정\s?기준|커트\s?라인|컷\s?라인|cut-?\s?offs?\b"
    r"|(?:소득|재산|수입|월급|income|assets?|property|savings|收入|财产|存款|thu nhập|tài sản)[^.?!？]{0,14}"
    r"(?:기준|이하|얼마까지|한도|넘으면|limit|threshold|cap|cut-?\s?off|以下|标准|上限|多少以下|mức|ngưỡng|tối đa)"
    r"|(?:limit|threshold|标准|上限|mức|ngưỡng|기준)[^.?!？]{0,14}(?:소득|재산|income|assets?|收入|财产|thu nhập|tài sản)",
    re.IGNORECASE,
)


def asks_limit(question: str) -> bool:
    """Whether the question asks for an income or asset limit (or what the calculation deducts)."""
    return bool(ASKS_LIMIT.search(question)) or asks_deduction(question)


#: A question about what is deducted ("집이나 예금은 얼마까지 빼줘요", "how much of my wages is deducted").
ASKS_DEDUCTION = re.compile(
    r"공제|빼\s?(?:주|줘|준)|제외(?:해|되)|deduct|扣除|减去|khấu trừ|trừ đi", re.IGNORECASE
)


def asks_deduction(question: str) -> bool:
    """Whether the question asks what the income or assets calculation deducts."""
    return bool(ASKS_DEDUCTION.search(question))
