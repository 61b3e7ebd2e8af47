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
