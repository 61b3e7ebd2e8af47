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

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

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
