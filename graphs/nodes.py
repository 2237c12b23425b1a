"""The nodes of one turn: guard → understand → plan → tools → respond."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from langchain_core.runnables import RunnableConfig

from graphs import responder
from graphs.answers.compose import referral_lines, topic_notes
from graphs.answers.focus import (
    asked_of,
    asks_a_rule,
    focus_terms,
    overlap,
    part_asks,
    question_parts,
    receiving_only,
    search_query,
)
from graphs.dialogue import ledger as lg
from graphs.dialogue.asking import asks_question, follows_up, is_remark, names_other_topic
from graphs.dialogue.danger import rule_danger_reply
from graphs.dialogue.handoff import PHONE_KINDS, answer_offer
from graphs.dialogue.policy import (
    assumed_facts,
    household_probe,
    income_kind_probe,
    nationality_probe,
    profile_complete,
    related_programs,
    situation_told,
)
from graphs.dialogue.proxy import as_applicant, asking_for
from graphs.dialogue.reading import read_message
from graphs.dialogue.turn import ASIDES, Before, decide
from graphs.flows import eligibility_turn, info_turn
from graphs.guards import guard_input, guard_reply
from graphs.llm import ChatBackend
from graphs.llm_turn import answer_with_tools, assist_understanding, phrase
from graphs.memory import to_household
from graphs.nlu import understand
from graphs.nlu.facts import states_income_kind, unlabelled_amounts
from graphs.nlu.intent import crisis_signals
from graphs.nlu.language import detect_language
from graphs.nlu.numbers import find_money
from graphs.nlu.programs import detect_programs
from graphs.plugin_hooks import plugin_actions, plugin_sections, with_sections
from graphs.referrals import crisis_kinds, crisis_lines
from graphs.slots import (
    question,
    yes_no,
)
from graphs.state import FLOW_INTENTS, FLOWS, HISTORY_TURNS, AgentState
from graphs.topical import topical
from tools.registry import ToolContext, ToolError, ToolRegistry

log = logging.getLogger(__name__)
PROGRAM_PASSAGES = 40
"""Passages of one named program the answer picks among: all of them for any of the catalogue's programs
(the 2026 notes and the 2024 booklet's), so a rule stated only in the booklet ("부양의무자 기준 미적용") is
found; the search ranks them, the answer chooses by what was asked."""
LLM_INTENTS = ("eligibility_check", "benefit_discovery", "program_info", "application_help")
"""Intents whose reply the model may phrase (canned replies, crisis and refusals never go to the model)."""
_THANKS = re.compile(r"고마|감사|thank|谢谢|多谢|cảm ơn", re.IGNORECASE)


def _per_turn_reset() -> dict[str, Any]:
    return {
        "pii": [],
        "refusal": None,
        "actions": [],
        "results": [],
        "card_lines": [],
        "hits": [],
        "catalogue": [],
        "plugin_results": [],
        "handoff": None,
        "handoff_contact": None,
        "follow_up": None,
        "citations": [],
        "mode": "deterministic",
        "crisis": False,
        "danger_reply": "none",
        "keep_pending": False,
        "asked_how": False,
        "asked_about": [],
        "usage": {"llm_calls": 0, "prompt_tokens": 0},
    }


def _part_searches(
    message: str, checked: Sequence[str] = (), named: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """One search for each further question of a message that asks two or three ("복지카드 있으면 지하철
    공짜임?? 그리고 … 주차 스티커 붙이려면 어디서 신청해"): the second may be about another program. With
    `checked` (the programs of her check, which no search answers), every question part that names none of
    them ("보육료 어떻게 받아요? 그리고 아동수당 우리애 받을수있나요"). With `named` (the programs the main search is
    restricted to), the first question too when it names none of them ("산후도우미 신청 언제까지 해야돼요? 그리구
    시흥시 출산지원금 둘째는 얼마에요")."""
    parts = question_parts(message)[:3]
    if len(parts) < 2:
        return []

    def asked(part: str) -> bool:
        # a part she ended with a question mark is a question ("산후도우미 신청 언제까지 해야돼요?"); an amount
        # told without one is her answer ("통장엔 팔십만원 있나"), not a question about a 통장
        if find_money(part) and not part_asks(part, message):
            return False
        return asks_question(part) or part_asks(part, message)

    def names_none(part: str, programs: Sequence[str]) -> bool:
        return not set(detect_programs(part)[0]) & set(programs)

    # "… 열키로에 얼마여? 나 생계급여 받어": a further part that only tells what she receives is who she is, not a
    # question
    if checked:
        searched = [
            i
            for i, part in enumerate(parts)
            if asked(part) and names_none(part, checked) and not receiving_only(part)
        ]
    else:
        # the first question too: with programs named, when it names none of them; without, always (the whole
        # message's search may be about what a later question names: "手机话费能减免吗？还有…문화누리카드…")
        first = asked(parts[0]) and (names_none(parts[0], named) if named else True)
        searched = [
            *([0] if first else []),
            *(i for i in range(1, len(parts)) if not receiving_only(parts[i])),
        ]
    return [
        {
            "tool": "search_documents",
            "args": {"query": search_query(parts[i]), "k": 2, "max_per_program": 10},
            "part": i,
        }
        for i in searched
    ]


def _program_search(message: str, program: str, *, also: bool) -> dict[str, Any]:
    """A search within one program's passages. The message's first program is searched with the whole message;
    `also` another she names, with what she asks of it ("부모급여 얼마? … 아동수당 멈추나?"), its hits added to
    the message's."""
    return {
        "tool": "search_documents",
        "args": {
            "query": search_query(asked_of(message, program)) if also else message,
            "k": 1,
            "program_id": program,
            "max_per_program": PROGRAM_PASSAGES,
        },
        **({"also": True} if also else {}),
    }


SAYS_MUCH = 4
"""Word pairs of the question a passage must hold to answer it though its program's title does not name what
was asked ("경복궁이랑 국립박물관 입장료" in 어르신을 위한 요금감면's "고궁, 능원, 국·공립박물관 무료입장")."""


def _on_topic(state: AgentState) -> bool:
    """Whether the best passage found for an out-of-scope message is about what it asks: its program's title
    names it, or the passage itself says much of it."""
    hits = list(state.get("hits") or [])
    if not hits:
        return False
    message = state.get("message", "")
    named = str(hits[0].get("program") or "")
    return topical(message, hits[0]) or overlap(focus_terms(message, [named]), hits[0]) >= SAYS_MUCH


def _crisis_lines(state: AgentState, language: str) -> list[str]:
    """The crisis reply's opening and the help lines that fit the danger."""
    events = list((state.get("facts") or {}).get("crisis") or [])
    kinds = crisis_kinds(list(state.get("crisis_kinds") or []), state.get("message", ""), events)
    fitting = next((f"crisis_intro_{k}" for k in kinds if responder.has_template(f"crisis_intro_{k}")), None)
    return [
        responder.render(fitting or "crisis_intro", language),
        *(f"- {line}" for line in crisis_lines(kinds, language)),
    ]


def _steer_back(update: dict[str, Any], state: AgentState, language: str) -> None:
    """After an aside answered while her check waits (`keep_pending`), the question still open, asked again."""
    pending = list(state.get("pending") or [])
    if not (state.get("keep_pending") and pending):
        return
    text = " ".join(question(slot, language, applicant=state.get("applicant")) for slot in pending)
    update["reply"] += "\n" + text
    update["pending"] = pending
    update["follow_up"] = {"slot": pending[0], "question": text}


def _offer_of_person(language: str) -> dict[str, Any]:
    """The open offer that closes a reply to danger: a welfare officer takes the conversation over on a yes."""
    return {
        "crisis_offered": True,
        "offer": "handoff",
        "follow_up": {"slot": "handoff", "question": responder.render("handoff_offer_question", language)},
    }


@dataclass
class Nodes:
    """The node functions, closed over their dependencies."""

    tools: ToolRegistry
    llm: ChatBackend | None = None
    """The model that phrases replies; None runs deterministic replies only."""

    # guard -----------------------------------------------------------------------------------------
    async def guard(self, state: AgentState) -> dict[str, Any]:
        """Redaction and screening (unless the caller did them), crisis rules, and the language of the turn."""
        message = state.get("message", "")
        if state.get("guarded"):
            pii, refusal = list(state.get("pii") or []), state.get("refusal")
        else:
            guarded = guard_input(message)
            message = guarded.text
            pii = list(guarded.pii_kinds)
            refusal = None if guarded.allowed else guarded.screening.category
        update = _per_turn_reset()
        update.update({"pii": pii, "refusal": refusal, "guarded": False})
        language = state.get("locale") or detect_language(message, default=state.get("language", "ko"))  # type: ignore[arg-type]
        signals = crisis_signals(message)
        update.update(
            {
                "message": message,
                "language": language,
                "turn": state.get("turn", 0) + 1,
                "crisis": bool(signals),
                "crisis_kinds": signals,
                "danger_reply": rule_danger_reply(message, signals, list(state.get("pending") or [])),
                "intent": "crisis" if signals else "",
            }
        )
        return update

    @staticmethod
    def after_guard(state: AgentState) -> str:
        """Crisis and refused messages skip straight to the reply."""
        if state.get("refusal") or state.get("danger_reply") == "crisis_reply":
            return "respond"
        return "understand"

    # understand ------------------------------------------------------------------------------------
    async def understand(self, state: AgentState) -> dict[str, Any]:
        """Intent, programs and facts; answers to the pending question keep the flow's intent."""
        message = state["message"]
        u = understand(message)
        usage = {"llm_calls": 0, "prompt_tokens": 0}
        # The model assists, it does not route: it may only choose among the intents the classifier ranks
        # high, and a message the classifier placed out of scope stays there (searched, answered only from
        # the documents), so no unsure message becomes one the model phrases on its own say.
        if self.llm is not None and u.needs_llm and not state.get("pending") and u.intent != "out_of_scope":
            allowed: list[str] = list(u.candidates or [u.intent])
            assisted = await assist_understanding(
                self.llm, message=message, intents=allowed, pending_question=None
            )
            usage["llm_calls"] += 1
            if assisted is not None:
                u = u.model_copy(update={"intent": assisted.intent, "confidence": 0.8})
        facts = dict(state.get("facts") or {})
        pending = list(state.get("pending") or [])
        programs = list(state.get("programs") or [])
        ledger: lg.Ledger = dict(state.get("ledger") or {})
        turn = int(state.get("turn") or 0)
        update: dict[str, Any] = {"confidence": u.confidence, "usage": usage, "applicant_told": False}

        offer = state.get("offer")
        if offer in ("handoff", "handoff_phone"):
            answered = answer_offer(
                "handoff_phone" if offer == "handoff_phone" else "handoff",
                message,
                pii=list(state.get("pii") or []),
                yes=yes_no(message),
                aside=u.intent in ASIDES and not u.programs and not u.facts,
                # (a question about a program moves on too: "Is there emergency living support?" after the
                # crisis lines asks for 긴급복지, whatever the classifier guessed)
                moves_on=bool(u.programs) and (u.intent in FLOW_INTENTS or asks_question(message)),
            )
            if answered is not None:
                limited = answered.step == "handoff" and state.get("handoff_allowed") is False
                update.update(
                    {
                        "offer": None,
                        "intent": "handoff_limited" if limited else answered.step,
                        "pending": [],
                        "handoff_contact": answered.contact,
                    }
                )
                return update
        told = asking_for(message, u.facts, u.programs)
        applicant = state.get("applicant") or told
        # said once, when she first asks for someone else (not again at "엄마 78세고 혼자 사세요")
        update["applicant_told"] = told is not None and state.get("applicant") != told
        if applicant and not state.get("applicant"):
            # asking for a parent shows only now: what was said of her before is the applicant's too
            facts = as_applicant(facts, applicant, "", told_before=True)
        update["applicant"] = applicant
        reading = read_message(message, u, pending, ledger, facts, applicant)
        if reading.programs_named_as_facts:
            u = u.model_copy(update={"programs": []})
        facts = reading.facts
        ledger = lg.record(ledger, reading.answered, "answered", turn)
        ledger = lg.record(ledger, [s for s in reading.filled if s not in reading.answered], "said", turn)
        ledger = lg.record(ledger, reading.refused, "refused", turn)
        if {"income", "income_kind"} & set(reading.filled):
            # "我每月一百九十万，老公二百八十万，婆婆基础年金…": a pension named beside wages left unnamed
            update["income_kind_unsaid"] = "income_kind" not in reading.filled and (
                not states_income_kind(message) or unlabelled_amounts(message) > 0
            )
        before = Before(
            flow=state.get("flow"),
            pending=pending,
            # The check's programs: an aside about another program ("그런데 아동수당은 얼마예요?") leaves them be.
            goal=list(state.get("goal") or []) if "goal" in state else programs,
            programs=programs,
            danger=state.get("danger_reply") or "none",
            danger_kinds=list(state.get("crisis_kinds") or []),
        )
        decision = decide(u, reading, message, before)
        if decision.keep_pending:
            # An aside answered while a question stays open ("… chủ không chịu làm 산재, phải làm sao?"): the
            # people and amounts it tells are of that other matter, not of the household being checked.
            facts = dict(state.get("facts") or {})
            ledger = dict(state.get("ledger") or {})
        if decision.new_topic and not decision.keep_pending:
            update["pending"] = []
        update.update(
            {
                # a request for a person is confirmed (and how to reach her chosen) before a case opens
                "intent": "handoff_request" if decision.intent == "handoff" else decision.intent,
                "flow": decision.flow,
                "programs": decision.programs,
                "goal": decision.goal,
                "keep_pending": decision.keep_pending,
                "asked_about": decision.asked_about,
                "asked_how": decision.asked_how,
                "danger_reply": decision.danger,
                "crisis": decision.crisis,
                "crisis_kinds": decision.danger_kinds,
                "facts": facts,
                "ledger": ledger,
                "known": lg.known(ledger),
                "declined": lg.refused(ledger),
            }
        )
        return update

    # plan ------------------------------------------------------------------------------------------
    async def plan(self, state: AgentState) -> dict[str, Any]:
        """Which tools to call for this intent (deterministic routing)."""
        intent = state["intent"]
        programs = state.get("programs") or []
        facts = state.get("facts") or {}
        actions: list[dict[str, Any]] = []
        ledger: lg.Ledger = dict(state.get("ledger") or {})
        assumed = assumed_facts(list(programs), facts, ledger) if intent == "eligibility_check" else {}
        household = to_household({**facts, **assumed}).model_dump(mode="json", exclude_none=True)
        if intent == "handoff":
            actions.append(
                {
                    "tool": "create_handoff",
                    "args": {
                        "reason": "crisis"
                        if state.get("crisis") or state.get("crisis_offered")
                        else "requested",
                        "summary": _summary(state),
                        "facts": household if facts else {},  # the contract's household, validated
                        "programs": programs,
                        "contact": state.get("handoff_contact") or "chat",
                        "transcript": _transcript(state),
                    },
                }
            )
        elif intent == "eligibility_check" or (
            intent == "benefit_discovery" and (profile_complete(ledger) or situation_told(facts))
        ):
            scope = (
                list(dict.fromkeys([*programs, *related_programs(programs, facts)]))
                if intent == "eligibility_check"
                else None
            )
            actions.append({"tool": "check_eligibility", "args": {"household": household, "programs": scope}})
            actions.append(
                {
                    "tool": "program_catalogue",
                    "args": {"programs": scope},
                }  # related ones named in her language
            )
            if intent == "eligibility_check":
                # a further question of the message may be about something else ("보육료 어떻게 받아요? 그리고
                # 아동수당 우리애 받을수있나요"): searched on its own, answered before her check
                actions += _part_searches(state.get("message", ""), checked=programs)
            named, _ = detect_programs(state.get("message", ""))
            if named and set(named) <= set(programs) and asks_a_rule(state.get("message", "")):
                # a rule question about a program she names: its passages (each program's, when she names two),
                # to answer it before her check
                actions += [
                    _program_search(state["message"], program, also=bool(number))
                    for number, program in enumerate(named[:2])
                ]
            probes = {
                "nationality": nationality_probe(state.get("language", "ko"), {**facts, **assumed}, ledger),
                "income_kind": income_kind_probe({**facts, **assumed}, bool(state.get("income_kind_unsaid"))),
                "household": household_probe({**facts, **assumed}, ledger),
            }
            for fact, probe in probes.items():
                if probe is not None:
                    probed = to_household(probe).model_dump(mode="json", exclude_none=True)
                    actions.append(
                        {
                            "tool": "check_eligibility",
                            "args": {"household": probed, "programs": scope},
                            "probe": fact,
                        }
                    )
        elif intent in ("program_info", "application_help"):
            if programs and names_other_topic(state.get("message", "")):
                programs = []  # "치매안심센터는 뭐하는 데예요?" while talking of 노인맞춤돌봄: the new topic is searched
            if programs:
                actions.append({"tool": "program_catalogue", "args": {"programs": programs}})
            query = search_query(state["message"])
            # Every passage of the program asked about (or of the programs found): the answer picks among them.
            args: dict[str, Any] = {
                "query": query,
                "k": 1 if programs else 3,
                "max_per_program": PROGRAM_PASSAGES if programs else 10,
            }
            if programs:
                args["program_id"] = programs[0]
            elif state.get("topic") and follows_up(state["message"]):
                # "어디서 신청해요?" after an answer about a booklet program: that program's passages
                args.update({"program_id": state["topic"], "k": 1, "max_per_program": PROGRAM_PASSAGES})
            actions.append({"tool": "search_documents", "args": args})
            # each other program she names, its own passages for what she asks of it ("부모급여 얼마? … 아동수당
            # 정지돼?")
            actions += [_program_search(state["message"], other, also=True) for other in programs[1:3]]
            # each further question searched on its own: it may be about another program (with a program
            # named, the main search is that program's, so the first question too when it names none)
            actions += _part_searches(state["message"], named=programs)
        elif intent == "out_of_scope" and not state.get("refusal"):
            # A question the classifier did not place may still be in the booklet ("치매검사 돈 들어요?").
            actions.append(
                {
                    "tool": "search_documents",
                    "args": {"query": search_query(state["message"]), "k": 3, "max_per_program": 10},
                }
            )
            actions += _part_searches(state["message"])
        # plugin tools (issue 8): routed by intent through their `from_turn`, never by editing this graph
        actions.extend(plugin_actions(self.tools, state, actions))
        turn = int(state.get("turn") or 0)
        if assumed:
            return {"actions": actions, "ledger": lg.record(ledger, lg.slots_of(assumed), "assumed", turn)}
        stale = [slot for slot, entry in ledger.items() if entry.get("status") == "assumed"]
        if (
            stale and intent == "eligibility_check"
        ):  # no longer assumed (she turned out to be 65): ask instead
            return {"actions": actions, "ledger": {k: v for k, v in ledger.items() if k not in stale}}
        return {"actions": actions}

    # tools -----------------------------------------------------------------------------------------
    async def run_tools(self, state: AgentState) -> dict[str, Any]:
        """Call the planned tools through the registry (audience enforced there)."""
        context = ToolContext(
            audience="officer" if state.get("audience") == "officer" else "citizen",
            session_id=state.get("session_id"),
            language=state.get("language", "ko"),
        )
        update: dict[str, Any] = {"probes": {}}
        plugin_results: list[dict[str, Any]] = []
        for action in state.get("actions") or []:
            if action.get("plugin"):  # a plugin's failure (or bad arguments) costs its section, not the turn
                try:
                    outcome = await self.tools.call(action["tool"], action["args"], context)
                except ToolError:
                    log.warning("plugin tool call refused", extra={"tool": action["tool"]}, exc_info=True)
                    continue
                if outcome.ok:
                    plugin_results.append({"tool": action["tool"], "result": outcome.as_json()})
                continue
            outcome = await self.tools.call(action["tool"], action["args"], context)
            if not outcome.ok:
                continue
            data = outcome.as_json()
            if action.get("probe"):
                update["probes"][action["probe"]] = data
            elif action["tool"] == "check_eligibility":
                update["results"] = data
            elif action["tool"] == "search_documents" and "part" in action:
                # a further question's own search ("… 주차 스티커 붙이려면 어디서 신청해"): its hits, marked
                seen = {h.get("passage_id") for h in update.get("hits") or []}
                extra = [{**h, "part": action["part"]} for h in data if h.get("passage_id") not in seen]
                update["hits"] = [*(update.get("hits") or []), *extra]
            elif action["tool"] == "search_documents" and action.get("also"):
                # another program's own passages ("부모급여 얼마? … 아동수당 멈추나?"): added to the message's
                seen = {h.get("passage_id") for h in update.get("hits") or []}
                update["hits"] = [
                    *(update.get("hits") or []),
                    *(h for h in data if h.get("passage_id") not in seen),
                ]
            elif action["tool"] == "search_documents":
                # the message's own search; a further question's hits found before it stay
                update["hits"] = [*data, *(h for h in update.get("hits") or [] if "part" in h)]
            elif action["tool"] == "program_catalogue":
                update["catalogue"] = data
            elif action["tool"] == "create_handoff":
                update["handoff"] = data
                update["handoff_id"] = data["id"]
        update["plugin_results"] = plugin_results
        return update

    # respond ---------------------------------------------------------------------------------------
    async def respond(self, state: AgentState, config: RunnableConfig) -> dict[str, Any]:
        """The deterministic reply, the next question, and the trimmed history."""
        language = state.get("language", "ko")
        intent = state.get("intent") or "smalltalk"
        update: dict[str, Any] = {"pending": [], "offer": None, "crisis_offered": False}
        danger = state.get("danger_reply") or "none"
        if danger == "lines_then_answer" and intent in FLOWS:
            update.update(eligibility_turn(state, language, discovery=intent == "benefit_discovery"))
            update["reply"] = "\n".join([*_crisis_lines(state, language), update["reply"]])
            if "emergency_welfare" in (state.get("programs") or []):
                update["reply"] += "\n" + responder.render("urgent_help", language)
            update["crisis_offered"] = True  # a case she asks for now is a crisis case
        elif danger == "lines_then_answer" and intent in ("program_info", "application_help"):
            update.update(info_turn(state, language, application=intent == "application_help"))
            update["reply"] = "\n".join(
                [*_crisis_lines(state, language), update["reply"], responder.render("crisis_offer", language)]
            )
            update.update(_offer_of_person(language))
        elif danger in ("crisis_reply", "lines_then_answer"):
            update["intent"] = "crisis"
            update["reply"] = "\n".join(
                [*_crisis_lines(state, language), responder.render("crisis_offer", language)]
            )
            update.update(_offer_of_person(language))
        elif state.get("refusal"):
            update["intent"] = "out_of_scope"
            update["reply"] = guard_reply(state["refusal"], language)  # type: ignore[arg-type]
            update["pending"] = list(state.get("pending") or [])  # the open question stays open
        elif intent in HANDOFF_STEPS:
            update.update(_handoff_reply(state, intent, language))

        elif intent == "handoff_unclear":
            update["intent"] = "smalltalk"
            update["reply"] = responder.render("handoff_offer_again", language)
            update.update(_offer_of_person(language))
            update["crisis_offered"] = bool(state.get("crisis_offered"))
        elif intent == "handoff_declined":
            update["intent"] = state.get("flow") or "smalltalk"
            update["reply"] = responder.render("handoff_declined", language)
        elif (
            intent in ASIDES
            and state.get("keep_pending")
            and state.get("pending")
            and is_remark(state.get("message", ""))
            and not referral_lines(state.get("message", ""), language, "")
        ):
            # A remark while a question is open ("Bố không biết dùng điện thoại nên em hỏi giúp"): noted, and
            # the question asked again; not a search for the words of the remark.
            pending = list(state.get("pending") or [])
            text = " ".join(question(slot, language, applicant=state.get("applicant")) for slot in pending)
            update.update(
                reply=responder.render("noted", language) + "\n" + text,
                pending=pending,
                follow_up={"slot": pending[0], "question": text},
            )
        elif intent == "out_of_scope" and _on_topic(state):
            # The booklet answers it: the passages found, cited, instead of "I cannot answer that".
            update["intent"] = "program_info"
            update.update(info_turn({**state, "programs": []}, language, application=False))
        elif intent in ("smalltalk", "out_of_scope"):
            key = "thanks" if intent == "smalltalk" and _THANKS.search(state.get("message", "")) else intent
            update["reply"] = responder.render(key, language)
            referral = referral_lines(state.get("message", ""), language, update["reply"])
            if intent == "out_of_scope" and topic_notes(state.get("message", ""), language, answering=True):
                update["reply"] = "\n".join(referral)  # what to do first, then who: no apology before it
            elif intent == "out_of_scope" and referral:  # not ours to answer, but we know who can
                update["reply"] += "\n" + "\n".join(referral)
            _steer_back(update, state, language)
        elif intent in ("eligibility_check", "benefit_discovery"):
            update.update(eligibility_turn(state, language, discovery=intent == "benefit_discovery"))
            applicant = state.get("applicant")
            if applicant and state.get("applicant_told"):
                note = "proxy_note" if applicant == "parent" else f"proxy_note_{applicant}"
                update["reply"] = responder.render(note, language) + "\n" + update["reply"]
            if danger == "urgent_help" or "emergency_welfare" in (state.get("programs") or []):
                # 긴급복지 helps first and checks later: where to ask for it today, whatever the check says
                update["reply"] += "\n" + responder.render("urgent_help", language)
        else:
            update.update(info_turn(state, language, application=intent == "application_help"))
            if not update.get("pending"):
                # "À còn 부모급여 nữa, em chưa đăng ký" while her check waits for an answer: how to apply, then
                # the question still open
                _steer_back(update, state, language)
        sections = plugin_sections(self.tools, state, language)  # plugin tools' `render` (issue 8)
        if sections:
            update["reply"] = with_sections(
                update["reply"], sections, language, lead=not state.get("programs")
            )
        usage = dict(state.get("usage") or {"llm_calls": 0, "prompt_tokens": 0})
        if (
            self.llm is not None
            and intent in LLM_INTENTS
            and not state.get("crisis")
            and not state.get("refusal")
        ):
            sink = (config.get("configurable") or {}).get("on_token")
            if intent in ("program_info", "application_help") and not state.get("programs"):
                # An open question: the model may call the tools this audience may use, in bounded rounds.
                context = ToolContext(
                    audience="officer" if state.get("audience") == "officer" else "citizen",
                    session_id=state.get("session_id"),
                    language=language,
                )
                phrased = await answer_with_tools(
                    self.llm,
                    self.tools,
                    context,
                    language=language,
                    message=state.get("message", ""),
                    hits=list(state.get("hits") or []),
                    history=list(state.get("history") or []),
                    deterministic_reply=update["reply"],
                    on_token=sink,
                )
            else:
                phrased = await phrase(
                    self.llm,
                    language=language,
                    message=state.get("message", ""),
                    results=update.get("results", state.get("results") or []),
                    hits=list(state.get("hits") or []),
                    pending_question=(update.get("follow_up") or {}).get("question"),
                    question_slot=(update.get("follow_up") or {}).get("slot"),
                    history=list(state.get("history") or []),
                    deterministic_reply=update["reply"],
                    on_token=sink,
                )
            usage["llm_calls"] += phrased.calls
            usage["prompt_tokens"] += phrased.prompt_tokens
            if phrased.text is not None:
                update["reply"], update["mode"] = phrased.text, "llm"
        update["usage"] = usage
        if state.get("pii") and not _number_for_case(state):
            # personal data was removed before anything stored it: say so, kindly
            update["reply"] = guard_reply("pii_notice", language) + "\n" + update["reply"]
        history = list(state.get("history") or [])
        history += [
            {"role": "citizen", "text": state.get("message", "")},
            {"role": "agent", "text": update["reply"]},
        ]
        update["history"] = history[-2 * HISTORY_TURNS :]
        return update


LANGUAGE_NAMES_KO = {"ko": "한국어", "en": "영어", "zh": "중국어", "vi": "베트남어"}
HANDOFF_STEPS = ("handoff", "handoff_request", "handoff_ask_phone", "handoff_limited")


def _handoff_reply(state: AgentState, step: str, language: str) -> dict[str, Any]:
    """The reply of a step of the handoff: confirm and choose how, the number, the case opened (or not)."""
    update: dict[str, Any] = {"intent": "handoff"}
    if step in ("handoff_request", "handoff_ask_phone"):
        key = "handoff_confirm" if step == "handoff_request" else "handoff_ask_phone"
        update["reply"] = responder.render(key, language)
        update["offer"] = "handoff" if step == "handoff_request" else "handoff_phone"
        update["follow_up"] = {"slot": "handoff", "question": update["reply"].splitlines()[0]}
        update["crisis_offered"] = bool(state.get("crisis_offered"))  # a crisis case stays one
        return update
    case = state.get("handoff")
    if step == "handoff_limited":
        update["reply"] = responder.render("handoff_limited", language)
    elif case:
        contact = case.get("contact") or "chat"
        update["reply"] = responder.render(f"handoff_created_{contact}", language, case_id=case["id"])
    else:  # the case could not be recorded (database down): say so, and where to turn now
        update["reply"] = responder.render("handoff_failed", language)
    return update


def _number_for_case(state: AgentState) -> bool:
    """The only personal data removed is the call-back number she gave for her case (its reply says where it
    is kept, so the general notice would only confuse)."""
    kinds = set(state.get("pii") or [])
    return state.get("intent") in ("handoff", "handoff_ask_phone") and bool(kinds) and kinds <= PHONE_KINDS


def _transcript(state: AgentState) -> list[dict[str, str]]:
    """The conversation the officer reads: the kept turns and this message, all redacted already."""
    turns = [
        {"from": "citizen" if h["role"] == "citizen" else "agent", "text": h["text"]}
        for h in state.get("history") or []
    ]
    return [*turns, {"from": "citizen", "text": state.get("message", "")}]


def _summary(state: AgentState) -> str:
    """A short case summary for the officer: the language and her last messages (the programs she asked about
    and the facts collected travel beside it in the case)."""
    said = [h["text"] for h in (state.get("history") or []) if h["role"] == "citizen"][-4:]
    said.append(state.get("message", ""))
    language = LANGUAGE_NAMES_KO.get(state.get("language", "ko"), state.get("language", "ko"))
    return f"상담 언어: {language}\n최근 말씀:\n" + "\n".join(f"- {t}" for t in said if t)
