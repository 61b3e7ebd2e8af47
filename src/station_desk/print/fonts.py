"""The embedded CJK fonts, and the check that what is printed can be drawn.

Noto Sans SC (SIL OFL, see resources/fonts/README.md) is registered with
reportlab once, on first use. reportlab draws a character the font lacks as the
empty `.notdef` glyph, so a rare name character (生僻字) would silently print as a
blank: `check_printable()` refuses such text first, naming the field and the
character, so the clerk can correct it or write it in by hand.
"""

from __future__ import annotations

import threading
import unicodedata
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph as _paragraph
from reportlab.rl_config import _FUZZ

from station_desk.domain.errors import UserError
from station_desk.paths import resource

BODY = "NotoSansSC"
BOLD = "NotoSansSC-Bold"

_FILES = {BODY: "NotoSansSC-Regular.ttf", BOLD: "NotoSansSC-Bold.ttf"}

_lock = threading.Lock()
_registered = False
_cmaps: dict[str, frozenset[int]] = {}


class UnprintableText(UserError):
    """Text with a character the embedded font cannot draw."""

    def __init__(self, message: str, *, field: str | None = None,
                 characters: tuple[str, ...] = ()) -> None:
        super().__init__(message, field=field)
        self.characters = characters


def font_file(name: str) -> Path:
    return resource("fonts", _FILES[name])


def register_fonts() -> None:
    """Register BODY and BOLD (and the family, so `<b>` works) once per process."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name in (BODY, BOLD):
            path = font_file(name)
            if not path.is_file():
                raise UserError(f"找不到打印用字体文件 {path}，请重新安装本程序")
            font = TTFont(name, str(path))
            pdfmetrics.registerFont(font)
            _cmaps[name] = frozenset(font.face.charToGlyph)
        pdfmetrics.registerFontFamily(BODY, normal=BODY, bold=BOLD, italic=BODY,
                                      boldItalic=BOLD)
        _registered = True


def _ignored(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf")


def _missing(text: str, font: str) -> list[str]:
    register_fonts()
    cmap = _cmaps[font]
    seen: list[str] = []
    for ch in text:
        if ord(ch) not in cmap and not _ignored(ch) and ch not in seen:
            seen.append(ch)
    return seen


def missing_glyphs(text: str) -> list[str]:
    """Characters of `text` (once each, in order) the body font cannot draw.

    Whitespace and control/format characters are not drawn and so are ignored.
    """
    return _missing(text, BODY)


def bold_font_for(text: str) -> str:
    """BOLD when the (subset) bold font has every character of `text`, else BODY."""
    return BOLD if not _missing(text, BOLD) else BODY


def check_printable(fields: dict[str, str]) -> None:
    """Refuse (UnprintableText) the first field with a character the font lacks.

    `fields` maps a Chinese label ("申请人姓名") to the text to be printed.
    """
    for label, text in fields.items():
        bad = missing_glyphs(text)
        if not bad:
            continue
        chars = "、".join(f"“{ch}”" for ch in bad)
        raise UnprintableText(
            f"{label}“{text}”中的{chars}字体中没有，打印出来会是空白。"
            f"请核对{label}，或手写补上后再打印（不要打印出方框）。",
            field=label, characters=tuple(bad))


# -- Chinese line breaking ------------------------------------------------------------
#
# reportlab's CJK wrap ("wordWrap='CJK'") knows only the Japanese no-break set and
# hangs at most one character, so a line can begin with "，" or "。", end with "（",
# or split "12345". `CJKParagraph` breaks lines by the usual Chinese rules (避头尾).

CANNOT_START = frozenset("，。、；：！？）》」』】〕〉”’％,.;:!?)]}…·~～\u00a0")
CANNOT_END = frozenset("（《「『【〔〈“‘([{")


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "-_./@+")


def break_positions(chars: str, widths: list[float], max_widths: list[float]) -> list[int]:
    """Indices where lines end (exclusive): greedy, then 避头尾:

    - a closing mark that would start a line hangs on the previous one (one mark;
      when two follow each other the last character is pushed down with them);
    - an opening mark never ends a line;
    - a run of ASCII letters/digits (a number, a phone, a code) is not split
      unless it alone fills the line.
    """
    n = len(chars)
    ends: list[int] = []
    start = 0
    while start < n:
        limit = max_widths[min(len(ends), len(max_widths) - 1)]
        used = 0.0
        b = start
        while b < n and (used + widths[b] <= limit + _FUZZ or b == start):
            used += widths[b]
            b += 1
        if b < n:
            if chars[b] in CANNOT_START and (b + 1 >= n or chars[b + 1] not in CANNOT_START):
                b += 1  # hang one mark in the margin
            else:
                while b - 1 > start and chars[b] in CANNOT_START:
                    b -= 1
            while b - 1 > start and b < n and chars[b - 1] in CANNOT_END:
                b -= 1
            if b < n and _is_word_char(chars[b - 1]) and _is_word_char(chars[b]):
                w = b - 1
                while w > start and _is_word_char(chars[w - 1]):
                    w -= 1
                if w > start:
                    b = w
        ends.append(b)
        start = b
    return ends


class CJKParagraph(_paragraph.Paragraph):  # type: ignore[misc]
    """A Paragraph (style.wordWrap "CJK") whose lines break by `break_positions`.

    Plain text and font changes only; anything else (images, bullets, end dots)
    goes to reportlab's own breaker.
    """

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802 (reportlab's name)
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        frags = self.frags
        if (not frags or any(hasattr(f, "cbDefn") or hasattr(f, "lineBreak") for f in frags)
                or self.style.endDots or self.bulletText):
            return super().breakLinesCJK(maxWidths)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        self.height = 0
        units: list[Any] = []
        for f in frags:
            text = f.text.decode("utf8") if isinstance(f.text, bytes) else f.text
            units.extend(_paragraph.cjkU(ch, f, "utf8") for ch in text)
        chars = "".join(str(u) for u in units)
        widths = [float(u.width) for u in units]
        lines = []
        start = 0
        for i, end in enumerate(break_positions(chars, widths, list(maxWidths))):
            max_w = maxWidths[min(i, len(maxWidths) - 1)]
            while start < end - 1 and chars[start] == " ":  # the blank a break left
                start += 1
            used = sum(widths[start:end])
            lines.append(_paragraph.makeCJKParaLine(
                units[start:end], max_w, used, max_w - used, False, False))
            start = end
        return _paragraph.ParaLines(kind=1, lines=lines)
