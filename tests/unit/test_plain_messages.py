"""What the program says to a clerk is in plain words: no "PIN" (密码, as on the
sign-in), no "隔离" (what was not taken in, and why), in any refusal the rules or
services raise or in the sync report."""

from __future__ import annotations

import ast
from pathlib import Path

import station_desk
from station_desk.sync.report import HELD

SRC = Path(station_desk.__file__).resolve().parent
JARGON = ("PIN", "隔离")


def said_in_refusals(path: Path) -> list[str]:
    """The text pieces of every `raise Something(...)` in a module."""
    pieces = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            for arg in node.exc.args:
                pieces += [n.value for n in ast.walk(arg)
                           if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return pieces


def test_the_checker_sees_a_piece_of_a_message(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('raise UserError(f"PIN 不对（{n} 次）", field="pin")\n', "utf-8")
    assert any("PIN" in p for p in said_in_refusals(module))


def test_no_jargon_in_the_refusals_of_rules_and_services() -> None:
    found = {str(p.relative_to(SRC)): hits
             for folder in ("domain", "services", "sync", "print")
             for p in sorted((SRC / folder).rglob("*.py"))
             if (hits := [s for s in said_in_refusals(p) if any(j in s for j in JARGON)])}
    assert found == {}


def test_the_sync_report_says_not_taken_in() -> None:
    text = (SRC / "sync" / "report.py").read_text("utf-8")
    assert "隔离" not in "".join(said_in_refusals(SRC / "sync" / "report.py"))
    assert HELD == "未导入（有问题）" and '"隔离' not in text and "f\"隔离" not in text
