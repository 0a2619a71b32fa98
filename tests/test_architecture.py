"""The package's imports go one way, stage by stage, and form no cycle.

The import graph is built from the source (``ast``), imports inside
functions included, so a lazy import cannot hide a cycle or an upward
dependency. Stages, lowest first: a module may import its own stage and the
stages below it, never one above.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "auditor"

STAGES: list[tuple[str, tuple[str, ...]]] = [
    ("foundation", ("auditor", "auditor.errors", "auditor.cli_options")),
    ("document model", ("auditor.model",)),
    ("readers", ("auditor.readers",)),
    ("meaning", ("auditor.meaning",)),
    ("rule sets", ("auditor.rulesets",)),
    ("findings", ("auditor.findings",)),
    ("checks", ("auditor.checks",)),
    ("reporters", ("auditor.reporters",)),
    ("orchestration", ("auditor.audit", "auditor.batch", "auditor.settings", "auditor.progress")),
    ("exporters", ("auditor.gx",)),
    ("command line", ("auditor.cli", "auditor.cli_reading", "auditor.__main__")),
]
"""The order data flows through (readers -> model -> meaning -> checks ->
findings -> reporters, and exporters such as ``audit gx`` that run an
audit themselves) seen from the imports: a stage imports the record
types it consumes and produces, so the document model and the findings
records sit below the stages that build them."""


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The module an import names: itself, else its nearest enclosing one."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _imports(module: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, list[str], int]]:
    """(imported module, names imported from it, line) for every import of ``module``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    out: list[tuple[str, list[str], int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = _resolve(alias.name, modules)
                if target:
                    out.append((target, [], node.lineno))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".") if is_package else module.split(".")[:-1]
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if not base.startswith("auditor"):
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                if sub in modules:  # ``from auditor.checks import crossref``
                    out.append((sub, [], node.lineno))
                else:
                    target = _resolve(base, modules)
                    if target:
                        out.append((target, [alias.name], node.lineno))
    return out


def _graph() -> dict[str, dict[str, list[tuple[list[str], int]]]]:
    modules = _modules()
    graph: dict[str, dict[str, list[tuple[list[str], int]]]] = {m: {} for m in modules}
    for module, path in modules.items():
        for target, names, line in _imports(module, path, modules):
            if target != module:
                graph[module].setdefault(target, []).append((names, line))
    return graph


def _stage(module: str) -> int:
    best, best_len = -1, -1
    for i, (_, prefixes) in enumerate(STAGES):
        for prefix in prefixes:
            exact_only = prefix == "auditor"
            hit = module == prefix or (not exact_only and module.startswith(prefix + "."))
            if hit and len(prefix) > best_len:
                best, best_len = i, len(prefix)
    return best


def test_every_module_has_a_stage() -> None:
    unplaced = [m for m in _graph() if _stage(m) < 0]
    assert not unplaced, f"place these modules in a stage of {__name__}.STAGES: {unplaced}"


def test_no_module_imports_a_higher_stage() -> None:
    upward = []
    for module, targets in _graph().items():
        for target, uses in targets.items():
            if _stage(target) > _stage(module):
                lines = ", ".join(str(line) for _, line in uses)
                upward.append(
                    f"{module} ({STAGES[_stage(module)][0]}) imports {target} ({STAGES[_stage(target)][0]}), line {lines}"
                )
    assert not upward, "\n".join(upward)


def _cycles(graph: dict[str, dict[str, list[tuple[list[str], int]]]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycle() -> None:
    cycles = _cycles(_graph())
    assert not cycles, "import cycles: " + "; ".join(" <-> ".join(c) for c in cycles)


def test_no_private_name_is_imported_across_modules() -> None:
    private = [
        f"{module} imports {name} from {target}"
        for module, targets in _graph().items()
        for target, uses in targets.items()
        for names, _ in uses
        for name in names
        if name.startswith("_") and not name.startswith("__")
    ]
    assert not private, "\n".join(private)


def test_the_graph_sees_imports_inside_functions() -> None:
    # cli imports the orchestrator lazily, inside its commands
    assert "auditor.audit" in _graph()["auditor.cli"]
