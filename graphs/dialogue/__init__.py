"""The conversation's own concerns, apart from the graph: what is known (ledger), what a message says
(reading), and what to do next (policy). The graph's nodes only call them."""
