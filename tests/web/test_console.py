"""Both sides of the service in headless Chromium, against the real application (deterministic mode):

- an officer signs in to `/officer` with the keyboard, fills a household, sees the results group as she types,
  and prints the checklist (kept as a PNG and a PDF in `test-artifacts/` for a person to look at);
- a resident asks for a person in the chat, confirms, the officer claims the case from the queue and replies,
  and the resident's page shows the reply;
- axe-core (npm `axe-core`, injected into each page) finds no serious or critical violation on the chat page and
  on every console screen.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from agent.auth import create_user
from agent.db import make_engine
from agent.settings import Settings
from tests.web.browser import ARTIFACTS, TIMEOUT_MS, ThreadedServer

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def _axe(page: Page, where: str) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now (WCAG 2.x A and AA rules)."""
    if not AXE.exists():
        pytest.skip("axe-core missing: run `make setup` (npm ci) to install it")
    page.evaluate(
        AXE.read_text(encoding="utf-8")
    )  # through the DevTools protocol: the console's CSP allows no inline script
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
    )
    bad = [
        {"where": where, "id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    ARTIFACTS.mkdir(exist_ok=True)
    with (ARTIFACTS / "axe.jsonl").open("a", encoding="utf-8") as log:
        log.write(json.dumps({"where": where, "violations": result["violations"]}, ensure_ascii=False) + "\n")
    return bad


def _ask(page: Page, text: str) -> str:
    before = page.locator("li.message-agent:not(.message-welcome):not([aria-busy])").count()
    box = page.get_by_label("메시지")
    box.fill(text)
    box.press("Enter")
    done = page.locator("li.message-agent:not(.message-welcome):not([aria-busy])")
    done.nth(before).wait_for()
    return done.nth(before).locator("[data-testid=reply]").inner_text()


def test_officer_and_resident_in_the_browser(browser: Browser, settings: Settings) -> None:
    from agent.app import create_app

    (ARTIFACTS / "axe.jsonl").unlink(missing_ok=True)
    with ThreadedServer(create_app(settings)) as base:
        engine = make_engine(settings)
        _, key = create_user(engine, "김주무관", "officer")
        engine.dispose()
        violations: list[dict[str, Any]] = []

        # The resident asks for a person, confirms, and chooses a reply in the chat.
        # Reduced motion: the reply scrolls into view at once, so axe never measures the feedback buttons
        # half-way under the composer in the middle of a smooth scroll (a CI run on a loaded machine did).
        resident = browser.new_page(
            viewport={"width": 390, "height": 844}, locale="ko-KR", reduced_motion="reduce"
        )
        resident.set_default_timeout(TIMEOUT_MS)
        resident.goto(base)
        resident.wait_for_selector("body.ready")
        violations += _axe(resident, "chat page")
        asked = _ask(resident, "사람이랑 직접 상담하고 싶어요")
        assert all(word in asked for word in ("채팅", "전화", "방문"))
        opened = _ask(resident, "여기 채팅으로 답 주세요")
        case_id = re.search(r"H[0-9a-f]{16}", opened)
        assert case_id, opened
        violations += _axe(resident, "chat page with a case")

        # The officer signs in with the keyboard alone.
        officer = browser.new_page(viewport={"width": 1366, "height": 768}, locale="ko-KR")
        officer.set_default_timeout(TIMEOUT_MS)
        officer.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; }")
        officer.goto(base + "officer")
        officer.get_by_label("담당자 키").wait_for()
        violations += _axe(officer, "console sign-in")
        officer.keyboard.press("Tab")  # the skip link
        officer.get_by_label("담당자 키").focus()
        officer.keyboard.type(key)
        officer.keyboard.press("Enter")
        officer.get_by_role("button", name="로그아웃").wait_for()
        assert key not in officer.content()
        assert key not in officer.url
        cookies = officer.context.cookies()
        assert [c["httpOnly"] for c in cookies if c["name"] == "welfare_officer"] == [True]

        # The consultation: results for all programs, grouped, updating as she types.
        first = officer.locator(".member").first
        first.locator("[data-mpath=age]").focus()
        officer.keyboard.type("72")  # the results follow the keyboard as she types
        officer.locator("[data-path='income.earned_krw']").fill("0")
        officer.locator("[data-path='income.other_krw']").fill("30")
        officer.locator("#results-status", has_text="19개 제도 판정").wait_for()
        officer.locator("[data-path='assets.property_krw']").fill("0")
        officer.locator("[data-path='assets.financial_krw']").fill("0")
        officer.locator("[data-path='assets.debt_krw']").fill("0")
        officer.locator("[data-path='support_obligor']").select_option("none")
        officer.locator("[data-path='housing.tenure']").select_option("renter")
        officer.locator("[data-path='housing.rent_krw']").fill("25")
        officer.locator("article.card.status-eligible", has_text="생계급여").wait_for()
        assert officer.locator(".group-eligible article.card").count() >= 3
        pension = officer.locator("article.card[aria-labelledby=card-basic_pension]")
        assert "기초연금법" in pension.inner_text()
        first.locator("[data-mpath=age]").fill("-4")  # a bad field is marked, not sent
        officer.locator(".field-error").first.wait_for()
        assert first.locator("[data-mpath=age]").get_attribute("aria-invalid") == "true"
        first.locator("[data-mpath=age]").fill("72")
        officer.locator("article.card.status-eligible", has_text="생계급여").wait_for()
        violations += _axe(officer, "consultation screen")

        # The checklist: one click, an A4 page for the resident.
        officer.get_by_role("button", name=re.compile("신청 안내문 인쇄")).click()
        assert officer.evaluate("window.__printed") == 1
        checklist = officer.locator("#checklist").inner_text()
        assert all(part in checklist for part in ("생계급여", "준비 서류", "최종 결정은", "129"))
        ARTIFACTS.mkdir(exist_ok=True)
        officer.emulate_media(media="print")
        officer.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
        officer.screenshot(path=str(ARTIFACTS / "officer-checklist.png"), full_page=True)
        officer.pdf(path=str(ARTIFACTS / "officer-checklist.pdf"), format="A4")
        assert (ARTIFACTS / "officer-checklist.pdf").stat().st_size > 10_000
        officer.emulate_media(media="screen")
        officer.set_viewport_size({"width": 1366, "height": 768})
        officer.screenshot(path=str(ARTIFACTS / "officer-consultation.png"))

        # A son earning 500만 lives with her: 기초연금 counts only her own income once his is marked his.
        officer.get_by_role("button", name="+ 가구원 추가").click()
        son = officer.locator(".member").nth(1)
        son.locator("[data-mpath=age]").fill("45")
        officer.locator("[data-path='income.earned_krw']").fill("500")
        ineligible = officer.locator("article.card.status-ineligible[aria-labelledby=card-basic_pension]")
        ineligible.wait_for(state="attached")  # in the folded group of programs not for her
        son.locator("[data-mpath=earned_krw]").fill("500")
        pension = officer.locator("article.card.status-unknown[aria-labelledby=card-basic_pension]")
        pension.wait_for()  # decided on her own income; only whether she gets 장애인연금 is left
        assert "단독가구 선정기준액" in pension.inner_text()
        son.get_by_role("button", name="가구원 2 빼기").click()
        officer.locator("[data-path='income.earned_krw']").fill("0")
        officer.locator("article.card.status-eligible", has_text="생계급여").wait_for()

        # The queue, with the keyboard alone (focus, Enter, typing): the resident's case, claimed and answered.
        def press(target: Any) -> None:
            target.focus()
            officer.keyboard.press("Enter")

        press(officer.get_by_role("button", name=re.compile("연결 요청")))
        press(officer.get_by_role("button", name=re.compile(case_id.group(0))))
        detail = officer.locator("#case-detail")
        detail.locator(".from-citizen", has_text="사람이랑 직접 상담하고 싶어요").wait_for()
        assert "채팅 답변" in detail.inner_text()
        violations += _axe(officer, "handoff case")
        press(detail.get_by_role("button", name="내가 맡기"))
        detail.get_by_text("처리 중").first.wait_for()
        detail.get_by_label(re.compile("주민에게 답장")).focus()
        officer.keyboard.type("안녕하세요, 김주무관입니다. 내일 오전 10시에 통화 가능하세요?")
        officer.keyboard.press("Tab")  # to 보내기
        officer.keyboard.press("Enter")
        detail.locator(".from-officer", has_text="내일 오전 10시").wait_for()
        officer.screenshot(path=str(ARTIFACTS / "officer-queue.png"))

        # The resident sees the reply in her chat (the page looks for it every 15 s).
        reply = resident.locator("[data-testid=officer-reply]")
        reply.wait_for(timeout=40_000)
        assert "김주무관" in reply.inner_text()
        resident.screenshot(path=str(ARTIFACTS / "resident-officer-reply.png"), full_page=True)

        # Closing takes an outcome (typed; Enter submits the form).
        detail.get_by_label("처리 결과").focus()
        officer.keyboard.type("통화 예약, 기초연금 신청 안내")
        officer.keyboard.press("Enter")
        detail.get_by_text("종결된 요청이에요.").wait_for()

        press(officer.get_by_role("button", name="로그아웃"))
        officer.get_by_label("담당자 키").wait_for()
        assert violations == [], violations


def test_officer_screens_the_records_of_a_dong_and_opens_one(browser: Browser, settings: Settings) -> None:
    from agent.app import create_app
    from tests.screening.test_screening import RECORDS
    from tools.screening import read_records
    from tools.screening.records import import_records

    with ThreadedServer(create_app(settings)) as base:
        engine = make_engine(settings)
        _, key = create_user(engine, "박주무관", "officer")
        lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS[:5])
        import_records(engine, read_records(lines, csv_format=False))
        engine.dispose()

        officer = browser.new_page(
            viewport={"width": 1366, "height": 768}, locale="ko-KR", accept_downloads=True
        )
        officer.set_default_timeout(TIMEOUT_MS)
        officer.goto(base + "officer")
        officer.get_by_label("담당자 키").fill(key)
        officer.keyboard.press("Enter")
        officer.get_by_role("button", name="로그아웃").wait_for()

        officer.get_by_role("button", name="사각지대 선별").click()
        officer.get_by_label("동 (비우면 전체)").fill("정왕본동")
        officer.keyboard.press("Enter")
        officer.locator("#screen-summary", has_text="가구 기록 4건").wait_for()
        rows = officer.locator("#screen-rows tr")
        assert rows.count() == 4
        first = rows.nth(0).inner_text()
        assert "r-crisis" in first
        assert "위기" in first
        assert "80세 이상 홀로" in rows.nth(1).inner_text()
        assert "기초연금" in rows.nth(1).inner_text()
        violations = _axe(officer, "screening")
        officer.screenshot(path=str(ARTIFACTS / "officer-screening.png"), full_page=True)

        with officer.expect_download() as download:
            officer.get_by_role("button", name="CSV 내려받기").click()
        csv_text = Path(download.value.path()).read_text(encoding="utf-8-sig")
        assert csv_text.splitlines()[0].startswith("순위,기록 번호,동")
        assert len(csv_text.splitlines()) == 5
        assert "r-85" in csv_text

        officer.get_by_role("button", name="기록 r-85 상담 화면에서 열기").click()
        officer.locator("#case-banner", has_text="가구 기록 r-85").wait_for()
        assert officer.locator(".member").first.locator("[data-mpath=age]").input_value() == "85"
        officer.locator("#results-status", has_text="19개 제도 판정").wait_for()
        assert violations == [], violations
