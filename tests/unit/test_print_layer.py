"""The print layer: fonts hold fixed text, Chinese line breaks, imports of domain+reportlab only."""

from __future__ import annotations

import ast
from pathlib import Path

from station_desk.print import missing_glyphs
from station_desk.print.fonts import BODY, BOLD, _missing, bold_font_for, break_positions


def test_fixed_text_is_in_both_fonts() -> None:
    """Every Chinese character written in the print code (labels are bold) is in
    the regular font and in the subset bold one."""
    package = Path(__file__).resolve().parents[2] / "src" / "station_desk"
    sources = [*(package / "print").rglob("*.py"), package / "domain" / "notices.py"]
    text = "".join(p.read_text("utf-8") for p in sources)
    chars = "".join(sorted({ch for ch in text if not ch.isascii()}))
    assert _missing(chars, BODY) == []
    assert _missing(chars, BOLD) == []


def test_bold_falls_back_to_regular_for_characters_outside_its_subset() -> None:
    assert bold_font_for("西沟村便民服务站") == BOLD
    assert bold_font_for("堃村便民服务站") == BODY  # 堃: in the full regular font only
    assert missing_glyphs("堃") == []


def _lines(text: str, per_line: int) -> list[str]:
    ends = break_positions(text, [1.0] * len(text), [float(per_line)])
    starts = [0, *ends[:-1]]
    return [text[a:b] for a, b in zip(starts, ends, strict=True)]


def test_line_breaks_follow_chinese_rules() -> None:
    # a closing mark never starts a line: it hangs on the previous one
    lines = _lines("甲乙丙丁，戊己", 4)
    assert lines[0] == "甲乙丙丁，"
    # two closing marks: the last character goes down with them
    lines = _lines("甲乙丙丁）。戊己", 4)
    assert lines == ["甲乙丙", "丁）。戊", "己"]
    # an opening mark never ends a line
    assert _lines("甲乙丙（丁）", 4)[0] == "甲乙丙"
    # a number is not split
    assert _lines("拨打12345热线", 5) == ["拨打", "12345", "热线"]
    assert "".join(_lines("一二三四五六七八九十" * 3, 7)) == "一二三四五六七八九十" * 3


def test_print_layer_imports_only_domain_and_reportlab() -> None:
    folder = Path(__file__).resolve().parents[2] / "src" / "station_desk" / "print"
    forbidden = ("PySide6", "shiboken6", "sqlite3", "sqlite_utils", "station_desk.db",
                 "station_desk.services", "station_desk.ui", "station_desk.cli")
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(forbidden), f"{path.name} imports {name}"
