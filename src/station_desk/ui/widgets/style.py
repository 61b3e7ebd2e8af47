"""The look: large, plain, high-contrast; clerks are not power users."""

from __future__ import annotations

from .palette import BORDER, DANGER, MUTED, NAV, PRIMARY, SECONDARY, WARNING

STYLE = f"""
QWidget {{ font-size: 14px; }}
#header {{ background: {PRIMARY}; }}
#header QLabel {{ color: white; }}
#stationName {{ font-size: 18px; font-weight: bold; }}
#nav {{ font-size: 16px; background: {NAV}; border: none; }}
#nav::item {{ padding: 10px 14px; }}
#nav::item:selected {{ background: {PRIMARY}; color: white; }}
#pageTitle {{ font-size: 20px; font-weight: bold; margin: 4px 0 8px 0; }}
#card {{ background: white; border: 1px solid {BORDER}; border-radius: 6px; }}
#cardTitle {{ color: {SECONDARY}; }}
#cardValue {{ font-size: 28px; font-weight: bold; color: {PRIMARY}; }}
#cardValue[warn="true"] {{ color: {WARNING}; }}
#cardValue[danger="true"] {{ color: {DANGER}; }}
#alerts {{ color: {WARNING}; font-weight: bold; }}
#muted {{ color: {MUTED}; }}
"""
