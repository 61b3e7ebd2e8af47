"""The look: large, plain, high-contrast; clerks are not power users.

Sizes are given relative to the ordinary text size (see text_size.py), so the
whole program grows with the system's text size and the clerk's zoom."""

from __future__ import annotations

from .palette import BORDER, DANGER, MUTED, NAV, PRIMARY, SECONDARY, STAGE, STAGE_TEXT, WARNING

# the ordinary text size the program was drawn at (14 px at 96 dpi)
DRAWN_AT_POINTS = 10.5


def style_sheet(points: float) -> str:
    """The application's style sheet with ordinary text at `points`."""
    def pt(times: float) -> str:
        return f"{points * times:.1f}pt"

    return f"""
QWidget {{ font-size: {pt(1)}; }}
#header {{ background: {PRIMARY}; }}
#header QLabel {{ color: white; }}
#stationName {{ font-size: {pt(1.3)}; font-weight: bold; }}
#nav {{ font-size: {pt(1.15)}; background: {NAV}; border: none; }}
#nav::item {{ padding: 10px 14px; }}
#nav::item:selected {{ background: {PRIMARY}; color: white; }}
#pageTitle {{ font-size: {pt(1.45)}; font-weight: bold; margin: 4px 0 8px 0; }}
#card {{ background: white; border: 1px solid {BORDER}; border-radius: 6px; }}
#cardTitle {{ color: {SECONDARY}; }}
#cardValue {{ font-size: {pt(2)}; font-weight: bold; color: {PRIMARY}; }}
#cardValue[warn="true"] {{ color: {WARNING}; }}
#cardValue[danger="true"] {{ color: {DANGER}; }}
#alerts {{ color: {WARNING}; font-weight: bold; }}
#alertLate {{ color: {DANGER}; font-weight: bold; }}
#alertDue {{ color: {WARNING}; font-weight: bold; }}
#alertNote {{ color: {SECONDARY}; }}
#muted {{ color: {MUTED}; }}
#bigButton {{ font-size: {pt(1.3)}; font-weight: bold; padding: 14px; }}
#running {{ font-size: {pt(1.15)}; color: {WARNING}; }}
#bigFigure {{ font-size: {pt(1.85)}; font-weight: bold; }}
#larger {{ font-size: {pt(1.07)}; }}
#stage {{ background: {STAGE}; color: {STAGE_TEXT}; font-size: {pt(1.15)}; }}
"""


STYLE = style_sheet(DRAWN_AT_POINTS)
