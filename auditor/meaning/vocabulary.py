"""The words a report uses for its columns, rows, indicator directions and
status values (``column_roles``, ``row_roles``, ``polarity`` and
``status_words`` of the rule files), compiled."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

STATUSES_KEPT = 100_000
"""Answers of :meth:`RoleVocabulary.is_status` kept (one vocabulary serves
every document of a batch): past it they are forgotten and computed again."""


@dataclass
class RoleVocabulary:
    columns: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)
    rows: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)
    polarity_patterns: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)
    status: list[re.Pattern[str]] = field(default_factory=list)
    _roles: dict[tuple[str, frozenset[str]], str | None] = field(default_factory=dict, repr=False, compare=False)
    """Answers of :meth:`column_role`: the loader fills the patterns before
    any header is read, and every table's headers are asked again by the
    rules (96 patterns tried per header)."""
    _polarities: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)
    """Answers of :meth:`polarity`, kept as ``_roles`` is."""
    _statuses: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    """Answers of :meth:`is_status`, kept as ``_roles`` is: every text line is
    asked once by each of the six readers of headings."""

    def is_status(self, text: str) -> bool:
        """Whether a cell or line is a status word alone (``Sangat Baik``,
        ``Tercapai``, ``(Tinggi)``): a value, never a heading or a group
        name. A pattern must match the whole text, so a name that merely
        contains a status word (``Program Baik``) is no status."""
        known = self._statuses.get(text)
        if known is None:
            if len(self._statuses) >= STATUSES_KEPT:
                self._statuses.clear()
            known = self._statuses[text] = self._is_status(text)
        return known

    def _is_status(self, text: str) -> bool:
        t = " ".join(text.strip(" \t.,;:()[]*").split())
        return bool(t) and any(p.fullmatch(t) for p in self.status)

    def polarity(self, label: str) -> str | None:
        """'lower' for an indicator where less is better, 'higher' where the
        words say so explicitly (penurunan X: the decrease itself is counted)."""
        if label in self._polarities:
            return self._polarities[label]
        found = self._polarities[label] = self._polarity(label)
        return found

    def _polarity(self, label: str) -> str | None:
        h = " ".join(label.lower().split())
        for kind in ("higher", "lower"):
            if any(p.search(h) for p in self.polarity_patterns.get(kind, [])):
                return kind
        return None

    def label_polarity(self, label: str) -> str | None:
        """Polarity of a row named by several cells ("sasaran | indikator"):
        only the indicator's own name (the last part) says its direction. A
        sasaran states a goal ("Terkendalinya inflasi", "Menurunnya angka
        kemiskinan"), whatever the direction of the indicators under it."""
        return self.polarity(label.split(" | ")[-1])

    def column_role(self, header: str, exclude: frozenset[str] = frozenset()) -> str | None:
        """The role the first matching ``column_roles`` pattern gives a header."""
        key = (header, exclude)
        if key in self._roles:
            return self._roles[key]
        found = self._roles[key] = self._column_role(header, exclude)
        return found

    def _column_role(self, header: str, exclude: frozenset[str]) -> str | None:
        h = " ".join(header.lower().split())
        for role, pat in self.columns:
            if role not in exclude and pat.search(h):
                return role
        return None

    def row_role(self, label: str) -> str | None:
        h = " ".join(label.lower().split())
        if re.fullmatch(r"(\w )+\w", h):
            h = h.replace(" ", "")  # letter-spaced "J U M L A H"
        for role, pats in self.rows.items():
            if any(p.search(h) for p in pats):
                return role
        return None
