"""State-machine layer: the LangGraph conversation graph (turn state, nodes, routing, NLU, responders)."""
