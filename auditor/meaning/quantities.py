"""Which quantity each printed figure stands for: (subject, measure, year).

A subject is an indicator, program or kegiatan named by the row label (in a
table) or by the sentence or section heading (in the narrative). A measure
comes from the column role, read in the table's kind (a "realisasi" column
of a budget table is spent money, of a capaian table an indicator's
realisation). The year comes from the column header, else from the nearest
heading that names one (Perjanjian Kinerja Tahun 2019), else the report year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from auditor.meaning.context import DocContext, Sentence, TextNumber, table_order
from auditor.meaning.locations import cell_location
from auditor.meaning.names import tokens
from auditor.meaning.numbers import Number, format_number
from auditor.meaning.semantics import TableView
from auditor.model import Location

# measure of a column role, by the kind of table it stands in
_MEASURES = {
    "capaian": {"target": "target", "target_end": "target_renstra", "realisasi": "realisasi", "capaian": "capaian",
                "pct": "capaian"},
    "budget": {"anggaran": "anggaran", "realisasi": "realisasi_anggaran", "realisasi_anggaran": "realisasi_anggaran",
               "pct": "persen_anggaran"},
    "coverage": {"populasi": "populasi", "realisasi": "realisasi_cakupan", "pct": "persen_cakupan"},
    "plan": {"target": "target", "target_end": "target_renstra"},
}  # fmt: skip


@dataclass(frozen=True)
class Quantity:
    subject: str
    measure: str
    year: int | None
    number: Number
    location: Location
    origin: str
    """"T3:5" for a table column (table id, column), "text" for narrative."""
    row_key: str
    """The row or sentence it stands in: figures of one row recompute each other."""


@dataclass
class QuantityIndex:
    """Every quantity of a document, its subjects clustered by name."""

    quantities: list[Quantity]
    cluster_of: dict[str, int]
    suspect_columns: dict[str, tuple[str, int | None, list[Quantity]]]
    """origin -> (measure, year) its values really hold, and the copies."""
    totals: list[Quantity] = field(default_factory=list)
    """Whole-budget figures: TOTAL rows of budget tables and the narrative's."""

    @cached_property
    def by_row(self) -> dict[tuple[str, int | None], list[Quantity]]:
        """(row, year) -> the quantities printed there, in document order: the
        figures beside one copy, found without a walk over every quantity."""
        out: dict[tuple[str, int | None], list[Quantity]] = {}
        for q in self.quantities:
            out.setdefault((q.row_key, q.year), []).append(q)
        return out

    @cached_property
    def by_origin(self) -> dict[str, list[Quantity]]:
        """Table column (or "text") -> its quantities, in document order."""
        out: dict[str, list[Quantity]] = {}
        for q in self.quantities:
            out.setdefault(q.origin, []).append(q)
        return out


def table_kind(view: TableView) -> str | None:
    roles = {c.role for c in view.columns}
    if roles & {"realisasi_kinerja", "efficiency"}:
        return None
    if "anggaran" in roles:
        return "budget"
    if "populasi" in roles:
        return "coverage"
    if "realisasi" in roles or "capaian" in roles:
        return "capaian"
    if roles & {"target", "target_end"}:
        return "plan"
    return None


def table_quantities(ctx: DocContext, view: TableView) -> list[Quantity]:
    kind = table_kind(view)
    if kind is None:
        return []
    measures = dict(_MEASURES[kind])
    roles = {c.role for c in view.columns}
    if kind == "budget" and "realisasi_anggaran" in roles and roles & {"target", "capaian"}:
        # a combined table: "Kinerja | Realisasi" beside "Anggaran | Realisasi"
        measures.update(_MEASURES["capaian"])
        measures["realisasi_anggaran"] = "realisasi_anggaran"
        measures["pct"] = "persen_anggaran"
    default_year = ctx.context_year(table_order(view))
    out: list[Quantity] = []
    # two columns that claim one quantity ("Realisasi 2022" beside "Realisasi
    # Daerah"): the header does not say which is the report's own
    keys = [(measures.get(col.role or ""), col.year or default_year) for col in view.columns]
    ambiguous = {k for k in keys if k[0] and keys.count(k) > 1}
    for row in view.rows:
        if row.kind not in ("body", "subtotal"):
            continue
        subject = view.label(row.index).split(" | ")[-1]
        if len(re.findall(r"[A-Za-z]", subject)) < 3:
            continue
        for col in view.columns:
            measure = measures.get(col.role or "")
            n = view.number(row.index, col.index)
            if measure is None or n is None or (measure, col.year or default_year) in ambiguous or _looks_like_year(n):
                continue
            if _SCALE.search(col.header):
                continue  # "(Rp juta)": another scale than the copies elsewhere
            year = col.year
            if kind == "capaian" and measure == "capaian" and year is None:
                year = _ratio_year(view, col.index)
                if year == -1:
                    continue  # realisasi of one year against another year's target
                if _against_end_target(view, col.index):
                    measure = "capaian_renstra"
            out.append(
                Quantity(
                    subject=subject,
                    measure=measure,
                    year=year or default_year,
                    number=n,
                    location=cell_location(view, row.index, col.index),
                    origin=f"{view.table.id}:{col.index}",
                    row_key=f"{view.table.id}:{row.index}",
                )
            )
    return out


_SCALE = re.compile(r"\b(ribu|ribuan|juta|jutaan|miliar|milyar|triliun|rb|jt)\b", re.IGNORECASE)


def _looks_like_year(n: Number) -> bool:
    return n.decimals == 0 and not n.percent and not n.grouped and 1950 <= n.value <= 2099


def _against_end_target(view: TableView, c: int) -> bool:
    """A capaian right of a Renstra end target measures progress to it."""
    left = [col.role for col in view.columns[:c][::-1] if col.role in ("target", "target_end")]
    return bool(left) and left[0] == "target_end"


def _ratio_year(view: TableView, c: int) -> int | None:
    """The year of a capaian column without one: that of the realisasi and
    target it divides (nearest to its left); -1 when their years differ."""
    left = [col for col in view.columns[:c][::-1]]
    real = next((col for col in left if col.role == "realisasi"), None)
    target = next((col for col in left if col.role in ("target", "target_end")), None)
    if real is None or target is None:
        return None
    if real.year and target.year and real.year != target.year:
        return -1
    return real.year or target.year


# Narrative: "realisasi (dari indikator ini) adalah 1,61%", "ditargetkan ... sebesar 0,8%".
_MEASURE_WORDS = {
    "target": r"target(?:nya)?|ditargetkan",
    "realisasi": r"realisasi(?:nya)?|terealisasi",
    "capaian": r"(?:angka |persentase |tingkat )?capaian(?:nya)?|tercapai",
}
_GAP = r"(?:[^\d.;:()]{0,80}?)"
# "di atas 90%", "lebih dari 5": a bound, not the figure itself
_COMPARISON = re.compile(
    r"\b(di atas|di bawah|lebih|kurang|melebihi|hampir|sekitar|mendekati|minimal|maksimal|paling|kisaran|rata-rata)\b",
    re.IGNORECASE,
)
_OTHER_BASE = re.compile(r"\bdibanding(kan)?\b|\bterhadap target\b|\btarget akhir\b|\brenstra\b", re.IGNORECASE)
# "100% untuk PSKS perorangan": a part; "2 (dua) indikator": a count
_AFTER_BREAKS = re.compile(
    r"^\s*(?:%\s*)?(untuk|pada|bagi|di)\b|^\s*\((satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\b",
    re.IGNORECASE,
)
# "Level 3", "Nilai A": a grade, not the measured value
_LABEL_BEFORE = re.compile(r"\b(level|nilai|predikat|kategori|opini|peringkat|tingkat)\s*$", re.IGNORECASE)
# a sentence that sets the subject against another body or base
_CONTRAST = re.compile(
    r"\b(sedangkan|daripada|level di atasnya|provinsi|nasional|kabupaten/kota lain|rata-rata nasional)\b",
    re.IGNORECASE,
)


# "rumus ke 2", "ke-2", "Tabel 3.2", "Pasal 5", "nomor 2": an ordinal or a reference, not a figure
_REFERENCE_BEFORE = re.compile(
    r"\b(ke|ke-|tabel|table|gambar|grafik|bab|pasal|ayat|butir|nomor|no\.?|lampiran|rumus|tahap|hal\.?|halaman)\s*-?\s*$",
    re.IGNORECASE,
)
# "penurunan target kinerja sebesar 9,92%": a change of the target, not the target
_CHANGE_BEFORE = re.compile(
    r"\b(penurunan|kenaikan|peningkatan|perubahan|selisih|pertumbuhan|pergeseran|naik|turun|menurun|meningkat)\s*$",
    re.IGNORECASE,
)
# "13 kecamatan", "11 wilayah", "5 orang": a count of things, with its own noun
_COUNTED = re.compile(
    r"^\s*(orang|jiwa|kk|kecamatan|kelurahan|desa|wilayah|daerah|kabupaten|kota|unit|buah|titik|lokasi|paket|"
    r"kegiatan|program|indikator|sasaran|dokumen|laporan|kali|hari|minggu|bulan|opd|skpd|instansi|sekolah|rumah|"
    r"ruas|km|ha|hektar|ton|kg|m2|m3|meter)\b",
    re.IGNORECASE,
)


def is_reference(sentence: Sentence, num: TextNumber) -> bool:
    """An ordinal or a reference to a table, article or formula (``rumus ke
    2``, ``Tabel 3.2``): it names something, it is not a measured figure."""
    return bool(_REFERENCE_BEFORE.search(sentence.text[max(0, num.start - 12) : num.start]))


def counted_noun(sentence: Sentence, num: TextNumber) -> str | None:
    """The noun right after a plain (non-%) figure that says what it counts:
    such a figure is a value of an indicator only if the indicator counts
    that noun ("Jumlah kecamatan terlayani": 13 kecamatan)."""
    if num.number.percent:
        return None
    m = _COUNTED.match(sentence.text[num.end :])
    return m.group(1).lower() if m else None


_SHARE_NAME = re.compile(r"^\W*(persentase|prosentase|proporsi|rasio|cakupan|tingkat|indeks|indek)\b", re.IGNORECASE)


def is_share_name(subject: str) -> bool:
    """An indicator named as a share, a ratio or an index ("Persentase desa
    mandiri"): its values are percentages or scores, so a count of the noun
    it names ("33 desa") is never one of its values."""
    return bool(_SHARE_NAME.search(subject))


def _governs(sentence: Sentence, measure: str, start: int, gap: str, subject: str) -> bool:
    """Does the measure word at ``start`` govern the figure after ``gap``?

    Not when a change word precedes it ("penurunan target ... 9,92%": the
    change of the target), and not for "capaian" followed by the indicator's
    own name ("capaian kemantapan jalan adalah 76,37%": the level achieved,
    i.e. the realisasi, not the capaian ratio): attribution needs evidence."""
    if _CHANGE_BEFORE.search(sentence.text[max(0, start - 30) : start]):
        return False
    if measure == "capaian":
        named = set(tokens(subject)) & set(tokens(gap))
        if named:
            return False
    return True


def sentence_quantities(ctx: DocContext, sentence: Sentence, subject: str, idx: int) -> list[Quantity]:
    """Figures a sentence attributes to ``subject``: a measure word, at most a
    few plain words, then the number. A figure followed by "untuk ..." is
    about a part of the subject and is left out."""
    year = None
    years = {int(y) for y in re.findall(r"\btahun (19[5-9]\d|20\d\d)\b", sentence.text, re.IGNORECASE)}
    if len(years) == 1:
        year = years.pop()
    year = year or ctx.context_year(sentence.order)
    out: list[Quantity] = []
    if _CONTRAST.search(sentence.text):
        return out  # "..., sedangkan Provinsi Jawa Timur tercapai 1,141": other subjects
    taken: set[int] = set()
    for measure, words in _MEASURE_WORDS.items():
        for m in re.finditer(rf"\b(?:{words})\b", sentence.text, re.IGNORECASE):
            num = _first_number_after(sentence, m.end())
            if num is None or num.start in taken or is_reference(sentence, num):
                continue
            gap = sentence.text[m.end() : num.start]
            if not re.fullmatch(_GAP, _YEAR.sub("", gap)) or _other_measure_in(gap, measure) or _COMPARISON.search(gap):
                continue
            if not _governs(sentence, measure, m.start(), gap, subject):
                continue
            noun = counted_noun(sentence, num)
            if noun and (noun not in tokens(subject) or is_share_name(subject)):
                # "13 kecamatan" counts kecamatan, the indicator measures
                # something else; "33 desa" is never a "Persentase desa ..."
                continue
            if measure == "capaian" and _OTHER_BASE.search(sentence.text):
                continue  # "dibandingkan dengan target 2019 ... capaiannya 50,6%": another base
            if _AFTER_BREAKS.match(sentence.text[num.end :]) or _LABEL_BEFORE.search(sentence.text[: num.start]):
                continue
            num = _counted_as_share(sentence, num)
            if num is None or num.start in taken:
                continue
            taken.add(num.start)
            gap_years = {int(y) for y in _YEAR.findall(gap)}
            out.append(
                Quantity(
                    subject=subject,
                    measure=measure,
                    year=gap_years.pop() if len(gap_years) == 1 else year,
                    number=num.number,
                    location=num.location,
                    origin="text",
                    row_key=f"S{idx}",
                )
            )
    return out


_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_COUNT_THEN_SHARE = re.compile(r"^\s*([a-zA-Z]{1,12}\s+)?(,-\s*)?atau\s+(sebesar\s+)?$", re.IGNORECASE)


def _counted_as_share(sentence: Sentence, num: TextNumber) -> TextNumber | None:
    """ "2.538 orang atau 15,18%": the share is the indicator's figure."""
    after = [n for n in sentence.numbers if n.start > num.start]
    if after and _COUNT_THEN_SHARE.match(sentence.text[num.end : after[0].start]) and after[0].number.percent:
        return after[0]
    return num


def _first_number_after(sentence: Sentence, pos: int) -> TextNumber | None:
    for n in sentence.numbers:
        if n.start >= pos and not n.is_year:
            return n
    return None


def _other_measure_in(gap: str, measure: str) -> bool:
    return any(
        re.search(rf"\b(?:{words})\b", gap, re.IGNORECASE) for m, words in _MEASURE_WORDS.items() if m != measure
    )


TOTAL_SUBJECT = "__total__"
"""The subject of a budget table's TOTAL row and of the narrative's "pagu
anggaran sebesar ..." / "realisasi anggaran sebesar ...": the whole budget."""

_TOTAL_WORDS = {
    "anggaran": r"(?:total |jumlah )?pagu anggaran|total anggaran|anggaran (?:seluruhnya|keseluruhan)",
    "realisasi_anggaran": r"realisasi (?:anggaran|keuangan)|telah direalisasi(?:kan)?",
    "sisa_anggaran": r"sisa anggaran|anggaran yang tidak terserap|sisa dana",
}
# only plain filler between the words and the figure
_TOTAL_GAP = re.compile(r"^\s*((sebesar|senilai|yaitu|adalah|mencapai|tahun|\d{4}|secara keseluruhan)\s*)*$", re.I)
# "pagu awal ... penambahan ...": a step of the budget, not its total
_BUDGET_STEP = re.compile(r"\b(awal|penambahan|tambahan|pengurangan|perubahan|semula|DIPA)", re.I)


def total_quantities(ctx: DocContext, view: TableView) -> list[Quantity]:
    """The TOTAL row of a budget table, as the document's whole budget."""
    if table_kind(view) != "budget":
        return []
    measures = _MEASURES["budget"]
    default_year = ctx.context_year(table_order(view))
    out: list[Quantity] = []
    for row in view.rows:
        if row.kind != "total":
            continue
        left = _budget_left(view, row.index, default_year)
        if left:
            out.append(left)
        for col in view.columns:
            measure = measures.get(col.role or "")
            n = view.number(row.index, col.index)
            if measure is None or n is None:
                continue
            out.append(
                Quantity(
                    subject=TOTAL_SUBJECT,
                    measure=measure,
                    year=col.year or default_year,
                    number=n,
                    location=cell_location(view, row.index, col.index),
                    origin=f"{view.table.id}:{col.index}",
                    row_key=f"{view.table.id}:{row.index}",
                )
            )
    return out


def _budget_left(view: TableView, r: int, year: int | None) -> Quantity | None:
    """Sisa anggaran of a TOTAL row: anggaran - realisasi, as the text prints it."""
    amounts = {}
    for col in view.columns:
        n = view.number(r, col.index)
        if n is not None and col.role in ("anggaran", "realisasi", "realisasi_anggaran") and not n.percent:
            amounts.setdefault("anggaran" if col.role == "anggaran" else "realisasi", (n, col.index))
    if len(amounts) < 2:
        return None
    (budget, c), (spent, _) = amounts["anggaran"], amounts["realisasi"]
    if budget.decimals or spent.decimals:
        return None
    value = budget.value - spent.value
    number = Number(text=format_number(value, 0), value=value, decimals=0, grouped=True)
    return Quantity(
        TOTAL_SUBJECT, "sisa_anggaran", year, number, cell_location(view, r, c), f"{view.table.id}:sisa", ""
    )


def sentence_totals(ctx: DocContext, sentence: Sentence, idx: int) -> list[Quantity]:
    """ "pagu anggaran sebesar Rp43.393.136.929.000 telah direalisasi sebesar
    Rp41.233.321.127.944 atau 95,02%": the whole budget, spent, and its share."""
    if _CONTRAST.search(sentence.text) or _BUDGET_STEP.search(sentence.text):
        return []
    year = ctx.context_year(sentence.order)
    out: list[Quantity] = []
    for measure, words in _TOTAL_WORDS.items():
        for m in re.finditer(rf"\b(?:{words})\b", sentence.text, re.IGNORECASE):
            num = _first_number_after(sentence, m.end())
            if num is None:
                continue
            if not _TOTAL_GAP.match(sentence.text[m.end() : num.start]):
                continue
            found = [(measure, num)]
            if measure == "realisasi_anggaran" and not num.number.percent:
                share = _counted_as_share(sentence, num)
                if share is not None and share is not num:
                    found.append(("persen_anggaran", share))
            elif measure == "realisasi_anggaran":
                found = [("persen_anggaran", num)]
            for meas, n in found:
                if meas != "persen_anggaran" and not (n.number.currency or n.number.grouped):
                    continue
                out.append(Quantity(TOTAL_SUBJECT, meas, year, n.number, n.location, "text", f"S{idx}"))
    return out
