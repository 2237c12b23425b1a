"""Whether a passage found for a question the classifier took as out of scope is really about it.

"치매검사 돈 들어요?" is a welfare question the 19 programs do not cover; the booklet does ("치매검진 지원").
"주차 위반 과태료 어디서 내요" is not, though the search always returns something ("요금감면제도"). The test is
plain: a content word of the question, or of the documents' name for it, stands in the title of the program
the passage belongs to.
"""

from __future__ import annotations

import re
from typing import Any

from graphs.answers.focus import bigrams, korean_terms
from tools.retrieval.tokenizer import expansions

#: Synonym rules this sure name the documents' own term for what she says (tools/retrieval/synonyms.yaml).
NAMING_WEIGHT = 0.8

#: Words in many titles or questions that say nothing of the topic.
_STOP = frozenset(
    {
        "지원", "제도", "시흥", "서비스", "신청", "사업", "안내", "이용", "대상", "감면", "요금", "복지", "혜택",
        "어디", "받아", "받을", "있어", "있나", "해요", "어떻게", "얼마", "무료", "공짜",
        "급여", "발급", "재발", "시청", "확인", "가면", "되요", "되나", "하나", "문의", "센터", "기관", "직장", "다녀서",
        "siheung", "support", "program", "service", "services", "benefit", "benefits", "money", "help", "where",
        "what", "with", "from", "have", "that", "this", "apply", "free", "there",
        "支援", "补贴", "服务", "申请", "哪里", "多少",
        "trợ", "giúp", "chương", "trình", "đăng", "không",
        # in English and Vietnamese summaries' names, words about everyone
        "people", "person", "family", "families", "children", "child", "for", "and", "the",
        "cho", "con", "của", "các", "những", "được", "có", "tôi", "em", "bạn", "nhà", "người", "và", "với",
        "là", "gì", "nào", "hỗ", "gia", "đình", "tiền", "phí",
    }
)  # fmt: skip


def _in_title(term: str, title: str) -> bool:
    if term.isascii() or not ("\uac00" <= term[0] <= "\ud7a3" or "\u4e00" <= term[0] <= "\u9fff"):
        return len(term) >= 3 and re.search(rf"(?<!\w){re.escape(term)}(?!\w)", title) is not None
    return term in title


def topical(question: str, hit: dict[str, Any]) -> bool:
    """Whether `hit` (a passage with its program's title) is about what `question` asks. A summary in her
    language (the booklet's `gists.<lang>.yaml`) brings the program's name in that language too."""
    title = str(hit.get("program") or "").lower()
    if hit.get("section") == "summary":
        title += " " + str(hit.get("title") or "").lower()
    # The documents' names for what she names ("KTX 할인" → 철도 요금감면, "그린벨트" → 개발제한구역) count too.
    named = " ".join(
        [*(text for text, weight in expansions(question) if weight >= NAMING_WEIGHT), *korean_terms(question)]
    )
    return any(_in_title(term, title) for term in bigrams(f"{question} {named}", _STOP))
