"""Every engine, in one list: a new engine is its module and one line here.

The rule loader accepts a rule whose ``engine:`` names one of these (the
orchestrator passes it :data:`ENGINE_NAMES`), ``auditor.audit`` runs them
and ``audit engines`` documents them from this list.
"""

from __future__ import annotations

from auditor.checks import (
    aggregates,
    block_rows,
    breakdowns,
    citations,
    count_elsewhere,
    crossref,
    difference,
    habits,
    last_year,
    list_totals,
    malformed,
    numbering,
    of_indicators,
    pair_subjects,
    period,
    polarity,
    practice,
    range_target,
    relations,
    remarks,
    row_formula,
    same_set,
    sasaran_mean,
    sentence_copies,
    slips,
    status_marks,
    structure,
    summary_counts,
    trend,
    truncation_habit,
    units,
    unread,
)
from auditor.checks.engine import Engine
from auditor.checks.narrative import arithmetic, changes, claims

ENGINES: tuple[Engine, ...] = (
    # one table at a time: check(rule, view, run)
    Engine(
        "row-formula",
        "table",
        practice.check_row_formula_in_practice,
        practice.SETTINGS[:2],
        relations=row_formula.checked_row_formula,
    ),
    Engine("polarity", "table", polarity.check_polarity, (practice.BASIS_NAMES, practice.PRACTICE_NOTE)),
    Engine("range-target", "table", range_target.check_range_targets),
    Engine("total-row", "table", aggregates.check_total_rows, relations=aggregates.checked_total_rows),
    Engine("summary-row", "table", aggregates.check_summary_rows, relations=aggregates.checked_summary_rows),
    Engine("average-row", "table", aggregates.check_average_rows, relations=aggregates.checked_average_rows),
    Engine("subtotal-row", "table", aggregates.check_subtotal_rows, relations=aggregates.checked_subtotal_rows),
    Engine("total-column", "table", aggregates.check_total_columns, relations=aggregates.checked_total_columns),
    Engine("percent-cap", "table", units.check_percent_cap, units.PERCENT_CAP),
    Engine("orphan-ratio", "table", units.check_orphan_ratio, units.ORPHAN_RATIO),
    Engine("mixed-units", "table", units.check_mixed_units),
    Engine("numbering", "table", numbering.check_numbering),
    Engine(
        "column-relation", "table", relations.check_relations, relations.SETTINGS, relations=relations.checked_relations
    ),
    Engine(
        "block-row", "table", block_rows.check_block_rows, block_rows.SETTINGS, relations=block_rows.checked_block_rows
    ),
    Engine("table-formula-habit", "table", habits.check_table_formula_habit),
    Engine("remark-names", "table", remarks.check_remark_names),
    # the whole document: check(rule, run)
    Engine("cross-reference", "document", crossref.check_cross_references, crossref.SETTINGS),
    Engine("header-content", "document", crossref.check_header_content, (crossref.MEASURE_NAMES,)),
    Engine("duplicate-rows", "document", structure.check_duplicate_rows),
    Engine("repeated-labels", "document", structure.check_repeated_labels),
    Engine("heading-year", "document", structure.check_heading_year, structure.HEADING_YEAR),
    Engine("formula-habit", "document", habits.check_formula_habit),
    Engine("average-habit", "document", habits.check_average_habit, (habits.NAMES,)),
    Engine(truncation_habit.ENGINE, "document", truncation_habit.check_truncation_habit),
    Engine("narrative-share", "document", arithmetic.check_share),
    Engine("narrative-capaian", "document", arithmetic.check_capaian_sentence),
    Engine("narrative-budget", "document", arithmetic.check_budget_change),
    Engine("narrative-parts", "document", arithmetic.check_parts),
    Engine("narrative-average", "document", arithmetic.check_average),
    Engine("narrative-change", "document", changes.check_change),
    Engine("narrative-household", "document", changes.check_household),
    Engine("claim-all-indicators", "document", claims.check_all_indicators),
    Engine("claim-indicators-achieved", "document", claims.check_indicators_achieved),
    Engine("claim-count", "document", claims.check_counts),
    Engine("narrative-difference", "document", difference.check_difference),
    Engine("own-period-year", "document", period.check_own_period_year),
    Engine("period-ordinal-year", "document", period.check_period_ordinal),
    Engine("figure-slip", "document", slips.check_figure_slips),
    Engine("figure-under-other-subject", "document", pair_subjects.check_pair_subjects),
    Engine("summary-count", "document", summary_counts.check_summary_counts),
    Engine("trend-table", "document", trend.check_trend_tables),
    Engine("status-mark", "document", status_marks.check_status_marks),
    Engine("sentence-copy", "document", sentence_copies.check_sentence_copies),
    Engine("last-year-figures", "document", last_year.check_last_year_figures),
    Engine("list-total", "document", list_totals.check_list_totals),
    Engine("same-set", "document", same_set.check_same_set),
    Engine("sasaran-mean", "document", sasaran_mean.check_sasaran_mean),
    Engine("count-in-document", "document", count_elsewhere.check_counts_in_document),
    Engine("regulation-citation", "document", citations.check_regulation_citations),
    Engine("of-indicators", "document", of_indicators.check_of_indicators),
    Engine("breakdown-two-ways", "document", breakdowns.check_breakdowns),
    Engine("malformed-number", "document", malformed.check_malformed_numbers, (malformed.MIN_NUMERIC_SHARE,)),
    Engine("unread-pages", "document", unread.check_unread_pages),
)

ENGINE_NAMES: tuple[str, ...] = tuple(e.name for e in ENGINES)
BY_NAME: dict[str, Engine] = {e.name: e for e in ENGINES}
TABLE_ENGINES = frozenset(e.name for e in ENGINES if e.scope == "table")
"""Engines that look at one table at a time (the others read the document)."""
