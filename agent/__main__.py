"""`python -m agent` runs the `welfare-agent` command line."""

from agent.cli import main

main()
