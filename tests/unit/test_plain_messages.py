"""What the program says to a clerk is in plain words: no "PIN" (密码, as on the
sign-in), no "隔离" (what was not taken in, and why), no "SHA-256" or other
technical words, in any refusal the rules or services raise, in the sync report,
and in any text the window or the command line shows."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import station_desk
from station_desk.sync.report import HELD

SRC = Path(station_desk.__file__).resolve().parent
JARGON = ("PIN", "隔离", "SHA-256")
# The window is for clerks only; the command line's readers write JSON and name
# `--fingerprint` themselves, so those two words stay there.
WINDOW_JARGON = (*JARGON, "WAL", "epoch", "JSON", "CLI", "fingerprint")
COMMAND_LINE_JARGON = (*JARGON, "WAL", "epoch")
# What is code, not words, inside a shown text: environment names and flags.
NOT_WORDS = re.compile(r"STATION_DESK_[A-Z_]+|--[a-z][a-z-]*")
KEY = re.compile(r"[a-z0-9_.\-]*")  # a JSON key, an object name, a file suffix


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


def shown_texts(path: Path) -> list[tuple[int, str]]:
    """Every string a module may show (tr(), labels, boxes, print, help, refusals):
    all its string pieces but docstrings, keys and the code names inside them."""
    tree = ast.parse(path.read_text("utf-8"))
    unseen = {id(node.body[0].value) for node in ast.walk(tree)
              if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                   ast.AsyncFunctionDef))
              and node.body and isinstance(node.body[0], ast.Expr)}
    unseen |= {id(c) for node in ast.walk(tree) if _is_log_call(node) for c in ast.walk(node)}
    return [(n.lineno, NOT_WORDS.sub("", n.value)) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and id(n) not in unseen and not KEY.fullmatch(n.value)]


def _is_log_call(node: ast.AST) -> bool:
    """log.info(...) and the like: written to the program's log, not shown."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in ("log", "logger", "logging"))


def jargon_in(folder: str, words: tuple[str, ...]) -> list[str]:
    return [f"{p.relative_to(SRC)}:{line}: {text!r}"
            for p in sorted((SRC / folder).rglob("*.py"))
            for line, text in shown_texts(p) if any(w in text for w in words)]


def test_the_checker_sees_a_label_but_not_a_name(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('"""A PIN dialog."""\n'
                      'label = QLabel(self.tr("请输入 PIN"))\n'
                      'pin = os.environ.get("STATION_DESK_PIN")\n'
                      'parser.add_argument("--reset-pin", help="重置密码")\n'
                      'log.info("PIN hash of %s upgraded", name)\n', "utf-8")
    assert [text for _, text in shown_texts(module) if "PIN" in text] == ["请输入 PIN"]


def test_no_jargon_in_what_the_window_shows() -> None:
    assert jargon_in("ui", WINDOW_JARGON) == []


def test_no_jargon_in_what_the_command_line_says() -> None:
    assert jargon_in("cli", COMMAND_LINE_JARGON) == []


def test_no_jargon_in_what_rules_and_services_give_the_window() -> None:
    """Warnings, notes and texts the services return are shown as they are."""
    assert [hit for folder in ("domain", "services", "sync", "print")
            for hit in jargon_in(folder, WINDOW_JARGON)] == []
