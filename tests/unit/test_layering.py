"""The layers stay apart: the domain knows no storage and no Qt, storage knows no
Qt, the window never talks to SQLite directly. Checked on the source (AST), so
an import inside a function or under TYPE_CHECKING counts too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import station_desk

PACKAGE = "station_desk"
ROOT = Path(station_desk.__file__).resolve().parent

# layer -> module prefixes it must not import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": ("PySide6", "shiboken6", "sqlite3", "sqlite_utils",
               f"{PACKAGE}.db", f"{PACKAGE}.services", f"{PACKAGE}.ui", f"{PACKAGE}.cli"),
    "db": ("PySide6", "shiboken6", f"{PACKAGE}.services", f"{PACKAGE}.ui", f"{PACKAGE}.print"),
    "print": ("PySide6", "shiboken6", "sqlite3", "sqlite_utils",
              f"{PACKAGE}.db", f"{PACKAGE}.services", f"{PACKAGE}.ui", f"{PACKAGE}.cli"),
    "services": ("PySide6", "shiboken6", f"{PACKAGE}.ui"),
    # device protocols, parsing and image work: no window, no storage
    "devices": ("PySide6", "shiboken6", "sqlite3", "sqlite_utils",
                f"{PACKAGE}.db", f"{PACKAGE}.services", f"{PACKAGE}.ui", f"{PACKAGE}.cli"),
    "ui": ("sqlite3", "sqlite_utils", f"{PACKAGE}.db"),
    # the command line presents what services decide, like the window
    "cli": ("PySide6", "shiboken6", "sqlite3", "sqlite_utils", f"{PACKAGE}.db"),
    # bundles, keys and the importer: below the services, no window
    "sync": ("PySide6", "shiboken6", f"{PACKAGE}.services", f"{PACKAGE}.ui", f"{PACKAGE}.cli",
             f"{PACKAGE}.print"),
    # the validation layer: pure declarations over the domain
    "schemas": ("PySide6", "shiboken6", "sqlite3", "sqlite_utils",
                f"{PACKAGE}.db", f"{PACKAGE}.services", f"{PACKAGE}.ui", f"{PACKAGE}.cli",
                f"{PACKAGE}.sync"),
}


def module_name(path: Path, root: Path = ROOT, package: str = PACKAGE) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([package, *parts])


def imported_modules(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Every module a source file imports, relative imports resolved to absolute names.

    `from x import y` yields both `x` and `x.y` (y may be a submodule).
    """
    # the package a relative import is relative to
    base = module.split(".") if is_package else module.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                if node.level > len(base):
                    raise AssertionError(f"{module}: relative import beyond the top package")
                anchor = base[: len(base) - (node.level - 1)]
                target = ".".join([*anchor, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names if alias.name != "*")
    return found


def violations(imports: set[str], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(i for i in imports
                  if any(i == f or i.startswith(f + ".") for f in forbidden))


def layer_modules(layer: str) -> list[Path]:
    folder = ROOT / layer
    return sorted(folder.rglob("*.py")) if folder.is_dir() else []


# -- the checker itself can see a violation --------------------------------------

@pytest.mark.parametrize(("source", "module", "is_package", "expected"), [
    ("from ..db import journal", "station_desk.domain.cases", False,
     ["station_desk.db", "station_desk.db.journal"]),
    ("from .. import db", "station_desk.domain.cases", False, ["station_desk.db"]),
    ("from ...db.journal import insert", "station_desk.domain.sub.x", False,
     ["station_desk.db.journal", "station_desk.db.journal.insert"]),
    # in a package's __init__, `.` is the package itself
    ("from ...db import journal", "station_desk.domain.sub", True,
     ["station_desk.db", "station_desk.db.journal"]),
    ("from ..db import journal", "station_desk.domain.sub", True, []),
    ("import station_desk.services.desk as d", "station_desk.domain.x", False,
     ["station_desk.services.desk"]),
    ("from station_desk import ui", "station_desk.domain.x", False, ["station_desk.ui"]),
    ("def f():\n    import sqlite3\n", "station_desk.domain.x", False, ["sqlite3"]),
    ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from PySide6.QtCore import Qt\n",
     "station_desk.domain.x", False, ["PySide6.QtCore", "PySide6.QtCore.Qt"]),
    ("from sqlite_utils.db import Database", "station_desk.domain.x", False,
     ["sqlite_utils.db", "sqlite_utils.db.Database"]),
    ("from . import errors\nimport re\nfrom dataclasses import field", "station_desk.domain.x",
     False, []),
    ("import sqlite3_extra\nfrom station_desk.dbx import y", "station_desk.domain.x", False, []),
])
def test_checker_finds_forbidden_imports(source: str, module: str, is_package: bool,
                                         expected: list[str]) -> None:
    found = imported_modules(source, module, is_package=is_package)
    assert violations(found, FORBIDDEN["domain"]) == expected


def test_checker_refuses_a_relative_import_beyond_the_top() -> None:
    with pytest.raises(AssertionError, match="beyond"):
        imported_modules("from ... import x", "station_desk.domain.x")


def test_checker_resolves_the_package_of_a_module() -> None:
    assert module_name(ROOT / "domain" / "station.py") == "station_desk.domain.station"
    assert module_name(ROOT / "db" / "__init__.py") == "station_desk.db"


# -- the real source --------------------------------------------------------------

def test_layers_are_where_expected() -> None:
    assert len(layer_modules("domain")) >= 5
    assert len(layer_modules("db")) >= 5
    # ui/ may not exist yet; when it does, it is checked like the others


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports(layer: str) -> None:
    problems = []
    for path in layer_modules(layer):
        name = module_name(path)
        imports = imported_modules(path.read_text("utf-8"), name,
                                   is_package=path.name == "__init__.py")
        bad = violations(imports, FORBIDDEN[layer])
        if bad:
            problems.append(f"{path.relative_to(ROOT)}: {', '.join(bad)}")
    assert problems == [], f"{layer}/ imports what it must not:\n" + "\n".join(problems)


# -- no import cycle -----------------------------------------------------------------

def package_imports(source: str, module: str, known: set[str], *,
                    is_package: bool = False) -> set[str]:
    """The package's modules a source file imports. `from pkg import mod` is an
    import of `pkg.mod` only, `from pkg import name` one of `pkg`."""
    base = module.split(".") if is_package else module.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom):
            anchor = base[: len(base) - (node.level - 1)] if node.level else []
            target = ".".join([*anchor, *([node.module] if node.module else [])])
            subs = {f"{target}.{a.name}" for a in node.names} & known
            found |= subs
            if len(subs) < len(node.names) and target in known:
                found.add(target)
    return found - {module}


def import_graph(root: Path = ROOT, package: str = PACKAGE) -> dict[str, set[str]]:
    """Module -> the package's modules it imports (TYPE_CHECKING and function-level
    imports count: a cycle hidden there still ties the modules together)."""
    names = {module_name(p, root, package): p for p in sorted(root.rglob("*.py"))}
    known = set(names)
    return {name: package_imports(path.read_text("utf-8"), name, known,
                                  is_package=path.name == "__init__.py")
            for name, path in names.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
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
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_sees_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_a_package_init_importing_its_modules_is_not_a_cycle(tmp_path: Path) -> None:
    pkg = tmp_path / "p"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("from .a import A\n")
    (pkg / "sub" / "a.py").write_text("from typing import TYPE_CHECKING\n"
                                      "if TYPE_CHECKING:\n    from .b import B\n")
    (pkg / "sub" / "b.py").write_text("from .a import A\n")
    (pkg / "sub" / "c.py").write_text("from . import a\n")  # a module, not the package
    assert cycles(import_graph(pkg, "p")) == [["p.sub.a", "p.sub.b"]]
    assert import_graph(pkg, "p")["p.sub.c"] == {"p.sub.a"}


def test_no_import_cycle_among_the_modules() -> None:
    assert cycles(import_graph()) == []
