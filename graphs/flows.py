"""The replies of the eligibility, discovery and information flows, with the next question to ask."""

from __future__ import annotations

import json
from typing import Any

from graphs import responder
from graphs.answers.compose import excerpt, referral_lines, render_line
from graphs.answers.focus import (
    asked_of,
    asks_where_to_apply_at_all,
    aspect,
    focused_passages,
    question_parts,
    rule_passages,
)
from graphs.dialogue import ledger as lg
from graphs.dialogue.asking import ASKS, WANTS, asks_question
from graphs.dialogue.policy import (
    CHILD_ASKS,
    PROFILE_SLOTS,
    closed_for_now,
    missing_profile,
    next_questions,
    profile_complete,
    related_question,
    situational,
    undecided_facts,
)
from graphs.slots import question, undecidable_label
from graphs.state import AgentState

TRAIT_FACTS = {
    "disability",
    "single_parent",
    "crisis",
    "child_age",
    "months_old",
    "school",
    "birth_date",
    "employed",
    "region",
}
"""Circumstances a citizen mentions when they apply to her; discovery does not ask about each of them. (How
long she has lived in 경기도 or 시흥 is not one: it is asked once her age or her baby makes a program fit.)"""
CHILD_CRITERIA = {"child_age", "newborn", "child", "student"}
"""Criteria about children, which fail on a household whose composition the citizen has not told yet."""
DISCOVERY_SHOWN = 6


def eligibility_turn(state: AgentState, language: str, *, discovery: bool) -> dict[str, Any]:
    """The reply of an eligibility check or a discovery: statuses first, then the next one or two questions.

    What to ask comes from the engine's results (`policy.next_questions`): only facts that can still change
    an undecided status of the programs shown, never one she refused or that is settled."""
    catalogue = {p["id"]: p for p in state.get("catalogue") or []}
    ledger: lg.Ledger = dict(state.get("ledger") or {})
    turn = int(state.get("turn") or 0)
    known = lg.known(ledger)
    results = list(state.get("results") or [])
    also: list[dict[str, Any]] = []
    maybe: list[dict[str, Any]] = []
    if not discovery:
        # Related programs were checked with hers (`policy.related_programs`): named only when likely.
        goal = set(state.get("programs") or [])
        also = [r for r in results if r["program_id"] not in goal and r["status"] == "eligible"]
        maybe = [r for r in results if r["program_id"] not in goal and r["status"] == "unknown"]
        results = [r for r in results if r["program_id"] in goal]
    if discovery and not profile_complete(ledger):
        return situation_turn(
            results, catalogue, language, ledger, turn, state.get("facts") or {}, state.get("message", "")
        )
    probes = dict(state.get("probes") or {})
    if not {"household", "child_age"} & set(known):
        results = [reopen_children(r) for r in results]
        probes = {fact: [reopen_children(r) for r in alternative] for fact, alternative in probes.items()}
    if lg.status(ledger, "receiving") == "said" and (state.get("facts") or {}).get("receiving"):
        results = [reopen_receipts(r) for r in results]
    if "income_kind" in probes:
        # "월 182" read as other income: a status the 30% deduction on earnings would change is not decided yet
        results = reopen_on_probe(results, probes["income_kind"], "income_kind")
    if "household" in probes:
        # an untold household was taken as hers alone: a status more people would change is not decided yet
        results = reopen_on_probe(results, probes["household"], "household")
    shown = results
    if discovery:
        # "Likely to fit": eligible, or undecided on a fact the profile asks about — not programs that
        # hinge only on a circumstance the citizen has not mentioned (a disability, a child, a crisis).
        unmentioned = TRAIT_FACTS - mentioned_traits(state.get("facts") or {})
        fitting = [
            r
            for r in results
            if r["status"] == "eligible" or (r["status"] == "unknown" and not set(r["missing"]) & unmentioned)
        ]
        mentioned = TRAIT_FACTS - unmentioned
        # Eligible first, then those that hinge on what she told (her baby, her disability), then the rest.
        shown = sorted(fitting, key=lambda r: (r["status"] != "eligible", not set(r["missing"]) & mentioned))[
            :DISCOVERY_SHOWN
        ]
    missing = undecided_facts(shown, ledger, probes, state.get("facts") or {})
    slots = next_questions(shown, ledger, probes, state.get("facts") or {})
    related_asked: list[str] = []
    if not discovery and not slots:
        # hers are decided: one question whose answer alone decides a related program (`policy.related_question`)
        slots, related_asked = related_question(maybe, ledger, state.get("facts") or {})
    ledger = lg.count_asks(
        ledger, slots[:1], turn
    )  # a second question asked alongside is a bonus, not an ask
    applicant = state.get("applicant")
    text_question = " ".join(question(s, language, state.get("facts"), applicant) for s in slots) or None
    if text_question and related_asked:
        names = ", ".join(
            responder.program_name(catalogue.get(r["program_id"], r), language)
            for r in maybe
            if r["program_id"] in related_asked
        )
        key = "related_ask_child" if slots[0] in CHILD_ASKS else "related_ask"
        text_question = f"{responder.render(key, language, programs=names)} {text_question}"
    if (
        text_question
        and slots[0] in (state.get("pending") or [])
        and lg.asks(ledger, slots[0]) > 1
        and not lg.told_at(ledger, turn)
        and not asks_question(state.get("message", ""))  # she asked something: answered, then asked again
    ):
        # Asked again because her reply did not answer it (nor told anything else): say so, rather than
        # repeat the question bare.
        text_question = f"{responder.render('ask_again', language)} {text_question}"
    undecidable = [label for m in missing if m not in slots and (label := undecidable_label(m, language))]
    intro = None
    described: list[dict[str, Any]] = []  # programs whose summary the reply gives: cited as such
    if state.get("asked_about") and not discovery:
        asked = set(state.get("asked_about") or [])
        described = [r for r in shown if r["program_id"] in catalogue and r["program_id"] in asked]
        # She asked what the program is or how it works, with her own facts: the answer first, then hers.
        intro = (
            "\n".join(
                responder.program_summary(catalogue[r["program_id"]], language)
                # asked before the verdict: where to apply or ask, in case she stops here (the full result
                # block says it once nothing is asked)
                + (
                    f"\n{contact}"
                    if text_question
                    and (contact := responder.contact_line(catalogue[r["program_id"]], language))
                    else ""
                )
                for r in described
            )
            or None
        )
    if state.get("asked_about") and not discovery:
        # the line for what she tells beside her check ("회사 잘리고 …": 실업급여 at the 고용센터 1350)
        referral = referral_lines(state.get("message", ""), language, intro or "", covered=asked)
        intro = "\n".join(x for x in (intro, *referral) if x) or None
    # a statement of wanting to apply ("… 일 못해요. 생계급여 신청하고 싶어요") asks no rule
    wants_only = bool(WANTS.search(state.get("message", ""))) and not asks_question(state.get("message", ""))
    rule = None if discovery or wants_only else rule_passage(state, list(catalogue.values()), language)
    if rule is not None:  # she asked how a rule works: that answer first, then her check
        intro = "\n".join(x for x in (rule[0], intro) if x)
    further, further_cited = (
        ([], [])
        if discovery
        else responder.other_part_lines(
            state.get("message", ""), list(state.get("hits") or []), list(catalogue.values()), language
        )
    )
    if further:  # "보육료 어떻게 받아요? 그리고 아동수당 …": the other question answered before her check
        intro = "\n".join(x for x in (intro, *further) if x)
    if discovery:
        intro = responder.render("discovery_intro" if shown else "discovery_none", language)
        if not slots:
            text_question = None
            extra = responder.render("discovery_more", language)
    refused = [d for d in lg.refused(ledger) if d in missing]
    verdicts = {r["program_id"]: verdict_of(r) for r in shown}
    if not discovery and not slots and not intro and not also and verdicts == state.get("verdicts"):
        # A remark after the verdict that changes nothing ("자식은 없어요"): said so in one line, then the
        # statuses again in short — the cards keep the details.
        lines = [responder.render("verdict_unchanged", language)]
        statuses = [
            responder.result_block(r, catalogue.get(r["program_id"], {}), language, full=False)[0]
            for r in shown
        ]
        lines += statuses
        facts_line = responder.facts_summary(state.get("facts") or {}, known, language)
        lines += [facts_line] if facts_line else []  # what was used: she sees what was not read
        lines.append(responder.render("final_note", language))
        return {
            "reply": "\n".join(lines),
            "card_lines": statuses,
            "pending": [],
            "ledger": ledger,
            "results": results,
            "verdicts": verdicts,
        }
    reply = (
        responder.eligibility_reply(
            shown,
            catalogue,
            language,
            question=(
                # programs listed before she has told all: where the decision is made, in case she stops here
                f"{responder.render('final_note', language)}\n{text_question}"
                if discovery and shown and text_question
                else text_question
            ),
            declined=refused,
            undecidable=undecidable,
            intro=intro,
            facts_line=responder.facts_summary(state.get("facts") or {}, known, language),
            how=bool(state.get("asked_how")),
            applicant=applicant,
        )
        if shown or not discovery
        else "\n".join([intro or "", text_question or responder.render("final_note", language)])
    )
    if discovery and not slots:
        reply = f"{reply}\n{extra}"
    if also:
        names = ", ".join(
            responder.program_name({**r, **catalogue.get(r["program_id"], {})}, language) for r in also
        )
        head, _, last = reply.rpartition("\n")  # before the question or the closing note, which end the reply
        also_line = responder.render("also_likely", language, programs=names)
        reply = f"{head}\n{also_line}\n{last}" if head else f"{also_line}\n{last}"
    expecting = any(m.get("pregnant") for m in (state.get("facts") or {}).get("members") or [])
    if expecting and any(r["program_id"] in BIRTH_PROGRAMS and r["status"] == "ineligible" for r in shown):
        reply = f"{reply}\n{responder.render('after_birth_apply', language)}"  # not yet, rather than not
    assumed = [s for s in ledger if lg.status(ledger, s) == "assumed"]
    if "receiving" in assumed and any(r["status"] != "unknown" or slots for r in shown):
        reply = f"{reply}\n{responder.render_for('assumed_not_receiving', language, applicant)}"
    update: dict[str, Any] = {
        "reply": reply,
        "card_lines": responder.result_lines(
            shown,
            catalogue,
            language,
            # she asked where or how to apply: the page keeps those lines in the text, not only on the cards
            full=text_question is None and not state.get("asked_how"),
            applicant=applicant,
        )
        if shown or not discovery
        else [],
        "pending": slots,
        "verdicts": {} if slots else verdicts,
        "ledger": ledger,
        "results": shown if discovery else [*results, *also],
        "citations": [
            c.model_dump()
            for c in [
                *(responder.program_citation(catalogue[r["program_id"]], language) for r in described),
                *responder.citations(
                    shown, [*([rule[1]] if rule else []), *further_cited], catalogue, language
                ),
            ]
        ],
    }
    if slots:
        update["follow_up"] = {"slot": slots[0], "question": text_question}
    return update


def verdict_of(result: dict[str, Any]) -> str:
    """What a reply says of one result (status, amount, each criterion's outcome), to tell when a remark
    changed nothing."""
    said = {k: result.get(k) for k in ("status", "amount_krw", "criteria", "after", "window_closed")}
    return json.dumps(said, sort_keys=True, ensure_ascii=False, default=str)


SITUATION_SHOWN = 3


BIRTH_PROGRAMS = ("first_meeting_voucher", "parent_benefit", "siheung_birth_support")
"""What a birth brings: named to an expectant mother, for after the birth (not checked before it)."""


def _passed(result: dict[str, Any], criterion: str) -> bool:
    return any(c["name"] == criterion and c["passed"] is True for c in result["criteria"])


def situation_turn(
    results: list[dict[str, Any]],
    catalogue: dict[str, dict[str, Any]],
    language: str,
    ledger: lg.Ledger,
    turn: int,
    facts: dict[str, Any],
    message: str = "",
) -> dict[str, Any]:
    """A situation told before the profile ("아기 두 달 됐고 남편이랑 셋이 살아요", "이혼하고 애 혼자 키워요"): the
    programs made for it — those her facts already decide as likely said so, with the amount; the others with
    what each is — then the profile questions that look for more. Later turns of the profile confirm what she
    said and keep the likely programs on the cards."""
    asked = any(lg.asks(ledger, slot) for slot in PROFILE_SLOTS)
    update = ask(language, missing_profile(ledger)[:2], ledger, turn)
    fitting = [r for r in situational(results) if r["program_id"] in catalogue]
    # a crisis she lives through first ("남편이 갑자기 돌아가셨어요 … 뭐부터"): the help made for it leads
    fitting = sorted(fitting, key=lambda r: not _passed(r, "crisis"))[:SITUATION_SHOWN]
    likely = [r for r in fitting if r["status"] == "eligible"]
    undecided = [r for r in fitting if r["status"] != "eligible"]
    expecting = any(m.get("pregnant") for m in facts.get("members") or [])
    births = [catalogue[p] for p in BIRTH_PROGRAMS if expecting and p in catalogue]
    lines: list[str] = []
    blocks: list[str] = []  # the result lines the page shows as cards (`ChatTurn.brief`)
    if asked:
        facts_line = responder.facts_summary(facts, lg.known(ledger), language)
        lines += [facts_line] if facts_line else []
    if likely:
        # also on later turns: a reply read as text (the API, a screen reader) must say what her answers
        # already decide, not only "let me look further"; the page shows these lines as cards
        lines.append(responder.render("situation_likely", language))
        for r in likely:
            blocks += responder.result_block(r, catalogue[r["program_id"]], language, full=False)
        lines += blocks
    if not asked and births:
        # what the birth she expects brings first ("다음달 출산인데 받을수 있는거"), then what else fits
        lines.append(responder.render("after_birth", language))
        lines += [f"- {responder.program_summary(p, language)}" for p in births]
    if not asked and undecided:
        lines.append(responder.render("situation_intro", language))
        for r in undecided:
            # what it pays a household of her size, when the rules say ("4인 가구 … 월 1,994,600원")
            amount = responder.amount_line(r, language) if lg.settled(ledger, "household") else None
            summary = responder.program_summary(catalogue[r["program_id"]], language)
            lines.append(f"- {summary}" + (f"\n  {amount}" if amount else ""))
    if not asked:
        lines += [
            responder.render(
                "status_window_closed",
                language,
                program=responder.program_name(catalogue[r["program_id"]], language),
            )
            for r in closed_for_now(results)
            if r["program_id"] in catalogue
        ]
    if not asked and (likely or undecided or births):
        # whom to ask about what she tells ("권고사직 당하고 3개월째": 실업급여 at the 고용센터 1350): the
        # programs' summaries above do not give their contacts
        lines += referral_lines(message, language, "\n".join(lines))
        lines.append(responder.render("final_note", language))
    if likely and update["pending"]:
        lines.append(responder.render("discovery_look_further", language))
    update["reply"] = "\n".join([*lines, update["reply"]])
    update["card_lines"] = blocks
    update["results"] = likely if asked else fitting
    update["citations"] = [
        c.model_dump() for c in responder.citations(update["results"], [], catalogue, language)
    ]
    return update


def rule_passage(
    state: AgentState, catalogue: list[dict[str, Any]], language: str
) -> tuple[str, dict[str, Any]] | None:
    """The lines answering what her message asks about the programs she names beyond whether she can get
    them ("자식이 돈 잘벌면 기초연금 못받어?" → 부양의무자 기준 미적용; two programs, two answers), and the
    first passage they quote; None when no passage does."""
    answers = [a for a in (_rule_answer(state, program, language) for program in catalogue) if a is not None]
    if not answers:
        return None
    return "\n".join(line for line, _ in answers[:2]), answers[0][1]


def _rule_answer(
    state: AgentState, program: dict[str, Any], language: str
) -> tuple[str, dict[str, Any]] | None:
    """One program's answer to what her message asks of it, and the passage it quotes."""
    hits = [h for h in state.get("hits") or [] if "part" not in h]  # not a further question's own search
    own = [h for h in hits if h.get("program_id") == program["id"] and h.get("lang") in ("ko", language)]
    name = responder.program_name(program, language)
    limits = responder.limit_lines(program, state.get("message", ""), language)
    if limits and program["id"] in (state.get("programs") or []):
        # "혼자 살면 소득 얼마 이하여야돼요": the rules data's figures, not a passage of another year
        first = next(x for x in program["limits"] if x["label"] in limits[1])
        cited = {
            "program": name,
            "title": f"{name} — {first['label']}",
            "source": first["reference"],
            "year": first["year"],
            "text": " ".join(line.strip() for line in limits[1:]),
            "url": program.get("official_url"),
        }
        # the message's other question ("… 그리고 집주인이 친정엄마인데 그래도 받을수있나요"): its passage too
        later = " ".join(question_parts(state.get("message", ""))[1:])
        more = focused_passages(later, own, [str(program.get("name_ko") or ""), name]) if later else []
        lines = [f"{name}:", *limits, *(f"{name}: {excerpt(later, h, [name])}" for h in more[:1])]
        return "\n".join(lines), cited
    names = [str(program.get("name_ko") or ""), name]
    found = rule_passages(asked_of(state.get("message", ""), program["id"]), own, names, language)
    if found:
        hit = found[0]
        line = "\n".join(
            _passage_line(state.get("message", ""), h, found, name, names, language) for h in found
        )
        if program.get("contact"):  # where to confirm a rule: the program's own contact
            contact = str(responder.localized(program, "contact", language))
            line += "\n" + responder.render("contact", language, text=contact)
        years = [int(h["year"]) for h in found if h.get("kind") == "booklet" and h.get("year")]
        if years:  # the booklet's rule may have changed since: say its year and where to confirm
            line += "\n" + responder.render("booklet_confirm", language, year=str(min(years)))
        return line, hit
    return None


def _passage_line(
    message: str, hit: dict[str, Any], found: list[dict[str, Any]], name: str, names: list[str], language: str
) -> str:
    """One quoted passage; the Korean document beside her language's is labelled as the original to show at the
    office, not said twice as if new."""
    text = excerpt(message, hit, names)
    translated = any(h.get("kind") == "project" and h.get("lang") == language for h in found)
    if language != "ko" and translated and hit.get("kind") == "project" and hit.get("lang") == "ko":
        return render_line("korean_original", language, program=name, text=text)
    return f"{name}: {text}"


def mentioned_traits(facts: dict[str, Any]) -> set[str]:
    """The trait facts her household has brought up (a child brings the child facts, and so on)."""
    members = facts.get("members") or []
    traits: set[str] = set()
    if any(m.get("relation") in ("child", "grandchild") for m in members):
        traits |= {"child_age", "months_old", "birth_date", "school"}
    if any(m.get("disability") in ("mild", "severe") for m in members):
        traits.add("disability")
    if facts.get("crisis"):
        traits.add("crisis")
    if facts.get("single_parent"):
        traits.add("single_parent")
    return traits


def ask(language: str, slots: list[str], ledger: lg.Ledger, turn: int) -> dict[str, Any]:
    """Ask for `slots` (counting each ask in the ledger)."""
    text = " ".join(question(s, language) for s in slots)
    reply = text or responder.render("which_program", language)
    update: dict[str, Any] = {
        "reply": reply,
        "pending": slots,
        "ledger": lg.count_asks(ledger, slots[:1], turn),
    }
    if slots:
        update["follow_up"] = {"slot": slots[0], "question": text}
    return update


def info_turn(state: AgentState, language: str, *, application: bool) -> dict[str, Any]:
    """What a program is, or where and how to apply, from the catalogue and the passages found."""
    catalogue = list(state.get("catalogue") or [])
    hits = list(state.get("hits") or [])
    message = state.get("message", "")
    if (
        application
        and not state.get("programs")
        and not state.get("topic")
        and asks_where_to_apply_at_all(message)
    ):
        return {"reply": responder.render("apply_general", language)}
    if not catalogue and not hits and not state.get("programs"):
        if aspect(message) == "any" and not ASKS.search(message):
            return {"reply": responder.render("which_program", language)}
        # A question nothing was found for: say so, and name where to ask (the topic's line, else 129).
        lines = [responder.render("no_results", language)]
        lines += referral_lines(message, language, lines[0])
        return {"reply": "\n".join(lines)}
    reply, cited = responder.info_reply(catalogue, hits, language, application=application, question=message)
    by_id = {p["id"]: p for p in catalogue}
    update: dict[str, Any] = {
        "reply": reply,
        "citations": [c.model_dump() for c in responder.citations([], cited or hits, by_id, language)],
    }
    if not catalogue and cited:  # a booklet program: what a follow-up with no topic of its own is about
        update["topic"] = str(cited[0].get("program_id") or cited[0].get("program") or "") or None
    return update


def reopen(result: dict[str, Any], names: set[str], slot: str) -> dict[str, Any]:
    """An ineligible result that failed only on criteria `names` becomes undecided on `slot`."""
    failed = [c for c in result["criteria"] if c["passed"] is False]
    if result["status"] != "ineligible" or not failed or any(c["name"] not in names for c in failed):
        return result
    criteria = [
        {**c, "passed": None} if c["name"] in names and c["passed"] is False else c
        for c in result["criteria"]
    ]
    return {**result, "status": "unknown", "criteria": criteria, "missing": [*result["missing"], slot]}


def reopen_on_probe(
    results: list[dict[str, Any]], alternative: list[dict[str, Any]], fact: str
) -> list[dict[str, Any]]:
    """Results whose status the probed fact would change become undecided on that fact."""
    other = {r["program_id"]: r for r in alternative}
    reopened = []
    for result in results:
        twin = other.get(result["program_id"])
        if twin is None or twin["status"] == result["status"]:
            reopened.append(result)
            continue
        # the criteria the fact decides are open, not failed or met
        decided = {c["name"]: c["passed"] for c in twin.get("criteria") or []}
        criteria = [
            {**c, "passed": None} if decided.get(c["name"], c["passed"]) != c["passed"] else c
            for c in result.get("criteria") or []
        ]
        missing = [*result.get("missing", []), fact]
        reopened.append({**result, "status": "unknown", "missing": missing, "criteria": criteria})
    return reopened


def reopen_children(result: dict[str, Any]) -> dict[str, Any]:
    """Before the citizen has said who lives with her, "no child in the household" is not known: undecided."""
    return reopen(result, CHILD_CRITERIA, "child_age")


RECEIPT_CRITERIA = {"recipient_status", "low_income_status"}
"""Criteria met by receiving another benefit (노인맞춤돌봄 needs 기초연금 or 수급, 장애수당 수급 or 차상위)."""


def reopen_receipts(result: dict[str, Any]) -> dict[str, Any]:
    """A benefit named in passing ("노인맞춤돌봄 받고 계신데") does not say she receives no other: a criterion
    that needs another benefit is undecided, not failed, until she is asked."""
    return reopen(result, RECEIPT_CRITERIA, "receiving")
