"""Findings: the records engines produce, the baseline of accepted ones and
the result of one audit that every reporter reads."""
