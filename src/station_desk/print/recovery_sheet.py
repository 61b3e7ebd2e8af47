"""The recovery sheet: the archive's recovery code on paper, for the archive cabinet
(the manual's "纸质、电子各一套"). Whoever holds it can open every backup of the
station, so it says so and says where it belongs."""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .fonts import BODY, BOLD, register_fonts

_STEPS = (
    "用途：本站电脑损坏、丢失或重装后，用它打开U盘上的备份，把台账和本站的同步身份找回来。",
    "恢复：在新电脑上安装本程序，首次打开时点“从备份恢复”，选U盘上的备份文件，输入下面的恢复码；",
    "    或运行 station-desk restore U盘上的备份文件 --recovery-code 下面的恢复码",
    "（备份文件旁边同名的 .keys 文件一起拷过来，镇中心就能继续认出本站。）",
    "保管：只打印这一份，装袋密封存入档案柜，与U盘分开存放；不要拍照、不要抄在电脑上。",
    "拿到恢复码和U盘的人能看到全部办件资料：如果恢复单遗失，请报告镇中心。",
)


_CELL = 5.2 * mm  # one character: the code is read letter by letter, in columns
_GAP = 4 * mm      # between groups of five


def _draw_code(pdf: Canvas, groups: list[str], x0: float, y: float) -> None:
    """In fixed-width cells with the embedded bold font (no PDF base font such as
    Courier, which is not embedded and prints differently from PC to PC)."""
    pdf.setFont(BOLD, 20)
    for start in range(0, len(groups), 4):
        x = x0
        for group in groups[start:start + 4]:
            for ch in group:
                pdf.drawCentredString(x + _CELL / 2, y, ch)
                x += _CELL
            x += _GAP
        y -= 11 * mm


def recovery_sheet(*, station_name: str, station_code: str, code: str,
                   printed_on: date) -> bytes:
    register_fonts()
    out = io.BytesIO()
    # the initial font too: a base font (Helvetica, Courier) is never embedded
    pdf = Canvas(out, pagesize=A4, pageCompression=1, initialFontName=BODY)
    pdf.setTitle(f"{station_name} 数据恢复单")
    width, height = A4
    y = height - 30 * mm
    pdf.setFont(BOLD, 20)
    pdf.drawCentredString(width / 2, y, "数据恢复单（绝密，存档案柜）")
    y -= 14 * mm
    pdf.setFont(BODY, 12)
    pdf.drawString(25 * mm, y, f"站点：{station_name}（{station_code}）")
    y -= 7 * mm
    pdf.drawString(25 * mm, y, f"打印日期：{printed_on:%Y年%m月%d日}")
    y -= 16 * mm
    pdf.setFont(BOLD, 13)
    pdf.drawString(25 * mm, y, "恢复码：")
    y -= 12 * mm
    _draw_code(pdf, code.split("-"), 30 * mm, y)
    y -= 11 * mm * ((len(code.split("-")) + 3) // 4)
    y -= 6 * mm
    pdf.setFont(BODY, 11)
    for line in _STEPS:
        pdf.drawString(25 * mm, y, line)
        y -= 8 * mm
    y -= 10 * mm
    pdf.drawString(25 * mm, y, "存档人签字：______________        日期：______________")
    pdf.showPage()
    pdf.save()
    return out.getvalue()
