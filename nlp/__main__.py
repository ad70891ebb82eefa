"""`python -m nlp` runs the command line."""

from .cli import main

main()
