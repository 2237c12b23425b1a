"""The web chat page in a real headless Chromium (Playwright driving the system Chromium).

Two servers are used, each uvicorn on a free loopback port in a background thread:
- a tiny stub FastAPI app that serves the page and emits the contract's Server-Sent Events (the page alone);
- the real application, `agent.app.create_app`, in deterministic mode (the page against the real API).

Skipped, with the reason, when Playwright or Chromium is missing. In CI:
    apt-get install -y chromium fonts-nanum
    pip install playwright          # never `playwright install`: the system Chromium is used
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles

from agent.settings import Settings
from tests.web.browser import ARTIFACTS, CHROMIUM_FLAGS, TIMEOUT_MS, ThreadedServer, chromium_path

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Locator, Page

REPO = Path(__file__).resolve().parents[2]
STATIC = REPO / "agent" / "web" / "static"
QUESTION = "일흔 살이고 혼자 사는데 기초연금 받을 수 있나요? 월 소득 30만원, 재산 없어요"
KO_STATUS = {
    "eligible": "받으실 가능성이 높아요",
    "ineligible": "지금 조건으로는 어려워요",
    "unknown": "확인이 더 필요해요",
}
INTERACTIVE_ROLES = {
    "button",
    "link",
    "combobox",
    "textbox",
    "checkbox",
    "radio",
    "menuitem",
    "tab",
    "switch",
    "listbox",
    "searchbox",
    "spinbutton",
    "slider",
}


# ---------------------------------------------------------------------------------------------
# Browser


@pytest.fixture
def browser_context(tmp_path: Path) -> Iterator[BrowserContext]:
    """A phone-sized (390×844) Chromium context with a fresh, empty profile."""
    pytest.importorskip(
        "playwright.sync_api", reason="Playwright missing: pip install playwright", exc_type=ImportError
    )
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=executable,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 390, "height": 844},
            device_scale_factor=1,
            locale="ko-KR",
            is_mobile=False,
            has_touch=True,
        )
        context.set_default_timeout(TIMEOUT_MS)
        try:
            yield context
        finally:
            context.close()


# ---------------------------------------------------------------------------------------------
# A uvicorn server on a free loopback port, in a thread


# ---------------------------------------------------------------------------------------------
# A stub of the API contract, to test the page alone

STUB_RESULT: dict[str, Any] = {
    "session_id": "stub-session-0123456789abcdef",
    # Differs from the streamed tokens on purpose: the final reply is authoritative.
    "reply": "기초연금을 받으실 가능성이 높습니다.\n예상 금액: 월 349,700원 (2026년 기준, 추정)\n최종 결정은 행정복지센터에서 합니다.",
    "language": "ko",
    "intent": "eligibility_check",
    "programs": ["basic_pension"],
    "eligibility": [
        {
            "program_id": "basic_pension",
            "program_name": "기초연금",
            "program_name_en": "Basic Pension",
            "status": "eligible",
            "amount_krw": 349700,
            "amount_period": "month",
            "criteria": [
                {
                    "name": "age",
                    "passed": True,
                    "detail": "신청인 만 70세 (만 65세 이상)",
                    "source": "기초연금법 제3조",
                },
                {
                    "name": "income_recognition",
                    "passed": True,
                    "detail": "소득인정액 추정 300,000원 ≤ 단독가구 선정기준액 2,470,000원 (2026년)",
                    "source": "보건복지부고시 제2026-156호",
                },
                {
                    "name": "no_overlap",
                    "passed": None,
                    "detail": "장애인연금 수급 여부 확인 필요",
                    "source": None,
                },
            ],
            "missing": ["assets", "nationality_rules"],
            "assumptions": [],
            "how_to_apply": "주소지 행정복지센터, 복지로, 국민연금공단 지사에서 신청합니다.",
            "documents": ["신분증", "본인 통장 사본", "<b>소득·재산 신고서</b>"],
            "contact": "보건복지상담센터 129",
            "official_url": "https://basicpension.mohw.go.kr",
            "rules_version": "2026-01-01",
            "amount_note": "기준연금액 (최대액)",
            "unconfirmed": [],
        }
    ],
    "citations": [
        {
            "title": "기초연금 — age",
            "source": "기초연금법 제3조",
            "url": "https://basicpension.mohw.go.kr",
            "snippet": "만 65세 이상",
        },
        {"title": "기초연금 안내", "source": "보건복지부", "url": "javascript:alert(1)", "snippet": "..."},
    ],
    "follow_up": None,
    "handoff": None,
    "crisis": False,
    "mode": "deterministic",
}
STUB_TOKENS = ["기초연금을 ", "받으실 ", "가능성이 ", "높아요."]


def _stub_turn(body: dict[str, Any]) -> dict[str, Any]:
    message = str(body.get("message", ""))
    turn: dict[str, Any] = json.loads(json.dumps(STUB_RESULT))
    turn["language"] = body.get("locale") or "ko"
    if "connect me" in message or "상담원" in message:
        turn.update(
            intent="handoff",
            programs=[],
            eligibility=[],
            citations=[],
            reply="I have asked an officer to contact you (case H-42).",
            handoff={"id": "H-42"},
        )
    elif "죽고" in message:
        turn.update(
            intent="crisis",
            programs=[],
            eligibility=[],
            citations=[],
            crisis=True,
            reply="지금 많이 힘드시군요. 109 자살예방상담전화로 바로 전화하세요.",
        )
    return turn


def _sse(event: str, data: Any) -> bytes:
    return f"event: {event}\r\ndata: {json.dumps(data, ensure_ascii=False)}\r\n\r\n".encode()


def _stub_app(requests: list[dict[str, Any]]) -> FastAPI:
    app = FastAPI()
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/")
    async def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.post("/v1/chat/stream")
    async def stream(request: Request) -> StreamingResponse:
        body = await request.json()
        requests.append({"path": "/v1/chat/stream", **body})
        turn = _stub_turn(body)

        async def events() -> AsyncIterator[bytes]:
            yield b": keep-alive\n\n"
            for token in STUB_TOKENS if turn["intent"] == "eligibility_check" else [turn["reply"]]:
                payload = _sse("token", token)
                # Split one event across two network chunks: the page's parser must reassemble it.
                yield payload[:7]
                await asyncio.sleep(0.1)
                yield payload[7:]
            yield _sse("result", turn)

        return StreamingResponse(events(), media_type="text/event-stream")

    @app.post("/v1/chat")
    async def chat(request: Request) -> JSONResponse:
        body = await request.json()
        requests.append({"path": "/v1/chat", **body})
        return JSONResponse(_stub_turn(body))

    @app.post("/v1/feedback", status_code=201)
    async def feedback(request: Request) -> dict[str, str]:
        requests.append({"path": "/v1/feedback", **(await request.json())})
        return {"status": "recorded"}

    return app


# ---------------------------------------------------------------------------------------------
# Page checks


def _ask(page: Page, text: str) -> None:
    box = page.get_by_label("메시지")
    box.fill(text)
    box.press("Enter")


def _last_agent(page: Page) -> Locator:
    return page.locator("li.message-agent:not(.message-welcome)").last


def _wait_for_answer_and_card(page: Page) -> Locator:
    reply = _last_agent(page).locator("[data-testid=reply]")
    page.wait_for_function(
        "() => { const m = [...document.querySelectorAll('li.message-agent:not(.message-welcome)')].pop();"
        " return m && !m.hasAttribute('aria-busy') && m.querySelector('[data-testid=reply]').textContent.trim(); }"
    )
    assert reply.inner_text().strip()
    card = _last_agent(page).locator("article.card").first
    card.wait_for(state="visible")
    return card


def _assert_no_horizontal_scroll(page: Page) -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]"
    )
    assert widths[0] <= widths[2], f"horizontal scroll at 390px: {widths}"
    assert widths[1] <= widths[2], f"horizontal scroll at 390px: {widths}"


def _assert_accessible_names(page: Page) -> None:
    """Every interactive control has a non-empty accessible name, as Chromium itself computes it."""
    cdp = page.context.new_cdp_session(page)
    tree = cdp.send("Accessibility.getFullAXTree")
    nameless = []
    for node in tree["nodes"]:
        role = node.get("role", {}).get("value")
        if node.get("ignored") or role not in INTERACTIVE_ROLES:
            continue
        name = str(node.get("name", {}).get("value", "")).strip()
        if not name:
            nameless.append((role, node.get("backendDOMNodeId")))
    cdp.detach()
    assert not nameless, f"controls without an accessible name: {nameless}"


def _assert_live_region_announced(page: Page) -> None:
    live = page.locator("[aria-live=polite]")
    assert live.count() >= 1
    page.wait_for_function("() => document.getElementById('announcer').textContent.trim().length > 0")


def _screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.evaluate("window.scrollTo({top: document.documentElement.scrollHeight, behavior: 'instant'})")
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 0
    return path


# ---------------------------------------------------------------------------------------------
# Tests


def test_stub_page_streams_a_reply_and_shows_a_card(browser_context: BrowserContext) -> None:
    """The page alone: streamed tokens, the authoritative final reply, a card, links, feedback, a11y."""
    requests: list[dict[str, Any]] = []
    with ThreadedServer(_stub_app(requests)) as base:
        page = browser_context.new_page()
        page.goto(base)
        page.wait_for_selector("body.ready")
        assert page.evaluate("document.documentElement.lang") == "ko-KR"
        assert page.get_by_role("button", name="담당자와 상담하기").is_visible()
        assert page.locator("#suggestion-list button").count() == 4

        # Shift+Enter is a new line, not a send.
        box = page.get_by_label("메시지")
        box.fill("첫 줄")
        box.press("Shift+Enter")
        assert box.input_value() == "첫 줄\n"
        assert not requests

        _ask(page, QUESTION)
        # Streamed tokens show while the turn is still running (before the `result` event).
        page.wait_for_function(
            "() => { const m = [...document.querySelectorAll('li.message-agent')].pop();"
            " return m.getAttribute('aria-busy') === 'true'"
            " && m.querySelector('[data-testid=reply]').textContent.startsWith('기초연금을 받으실'); }"
        )
        card = _wait_for_answer_and_card(page)
        agent = _last_agent(page)
        assert agent.locator("[data-testid=reply]").inner_text() == STUB_RESULT["reply"]
        assert card.locator("[data-testid=status]").inner_text().strip().endswith(KO_STATUS["eligible"])
        assert "월 349,700원" in card.inner_text()
        # What she can tell apart from what only the office settles (not "tell me the rules for foreigners")
        # Criteria, how to apply and documents are folded under one line (the reply already gives the verdict).
        assert not card.locator("ul.criteria").is_visible()
        card.get_by_test_id("card-details").click()
        assert card.locator("ul.criteria").is_visible()
        missing = card.locator("p.missing")
        assert missing.nth(0).inner_text() == "알려 주시면 판단할 수 있어요: 재산"
        assert missing.nth(1).inner_text() == "행정복지센터에서 확인해요: 외국 국적인 분의 자격"
        criteria = card.locator("ul.criteria li")
        assert criteria.count() == 3
        assert criteria.nth(0).locator(".criterion-icon").inner_text() == "✔"
        assert criteria.nth(2).locator(".criterion-icon").inner_text() == "?"
        # Screen readers get the criterion's verdict as text, not the symbol alone.
        assert "충족" in (criteria.nth(0).text_content() or "")
        # Untrusted text is text: no markup injected from the API.
        assert card.locator("ul.documents b").count() == 0
        assert "<b>소득·재산 신고서</b>" in card.inner_text()
        assert card.get_by_role("link").first.get_attribute("href") == "https://basicpension.mohw.go.kr/"
        citations = agent.locator("section.citations li")
        assert citations.nth(0).get_by_role("link").count() == 1
        assert citations.nth(1).get_by_role("link").count() == 0  # a javascript: URL stays text
        _assert_live_region_announced(page)

        sent = requests[0]
        assert sent["path"] == "/v1/chat/stream"
        assert sent["message"] == QUESTION
        assert "session_id" not in sent
        assert "locale" not in sent
        assert page.evaluate("sessionStorage.getItem('welfare.session_id')") == STUB_RESULT["session_id"]

        agent.get_by_role("button", name="도움이 됐어요").click()
        agent.get_by_text("의견 감사합니다.").wait_for()
        assert requests[-1] == {
            "path": "/v1/feedback",
            "session_id": STUB_RESULT["session_id"],
            "helpful": True,
            "intent": "eligibility_check",
            "programs": ["basic_pension"],
        }

        _assert_no_horizontal_scroll(page)
        _assert_accessible_names(page)
        _screenshot(page, "web-chat-stub.png")

        # The next turn carries the session id.
        _ask(page, "혼자 살아요")
        _wait_for_answer_and_card(page)
        assert requests[-1]["session_id"] == STUB_RESULT["session_id"]


def test_stub_page_language_switch_handoff_and_crisis(browser_context: BrowserContext) -> None:
    """The switch translates the UI and sets `locale`; the handoff button; a crisis reply is an alert."""
    requests: list[dict[str, Any]] = []
    with ThreadedServer(_stub_app(requests)) as base:
        page = browser_context.new_page()
        page.goto(base)
        page.wait_for_selector("body.ready")

        _ask(page, "죽고 싶어요")
        page.get_by_role("alert").first.wait_for()
        crisis = _last_agent(page)
        banner = crisis.get_by_role("alert").first.inner_text()
        assert "112" in banner  # the banner names the lines for any danger; the reply, those for this one
        assert "109" not in banner
        assert "109" in crisis.inner_text()
        assert "message-crisis" in (crisis.get_attribute("class") or "")

        # Keyboard only: tab to the language switch and choose English.
        page.get_by_label("언어").focus()
        page.get_by_label("언어").select_option("en")
        assert page.evaluate("document.documentElement.lang") == "en"
        assert page.title() == "Siheung Welfare Assistant"
        handoff = page.get_by_role("button", name="Talk to a person")
        handoff.focus()
        page.keyboard.press("Enter")
        _last_agent(page).get_by_text("case H-42").wait_for()
        assert requests[-1]["message"] == "Please connect me to a person."
        assert requests[-1]["locale"] == "en"
        assert page.get_by_label("Message").is_visible()
        _assert_no_horizontal_scroll(page)
        _assert_accessible_names(page)

        for locale, label in (
            ("zh", "联系工作人员"),
            ("vi", "Nói chuyện với nhân viên"),
            ("ko", "담당자와 상담하기"),
        ):
            page.locator("#language-select").select_option(locale)
            assert page.get_by_role("button", name=label).is_visible()


def test_page_against_the_real_app(browser_context: BrowserContext, settings: Settings) -> None:
    """Ask the real service (deterministic mode); see the streamed answer and a card; keep a screenshot."""
    from agent import app as app_module

    application = app_module.create_app(settings)
    if "/v1/chat/stream" not in application.openapi().get("paths", {}):
        pytest.skip("agent.app has no POST /v1/chat/stream yet")

    with ThreadedServer(application) as base:
        page = browser_context.new_page()
        stream_calls: list[str] = []
        page.on(
            "response",
            lambda response: (
                stream_calls.append(response.url) if response.url.endswith("/v1/chat/stream") else None
            ),
        )
        response = page.goto(base)
        assert response is not None
        assert response.ok, "agent.app must serve agent/web/static/index.html at /"
        page.wait_for_selector("body.ready")
        assert page.evaluate("document.documentElement.lang") == "ko-KR"

        _ask(page, QUESTION)
        card = _wait_for_answer_and_card(page)
        assert stream_calls, "the page did not use the streaming endpoint"
        assert card.get_attribute("data-program") == "basic_pension"
        status = card.get_attribute("data-status") or ""
        assert status in KO_STATUS
        assert card.locator("[data-testid=status]").inner_text().strip().endswith(KO_STATUS[status])
        assert card.locator("h3").inner_text() == "기초연금"
        assert card.locator("ul.criteria li").count() >= 1
        reply = _last_agent(page).locator("[data-testid=reply]").inner_text()
        assert "기초연금" in reply
        # the verdict is the card's: the text does not say it again (`brief`)
        assert "기초연금: " not in reply
        _assert_live_region_announced(page)
        _assert_no_horizontal_scroll(page)
        _assert_accessible_names(page)
        _screenshot(page, "web-chat.png")

        # A second turn about the same program: its newer card replaces the earlier one, which folds away.
        _ask(page, "아 아니다, 일흔둘이에요")
        page.wait_for_function(
            "() => document.querySelectorAll('li.message-agent:not(.message-welcome)').length >= 2"
            " && !document.querySelector('li.message-agent[aria-busy]')"
        )
        assert page.locator("article.card[data-program=basic_pension]:visible").count() == 1
        assert _last_agent(page).locator("article.card[data-program=basic_pension]").is_visible()

        # Feedback reaches the real API (201).
        _last_agent(page).get_by_role("button", name="도움이 됐어요").click()
        _last_agent(page).get_by_text("의견 감사합니다.").wait_for()


def test_a_chinese_conversation_gets_its_card_in_chinese(
    browser_context: BrowserContext, settings: Settings
) -> None:
    """Issue 16: the card of a Chinese conversation names the program in Chinese (the Korean in brackets) and
    lists the documents and the contact in Chinese; no internal field name anywhere on the page."""
    from agent import app as app_module

    with ThreadedServer(app_module.create_app(settings)) as base:
        page = browser_context.new_page()
        page.goto(base)
        page.wait_for_selector("body.ready")
        _ask(page, "我奶奶72岁，一个人住，每月收入30万韩元，没有财产，可以领基础养老金吗？")
        card = _wait_for_answer_and_card(page)
        assert card.locator("h3").inner_text() == "基础养老金（기초연금）"
        card.locator("[data-testid=card-details]").click()
        details = card.inner_text()
        assert "身份证件" in details
        assert "保健福祉咨询中心" in details
        assert "신분증" not in details
        text = page.locator("body").inner_text()
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), re.findall(r"\b[a-z]+_[a-z_]+\b", text)
        _screenshot(page, "web-chat-zh.png")
