"""The conversation's own concerns, apart from the graph: what is known (`ledger`), what a message says
(`reading`) and asks (`asking`), how a danger shapes the reply (`danger`), what the message makes of the
conversation (`turn`), and what to ask next (`policy`). The graph's nodes only call them."""
