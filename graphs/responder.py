"""The deterministic responder: replies from the templates in `prompts/`, conclusion first.

It is the embedded default on a fresh machine and the fallback when the model server fails, so it must be
good on its own: the status per program with the deciding facts, the amount and its year, how to apply,
what to bring, whom to call, and citations.
"""

from __future__ import annotations

import re
import string
from typing import Any

from graphs.answers.compose import (
    document_answer,
    excerpt,
    foreign_summary,
    further_answers,
    office_line,
    referral_lines,
    shorten,
    summary_line,
    topic_notes,
)
from graphs.answers.focus import asked_of, asks_what_or_how_much, is_contact, lists_documents, rule_passages
from graphs.answers.limits import asks_deduction, asks_limit
from graphs.answers.readable import readable
from graphs.state import Citation
from prompts import label, load_yaml

MAX_REASONS = 3


class TemplateError(KeyError):
    """A reply template is missing or needs a value that was not given (a bug: fail loudly)."""


def render(key: str, language: str, **values: Any) -> str:
    """The template `key` of `prompts/replies.yaml` in `language`, filled with `values`."""
    table = load_yaml("replies.yaml")
    if key not in table:
        raise TemplateError(f"prompts/replies.yaml has no '{key}'")
    text = str(table[key].get(language) or table[key]["ko"])
    needed = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    if needed - values.keys():
        raise TemplateError(f"replies.yaml '{key}' needs {sorted(needed - values.keys())}")
    return text.format(**values)


def render_for(key: str, language: str, applicant: str | None, **values: Any) -> str:
    """`render`, with the variant said of her parent or spouse (`key_parent`, `key_spouse`) when she asks for
    them and the template has one."""
    return render(
        f"{key}_{applicant}" if applicant and has_template(f"{key}_{applicant}") else key, language, **values
    )


def has_template(key: str) -> bool:
    """Whether `prompts/replies.yaml` has the template `key`."""
    return key in load_yaml("replies.yaml")


def money(amount: int, language: str) -> str:
    """349,700원 / 349,700 won / 349,700韩元."""
    return {"ko": f"{amount:,}원", "zh": f"{amount:,}韩元"}.get(language, f"{amount:,} won")


_KOREAN_FIELDS = {"summary": "summary_ko", "how_to_apply": "how_to_apply", "documents": "documents"}
_ENGLISH_FIELDS = {"summary": "summary_en", "how_to_apply": "how_to_apply_en"}


def localized(program: dict[str, Any], field: str, language: str) -> Any:
    """A catalogue field (summary, how_to_apply, documents, contact) for a reader of `language`: her
    language's translation where the data files have one, else English, else the Korean."""
    korean = program.get(_KOREAN_FIELDS.get(field, field))
    if language == "ko":
        return korean
    translations = program.get("translations") or {}
    for source in (language, "en"):
        value = (translations.get(source) or {}).get(field)
        if value:
            return value
        if source == "en" and program.get(_ENGLISH_FIELDS.get(field, "")):
            return program[_ENGLISH_FIELDS[field]]
    return korean


def program_name(result_or_program: dict[str, Any], language: str) -> str:
    """The program's name for `language`, with the Korean official name once in brackets so she can say it
    at the 행정복지센터 (zh/vi without a translated name: the English one beside the Korean)."""
    ko = str(result_or_program.get("program_name") or result_or_program.get("name_ko"))
    en = str(result_or_program.get("program_name_en") or result_or_program.get("name_en"))
    if language == "ko":
        return ko
    if language == "en":
        return f"{en} ({ko})"
    own = ((result_or_program.get("translations") or {}).get(language) or {}).get("name")
    if own:
        return f"{own}（{ko}）" if language == "zh" else f"{own} ({ko})"
    return f"{ko} ({en})"


def _reasons(result: dict[str, Any], language: str) -> str:
    decided = [c for c in result["criteria"] if c["passed"] is not None]
    failed = [c for c in decided if c["passed"] is False]
    shown = (failed or decided)[:MAX_REASONS]
    if language == "ko":
        return "; ".join(c["detail"] for c in shown)
    names = load_yaml("criteria.yaml")
    parts = []
    for c in shown:
        entry = names.get(c["name"], {})
        parts.append(f"{entry.get(language) or entry.get('en') or c['name']} {'✔' if c['passed'] else '✘'}")
    return ", ".join(parts)


#: The line an undecided income test is measured against, as the engine states it: "…; 기준: 기준 중위소득 48%
#: (2026년 2인 2,015,660원) 이하".
_LIMIT = re.compile(
    r"^(?P<what>\S+) 확인 필요 .*; 기준: (?P<rule>.*\((?P<year>\d{4})년 (?P<n>\d+)인 (?P<amount>[\d,]+)원\).*)$"
)


def _pending_limits(result: dict[str, Any], language: str) -> list[str]:
    """For an undecided status, the income line it will be measured against ("판단 기준: 소득인정액 기준 중위소득
    48% (2026년 2인 2,015,660원) 이하"): she sees how near she is before telling the rest."""
    lines = []
    for criterion in result.get("criteria") or []:
        found = _LIMIT.match(str(criterion.get("detail") or "")) if criterion.get("passed") is None else None
        if found is None:
            continue
        if language == "ko":
            lines.append(render("limit", language, text=f"{found['what']} {found['rule']}"))
        else:
            amount = money(int(found["amount"].replace(",", "")), language)
            lines.append(
                render(
                    "limit",
                    language,
                    text=render("limit_figure", language, amount=amount, n=found["n"], year=found["year"]),
                )
            )
    return lines[:1]


def local_view(result: dict[str, Any], program: dict[str, Any], language: str) -> dict[str, Any]:
    """What the page shows a reader of `language` on a result's card, in her language: the program's name
    (the Korean one in brackets), each criterion's name, how to apply, the documents and the contact. The
    result itself keeps the Korean (the official text the 행정복지센터 reads)."""
    merged = {**program, **result, "translations": program.get("translations")}
    return {
        "name": program_name(merged, language),
        "criteria": [_criterion_name(c["name"], language) for c in result.get("criteria") or []],
        "how_to_apply": how_to_apply_text({**program, "how_to_apply": result.get("how_to_apply")}, language),
        "documents": list(localized(merged, "documents", language) or []),
        "contact": localized(merged, "contact", language),
    }


def how_to_apply_text(program: dict[str, Any], language: str) -> str:
    """Where and how to apply, in `language` (without a translation: a short line, then the Korean text)."""
    korean = str(program.get("how_to_apply", "")).strip()
    text = str(localized(program, "how_to_apply", language) or "").strip()
    if language == "ko" or (text and text != korean):
        return text
    return f"{render('apply_generic', language)} {korean}"


def contact_line(program: dict[str, Any], language: str) -> str | None:
    """The program's contact line ("문의: 보건복지상담센터 129 · …"), or None when the catalogue has none."""
    contact = localized(program, "contact", language)
    return render("contact", language, text=contact) if contact else None


def _how_to_apply(program: dict[str, Any], result: dict[str, Any], language: str) -> str:
    return how_to_apply_text({"how_to_apply": result.get("how_to_apply"), **program}, language)


def _criterion_name(name: str, language: str) -> str:
    entry = load_yaml("criteria.yaml").get(name, {})
    return str(entry.get(language) or entry.get("ko") or name)


def amount_line(result: dict[str, Any], language: str) -> str | None:
    """The estimated amount of a result for the household told ("예상 금액: 월 1,994,600원 (2026년 기준, 추정)"),
    when the rules give one."""
    if result.get("amount_krw") is None or not result.get("amount_period"):
        return None
    period = label("labels", result["amount_period"], language)
    year = str(result["rules_version"])[:4]
    return render("amount", language, amount=money(result["amount_krw"], language), period=period, year=year)


def result_block(
    result: dict[str, Any],
    program: dict[str, Any],
    language: str,
    *,
    full: bool,
    how: bool = False,
    applicant: str | None = None,
) -> list[str]:
    """The lines about one program's result: status, amount, reasons (and how to apply when `full`, or when
    she asked how to apply: `how`); said of her parent or spouse when she asks for them (`applicant`)."""
    name = program_name({**result, "translations": program.get("translations")}, language)
    status = "window_closed" if result.get("window_closed") else result["status"]
    lines = [render_for(f"status_{status}", language, applicant, program=name)]
    amount = amount_line(result, language)
    if amount is not None:
        lines.append("  " + amount)
    reasons = _reasons(result, language)
    if reasons:
        lines.append("  " + render("because", language, reasons=reasons))
    if result["status"] == "unknown":
        # With a question still open, what no question can settle (the rules for foreign nationals) is named
        # here; once nothing is asked, the closing lines explain it.
        names = (
            load_yaml("facts.yaml") if full else {**load_yaml("undecidable.yaml"), **load_yaml("facts.yaml")}
        )
        needed = [
            str(names[m].get(language) or names[m]["ko"]) for m in result.get("missing", []) if m in names
        ]
        if needed:
            lines.append("  " + render("needs", language, items=", ".join(needed)))
        lines += ["  " + line for line in _pending_limits(result, language)]
    if (full or how) and (result["status"] != "ineligible" or result.get("window_closed")):
        # a closed application window: where and how to apply next time
        lines.append("  " + render("how_to_apply", language, text=_how_to_apply(program, result, language)))
        documents = localized({**program, **result}, "documents", language)
        if documents:
            lines.append("  " + render("documents", language, items=", ".join(documents)))
        contact = localized({**program, **result}, "contact", language)
        if contact:
            lines.append("  " + render("contact", language, text=contact))
    return lines


def facts_summary(facts: dict[str, Any], known: list[str], language: str) -> str | None:
    """One line confirming the facts the decision used (so a citizen sees a correction was taken)."""
    items: list[str] = []
    members = facts.get("members") or []
    if "household" in known and members:
        items.append(label("labels", "people", language).format(n=len(members)))
    me = next((m for m in members if m.get("relation") == "self"), None)
    if me and me.get("age") is not None:
        items.append(label("labels", "age_years", language).format(n=me["age"]))
    spouse = next((m for m in members if m.get("relation") == "spouse"), None)
    if spouse is not None and spouse.get("age") is not None:
        items.append(label("labels", "spouse_age", language).format(n=spouse["age"]))
    elif spouse is not None and "household" not in known:
        # a couple decides the 부부 thresholds: before the household is told, she sees the spouse was counted
        items.append(label("labels", "spouse", language))
    income = facts.get("income") or {}
    if income.get("earned_krw") is not None or income.get("other_krw") is not None:
        total = int(income.get("earned_krw") or 0) + int(income.get("other_krw") or 0)
        items.append(label("labels", "monthly_income", language).format(amount=money(total, language)))
        others = sum(
            int(m.get("earned_krw") or 0) + int(m.get("other_krw") or 0)
            for m in members
            if m.get("relation") not in ("self", "spouse")
        )
        if others:  # her own wage, asking for her son: counted for the household, not for 장애인연금
            items.append(label("labels", "others_income", language).format(amount=money(others, language)))
    assets = facts.get("assets") or {}
    if assets:
        total = int(assets.get("property_krw") or 0) + int(assets.get("financial_krw") or 0)
        items.append(label("labels", "assets_total", language).format(amount=money(total, language)))
    run, whole = facts.get("gyeonggi_residence_years"), facts.get("gyeonggi_total_residence_years")
    if run is not None:  # "在安山住了9年 … 两年前搬回始兴": she sees the years the history gave
        key = "gyeonggi_years_total" if whole is not None and whole != run else "gyeonggi_years"
        items.append(label("labels", key, language).format(run=_years(run), total=_years(whole or run)))
    return render("facts_used", language, items=" · ".join(items)) if items else None


def _years(value: float) -> str:
    """Years as said: 2, not 2.0; 1.5 stays."""
    return f"{value:g}"


def result_lines(
    results: list[dict[str, Any]],
    catalogue: dict[str, dict[str, Any]],
    language: str,
    *,
    full: bool,
    how: bool = False,
    applicant: str | None = None,
) -> list[str]:
    """Every program's result block (`result_block`), in order: what a page shows as cards instead."""
    return [
        line
        for result in results
        for line in result_block(
            result, catalogue.get(result["program_id"], {}), language, full=full, how=how, applicant=applicant
        )
    ]


def without_lines(reply: str, shown: list[str]) -> str:
    """`reply` without the lines of `shown` (the result blocks a page shows as cards): the rest of it, the
    intro, what was used, the question or the closing note, in order."""
    drop = {line for block in shown for line in block.split("\n")}
    return "\n".join(line for line in reply.split("\n") if line not in drop)


def eligibility_reply(
    results: list[dict[str, Any]],
    catalogue: dict[str, dict[str, Any]],
    language: str,
    *,
    question: str | None,
    declined: list[str],
    undecidable: list[str],
    intro: str | None = None,
    facts_line: str | None = None,
    how: bool = False,
    applicant: str | None = None,
) -> str:
    """Statuses first, then (when nothing is asked, or she asked how: `how`) how to apply; then the question
    or the closing note."""
    full = question is None
    lines: list[str] = [intro] if intro else []
    lines += result_lines(results, catalogue, language, full=full, how=how, applicant=applicant)
    if facts_line:
        lines.append(facts_line)
    unconfirmed = sorted(
        {u for r in results if r["status"] != "ineligible" for u in r.get("unconfirmed", [])}
    )
    if full and unconfirmed:
        lines.append(render("unconfirmed", language, items="; ".join(unconfirmed[:3])))
    if full and undecidable:
        lines.append(render("undecidable", language, items="; ".join(undecidable)))
    if full and declined:
        names = load_yaml("facts.yaml")
        said = [str(names[d].get(language) or names[d]["ko"]) if d in names else d for d in declined]
        lines.append(render("declined", language, items=", ".join(said)))
    lines.append(question if question else render("final_note", language))
    return "\n".join(lines)


def program_summary(program: dict[str, Any], language: str) -> str:
    """The program's name and what it is, in one short paragraph."""
    summary = str(localized(program, "summary", language)).strip()
    return f"{render('info_intro', language, program=program_name(program, language))} {summary}"


def limit_lines(program: dict[str, Any], question: str, language: str) -> list[str]:
    """The program's income and asset limits in force today (the catalogue's `limits`, from the rules data),
    when the question asks for them; the labels in Korean as officially written, introduced in her language."""
    wanted = "deduction" if asks_deduction(question) else "limit"
    limits = [x for x in program.get("limits") or [] if x.get("kind", "limit") == wanted]
    if not limits or not asks_limit(question):
        return []
    lines = [render(f"{wanted}s_intro", language, year=limits[0]["year"])]
    for limit in limits:
        unconfirmed = f" ({label('labels', 'unconfirmed', language)})" if limit["unconfirmed"] else ""
        lines.append(f"  {limit['label']}: {limit['figures']} ({limit['reference']}){unconfirmed}")
    return lines


def info_reply(
    programs: list[dict[str, Any]],
    hits: list[dict[str, Any]],
    language: str,
    *,
    application: bool,
    question: str = "",
) -> tuple[str, list[dict[str, Any]]]:
    """The answer to an open question and the passages it cites.

    About named programs: the passage that answers a rule question first (when one does), then what the
    program is, how to apply, the documents and whom to call. With no program named: the passages found,
    composed by `graphs.answers.compose`. Either way the specialist line for the topic closes it.
    """
    lines: list[str] = []
    cited: list[dict[str, Any]] = []
    contact: str | None = None
    for program in programs:
        name = program_name(program, language)
        own = [h for h in hits if h.get("program_id") == program["id"] and h.get("lang") in ("ko", language)]
        names = [str(program.get("name_ko") or ""), name]
        asked = asked_of(
            question, program["id"]
        )  # "부모급여 얼마? … 아동수당 정지돼?": each its own question
        rules = rule_passages(asked, own, names, language)
        if program.get("documents"):
            rules = [r for r in rules if not lists_documents(r)]  # the card below lists them
        limits = limit_lines(program, question, language)
        if limits:  # "소득 기준 얼마예요?": the rules data's own figures, not a passage of another year
            lines += [f"{name}:", *limits]
        for number, rule in enumerate([] if limits else rules):
            text = excerpt(asked, rule, names)
            # the Korean original after her language's answer is what to show at the office, not a new answer
            original = number and language != "ko" and rule.get("lang") == "ko"
            lines.append(render("korean_original", language, text=text) if original else f"{name}: {text}")
            cited.append(rule)
        if application and not asks_what_or_how_much(question):
            lines.append(render("info_intro", language, program=name))
        else:  # "부모급여 얼마예요? 그리고 언제까지 신청해요?": the amount too, not only how to apply
            lines.append(program_summary(program, language))
        lines.append(render("how_to_apply", language, text=how_to_apply_text(program, language)))
        if program.get("documents"):
            lines.append(
                render("documents", language, items=", ".join(localized(program, "documents", language)))
            )
        contact = str(localized(program, "contact", language))
        lines.append(render("contact", language, text=contact))
    if programs:
        further, found = other_part_lines(question, hits, programs, language, cited)
        lines += further
        cited += found
    if not programs:
        answer = document_answer(question, hits, language)
        if not answer.lines:
            # nothing found in the documents: a topic whose note answers it still does ("cong ty bao tu lo tien
            # benh vien … bao hiem tai nan lao dong": she may apply for 산재 herself), with its lines
            notes = topic_notes(question, language, answering=True)
            if not notes:
                return render("no_results", language), []
            return "\n".join([*notes, *referral_lines(question, language, "\n".join(notes))]), []
        if language != "ko":
            lines.append(render("search_intro", language))
        lines += answer.lines
        cited = answer.cited
        contact = answer.contact
        if contact:
            lines.append(render("contact", language, text=contact))
        if answer.booklet_year:
            lines.append(render("booklet_confirm", language, year=answer.booklet_year))
    about = " ".join([question, *(str(h.get("program") or "") for h in cited[:1])])
    # A topic whose note answers the question ("chủ không chịu làm 산재": she may apply herself) leads, unless
    # she asked about a program ("아버지 대신 기초연금 신청 … 거동이 불편 … 뭐 챙겨가요?": its documents first; the
    # note closes the reply with the referrals). So does her own 행정복지센터 when she asks which serves where she
    # lives ("배곧 사는데 어느 주민센터?").
    office = office_line(question, language)
    leading = [] if programs else topic_notes(question, language, answering=True)
    lines = [*([office] if office else []), *leading, *lines]
    lines += referral_lines(about, language, "\n".join(lines))
    if (
        programs or not contact
    ):  # the 행정복지센터 decides the 19 programs; a booklet answer ends with its contact
        lines.append(render("final_note", language))
    return "\n".join(lines), cited


def other_part_lines(
    question: str,
    hits: list[dict[str, Any]],
    programs: list[dict[str, Any]],
    language: str,
    cited: list[dict[str, Any]] | None = None,
) -> tuple[list[str], list[dict[str, Any]]]:
    """For a further question of the message about something other than the named `programs` ("기초연금 …
    깎는겨. 그라고 … 핸드폰 요금도 깎아준다던디 그건 얼마여", "보육료 어떻게 받아요? 그리고 아동수당 …"): the passage
    its own search found (hits tagged "part"), and the hits cited. In another language, the program's summary
    in hers (when the booklet has one) and its Korean passage to show at the office."""
    named = [str(p.get("name_ko") or "") for p in programs]
    others = [
        h
        for h in hits
        if "part" in h
        and h.get("program_id") not in {p.get("id") for p in programs}
        and not any(n and n in str(h.get("program") or "") for n in named)
    ]
    found = further_answers(question, others, list(cited or []))
    if language == "ko":
        return [line for line, _ in found], [hit for _, hit in found]
    lines: list[str] = []
    quoted: list[dict[str, Any]] = []
    for line, hit in found:
        group = [h for h in others if h.get("program") == hit.get("program")]
        summary = foreign_summary(group, language)
        if summary is not None:
            lines.append(f"- {summary_line(summary, 200)}")
            quoted.append(summary)
        # the Korean passage to show at the office (the part's best one may be her language's summary)
        korean = hit if hit.get("lang", "ko") == "ko" else _korean_passage(group)
        if korean is None:
            continue
        quote = line.split(": ", 1)[-1] if korean is hit else shorten(readable(str(korean["text"])), 240)
        lines.append(render("korean_original", language, text=quote))
        quoted.append(korean)
    return lines, quoted


def _korean_passage(group: list[dict[str, Any]]) -> dict[str, Any] | None:
    """A program's first Korean passage found that is not its contact."""
    return next((h for h in group if h.get("lang", "ko") == "ko" and not is_contact(h)), None)


def program_citation(program: dict[str, Any], language: str) -> Citation:
    """The catalogue entry a program's summary comes from."""
    summary = str(localized(program, "summary", language)).strip()
    return Citation(
        title=program_name(program, language),
        source=str(program.get("legal_basis") or program.get("agency") or "catalogue"),
        url=program.get("official_url"),
        snippet=summary[:200],
    )


def citations(
    results: list[dict[str, Any]],
    hits: list[dict[str, Any]],
    catalogue: dict[str, dict[str, Any]],
    language: str = "ko",
) -> list[Citation]:
    """The rules and documents a reply relies on, without duplicates."""
    seen: set[tuple[str, str]] = set()
    out: list[Citation] = []
    for result in results:
        if result["status"] == "ineligible":
            continue
        program = catalogue.get(result["program_id"], {})
        name = program_name({**result, "translations": program.get("translations")}, language)
        for criterion in result["criteria"]:
            key = (result["program_id"], criterion["source"])
            if criterion["passed"] is None or key in seen:
                continue
            seen.add(key)
            out.append(
                Citation(
                    title=f"{name} — {_criterion_name(criterion['name'], language)}",
                    source=criterion["source"],
                    url=program.get("official_url"),
                    snippet=criterion["detail"],
                )
            )
    for hit in hits[:3]:
        key = (str(hit.get("program")), str(hit.get("title")))
        if key in seen:
            continue
        seen.add(key)
        source = f"{hit.get('source')} ({hit.get('year')})" if hit.get("year") else str(hit.get("source"))
        out.append(
            Citation(
                title=str(hit.get("title")),
                source=source,
                url=hit.get("url"),
                snippet=str(hit.get("text"))[:200],
            )
        )
    return out
