"""The conversation graph: `build_graph(*, tools, llm=None, checkpointer=None)`."""

from __future__ import annotations

from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph

from graphs.llm import ChatBackend
from graphs.nodes import Nodes
from graphs.state import AgentState, TurnInput
from tools.registry import ToolRegistry


def build_graph(
    *,
    tools: ToolRegistry,
    llm: ChatBackend | None = None,
    checkpointer: BaseCheckpointSaver[Any] | None = None,
) -> CompiledStateGraph[AgentState, None, TurnInput, AgentState]:
    """Compile guard → understand → plan → tools → respond over the given tools and checkpointer.

    `llm` is the model backend of the respond node (None: deterministic replies only).
    """
    nodes = Nodes(tools=tools, llm=llm)
    graph = StateGraph(AgentState, input_schema=TurnInput)
    graph.add_node("guard", nodes.guard)
    graph.add_node("understand", nodes.understand)
    graph.add_node("plan", nodes.plan)
    graph.add_node("tools", nodes.run_tools)
    graph.add_node("respond", nodes.respond)
    graph.add_edge(START, "guard")
    graph.add_conditional_edges("guard", nodes.after_guard, ["understand", "respond"])
    graph.add_edge("understand", "plan")
    graph.add_edge("plan", "tools")
    graph.add_edge("tools", "respond")
    graph.add_edge("respond", END)
    return graph.compile(checkpointer=checkpointer)
