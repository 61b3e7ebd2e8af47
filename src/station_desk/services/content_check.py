"""What an attachment really is: its first bytes pick a candidate type, then the
content must open as one (the image decodes with Pillow, the PDF opens with
pypdf), so an HTML page starting with `%PDF-` is not stored as a PDF. Names are
cleaned of control and bidi characters (`a‮gnp.exe` must not show as `aexe.png`)."""

from __future__ import annotations

import io
import logging
import unicodedata
import warnings

from ..domain.errors import UserError

# magic bytes → MIME type; only what a document camera or a scanner produces
_SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)
_PILLOW_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG"}
MAX_PIXELS = 60_000_000  # a 48-megapixel phone photo fits; a decompression bomb does not
MAX_NAME = 120
ONLY = "只能附加 PDF、JPEG 或 PNG 文件（高拍仪照片或扫描件）"


def checked_type(name: str, data: bytes) -> str:
    """The MIME type of `data` once its content has been opened, or a UserError."""
    mime = next((m for magic, m in _SIGNATURES if data.startswith(magic)), None)
    if mime is None:
        raise UserError(ONLY, field="file")
    if mime == "application/pdf":
        _open_pdf(name, data)
    else:
        _decode_image(name, data, _PILLOW_FORMATS[mime])
    return mime


def _open_pdf(name: str, data: bytes) -> None:
    from pypdf import PdfReader  # 0.4 s to import: only once a PDF is attached

    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            pages = len(reader.pages)
            if pages:
                reader.pages[0].mediabox  # noqa: B018 - the first page must parse
    except Exception:  # pypdf raises many kinds for a file that is no PDF
        raise UserError(f"{name} 开头像 PDF，但打不开：不是完整的 PDF 文件。" + ONLY,
                        field="file") from None
    finally:
        quiet.setLevel(level)
    if not pages:
        raise UserError(f"{name} 是没有页面的 PDF", field="file")


def _decode_image(name: str, data: bytes, expected: str) -> None:
    # Pillow only once a scan is attached: its import is ~50 ms, and 档案's first
    # tab (which builds this service) would pay it on the UI thread
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.format != expected:
                    raise UserError(f"{name} 的内容与文件类型不符。" + ONLY, field="file")
                if image.width * image.height > MAX_PIXELS:
                    raise UserError(f"{name} 的像素太多（{image.width}×{image.height}）",
                                    field="file")
                image.load()  # every pixel decodes: a truncated or forged file fails here
    except UserError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError,
            Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UserError(f"{name} 打不开：不是完整的图片文件。" + ONLY, field="file") from None


def clean_name(name: str) -> str:
    """A file name as shown and stored: no control, format (bidi) or path characters."""
    kept = "".join(ch for ch in name
                   if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    kept = kept.replace("/", "／").replace("\\", "＼").strip().strip(".")
    if len(kept) > MAX_NAME:
        stem, dot, ext = kept.rpartition(".")
        kept = (stem[: MAX_NAME - len(ext) - 1] + dot + ext) if dot and len(ext) <= 8 \
            else kept[:MAX_NAME]
    return kept or "附件"
