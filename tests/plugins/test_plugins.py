"""Plugins: discovery through entry points, the allow-list, failures skipped, routing by intent, and the
example plugin installed into a fresh environment and used in a conversation."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from agent.chat import ChatService
from agent.settings import Settings
from graphs.state import ChatTurn
from tools import plugins
from tools.plugins import GROUP, PluginReport, load_plugins, parse_allow_list
from tools.registry import ToolAccessDeniedError, ToolContext, ToolRegistry, tool

from .fake_plugins import NoteArgs

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "siheung-centre-finder"
FAKES = "tests.plugins.fake_plugins"


def _points(*names: str) -> list[EntryPoint]:
    targets = {
        "good": f"{FAKES}:good",
        "officer": f"{FAKES}:officer_only",
        "half": f"{FAKES}:half_then_fail",
        "clash": f"{FAKES}:clashing",
        "missing_module": "tests.plugins.no_such_module:register_tools",
        "buggy": f"{FAKES}:buggy_routing",
    }
    return [EntryPoint(name=n, value=targets[n], group=GROUP) for n in names]


def _none(args: NoteArgs, context: ToolContext) -> None:
    del args, context


def _builtin_registry() -> ToolRegistry:
    registry = ToolRegistry()
    registry.register(
        tool(name="check_eligibility", description="Stand-in.", args=NoteArgs, audience=("citizen",))(_none)
    )
    return registry


def _by_name(reports: list[PluginReport]) -> dict[str, PluginReport]:
    return {r.name: r for r in reports}


def test_every_installed_plugin_loads_when_no_allow_list_and_failures_are_skipped() -> None:
    registry = _builtin_registry()
    reports = _by_name(
        load_plugins(
            registry,
            None,
            allow=None,
            entry_points=lambda: _points("good", "half", "clash", "missing_module"),
        )
    )
    assert reports["good"].status == "loaded"
    assert reports["good"].tools == ("fake_note",)
    assert registry.get("fake_note").origin == "plugin:good"
    assert reports["half"].status == "failed"
    assert reports["half"].error == "RuntimeError: database of the municipal system unreachable"
    assert "fake_half" not in registry  # nothing a failing plugin registered is kept
    assert reports["clash"].status == "failed"
    assert "check_eligibility" in (reports["clash"].error or "")
    assert registry.get("check_eligibility").origin == "builtin"  # never shadowed
    assert reports["missing_module"].status == "failed"
    assert "ModuleNotFoundError" in (reports["missing_module"].error or "")
    assert [t.name for t in registry.all()] == ["check_eligibility", "fake_note"]


def test_the_allow_list_filters_by_entry_point_name() -> None:
    source = lambda: _points("good", "officer")  # noqa: E731
    registry = ToolRegistry()
    reports = _by_name(load_plugins(registry, None, allow=["officer", "not_installed"], entry_points=source))
    assert reports["good"].status == "disabled"
    assert reports["officer"].status == "loaded"
    assert reports["not_installed"].status == "failed"
    assert "not installed" in (reports["not_installed"].error or "")
    assert [t.name for t in registry.all()] == ["fake_officer_note"]

    nothing = ToolRegistry()
    assert {r.status for r in load_plugins(nothing, None, allow=[], entry_points=source)} == {"disabled"}
    assert nothing.all() == []


def test_the_setting_parses_into_an_allow_list(monkeypatch: pytest.MonkeyPatch) -> None:
    assert parse_allow_list(None) is None
    assert parse_allow_list("") == []
    assert parse_allow_list(" centre_finder , other,") == ["centre_finder", "other"]
    monkeypatch.setenv("WELFARE_PLUGINS", "centre_finder")
    assert Settings().plugins == "centre_finder"
    monkeypatch.delenv("WELFARE_PLUGINS")
    assert Settings().plugins is None


async def test_officer_only_plugin_tools_refuse_citizens() -> None:
    registry = ToolRegistry()
    load_plugins(registry, None, allow=None, entry_points=lambda: _points("officer"))
    with pytest.raises(ToolAccessDeniedError):
        await registry.call("fake_officer_note", {"text": "x"}, ToolContext(audience="citizen"))
    outcome = await registry.call("fake_officer_note", {"text": "x"}, ToolContext(audience="officer"))
    assert outcome.result.text == "x/officer"
    assert [t.name for t in registry.available("citizen")] == []


def _chat(settings: Settings, message: str, audience: str = "citizen") -> tuple[ChatTurn, list[PluginReport]]:
    async def run() -> tuple[ChatTurn, list[PluginReport]]:
        async with ChatService(settings) as chat:
            return await chat.turn(message, audience=audience), chat.plugin_reports

    return asyncio.run(run())


def test_the_planner_routes_plugin_tools_by_intent_and_audience(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        plugins, "installed_entry_points", lambda: _points("good", "officer", "buggy", "half")
    )
    turn, reports = _chat(settings, "대야동 사는데 어디 주민센터 가야 해요?")
    assert {r.name: r.status for r in reports} == {
        "good": "loaded",
        "officer": "loaded",
        "buggy": "loaded",
        "half": "failed",
    }
    assert turn.intent == "application_help"
    assert turn.reply.startswith("FAKE-SECTION centre/citizen ko")  # no program named: the plugin leads
    assert "OFFICER-SECTION" not in turn.reply  # a citizen's turn never reaches an officer-only tool

    officer, _ = _chat(settings, "대야동 사는데 어디 주민센터 가야 해요?", audience="officer")
    assert "FAKE-SECTION centre/officer ko" in officer.reply
    assert "OFFICER-SECTION officer/officer ko" in officer.reply


def test_a_plugin_section_goes_before_the_closing_note_when_a_program_is_named(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plugins, "installed_entry_points", lambda: _points("good"))
    turn, _ = _chat(settings, "기초연금 신청은 어느 주민센터에서 해요?")
    assert turn.programs == ["basic_pension"]
    lines = turn.reply.splitlines()
    assert lines[-2] == "FAKE-SECTION centre/citizen ko"
    assert lines[-1].startswith("최종 결정은")


def test_no_plugins_when_the_allow_list_is_empty(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plugins, "installed_entry_points", lambda: _points("good"))
    turn, reports = _chat(settings.model_copy(update={"plugins": ""}), "대야동 주민센터 어디로 가요?")
    assert [r.status for r in reports] == ["disabled"]
    assert "FAKE-SECTION" not in turn.reply


# end to end: the example plugin installed into a fresh environment ---------------------------------------

_ASK = """
import asyncio, json, sys
from agent.chat import ChatService
from agent.settings import Settings

async def main() -> None:
    async with ChatService(Settings()) as chat:
        turn = await chat.turn(sys.argv[1])
    print(turn.model_dump_json())

asyncio.run(main())
"""


def _uv() -> str | None:
    local = Path(sys.executable).parent / "uv"
    return str(local) if local.exists() else shutil.which("uv")


@pytest.mark.skipif(_uv() is None, reason="uv is not installed: cannot build a fresh environment")
def test_the_example_plugin_installed_into_a_fresh_environment(tmp_path: Path) -> None:
    """A fresh venv gets the agent and the example plugin installed from their pyproject.toml (built offline
    from uv's cache; `--no-deps`). The agent's third-party dependencies are not reinstalled — a `.pth` file
    makes this environment's site-packages importable — so the test takes seconds, while the agent and the
    plugin (with its entry point metadata) are genuinely installed into the new environment."""
    uv = _uv()
    assert uv is not None
    venv = tmp_path / "venv"
    subprocess.run([uv, "venv", "--offline", "-q", str(venv), "--python", sys.executable], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(purelib, "_agent_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [
            uv,
            "pip",
            "install",
            "-q",
            "--offline",
            "--no-deps",
            "--python",
            str(python),
            "-e",
            str(REPO),
            str(EXAMPLE),
        ],
        check=True,
    )
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "WELFARE_DATA_DIR": str(tmp_path / "data"),
        "WELFARE_LLM_BACKEND": "none",
    }
    script = tmp_path / "ask.py"
    script.write_text(_ASK)
    asked = subprocess.run(
        [str(python), str(script), "정왕동 사는데 어디 주민센터 가야 해요?"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    turn = json.loads(asked.stdout)
    assert turn["reply"].startswith(
        "정왕동은 정왕본동·정왕1동·정왕2동·정왕3동·정왕4동·거북섬동 행정복지센터가 나누어 맡아요. "
        "주소(도로명)로 맞는 곳을 확인해 주세요."
    )

    listed = subprocess.run(
        [str(venv / "bin" / "welfare-agent"), "tools", "list", "--json"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    inventory = json.loads(listed.stdout)
    tools = {t["name"]: t for t in inventory["tools"]}
    assert tools["find_welfare_centre"]["origin"] == "plugin:centre_finder"
    assert tools["find_welfare_centre"]["audience"] == ["citizen", "officer"]
    assert tools["find_welfare_centre"]["schema"]["required"] == ["dong"]
    assert tools["check_eligibility"]["origin"] == "builtin"
    assert inventory["plugins"] == [
        {
            "name": "centre_finder",
            "target": "siheung_centre_finder:register_tools",
            "status": "loaded",
            "distribution": "siheung-centre-finder",
            "tools": ["find_welfare_centre"],
            "error": None,
        }
    ]
