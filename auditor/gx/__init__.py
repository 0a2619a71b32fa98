"""``audit gx``: the tables and the checked relations as a Great Expectations suite.

An optional extra (``pip install 'lakip-auditor[gx]'``). Only
:mod:`auditor.gx.validate` imports ``great_expectations``, and only when the
command runs: ``audit`` itself never loads it. The other modules are plain
Python: the tidy data (:mod:`auditor.gx.tidy`) and the printed-precision test
the custom expectation runs (:mod:`auditor.gx.printed`).
"""
