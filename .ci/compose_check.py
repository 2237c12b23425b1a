"""Structural checks of compose.yaml that docker-compose's schema validation does not make."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml


def problems(spec: dict[str, Any]) -> list[str]:
    """What a city deployment needs from the compose file and is missing."""
    found: list[str] = []
    services = spec.get("services", {})
    for name in ("api", "postgres", "ollama", "ollama-pull"):
        if name not in services:
            found.append(f"service '{name}' is missing")
    for name, service in services.items():
        if "image" not in service and "build" not in service:
            found.append(f"{name}: neither image nor build")
        for volume in service.get("volumes", []):
            source = str(volume).split(":", 1)[0]
            if not source.startswith((".", "/")) and source not in (spec.get("volumes") or {}):
                found.append(f"{name}: volume '{source}' is not declared")
    for name in ("postgres", "ollama", "api"):
        if "healthcheck" not in services.get(name, {}):
            found.append(f"{name}: no healthcheck")
    devices = services.get("ollama", {}).get("deploy", {}).get("resources", {}).get("reservations", {})
    if not any(
        d.get("driver") == "nvidia" and "gpu" in d.get("capabilities", []) for d in devices.get("devices", [])
    ):
        found.append("ollama: no NVIDIA GPU reservation")
    depends = services.get("api", {}).get("depends_on", {})
    for name, condition in (
        ("postgres", "service_healthy"),
        ("ollama", "service_healthy"),
        ("ollama-pull", "service_completed_successfully"),
    ):
        if not isinstance(depends, dict) or depends.get(name, {}).get("condition") != condition:
            found.append(f"api: must wait for {name} ({condition})")
    found.extend(replica_problems(spec))
    return found


def replica_problems(spec: dict[str, Any]) -> list[str]:
    """Several API replicas behind a proxy, sharing Redis, migrated once before they start."""
    found: list[str] = []
    services = spec.get("services", {})
    for name in ("redis", "migrate", "proxy"):
        if name not in services:
            found.append(f"service '{name}' is missing")
    api = services.get("api", {})
    replicas = str(api.get("deploy", {}).get("replicas", 1))  # "${WELFARE_REPLICAS:-2}": its default counts
    if int(([*re.findall(r"\d+", replicas)] or ["1"])[-1]) < 2:
        found.append("api: fewer than 2 replicas")
    if "ports" in api:
        found.append("api: replicas must not publish a port (the proxy does)")
    if "REDIS_URL" not in (api.get("environment") or {}):
        found.append("api: REDIS_URL not set (rate limits would be per replica)")
    depends = api.get("depends_on", {})
    for name, condition in (("redis", "service_healthy"), ("migrate", "service_completed_successfully")):
        if not isinstance(depends, dict) or depends.get(name, {}).get("condition") != condition:
            found.append(f"api: must wait for {name} ({condition})")
    proxy = services.get("proxy", {})
    if not proxy.get("ports"):
        found.append("proxy: publishes no port")
    for volume in proxy.get("volumes", []):
        source = str(volume).split(":", 1)[0]
        if source.startswith(".") and not Path(source).exists():
            found.append(f"proxy: {source} does not exist")
    return found


def main() -> int:
    """Exit 1 and list the problems, or print that the file is complete."""
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "compose.yaml")
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = problems(spec)
    for problem in found:
        print(f"{path}: {problem}", file=sys.stderr)
    if not found:
        print(
            f"{path}: complete (services, healthchecks, GPU reservation, start order, replicas behind a proxy)"
        )
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
