"""What the printed figures and words mean: numbers as intervals, formulas,
names, vocabulary, table semantics, the document context and quantities.

Reads the document model; knows nothing of rules, engines or findings.
"""
