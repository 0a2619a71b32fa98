"""Fuzz harness: hostile and broken inputs must end in exit 0, 1 or 2.

``python -m tests.fuzz --cases 150`` mutates the corpus PDFs and a rule file
deterministically from a seed (see :mod:`tests.fuzz.mutate`), runs ``audit``
on each case as a subprocess under a time and memory limit
(:mod:`tests.fuzz.runner`) and reports exit-code counts, the slowest and the
largest cases and every failure (exit 3, a traceback or a log line on
stderr, a message of more than one sentence, a hang).
"""
