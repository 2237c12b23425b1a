"""The keyboard alone, in headless Chromium (KWCAG 2.2 2.1.1 keyboard, 2.4.3 focus order, 2.4.7 focus visible):

- on the chat page, Tab from the top reaches every control in the order they are read, each with a visible focus
  ring, and a question is asked and answered with the keyboard only;
- on the console, an officer signs in, fills a household and prints the checklist by Tab, typing, arrow keys and
  Enter only — no click, no `focus()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from agent.auth import create_user
from agent.db import make_engine
from agent.settings import Settings
from tests.web.browser import TIMEOUT_MS, ThreadedServer

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

MAX_STOPS = 120

#: The focused element: what it is, whether a person can see where focus is, and its place in the document.
_FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
  const all = [...document.querySelectorAll("*")];
  const name = el.getAttribute("aria-label") || (el.labels && el.labels[0] && el.labels[0].innerText)
    || el.innerText || el.getAttribute("placeholder") || el.id || el.tagName;
  return {key: el.id || el.dataset.path || el.dataset.mpath || name.trim().slice(0, 40),
          tag: el.tagName, name: name.trim().slice(0, 40), ring, order: all.indexOf(el)};
}"""

#: Every control a person can reach: visible, enabled, not taken out of the tab order.
_CONTROLS = """() => [...document.querySelectorAll(
    "a[href], button, input, select, textarea, summary, [tabindex]")]
  .filter(el => !el.disabled && el.tabIndex >= 0 && el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== "hidden")
  .map(el => el.id || el.dataset.path || el.dataset.mpath
    || ((el.getAttribute("aria-label") || (el.labels && el.labels[0] && el.labels[0].innerText)
        || el.innerText || el.getAttribute("placeholder") || el.id || el.tagName).trim().slice(0, 40)))"""


def _tab_walk(page: Page) -> list[dict[str, Any]]:
    """Tab round the whole page once, wherever focus starts: every stop, from the top, in order. (Past the
    last control focus leaves the document for a step, then starts again at the top.)"""
    stops: list[dict[str, Any]] = []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused is None:
            continue
        if stops and focused["order"] == stops[0]["order"]:
            break
        stops.append(focused)
    top = min(range(len(stops)), key=lambda i: stops[i]["order"]) if stops else 0
    return stops[top:] + stops[:top]


def _assert_walk(page: Page, where: str) -> list[dict[str, Any]]:
    """Every visible control is a stop, each stop shows where focus is, and the stops follow the document."""
    stops = _tab_walk(page)
    assert stops, f"{where}: Tab reaches nothing"
    assert len(stops) < MAX_STOPS, f"{where}: focus never comes round (a trap?)"
    unseen = [s["name"] for s in stops if not s["ring"]]
    assert not unseen, f"{where}: no visible focus on {unseen}"
    orders = [s["order"] for s in stops]
    assert orders == sorted(orders), (
        f"{where}: the focus order is not the reading order: {[s['name'] for s in stops]}"
    )
    reached = {s["key"] for s in stops}
    missed = [c for c in page.evaluate(_CONTROLS) if c not in reached]
    assert not missed, f"{where}: Tab never reaches {missed}"
    assert (
        page.evaluate(
            '() => document.querySelectorAll(\'[tabindex]:not([tabindex^="-"]):not([tabindex="0"])\').length'
        )
        == 0
    )
    return stops


def _tab_to(page: Page, key: str) -> None:
    """Press Tab until the control `key` (its id or data path, or a part of its name) has focus."""
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused is not None and (key == focused["key"] or key in focused["name"]):
            return
    raise AssertionError(f"Tab never reached {key}")


def test_the_chat_page_with_the_keyboard_alone(browser: Browser, settings: Settings) -> None:
    from agent.app import create_app

    with ThreadedServer(create_app(settings)) as base:
        page = browser.new_page(
            viewport={"width": 1366, "height": 768}, locale="ko-KR", reduced_motion="reduce"
        )
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(base)
        page.wait_for_selector("body.ready")
        stops = _assert_walk(page, "chat page")
        assert stops[0]["tag"] == "A", "the first stop is the skip link"

        _tab_to(page, "message-input")
        page.keyboard.type("일흔 살이고 혼자 사는데 기초연금 받을 수 있나요? 월 소득 30만원, 재산 없어요")
        page.keyboard.press("Enter")
        answer = page.locator("li.message-agent:not(.message-welcome):not([aria-busy]) article.card")
        answer.first.wait_for()
        # the card's folded details open from the keyboard too
        _tab_to(page, "자세히 보기")
        page.keyboard.press("Enter")
        assert page.locator("details.card-details[open]").count() == 1
        _assert_walk(page, "chat page with an answer")


def test_the_console_with_the_keyboard_alone(browser: Browser, settings: Settings) -> None:
    from agent.app import create_app

    with ThreadedServer(create_app(settings)) as base:
        engine = make_engine(settings)
        _, key = create_user(engine, "이주무관", "officer")
        engine.dispose()
        page = browser.new_page(
            viewport={"width": 1366, "height": 768}, locale="ko-KR", reduced_motion="reduce"
        )
        page.set_default_timeout(TIMEOUT_MS)
        page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; }")
        page.goto(base + "officer")
        page.get_by_label("담당자 키").wait_for()
        _assert_walk(page, "console sign-in")

        _tab_to(page, "officer-key")
        page.keyboard.type(key)
        page.keyboard.press("Enter")
        page.get_by_role("button", name="로그아웃").wait_for()
        _assert_walk(page, "consultation screen")

        _tab_to(page, "age")
        page.keyboard.type("72")
        _tab_to(page, "income.other_krw")  # earnings left blank: a pension of 30만원 is all her income
        page.keyboard.type("30")
        for path in ("assets.property_krw", "assets.financial_krw", "assets.debt_krw"):
            _tab_to(page, path)
            page.keyboard.type("0")
        _tab_to(page, "support_obligor")
        page.keyboard.press("ArrowDown")  # a select moves with the arrow keys
        page.locator("article.card.status-eligible", has_text="생계급여").wait_for()
        _tab_to(page, "print-button")
        page.keyboard.press("Enter")
        assert page.evaluate("window.__printed") == 1
