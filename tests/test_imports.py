"""Imports go one way, and never in a circle (docs/design.md, Layers).

The graph is read from the source with ``ast``: every module-level import of a
``herplan`` module, those under ``if TYPE_CHECKING:`` too (a type hint that
points up the layers closes a cycle for the type checker). The layers, top to
bottom: ``herplan.app`` (what a person drives), ``herplan.io`` (file formats),
``herplan.scheduler`` (the engine), ``herplan.constraints`` (the rules), and the
plain domain in ``src/herplan``. A module may import its own layer and the
layers below it, never one above; and there is no cycle anywhere.
"""

from __future__ import annotations

import ast
from collections.abc import Collection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = {
    "herplan.app": "app",
    "herplan.io": "io",
    "herplan.scheduler": "scheduler",
    "herplan.constraints": "constraints",
    "herplan": "src/herplan",
}
# Top to bottom; the package ``herplan`` itself (the public API) imports lazily.
LAYERS = ("herplan.app", "herplan.io", "herplan.scheduler", "herplan.constraints", "herplan")


def _modules() -> dict[str, Path]:
    found = {}
    for package, folder in PACKAGES.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            parts = parts[:-1] if parts[-1] == "__init__" else parts
            found[".".join((package, *parts))] = path
    return found


def layer(module: str) -> int:
    """The layer of ``module``: 0 is the top (app)."""
    return next(
        n for n, name in enumerate(LAYERS) if module == name or module.startswith(name + ".")
    )


def against_the_layers(graph: dict[str, set[str]]) -> list[str]:
    """Every import of a module in a layer above the importer's."""
    return sorted(
        f"{importer} imports {imported}"
        for importer, imports in graph.items()
        if importer != "herplan"
        for imported in imports
        if imported != "herplan" and layer(imported) < layer(importer)
    )


def _module_imports(tree: ast.Module, modules: Collection[str]) -> list[str]:
    """What the module imports at module level, for type hints too (``if TYPE_CHECKING:``);
    ``from pkg import mod`` counts as ``pkg.mod``."""
    names: list[str] = []
    for node in tree.body:
        for inner in ast.walk(node) if not isinstance(node, ast.FunctionDef) else ():
            if isinstance(inner, ast.ImportFrom) and inner.module:
                for alias in inner.names:
                    sub = f"{inner.module}.{alias.name}"
                    names.append(sub if sub in modules else inner.module)
            elif isinstance(inner, ast.Import):
                names += [a.name for a in inner.names]
    return names


def graph_of(sources: dict[str, str]) -> dict[str, set[str]]:
    """Which of these modules each one imports, from their source text."""
    graph: dict[str, set[str]] = {}
    for name, source in sources.items():
        imported = _module_imports(ast.parse(source), sources)
        graph[name] = {m for m in imported if m in sources and m != name}
    return graph


def import_graph() -> dict[str, set[str]]:
    return graph_of({name: path.read_text(encoding="utf-8") for name, path in _modules().items()})


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_checker_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_an_import_for_type_hints_only_counts():
    hints_only = """from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from herplan.scheduler.model import PlanModel
"""
    runs = "from herplan.constraints.base import Rule\n"
    graph = graph_of({"herplan.constraints.base": hints_only, "herplan.scheduler.model": runs})
    assert cycles(graph) == [["herplan.constraints.base", "herplan.scheduler.model"]]
    assert against_the_layers(graph) == ["herplan.constraints.base imports herplan.scheduler.model"]


def test_no_import_cycle_between_herplan_modules():
    graph = import_graph()
    assert len(graph) > 40
    assert cycles(graph) == []


def test_the_layer_check_finds_an_import_against_the_direction():
    graph = {
        "herplan.app.cli": {"herplan.io.plan_json"},
        "herplan.io.plan_json": set(),
        "herplan.constraints.clustering": {"herplan.scheduler.bounds", "herplan.domain"},
        "herplan.scheduler.bounds": set(),
        "herplan.domain": set(),
    }
    assert against_the_layers(graph) == [
        "herplan.constraints.clustering imports herplan.scheduler.bounds"
    ]


def test_imports_go_one_way_app_io_scheduler_constraints_domain():
    graph = import_graph()
    assert {"herplan.app.cli", "herplan.io.plan_json", "herplan.domain"} <= set(graph)
    assert against_the_layers(graph) == []


def _io_modules() -> dict[str, ast.Module]:
    modules = _modules().items()
    return {
        name: ast.parse(path.read_text(encoding="utf-8"))
        for name, path in modules
        if layer(name) == 1
    }


def _imported(node: ast.AST) -> list[str]:
    """The modules one import statement names (``from a import b`` names ``a``)."""
    if isinstance(node, ast.ImportFrom):
        return [node.module or ""]
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    return []


def test_io_reads_and_writes_files_and_keeps_no_store_nor_sends_mail():
    """The answer store, the corrections and the mail server are the app's (app/stores/,
    app/mailer.py): no module of io/ imports sqlite3 or smtplib, anywhere in it."""
    found = sorted(
        f"{name} imports {module}"
        for name, tree in _io_modules().items()
        for module in _store_and_mail(tree)
    )
    assert len(_io_modules()) > 20
    assert found == []


def _store_and_mail(tree: ast.Module) -> list[str]:
    """sqlite3 and smtplib wherever ``tree`` imports them, in a function too."""
    return [
        module
        for node in ast.walk(tree)
        for module in _imported(node)
        if module.split(".")[0] in ("sqlite3", "smtplib")
    ]


def test_the_store_and_mail_check_finds_them():
    tree = ast.parse("import json\ndef f():\n    import sqlite3\nfrom smtplib import SMTP\n")
    assert sorted(_store_and_mail(tree)) == ["smtplib", "sqlite3"]


def _function_imports(tree: ast.Module) -> list[str]:
    """The herplan modules imported inside a function of ``tree``."""
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    return [
        module
        for function in functions
        for node in ast.walk(function)
        for module in _imported(node)
        if module.split(".")[0] == "herplan"
    ]


def test_the_function_import_check_finds_one():
    tree = ast.parse("import os\ndef f():\n    import json\n    from herplan.io import words\n")
    assert _function_imports(tree) == ["herplan.io"]


def test_io_modules_import_each_other_at_module_level_only():
    """An import inside a function hides a dependency from the layer and cycle checks."""
    found = sorted(
        f"{name} imports {module} in a function"
        for name, tree in _io_modules().items()
        for module in _function_imports(tree)
    )
    assert found == []
