"""The order every format lists findings in: by chapter, then page, with
the worst first and related findings (one table, one cell) kept together.

A reviewer works through the report chapter by chapter with the printed
pages open; on one page the errors matter most, and a total that is wrong
next to the capaian that depends on it is one problem, read best at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditor.findings.records import SEVERITY_ORDER, Finding
from auditor.meaning.layout import Layout, Order, location_place


@dataclass
class Group:
    """The findings of one page (or of a text export's chapter) in one chapter."""

    chapter: str | None
    page: int | None
    findings: list[Finding]


def _place(f: Finding) -> Order:
    return location_place(f.locations[0]) if f.locations else (0, 0.0)


def _clusters(findings: list[Finding]) -> list[list[Finding]]:
    """Findings joined when they share a table or a printed cell, in the
    order of their first member (union-find over the shared keys)."""
    parent = list(range(len(findings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[object, ...], int] = {}
    for i, f in enumerate(findings):
        for loc in f.locations:
            keys = [("table", loc.table)] if loc.table else []
            if loc.bbox is not None:
                keys.append(("cell", loc.page, tuple(round(v) for v in loc.bbox)))
            for key in keys:
                j = owner.setdefault(key, i)
                parent[root(i)] = root(j)
    out: dict[int, list[Finding]] = {}
    for i, f in enumerate(findings):
        out.setdefault(root(i), []).append(f)
    return list(out.values())


def _worst_first(cluster: list[Finding]) -> list[Finding]:
    return sorted(cluster, key=lambda f: (-SEVERITY_ORDER[f.severity], _place(f)))


def arrange(findings: list[Finding], layout: Layout) -> list[Group]:
    """``findings`` grouped by chapter and page, each group's clusters of
    related findings worst first, and the worst of each cluster first."""
    keyed: dict[tuple[int, int], list[Finding]] = {}
    for f in sorted(findings, key=_place):
        place = _place(f)
        keyed.setdefault((layout.chapter_index(place), place[0]), []).append(f)
    groups: list[Group] = []
    for (_, page), members in sorted(keyed.items()):
        clusters = [_worst_first(c) for c in _clusters(members)]
        # the worst cluster first; of equally bad ones, the one that begins first
        clusters.sort(key=lambda c: (-SEVERITY_ORDER[c[0].severity], min(map(_place, c))))
        ordered = [f for c in clusters for f in c]
        groups.append(Group(layout.chapter_at(_place(ordered[0])), page or None, ordered))
    return groups


def arranged(findings: list[Finding], layout: Layout) -> list[Finding]:
    return [f for g in arrange(findings, layout) for f in g.findings]
