"""No import cycle between herplan's modules (issue: herplan as a library).

The graph is read from the source with ``ast``: every module-level import of a
``herplan`` module (imports under ``if TYPE_CHECKING:`` are for type hints only
and do not run). A cycle anywhere in it fails the test, naming the modules.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = {"herplan.scheduler": "scheduler", "herplan.constraints": "constraints",
            "herplan.io": "io"}  # fmt: skip


def _modules() -> dict[str, Path]:
    found = {}
    for package, folder in PACKAGES.items():
        for path in sorted((ROOT / folder).glob("*.py")):
            name = package if path.stem == "__init__" else f"{package}.{path.stem}"
            found[name] = path
    return found


def _runtime_imports(tree: ast.Module, modules: dict[str, Path]) -> list[str]:
    """What the module imports when it runs; ``from pkg import mod`` counts as ``pkg.mod``."""
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for inner in ast.walk(node) if not isinstance(node, ast.FunctionDef) else ():
            if isinstance(inner, ast.ImportFrom) and inner.module:
                for alias in inner.names:
                    sub = f"{inner.module}.{alias.name}"
                    names.append(sub if sub in modules else inner.module)
            elif isinstance(inner, ast.Import):
                names += [a.name for a in inner.names]
    return names


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[name] = {m for m in _runtime_imports(tree, modules) if m in modules and m != name}
    return graph


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


def test_no_import_cycle_between_herplan_modules():
    graph = import_graph()
    assert len(graph) > 40
    assert cycles(graph) == []
