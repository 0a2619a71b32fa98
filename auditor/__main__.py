"""``python -m auditor`` is the ``audit`` command (what batch workers run)."""

from auditor.cli import main

main()
