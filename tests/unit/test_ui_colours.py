"""Colours are named once, in ui/widgets/palette.py: no other ui file writes a
colour literal (so a shade changes in one place, and a name says what it means)."""

from __future__ import annotations

import re
from pathlib import Path

import station_desk

UI = Path(station_desk.__file__).resolve().parent / "ui"
PALETTE = UI / "widgets" / "palette.py"
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b(?![0-9a-fA-F])")
NAMED_QT_COLOUR = re.compile(r"Qt\.GlobalColor\.(?!transparent)\w+")


def literals(text: str) -> list[str]:
    return HEX_COLOUR.findall(text) + NAMED_QT_COLOUR.findall(text)


def test_the_checker_sees_a_literal() -> None:
    assert literals("label.setStyleSheet('color: #b91c1c;')") == ["#b91c1c"]
    assert literals("cell.setForeground(Qt.GlobalColor.darkRed)") == ["Qt.GlobalColor.darkRed"]
    assert literals("color: {palette.DANGER}; #header { }") == []


def test_no_colour_literal_outside_the_palette() -> None:
    found = {str(p.relative_to(UI)): hits for p in sorted(UI.rglob("*.py"))
             if p != PALETTE and (hits := literals(p.read_text("utf-8")))}
    assert found == {}
    assert literals(PALETTE.read_text("utf-8"))  # the palette itself holds them
