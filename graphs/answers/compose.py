"""An answer composed from the passages found: the passage that answers first, then whom to ask.

Used for every open question (what a program is, how a rule works, how much, where): the subject is the first
of the three programs the search ranked highest whose title is about the question (else the first); its passages
are ranked for the question (`focus.rank`); the best ones are shown as readable sentences with the program's
contact line and the year the booklet's figures describe (the specialist line for the topic is added by the
responder from `prompts/referrals.yaml`, `topics`). Up to two other programs follow, one line each, when their
title is about the question or their best passage holds some of what was asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from graphs.answers.focus import (
    aspect,
    bigrams,
    expansion_rows,
    fits_group,
    focus_terms,
    focused_passages,
    is_contact,
    is_section,
    korean_terms,
    overlap,
    part_asks,
    question_parts,
    rank,
    written_korean,
)
from graphs.answers.offices import asked_offices
from graphs.answers.readable import field_value, readable
from graphs.nlu.programs import detect_programs, find_mentions
from graphs.topical import topical
from prompts import load_yaml
from tools.vietnamese import with_unmarked

MAX_PASSAGES = 3
MAX_CHARS = 360
#: Words for who she is and whom she lives with ("엄마가 … 혼자 계세요"): they say nothing of what she asks, so a
#: program that shares only them ("엄마 또는 아빠 혼자" of 한부모가족) is not about her question.
_WHO_WORDS = frozenset(
    {
        "엄마",
        "아빠",
        "어머",
        "머니",
        "아버",
        "버지",
        "혼자",
        "아들",
        "남편",
        "아내",
        "가족",
        "자녀",
        "아이",
        "부모",
        "할머",
        "할아",
    }
)
#: Korean words that name no program by themselves ("… để em hỏi về 복지 không ạ"): a word of many programs' names.
_GENERIC_WORDS = frozenset(
    {"복지", "지원", "서비스", "센터", "제도", "혜택", "수당", "급여", "신청", "사업", "상담"}
)
ONLY_RETRIEVED = 1.0
"""The most a passage scores in `rank` from retrieval alone (no word of the question in it, no aspect)."""
_PHONE = re.compile(
    r"(?<![\d,-])(?:0\d{1,2}-\d{3,4}-\d{4}|1\d{3}-\d{4}"
    r"|(?<!KRW )1[0-9]{2,3}(?=\)|,(?!\d{3})|\s|$)(?!\s?(?:million|billion|thousand|won|triệu|nghìn|đồng)))(?![\d-])"
)  # 129, 1577-1000, 031-310-2114; not the 150 of "150,000 won" nor the 135 of "KRW 135 million"
_CUT = re.compile(r"(?<=[.)다요])\s")


@dataclass
class Answer:
    """The lines of a document answer and the passages it cites."""

    lines: list[str] = field(default_factory=list)
    cited: list[dict[str, Any]] = field(default_factory=list)
    booklet_year: int | None = None
    contact: str | None = None


def group_hits(hits: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Hits grouped by program, in the order the search ranked the programs."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for hit in hits:
        groups.setdefault(str(hit.get("program_id") or hit.get("program")), []).append(hit)
    return list(groups.values())


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    """At most `limit` characters, cut after a sentence where one ends late enough; numbers past the cut kept."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    ends = [m.start() for m in _CUT.finditer(head) if m.start() > limit // 2]
    shown = head[: ends[-1]] if ends else head.rstrip() + "…"
    phones = [p for p in dict.fromkeys(_PHONE.findall(text)) if p not in shown][:2]
    return f"{shown} (☎ {', '.join(phones)})" if phones else shown


_SEGMENT = re.compile(r"(?<=[.?)다요])\s+(?:-\s+)?|\s-\s")


def shorten_for(text: str, terms: set[str], limit: int = MAX_CHARS) -> str:
    """`shorten`, but a long passage whose part about `terms` lies past the cut (one answer of a list of
    questions and answers) is shown from that part: "… 아동의 국외체류 기간이 90일 …"."""
    if len(text) <= limit or not terms:
        return shorten(text, limit)
    starts = [0, *(m.end() for m in _SEGMENT.finditer(text))]
    segments = [(start, text[start:end]) for start, end in zip(starts, [*starts[1:], len(text)], strict=True)]
    scored = [(sum(1 for t in terms if t in segment.lower()), start) for start, segment in segments]
    best, start = max(scored, key=lambda pair: (pair[0], -pair[1]))
    if best == 0 or start < limit // 2:
        return shorten(text, limit)
    before = [s for s, seg in segments if s < start and seg.rstrip(" -").endswith("?")]
    if before and start - before[-1] < limit // 3:  # the question this part answers, when it is short
        start = before[-1]
    return "… " + shorten(text[start:], limit)


def excerpt(question: str, hit: dict[str, Any], names: list[str], limit: int = MAX_CHARS) -> str:
    """A passage as readable sentences, cut to `limit` around what `question` asks (see `shorten_for`)."""
    return shorten_for(readable(str(hit["text"])), focus_terms(question, names), limit)


def contact_of(group: list[dict[str, Any]]) -> str | None:
    """Whom to contact about a program: its 문의 passage, else the 문의처 of its list row."""
    for hit in group:
        if is_contact(hit):
            text = readable(str(hit["text"]))
            return re.sub(r"^(?:문의|연락처)\s*:\s*", "", text)
    for hit in group:
        value = field_value(str(hit.get("text") or ""), "문의처")
        if value:
            return value
    return None


@lru_cache(maxsize=256)
def _topic(match: str) -> re.Pattern[str]:
    """A topic's pattern, its Vietnamese words matched with or without marks ("khong co bao hiem y te")."""
    return with_unmarked(re.compile(match, re.I))


def _about(topic: dict[str, Any], text: str) -> bool:
    """Whether `text` is about a topic (its `match` found)."""
    return bool(_topic(topic["match"]).search(text))


def topic_lines(text: str, language: str, shown: str, covered: Iterable[str] = ()) -> list[str]:
    """The specialist lines for the topics `text` is about, unless the reply already gives their number; a topic
    of a program in `covered` (her check is about it: its card names whom to ask) is left out."""
    table = load_yaml("referrals.yaml")
    out: list[str] = []
    for topic in table.get("topics", {}).values():
        if not _about(topic, text) or set(topic.get("programs") or ()) & set(covered):
            continue
        for line_id in topic["lines"]:
            line = table["lines"][line_id]
            number = str(line.get("number") or "")
            rendered = str(line.get(language) or line["ko"])
            if (number and number in shown) or rendered in out:
                continue
            out.append(rendered)
    return out


def outside_topic(text: str, *, status_too: bool = True) -> bool:
    """Whether `text` is about a topic outside the checked programs that has its own specialist line
    (interpretation, dementia, abuse, debt, a care gap …): a question to answer and refer, not a profile.
    Without `status_too`, a topic whose words may only state who she is (`status: true`: "F-6签证") does not
    count."""
    table = load_yaml("referrals.yaml")
    return any(
        not topic.get("programs") and (status_too or not topic.get("status")) and _about(topic, text)
        for topic in table.get("topics", {}).values()
    )


def replaces_check(text: str) -> bool:
    """Whether `text` is about a topic whose note answers it in place of an eligibility check (an appeal of a
    decision already made: "대상자가 아니라고 통보가 왔어요. 이의신청 할 수 있나요?"): the topic's match and
    its `instead_of_check` both found."""
    table = load_yaml("referrals.yaml")
    return any(
        topic.get("instead_of_check")
        and _about(topic, text)
        and re.search(str(topic["instead_of_check"]), text, re.I)
        for topic in table.get("topics", {}).values()
    )


def topic_notes(text: str, language: str, *, answering: bool = False) -> list[str]:
    """What to know first for the topics `text` is about (a topic's `note`: "결정에 동의하지 않으시면 이의신청
    …"), each a sentence of its own; with `answering`, only the notes that answer a situation by themselves
    (`answers: true`: what to do after a hospital discharge with no one to care)."""
    table = load_yaml("referrals.yaml")
    return [
        str(topic["note"].get(language) or topic["note"]["ko"])
        for topic in table.get("topics", {}).values()
        if topic.get("note") and (topic.get("answers") or not answering) and _about(topic, text)
    ]


def referral_lines(text: str, language: str, shown: str, covered: Iterable[str] = ()) -> list[str]:
    """The reply's closing referral for the topics of `text`: their notes, then one line naming the specialist
    lines the reply does not already give (`covered`: see `topic_lines`)."""
    specialist = topic_lines(text, language, shown, covered)
    ending = [render_line("specialist", language, lines="; ".join(specialist))] if specialist else []
    office = office_line(text, language)
    offices = [office] if office and office not in shown else []
    return [*offices, *(n for n in topic_notes(text, language) if n not in shown), *ending]


def foreign_summary(group: list[dict[str, Any]], language: str) -> dict[str, Any] | None:
    """The program's summary in `language` among its passages (the booklet's `gists.<lang>.yaml`), if found."""
    return next((h for h in group if h.get("section") == "summary" and h.get("lang") == language), None)


def summary_line(hit: dict[str, Any], limit: int = MAX_CHARS) -> str:
    """ "Dementia treatment cost support (치매치료 관리비 지원사업): For people …"."""
    name, _, gist = str(hit["text"]).partition(": ")
    return f"{name} ({hit['program']}): {shorten(gist, limit)}"


def _foreign_answer(
    question: str,
    groups: list[list[dict[str, Any]]],
    focal: list[dict[str, Any]],
    language: str,
    further: list[dict[str, Any]] | None = None,
) -> Answer:
    """For a question in English, Chinese or Vietnamese: each program's summary in her language, then the
    subject's best Korean passage quoted (to show at the 행정복지센터); a program with no summary in her
    language is quoted in Korean under the line saying so."""
    name = str(focal[0].get("program") or "")
    native = _native_answer(question, focal, language)
    if native is not None:
        for line, hit in [
            *_foreign_further(question, further or [], native.cited, language),
            *_other_summaries(groups, focal, language),
        ]:
            native.lines.append(line)
            native.cited.append(hit)
        native.booklet_year = _booklet_year(native.cited)
        return native
    summary = foreign_summary(focal, language)

    def quotable(hit: dict[str, Any]) -> bool:
        return hit.get("lang") == "ko" and hit.get("section") != "summary" and not is_contact(hit)

    # the passage for what she asks (where to apply, who, how much) first; the contact has its own line
    korean = [h for _, h in rank(question, focal, [name]) if quotable(h)]
    lines: list[str] = []
    cited: list[dict[str, Any]] = []
    if summary is not None:
        lines.append(summary_line(summary))
        cited.append(summary)
    if korean:
        terms = focus_terms(question, [name])
        quote = shorten_for(readable(str(korean[0]["text"])), terms, 260)
        key = "korean_original" if summary is not None else "korean_only"
        lines.append(render_line(key, language, program=name, text=quote))
        cited.append(korean[0])
        # each further question of the message its own passage ("2）培训费能补助多少？在哪里办？"); with no summary in
        # her language, the passage her question's aspect asks for too, as a Korean question's answer would give
        parts = question_parts(question)
        more: list[dict[str, Any]] = []
        # the parts that ask a known aspect (where, how much) first: a statement of her situation after them
        asking = sorted(parts[:4] if len(parts) > 1 else [], key=lambda part: aspect(part) == "any")
        for part in asking:
            # the part's best passage not quoted yet (a part the first quote answers adds the next one), if
            # the part says what it is about: a passage only retrieved, matching none of its words, is noise
            best = next(
                (
                    h
                    for score, h in rank(part, focal, [name])
                    if quotable(h)
                    and all(h is not o for o in [korean[0], *more])
                    and (score > ONLY_RETRIEVED or part_asks(part, question))
                ),
                None,
            )
            if best is not None:
                more.append(best)
        if summary is None:
            more += [h for h in focused_passages(question, focal, [name]) if quotable(h) and h not in more][
                :1
            ]
        for hit in [h for i, h in enumerate(more) if all(h is not o for o in [korean[0], *more[:i]])][:2]:
            lines.append(f"- {shorten_for(readable(str(hit['text'])), terms, 200)}")
            cited.append(hit)
    for line, hit in [
        *_foreign_further(question, further or [], cited, language),
        *_other_summaries(groups, focal, language),
    ]:
        if all(hit.get("program") != c.get("program") for c in cited):  # one line a program
            lines.append(line)
            cited.append(hit)
    if not lines:
        return Answer()
    return Answer(lines, cited, booklet_year=_booklet_year(cited), contact=contact_of(focal))


def _foreign_further(
    question: str, further: list[dict[str, Any]], cited: list[dict[str, Any]], language: str
) -> list[tuple[str, dict[str, Any]]]:
    """For each further question of a foreign message searched on its own ("手机话费能减免吗？还有…문화누리카드…"),
    the program it found: its summary in her language when the booklet has one, else its Korean passage."""
    found = []
    for line, hit in further_answers(question, further, cited):
        group = [h for h in further if h.get("program") == hit.get("program")]
        summary = foreign_summary(group, language)
        found.append((f"- {summary_line(summary, 200)}", summary) if summary is not None else (line, hit))
    return found


def _booklet_year(cited: list[dict[str, Any]]) -> int | None:
    """The oldest booklet year among the passages cited (the reply says to check the current rules)."""
    years = [int(h["year"]) for h in cited if h.get("year") and h.get("kind") == "booklet"]
    return min(years) if years else None


def _other_summaries(
    groups: list[list[dict[str, Any]]], focal: list[dict[str, Any]], language: str
) -> list[tuple[str, dict[str, Any]]]:
    """One line each for up to two other programs found, from their summary in her language."""
    found = [(other, foreign_summary(other, language)) for other in groups[:3] if other is not focal]
    return [(f"- {summary_line(summary, 200)}", summary) for _, summary in found if summary is not None]


NATIVE_SECTIONS: dict[str, dict[str, str]] = {
    "en": {"glance": "At a glance", "how_to_apply": "How to apply", "how_much": "How much",
           "who": "Who can get it", "contact": "Contact"},
    "zh": {"glance": "概要", "how_to_apply": "如何申请", "how_much": "金额", "who": "谁可以领取", "contact": "咨询"},
    "vi": {"glance": "Tóm tắt", "how_to_apply": "Cách đăng ký", "how_much": "Số tiền", "who": "Ai được nhận",
           "contact": "Liên hệ"},
}  # fmt: skip
"""The sections of the project's own documents in another language (`data/documents/<lang>/`): what the
program is at a glance (the first), and those that answer an aspect of a question."""
ASPECT_SECTIONS = {"where": "how_to_apply", "how_much": "how_much", "who": "who", "what": "how_much"}
"""The section that answers each aspect of a question (a plain question or a situation: how to apply)."""


def _native_answer(question: str, focal: list[dict[str, Any]], language: str) -> Answer | None:
    """The answer from the project's own (2026) document in her language, when the program has one: what it is,
    then the section her question asks for (how much, who, how to apply), then the Korean passage to show at the
    office. None when there is no such document (the booklet's gists are of 2024)."""
    names = NATIVE_SECTIONS.get(language)
    native = [h for h in focal if h.get("lang") == language and h.get("kind") == "project"]
    glance = next((h for h in native if names and h.get("section") == names["glance"]), None)
    if glance is None or names is None:
        return None
    title = str(glance.get("title") or focal[0].get("program") or "").removesuffix(f" — {names['glance']}")
    lines = [f"{title}: {shorten(str(glance['text']), MAX_CHARS)}"]
    cited = [glance]
    sections = {str(h.get("section")): h for h in native}
    # the section for what she asks (how much, who, where); a situation or a plain question: where to apply,
    # so she can act on it
    answering = sections.get(names[ASPECT_SECTIONS.get(aspect(question), "how_to_apply")])
    if answering is not None:
        lines.append(f"- {shorten(readable(str(answering['text'])), MAX_CHARS)}")
        cited.append(answering)
    korean = [
        h
        for _, h in rank(question, focal, [str(focal[0].get("program") or "")])
        if h.get("lang") == "ko" and h.get("kind") == "project" and not is_contact(h)
    ]
    if korean:
        quote = shorten_for(readable(str(korean[0]["text"])), focus_terms(question, [title]), 260)
        lines.append(render_line("korean_original", language, program=title, text=quote))
        cited.append(korean[0])
    contact = sections.get(names["contact"])
    return Answer(
        lines, cited, booklet_year=None, contact=str(contact["text"]) if contact else contact_of(focal)
    )


def _rule_group(question: str, groups: list[list[dict[str, Any]]]) -> list[dict[str, Any]] | None:
    """Among the programs found, the one whose passages state the rule the question asks about in the
    documents' own words ("going back to the Philippines for 5 weeks, does the support stop?" → the one that
    says 해외체류 … 자격 중지), when exactly one says more of it than the others."""
    # whole words ("급여" alone says nothing), each everyday expression once: "짤림" said as 탈락 and 수급자격
    # is one thing said, as much as "알바" said as 근로
    rows = expansion_rows(question)
    if not rows:
        return None
    said = [max(sum(1 for row in rows if overlap(row, h)) for h in group) for group in groups]
    best = max(said, default=0)
    return groups[said.index(best)] if best and said.count(best) == 1 else None


def _named_group(
    question: str,
    groups: list[list[dict[str, Any]]],
    language: str = "ko",
    parted: list[list[dict[str, Any]]] | None = None,
) -> list[dict[str, Any]] | None:
    """Among the programs found, the one the question's everyday words (or the Korean names she writes in a
    question in another language) name most precisely ("cô giáo đến tận nhà dạy tiếng Hàn" names 다문화가족 방문교육 서비스 three ways,
    사회통합프로그램 once), when one does so at least twice and more than the others."""
    # her everyday words' Korean terms, and in a question in another language the Korean names she writes
    # ("Dịch vụ … (산모·신생아 건강관리)"); a Korean question's own words name topics, not programs
    written = written_korean(question) if language != "ko" else []
    # not a benefit she says she receives ("拿기초연금的 … 老人工作(노인일자리)怎么报名"): the other name is asked
    received = set(detect_programs(question)[1])
    written = [w for w in written if not (ids := set(detect_programs(w)[0])) or not ids <= received]
    # nor a scheme she says she has ("有건강보험，想做틀니"): the other name is asked
    written = [w for w in written if not _HELD_BEFORE.search(question[: question.find(w)])]
    # a name she copied is looked for among all found (and those of her further questions); words, the first;
    # never a program she says she receives ("우린 주거급여 받는 집인디 학비 도와주는거 뭐 있슈?")
    everyone, groups = [*groups, *(parted or [])], groups[:3]
    groups = [g for g in groups if str(g[0].get("program_id") or "") not in received]
    terms = {re.sub(r"\s+", "", t) for t in [*korean_terms(question), *written] if len(t) >= 3}
    # a topic whose words are a program's whole name ("장애등록" → 장애인 등록신청; "youth mental health …
    # voucher" → 청년마음건강지원사업(바우처)): that program, before others sharing words of it (정신건강복지센터)
    whole = [g for g in groups if re.sub(r"\s+", "", str(g[0].get("program") or "")) in terms]
    if len(whole) == 1:
        return whole[0]
    said = [sum(t in re.sub(r"\s+", "", str(g[0].get("program") or "")) for t in terms) for g in groups]
    best = max(said, default=0)
    if best >= 2 and said.count(best) == 1:
        return groups[said.index(best)]
    # then one of the project's own (2026) documents named whole but for what its brackets add ("학비" → 교육급여,
    # the name of "교육급여 (국민기초생활보장)")
    bare = [g for g in groups if g[0].get("kind") == "project" and _bare_name(g) in terms]
    if len(bare) == 1:
        return bare[0]
    # a name she copied into a question in another language ("装假牙(틀니)", "申请국민내일배움카드吗"): a word of
    # one program's name, or most of it
    for word in (w for w in written if w not in _GENERIC_WORDS):
        named = [g for g in everyone if _names(word, str(g[0].get("program") or ""))]
        if len(named) == 1:
            return named[0]
    if language == "ko":
        # a program's name written whole, or most of it, in what she asks ("장애인활동지원 이게 정확히 뭔지"):
        # that program; not one she tells she receives ("기초연금 받고잇서요. 노인일자리 … 어디가서 신청함?")
        asking = " ".join(p for p in question_parts(question) if part_asks(p, question))
        for said in re.findall(r"[가-힣]{4,}", asking):
            # the word, or it less a last letter or two ("활동지원사" of 장애인 활동지원: the helper, not the program)
            for word in (said[:cut] for cut in range(len(said), max(3, len(said) - 2), -1)):
                named = [g for g in groups if _most_of_name(word, str(g[0].get("program") or ""))]
                if len({_bare_name(g) for g in named}) == 1:
                    # one program, maybe spelt two ways ("희망저축계좌(I, II)", "(Ⅰ, Ⅱ)"): the one with most passages
                    return max(named, key=len)
    return None


#: Said just before a Korean name in another language, it is hers already: "有건강보험", "I have 의료급여",
#: "em có 건강보험".
_HELD_BEFORE = re.compile(
    r"(?:有|是|在领|领着|拿着|\b(?:i|we) (?:have|get|am on|are on)|\bcó|đang (?:nhận|có)|đã có)\s*$", re.I
)


def _bare_name(group: list[dict[str, Any]]) -> str:
    """A program's name without spaces and what is in brackets."""
    return re.sub(r"\s+|[(（][^)）]*[)）]", "", str(group[0].get("program") or ""))


def _most_of_name(word: str, program: str) -> bool:
    """Whether a word of four letters or more is most of a program's name, spaces and brackets aside, or of
    the other name in its brackets ("드림스타트" of "아동통합서비스 지원(드림스타트사업)")."""
    whole = re.sub(r"\s+|[(（][^)）]*[)）]", "", program)
    others = [re.sub(r"\s+", "", o) for o in re.findall(r"[(（]([^)）]*)[)）]", program)]
    return len(word) >= 4 and any(word in name and len(word) * 2 > len(name) for name in [whole, *others])


def _names(word: str, program: str) -> bool:
    """Whether a Korean word she wrote names `program`: one of its words ("틀니" of "노인 틀니 지원"), or four
    letters or more that are most of its name ("국민내일배움카드" of "국민내일배움카드제")."""
    return word in re.split(r"[\s·()（）,]+", program) or _most_of_name(word, program)


def render_line(key: str, language: str, **values: str) -> str:
    """A line of `prompts/replies.yaml` (the composer's own labels)."""
    table = load_yaml("replies.yaml")
    return str(table[key].get(language) or table[key]["en"]).format(**values)


def office_line(text: str, language: str) -> str | None:
    """The line naming her 행정복지센터 when she asks which one serves where she lives ("배곧 사는데 어느
    주민센터?"); None otherwise."""
    found = asked_offices(text)
    return (
        render_line("dong_offices", language, offices=", ".join(f"{o} 행정복지센터" for o in found))
        if found
        else None
    )


def document_answer(question: str, hits: list[dict[str, Any]], language: str = "ko") -> Answer:
    """The answer the passages found give to `question` (no lines when nothing was found).

    The subject is the first of the top programs whose title is about the question (else the first found);
    up to two others follow in one line each when their best passage holds some of what was asked. For a
    question in another language, see `_foreign_answer`.
    """
    hits, further = [h for h in hits if "part" not in h], [h for h in hits if "part" in h]
    groups = [g for g in group_hits(hits) if fits_group(question, g)]
    if not groups:
        return Answer()
    # a name she copied may be found only by the search of its own question ("… (틀니) …? … 독감 …"): it counts
    parted = [g for g in group_hits(further) if fits_group(question, g)]
    focal = (
        _named_group(question, groups, language, parted)
        or _rule_group(question, groups[:3])
        or next((g for g in groups[:3] if topical(question, g[0])), groups[0])
    )
    if language != "ko":
        return _foreign_answer(question, groups, focal, language, further)
    name = str(focal[0].get("program") or "")
    ranked = [(s, h) for s, h in rank(question, focal, [name]) if not is_contact(h)]
    if not ranked:
        ranked = [(0.0, focal[0])]
    top = ranked[0][0]
    # each further question of the message gets its best passage ("그게 뭐예요?? … 집으로 와주는거에요 아니면
    # 요양원 가야되는거에요"), then the whole question's next best
    chosen = [ranked[0][1]]
    parts = question_parts(question)
    for part in parts[:3] if len(parts) > 1 else []:
        answering = next((h for _, h in rank(part, focal, [name]) if not is_contact(h)), None)
        if answering is not None and all(answering is not c for c in chosen):
            chosen.append(answering)
    if any(aspect(p) == "what" for p in [question, *parts]):
        # what a program is: what it gives and whom it is for ("문화누리카드 이게 뭐꼬? 내도 받을수 있는긴지")
        who = next((h for _, h in ranked if is_section(h, "who")), None)
        chosen += [who] if who is not None and all(who is not c for c in chosen) else []
    gives = _what_it_gives(question, parts, chosen, [h for _, h in ranked])
    chosen += [gives] if gives is not None else []
    chosen += [h for s, h in ranked[1:] if s >= 0.5 * top and all(h is not c for c in chosen)]
    chosen = chosen[:MAX_PASSAGES]
    terms = focus_terms(question, [name])
    texts = [shorten_for(readable(str(h["text"])), terms) for h in chosen]
    lines = [f"{name}: {texts[0]}", *(f"- {t}" for t in texts[1:])]
    cited = list(chosen)
    # the words naming what she receives say who she is, not what she asks ("나 생계급여 받어"): a program
    # sharing only them is no answer (경기도 청년기본소득's "기초생활보장 수급자는 …" to a rice question)
    mentions = find_mentions(question)
    held_ids = {p for m in mentions if m.receiving for p in m.program_ids}
    aliases = [m.alias for m in mentions if set(m.program_ids) & held_ids]  # "수급자는 …" too
    held_words = [w for w in question.split() if any(a in w for a in aliases)]  # with their endings
    asked_terms = terms - _WHO_WORDS - bigrams(" ".join(held_words))
    for other in [
        g for g in groups[:3] if g is not focal and str(g[0].get("program_id") or "") not in held_ids
    ]:
        best = [(s, h) for s, h in rank(question, other, [str(other[0].get("program") or "")]) if s > 0]
        if best and (topical(question, other[0]) or overlap(asked_terms, best[0][1]) > 0):
            lines.append(f"- {other[0]['program']}: {shorten(readable(str(best[0][1]['text'])), 200)}")
            cited.append(best[0][1])
    for line, hit in further_answers(question, further, cited):
        lines.append(line)
        cited.append(hit)
    return Answer(lines, cited, booklet_year=_booklet_year(cited), contact=contact_of(focal))


def _what_it_gives(
    question: str, parts: list[str], chosen: list[dict[str, Any]], ranked: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """What the program gives, when the answer so far says only whom it is for and she did not ask who
    ("희망저축계좌 그냥 적금이여? 나라서 돈 보태준다는게 참말이요? 우린 주거급여 받고": the II 유형's 대상 row found by
    her 주거급여, then its 내용 row — 10만 원 matched for 3 years); the row of the same type first."""
    if any(aspect(p) == "who" for p in [question, *parts]):
        return None
    if not any(is_section(h, "who") and "대상" in str(h.get("section")) for h in chosen) or any(
        "내용" in str(h.get("section")) for h in chosen
    ):
        return None
    kinds = {_row_kind(str(h.get("text") or "")) for h in chosen} - {None}
    contents = [h for h in ranked if "내용" in str(h.get("section")) and all(h is not c for c in chosen)]
    return next((h for h in contents if _row_kind(str(h.get("text") or "")) in kinds), None) or next(
        iter(contents), None
    )


def _row_kind(text: str) -> str | None:
    """The first field of a booklet row ("II 유형" of "… 유형은(는) 'II 유형', …"), which names the row's kind."""
    match = _ROW_FIRST.search(text)
    return match.group(1) if match else None


_ROW_FIRST = re.compile(r"관련 정보: [^']{1,20}은\(는\) '([^']{1,30})'")


def further_answers(
    question: str, further: list[dict[str, Any]], cited: list[dict[str, Any]]
) -> list[tuple[str, dict[str, Any]]]:
    """For each further question of the message searched on its own, the passage of the program it found, when
    that program is about it and not already in the answer."""
    parts = question_parts(question)
    shown = {str(h.get("program")) for h in cited}
    found: list[tuple[str, dict[str, Any]]] = []
    for index in sorted({int(h["part"]) for h in further}):
        if index >= len(parts):
            continue
        groups = [
            g
            for g in group_hits([h for h in further if h["part"] == index])
            if fits_group(parts[index], g) and str(g[0].get("program")) not in shown  # not one answered
        ]
        # the program the part's own words name most precisely ("어르신을 위한 요금감면" over "요금감면"), else the first
        terms = korean_terms(parts[index])
        group = (
            max(
                groups[:2],
                key=lambda g: max((len(t) for t in terms if t in str(g[0].get("program") or "")), default=0),
            )
            if groups
            else []
        )
        if not group or not topical(parts[index], group[0]):
            continue
        name = str(group[0].get("program") or "")
        ranked = [h for _, h in rank(parts[index], group, [name]) if not is_contact(h)]
        if ranked:
            found.append((f"- {name}: {shorten(readable(str(ranked[0]['text'])), 240)}", ranked[0]))
            shown.add(name)
    return found
