"""Prompt files render into messages, fail loudly on wrong variables, and report their size."""

from __future__ import annotations

import pytest

from graphs.prompting import PromptError, approx_tokens, load_prompt, parse_prompt
from prompts import PromptNotFoundError

RESPOND = {
    "language": "ko",
    "tool_results": {"program_id": "basic_pension", "status": "eligible", "amount_krw": 349700},
    "passages": "[1] 기초연금 안내 (보건복지부, 2026): 만 65세 이상 ...",
    "pending_question": "none",
    "last_turns": "시민: 기초연금 받을 수 있나요?",
    "message": "얼마나 받아요?",
    "draft": "기초연금: 받으실 가능성이 높습니다. 예상 금액: 월 349,700원",
}


def test_respond_prompt_renders_system_and_user_messages() -> None:
    prompt = load_prompt("respond")
    assert prompt.variables == set(RESPOND)
    rendered = prompt.render(**RESPOND)
    assert [m.role for m in rendered.messages] == ["system", "user"]
    system, user = (m.content for m in rendered.messages)
    assert "Answer in ko" in system
    assert "Never promise" in system
    assert "[n]" in system
    assert '"amount_krw":349700' in user  # non-string values as compact JSON
    assert "CITIZEN: 얼마나 받아요?" in user
    assert "DRAFT:\n기초연금: 받으실 가능성이 높습니다." in user
    assert rendered.chars == len(system) + len(user)
    assert 0 < rendered.approx_tokens < 1000
    assert "Respond prompt" not in system  # the file's header is documentation, not sent


def test_missing_and_unknown_variables_fail_loudly() -> None:
    prompt = load_prompt("respond")
    with pytest.raises(PromptError, match="missing message"):
        prompt.render(**{k: v for k, v in RESPOND.items() if k != "message"})
    with pytest.raises(PromptError, match="unknown extra"):
        prompt.render(**RESPOND, extra="x")
    with pytest.raises(PromptNotFoundError):
        load_prompt("no_such_prompt")


def test_bad_templates_fail_at_parse_time() -> None:
    with pytest.raises(PromptError, match="marker"):
        parse_prompt("x", "no markers {a}")
    with pytest.raises(PromptError, match="bad placeholder"):
        parse_prompt("x", "<!-- user -->\n{a.b}")
    with pytest.raises(PromptError, match="bad placeholder"):
        parse_prompt("x", "<!-- user -->\n{a:>10}")
    with pytest.raises(PromptError):
        parse_prompt("x", "<!-- user -->\n{unclosed")
    literal = parse_prompt("x", '<!-- user -->\n{{"json": {value}}}')
    assert literal.render(value=1).messages[0].content == '{"json": 1}'


def test_fixed_text_holds_no_figure_but_the_helpline() -> None:
    """The fixed text is an allowed source of the output check: a figure in it would be allowed anywhere."""
    from graphs.grounding import extract_figures

    figures = extract_figures(load_prompt("respond").fixed_text)
    assert {(f.kind, f.value) for f in figures if f.kind != "citation"} == {("phone", "129")}


def test_understand_prompt_variables() -> None:
    assert load_prompt("understand").variables == {
        "intents",
        "facts",
        "pending_question",
        "last_turns",
        "message",
    }


def test_token_estimate() -> None:
    assert approx_tokens("") == 0
    assert approx_tokens("기초연금") == 4
    assert approx_tokens("abcdefgh") == 2
