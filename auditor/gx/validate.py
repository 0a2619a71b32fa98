"""The Great Expectations side of ``audit gx``: suite, Checkpoint, Data Docs.

The only module that imports ``great_expectations`` (imported by the command
when it runs). Every checked relation becomes one expectation of the custom
multicolumn type ``expect_printed_arithmetic_to_hold``, named after its rule
code; GX has no expectation that tolerates printed precision, and none that
relates a closing row to the rows it closes. The validation runs over the
tidy data in an ephemeral context, whose Data Docs site is written to
``DIR/data_docs``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Literal

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")  # never phone home

import great_expectations as gx
import pandas as pd
from great_expectations.data_context.types.base import ProgressBarsConfig
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import MulticolumnMapExpectation
from great_expectations.expectations.metrics.map_metric_provider import MulticolumnMapMetricProvider
from great_expectations.expectations.metrics.map_metric_provider.multicolumn_condition_partial import (
    multicolumn_condition_partial,
)

from auditor.gx.printed import Texts, holds
from auditor.gx.tidy import TEXT

SUITE = "lakip_table_arithmetic"
SITE = "lakip_data_docs"


class MulticolumnPrintedArithmetic(MulticolumnMapMetricProvider):
    """Row-wise: does the checked cell of a row follow from its inputs within
    printed precision? Rows outside the relation pass."""

    condition_metric_name = "multicolumn_values.printed_arithmetic"
    condition_domain_keys = ("batch_id", "table", "column_list", "row_condition", "condition_parser", "ignore_row_if")
    condition_value_keys = ("relation",)

    @multicolumn_condition_partial(engine=PandasExecutionEngine)  # type: ignore[misc]
    def _pandas(cls, column_list: pd.DataFrame, **kwargs: Any) -> pd.Series:
        relation = kwargs["relation"]
        mine = column_list["table"] == relation["table"]
        texts: Texts = {}
        for _, rec in column_list[mine].iterrows():
            for col in column_list.columns:
                if col.endswith(TEXT):
                    texts[(int(rec["row"]), col[: -len(TEXT)])] = str(rec[col] or "")
        checked = set(relation["rows"])
        return pd.Series(
            [
                not (m and int(r) in checked) or holds(relation, texts, int(r))
                for m, r in zip(mine, column_list["row"], strict=True)
            ],
            index=column_list.index,
        )


class ExpectPrintedArithmeticToHold(MulticolumnMapExpectation):
    """Expect each checked cell to lie within the interval that some form of
    its relation computes from the rounding intervals of its printed inputs
    (``76,42`` stands for 76,415 to 76,425). The ``relation`` argument names
    the rule, the table, the checked column and rows, and the forms."""

    relation: dict[str, Any]
    ignore_row_if: Literal["all_values_are_missing", "any_value_is_missing", "never"] = "never"
    map_metric = "multicolumn_values.printed_arithmetic"
    success_keys = ("mostly", "relation")
    args_keys = ("column_list", "relation")


def expectation(relation: dict[str, Any], meta: dict[str, Any], description: str) -> ExpectPrintedArithmeticToHold:
    """The expectation of one checked relation, over the table and row
    columns and the printed text of every column the relation reads."""
    keys = [relation["output"]] + [k for f in relation["forms"] for _, _, k in f["cells"]]
    texts = list(dict.fromkeys(k + TEXT for k in keys))
    return ExpectPrintedArithmeticToHold(
        column_list=["table", "row", *texts], relation=relation, meta=meta, description=description
    )


def _frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records)
    for col in frame.columns:
        if col.endswith(TEXT):
            frame[col] = frame[col].fillna("").astype(str)
    return frame


def run_suite(records: list[dict[str, Any]], expectations: list[Any], out_dir: Path) -> dict[str, Any]:
    """Validate ``records`` against ``expectations`` with a Checkpoint, build
    the Data Docs in ``out_dir/data_docs`` and write the suite and the
    validation result as JSON; the result's JSON is returned."""
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    docs_dir = out_dir / "data_docs"
    context.add_data_docs_site(
        site_name=SITE,
        site_config={
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    asset = context.data_sources.add_pandas("lakip").add_dataframe_asset("tables")
    batch = asset.add_batch_definition_whole_dataframe("all rows")
    suite = context.suites.add(gx.ExpectationSuite(name=SUITE))
    for exp in expectations:
        suite.add_expectation(exp)
    definition = context.validation_definitions.add(gx.ValidationDefinition(name=SUITE, data=batch, suite=suite))
    checkpoint = context.checkpoints.add(
        gx.Checkpoint(
            name=SUITE,
            validation_definitions=[definition],
            actions=[gx.checkpoint.UpdateDataDocsAction(name="data docs", site_names=[SITE])],
            result_format={"result_format": "COMPLETE", "unexpected_index_column_names": ["table", "row"]},
        )
    )
    result = checkpoint.run(batch_parameters={"dataframe": _frame(records)})
    validation = next(iter(result.run_results.values())).to_json_dict()
    (out_dir / "suite.json").write_text(json.dumps(suite.to_json_dict(), indent=2, ensure_ascii=False), "utf-8")
    (out_dir / "validation.json").write_text(json.dumps(validation, indent=2, ensure_ascii=False), "utf-8")
    return validation


def failed_cells(validation: dict[str, Any]) -> list[dict[str, Any]]:
    """Every cell a failed expectation names: its rule, table, row and column."""
    out = []
    for res in validation["results"]:
        meta = res["expectation_config"]["meta"]
        for idx in res["result"].get("unexpected_index_list") or []:
            out.append({"rule": meta["rule"], "table": idx["table"], "row": int(idx["row"]), "column": meta["column"]})
    return out
