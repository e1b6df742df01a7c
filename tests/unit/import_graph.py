"""The import graph of the bridgedesk package, read from the source, and the rules it must keep.

Every ``import`` counts, also those inside functions (a lazy import is still a dependency).
The rules are the architecture of docs/ARCHITECTURE.md:

    ui  -> services, reports, domain      (never storage, never cli)
    cli -> services, reports, domain      (never storage; ui only to open the window)
    reports -> services, domain           (never storage, ui or cli)
    services -> storage, domain           (never ui, cli or reports)
    storage -> domain                     (never services, ui, cli or reports)
    domain -> nothing but itself
    migrations -> nothing of the program (a migration is frozen at its revision)

The small shared modules at the top (errors, paths, assets, logs, the version) may be used by all;
``bootstrap`` is the composition root that opens a program, for the ui and the cli.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SHARED = {"errors", "paths", "assets", "logs", "__init__"}
ALLOWED: dict[str, set[str]] = {
    "ui": {"ui", "services", "reports", "domain", "bootstrap"},
    "cli": {"cli", "services", "reports", "domain", "bootstrap"},
    "reports": {"reports", "services", "domain"},
    "services": {"services", "storage", "domain"},
    "storage": {"storage", "domain"},
    "domain": {"domain"},
    "bootstrap": {"services", "storage", "domain"},
    "__main__": {"cli"},
}
# The one place the command line reaches into the GUI: no command word opens the window.
ALLOWED_EDGES = {("bridgedesk.cli.main", "bridgedesk.ui.app")}
MIGRATIONS = "bridgedesk.storage.migrations.versions"


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the module imported (the longest existing module of the dotted name)
    names: tuple[str, ...]  # names taken with "from target import ..."
    line: int


def modules(package_dir: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every .py under ``package_dir`` (the bridgedesk folder)."""
    found = {}
    for path in package_dir.rglob("*.py"):
        rel = path.relative_to(package_dir.parent).with_suffix("")
        found[".".join(rel.parts).removesuffix(".__init__")] = path
    return found


def imports(package_dir: Path) -> Iterator[Import]:
    """Every import of a bridgedesk module by a bridgedesk module."""
    known = modules(package_dir)

    def resolve(dotted: str) -> str:
        while dotted and dotted not in known:
            dotted = dotted.rpartition(".")[0]
        return dotted

    for source, path in known.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("bridgedesk"):
                        yield Import(source, resolve(alias.name), (), node.lineno)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("bridgedesk"):
                module = node.module or ""
                for alias in node.names:  # "from pkg import module" depends on the module
                    target = resolve(f"{module}.{alias.name}")
                    taken = () if target != resolve(module) else (alias.name,)
                    yield Import(source, target, taken, node.lineno)


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "__init__"
    return parts[1]


def layering_violations(package_dir: Path) -> list[str]:
    problems = []
    for imp in imports(package_dir):
        if imp.source == imp.target or (imp.source, imp.target) in ALLOWED_EDGES:
            continue
        if imp.source.startswith(MIGRATIONS):
            problems.append(f"{imp.source}:{imp.line} a migration imports {imp.target}")
            continue
        source, target = layer(imp.source), layer(imp.target)
        if target in SHARED or source in SHARED:
            continue
        if target not in ALLOWED.get(source, set()):
            problems.append(f"{imp.source}:{imp.line} ({source}) imports {imp.target} ({target})")
    return sorted(problems)


def private_name_imports(package_dir: Path) -> list[str]:
    """``from module import _name``: a private name used outside the module that owns it."""
    return sorted(
        f"{imp.source}:{imp.line} takes {name} from {imp.target}"
        for imp in imports(package_dir)
        for name in imp.names
        if name.startswith("_") and not name.startswith("__") and imp.source != imp.target
    )


def import_cycles(package_dir: Path) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan's SCCs)."""
    graph: dict[str, set[str]] = {m: set() for m in modules(package_dir)}
    for imp in imports(package_dir):
        if imp.target and imp.target != imp.source:
            graph[imp.source].add(imp.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:  # recursion depth is bounded by the module count (~250)
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return sorted(groups, key=len, reverse=True)
