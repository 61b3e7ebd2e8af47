"""Printing: the written notices (R-NOTICE) and the rules boards, as PDF bytes.

Imports only the domain dataclasses and reportlab: no Qt, no storage. The
caller (UI/services) gathers the data, shows refusals (UserError) to the clerk,
and saves or prints the bytes.
"""

from __future__ import annotations

from .boards import BoardKind, BoardSize, load_rules, render_rules_board
from .fonts import BODY, BOLD, UnprintableText, check_printable, missing_glyphs, register_fonts
from .notices import NoticeContext, check_context, render_notice

__all__ = [
    "BODY", "BOLD", "BoardKind", "BoardSize", "NoticeContext", "UnprintableText",
    "check_context", "check_printable", "load_rules", "missing_glyphs",
    "register_fonts", "render_notice", "render_rules_board",
]
