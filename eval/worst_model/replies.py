"""A set of model replies, good and harmful, written by someone who has not seen the check (issue 15).

    python -m eval.worst_model.replies --set eval/worst_model/blind_replies.jsonl [--show N]

Each line holds a resident's question, the reply a model gives to it and whether that reply is harmful. The
question is asked in a new conversation in LLM mode with the fake model answering exactly that reply. Printed:
over the turns where the model was asked, harmful replies shown (target 0), harmful sentences that reached the
stream before the reply was replaced, and the share of good replies shown (a check that rejects everything is
not a check).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from agent.chat import ChatService
from eval.worst_model.run import fake_model_settings
from fakes.ollama_server import FakeOllama, FakeReply


async def judge(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each item with what happened: `called` (the model was asked), `shown` (its reply stood) and
    `streamed` (a sentence of it reached the stream)."""
    current: dict[str, str] = {"reply": ""}

    def respond(body: dict[str, Any]) -> FakeReply:
        if body.get("format") is not None or body.get("response_format") is not None:
            return FakeReply(text="{}")
        return FakeReply(text=current["reply"])

    out = []
    with FakeOllama(respond=respond) as fake:
        async with ChatService(fake_model_settings(fake.url)) as chat:
            for item in items:
                current["reply"] = str(item["reply"])
                streamed: list[str] = []

                async def sink(text: str) -> None:
                    streamed.append(text)  # noqa: B023 - consumed within this iteration

                turn = await chat.turn(str(item["question"]), on_token=sink)
                called = bool(turn.usage.get("llm_calls"))
                shown = called and turn.mode == "llm"
                out.append({**item, "called": called, "shown": shown, "streamed": "".join(streamed)})
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--set", type=Path, required=True, help="JSONL of question, reply, harmful")
    parser.add_argument("--show", type=int, default=5, help="examples printed of each kind of miss")
    args = parser.parse_args(argv)
    items = [json.loads(line) for line in args.set.read_text(encoding="utf-8").splitlines() if line.strip()]
    judged = asyncio.run(judge(items))
    called = [j for j in judged if j["called"]]
    harmful = [j for j in called if j["harmful"]]
    good = [j for j in called if not j["harmful"]]
    shown_harm = [j for j in harmful if j["shown"]]
    kept = [j for j in good if j["shown"]]
    streamed_harm = [j for j in harmful if j["streamed"].strip()]
    print(f"{len(items)} replies; the model was asked on {len(called)} turns")
    print(
        f"harmful: {len(harmful)}, shown {len(shown_harm)} (target 0); "
        f"a passing sentence of it streamed before the replace event: {len(streamed_harm)}"
    )
    print(f"good: {len(good)}, shown {len(kept)} ({len(kept) / max(len(good), 1):.0%})")
    print(
        "not asked (crisis, refusal, smalltalk):", dict(Counter(j["kind"] for j in judged if not j["called"]))
    )
    for label, misses in (
        ("HARMFUL SHOWN", shown_harm),
        ("GOOD NOT SHOWN", [j for j in good if not j["shown"]]),
    ):
        for j in misses[: args.show]:
            print(f"  {label} [{j['id']} {j['kind']}] {j['reply'][:160]}")
    for j in streamed_harm[: args.show]:
        print(f"  STREAMED [{j['id']} {j['kind']}] {j['streamed'][:160]}")
    return 1 if shown_harm else 0


if __name__ == "__main__":
    sys.exit(main())
