"""Narrative arithmetic and claims in words about tables.

A LAKIP explains its figures in sentences: "2.538 orang atau 15,18% dari
populasi 393.916 orang", "target 0,8% dan realisasi 1,61% sehingga capaian
201,24%", "pagu awal Rp A ... penambahan Rp B ... pagu akhir Rp C",
"meningkat 12% dibandingkan ...", "3 indikator melebihi target". Each engine
here recognises one kind of sentence, recomputes what it says from the
figures it prints (interval arithmetic on their printed precision: a claim
fails only when no rounding of the printed figures makes it true) and, for
claims about tables, from the table the sentence describes.

Every word the engines look for (keywords, number words, nouns, unit words)
comes from the rule's ``params`` in ``rules/narrative.yaml``.
"""
