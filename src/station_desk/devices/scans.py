"""Pages from the document camera, made fit to store: downscaled, JPEG, checked.

A 高拍仪 frame is 3–5 MB as PNG; a clerk's case needs it legible, not huge:
the long side is cut to 2000 px (≈ 170 dpi across an A4 page, enough for
print and stamps) and saved as JPEG at quality 80. A page that is nearly
empty and a page captured twice are caught here, so the clerk is asked.
Several pages that belong together (a 户口簿's pages) become one A4 PDF.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageFilter, ImageOps, UnidentifiedImageError

from ..domain.errors import UserError

MAX_SIDE = 2000
JPEG_QUALITY = 80
INK_LEVEL = 60          # this much darker than the paper counts as ink
BLANK_INK_SHARE = 0.0004  # under 0.04 % ink at 600 px: a blank or nearly blank page
HASH_SIDE = 16          # a 16×16 difference hash: 256 bits
SAME_PAGE_BITS = 12     # fingerprints this close (under 5 %) show the same sheet


@dataclass(frozen=True)
class Page:
    jpeg: bytes
    width: int
    height: int
    sha256: str         # of the stored JPEG: the very same frame or file again
    fingerprint: int    # difference hash: the same sheet photographed again
    blank: bool

    def same_sheet(self, other: Page) -> bool:
        return (self.sha256 == other.sha256
                or bin(self.fingerprint ^ other.fingerprint).count("1") <= SAME_PAGE_BITS)


def _open(data: bytes) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError):
        raise UserError("这不是能识别的图片（应为高拍仪拍的 JPG/PNG/BMP）", field="file") from None
    return ImageOps.exif_transpose(image)


def fingerprint(gray: Image.Image) -> int:
    """dHash: brighter-than-the-right-neighbour bits of a small thumbnail.

    Fine enough (16×16) that two different pages of one form differ in many
    bits, coarse enough that the same sheet shot twice differs in few.
    """
    small = gray.resize((HASH_SIDE + 1, HASH_SIDE), Image.Resampling.LANCZOS)
    values = small.tobytes()  # one byte per pixel ("L")
    bits = 0
    for y in range(HASH_SIDE):
        row = values[y * (HASH_SIDE + 1):(y + 1) * (HASH_SIDE + 1)]
        for left, right in zip(row, row[1:], strict=False):
            bits = (bits << 1) | (1 if left > right else 0)
    return bits


def looks_blank(gray: Image.Image) -> bool:
    """Almost no pixel clearly darker than the paper (the median brightness)."""
    small = gray.copy()
    small.thumbnail((600, 600))
    small = small.filter(ImageFilter.MedianFilter(3))  # dust and sensor noise are not ink
    histogram = small.histogram()
    total = sum(histogram)
    running, paper = 0, 255
    for level, count in enumerate(histogram):
        running += count
        if running * 2 >= total:
            paper = level
            break
    ink = sum(histogram[: max(0, paper - INK_LEVEL)])
    return ink < total * BLANK_INK_SHARE


def prepare_page(data: bytes) -> Page:
    """Any image a camera or its software gives → a stored-size JPEG page."""
    image = _open(data)
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    jpeg = out.getvalue()
    gray = image.convert("L")
    return Page(jpeg=jpeg, width=image.width, height=image.height,
                sha256=hashlib.sha256(jpeg).hexdigest(), fingerprint=fingerprint(gray),
                blank=looks_blank(gray))


def duplicate_of(page: Page, pages: Sequence[Page]) -> int | None:
    """The index of an earlier page showing the same sheet, if any."""
    return next((i for i, p in enumerate(pages) if p.same_sheet(page)), None)


def assemble_pdf(pages: Sequence[Page], title: str = "") -> bytes:
    """One A4 page per scan, fitted and centred; the JPEGs go in as they are."""
    if not pages:
        raise UserError("还没有拍任何一页")
    from reportlab import rl_config  # loaded when a PDF is first made, not at start-up

    out = io.BytesIO()
    # reportlab wraps images in ASCII85 by default: +25 % on every scan for nothing
    ascii85, rl_config.useA85 = rl_config.useA85, 0
    try:
        _draw_pages(out, pages, title)
    finally:
        rl_config.useA85 = ascii85
    return out.getvalue()


def _draw_pages(out: io.BytesIO, pages: Sequence[Page], title: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(out, pagesize=A4, pageCompression=1)
    pdf.setTitle(title)
    page_w, page_h = A4
    for page in pages:
        scale = min(page_w / page.width, page_h / page.height)
        w, h = page.width * scale, page.height * scale
        pdf.drawImage(ImageReader(io.BytesIO(page.jpeg)), (page_w - w) / 2, (page_h - h) / 2,
                      w, h)
        pdf.showPage()
    pdf.save()


@dataclass(frozen=True)
class StoredScan:
    name: str
    data: bytes


def scan_to_store(material: str, pages: Sequence[Page]) -> StoredScan:
    """One page stays a JPEG; several that belong together become one PDF."""
    if not pages:
        raise UserError("还没有拍任何一页")
    if len(pages) == 1:
        return StoredScan(f"{material}.jpg", pages[0].jpeg)
    return StoredScan(f"{material}（{len(pages)}页）.pdf", assemble_pdf(pages, material))
