"""Third-party tools: discovered through Python entry points, registered through the built-ins' hook.

A plugin is an installed distribution declaring an entry point in the group `welfare_agent.tools` that points
at a hook with the built-in tools' signature::

    [project.entry-points."welfare_agent.tools"]
    centre_finder = "siheung_centre_finder:register_tools"

    def register_tools(registry: ToolRegistry, deps: ToolDeps) -> None: ...

`load_plugins` loads each allowed entry point, lets the hook register into a scratch registry and only then
merges its tools (marked `origin="plugin:<entry point name>"`) into the agent's registry. A plugin that fails to
import or to register — or that reuses a tool name — is reported and skipped whole; the agent starts anyway.
"""

from __future__ import annotations

import dataclasses
import importlib.metadata
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from tools.registry import Tool, ToolRegistry

GROUP = "welfare_agent.tools"
"""The entry-point group plugins declare."""
log = logging.getLogger(__name__)

PluginStatus = Literal["loaded", "failed", "disabled"]
EntryPointSource = Callable[[], Iterable[importlib.metadata.EntryPoint]]


@dataclass(frozen=True)
class PluginReport:
    """What happened to one plugin (entry point) at start-up."""

    name: str
    """The entry point's name (the allow-list refers to plugins by it)."""
    target: str
    """What the entry point points at (`module:function`), or "" when it is not installed."""
    status: PluginStatus
    tools: tuple[str, ...] = ()
    """The tools it registered (empty unless loaded)."""
    error: str | None = None
    """Why it failed (exception type and message)."""
    distribution: str | None = None
    """The installed distribution that declares it, when known."""

    @property
    def origin(self) -> str:
        """The origin its tools carry in the registry."""
        return f"plugin:{self.name}"


def parse_allow_list(value: str | None) -> list[str] | None:
    """The `WELFARE_PLUGINS` setting as an allow-list: unset → None (all installed), "" → [] (none)."""
    if value is None:
        return None
    return [name.strip() for name in value.split(",") if name.strip()]


def installed_entry_points() -> list[importlib.metadata.EntryPoint]:
    """The entry points of the group `welfare_agent.tools` in the running environment."""
    return list(importlib.metadata.entry_points(group=GROUP))


def load_plugins(
    registry: ToolRegistry,
    deps: Any,
    *,
    allow: list[str] | None,
    entry_points: EntryPointSource | None = None,
) -> list[PluginReport]:
    """Load the allowed plugins into `registry`; one report per installed or allowed plugin, in order.

    `deps` is passed to each hook unchanged (the agent passes its `tools.builtin.ToolDeps`). `allow=None`
    loads every installed plugin, `allow=[]` none. `entry_points` supplies the candidates (default:
    `installed_entry_points`; tests inject their own). Failures are logged at warning level and reported, never raised.
    """
    reports: list[PluginReport] = []
    seen: set[str] = set()
    for point in (entry_points or installed_entry_points)():
        if point.name in seen:
            reports.append(_failed(point, f"another plugin is already called '{point.name}'"))
            continue
        seen.add(point.name)
        if allow is not None and point.name not in allow:
            reports.append(
                PluginReport(point.name, point.value, "disabled", distribution=_distribution(point))
            )
            continue
        reports.append(_load_one(registry, deps, point))
    for name in allow or []:
        if name not in seen:
            reports.append(
                PluginReport(name, "", "failed", error="allowed in WELFARE_PLUGINS but not installed")
            )
    for report in reports:
        if report.status == "failed":
            log.warning("plugin not loaded", extra={"plugin": report.name, "error": report.error})
        elif report.status == "loaded":
            log.info("plugin loaded", extra={"plugin": report.name, "tools": list(report.tools)})
    return reports


def _load_one(registry: ToolRegistry, deps: Any, point: importlib.metadata.EntryPoint) -> PluginReport:
    scratch = ToolRegistry()
    try:
        hook = point.load()
        if not callable(hook):
            raise TypeError(f"{point.value} is not callable")
        hook(scratch, deps)
    except Exception as exc:  # a broken plugin must not stop the agent
        return _failed(point, f"{type(exc).__name__}: {exc}")
    items: list[Tool[Any]] = scratch.all()
    if not items:
        return _failed(point, "registered no tools")
    clashes = [t.name for t in items if t.name in registry]
    if clashes:
        return _failed(point, f"tool name(s) already registered: {', '.join(clashes)}")
    for item in items:  # names are unique in the scratch registry and free here: this cannot fail midway
        registry.register(dataclasses.replace(item, origin=f"plugin:{point.name}"))
    return PluginReport(
        point.name,
        point.value,
        "loaded",
        tools=tuple(t.name for t in items),
        distribution=_distribution(point),
    )


def _failed(point: importlib.metadata.EntryPoint, error: str) -> PluginReport:
    return PluginReport(point.name, point.value, "failed", error=error, distribution=_distribution(point))


def _distribution(point: importlib.metadata.EntryPoint) -> str | None:
    dist = getattr(point, "dist", None)
    return None if dist is None else str(dist.name)


__all__ = [
    "GROUP",
    "EntryPointSource",
    "PluginReport",
    "PluginStatus",
    "installed_entry_points",
    "load_plugins",
    "parse_allow_list",
]
