"""How big a stored 高拍仪 page is, and how long preparing it takes.

    .venv/bin/python benchmarks/scan_size.py [--megapixels 8]

A synthetic but realistic A4 photo from a document camera: a filled-in form
in Chinese (the program's bundled font), a red stamp, a signature stroke,
off-white paper with light falling off towards one corner, slight optical blur
and sensor noise. It goes through the same `prepare_page` as a real frame
(≤ 2000 px long side, JPEG q80); the camera's own PNG and a q95 JPEG are the
sizes the clerk would have stored by saving the vendor software's file.
"""

from __future__ import annotations

import argparse
import io
import random
import time

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from station_desk.devices.scans import assemble_pdf, prepare_page
from station_desk.paths import resource

LINES = ("城乡居民基本养老保险待遇申领表",
         "姓名：王秀兰　性别：女　民族：汉　出生日期：1965年3月12日",
         "公民身份号码：610922196503120046", "户籍地址：陕西省安康市石泉县城关镇西沟村三组",
         "联系电话：13909151001　参保缴费年限：15年　领取银行：石泉县农村信用合作联社",
         "本人承诺以上所填内容真实有效，如有虚假愿承担相应法律责任。")


def font(size: int) -> ImageFont.FreeTypeFont:
    fonts = sorted(resource("fonts").glob("*.ttf"))
    return ImageFont.truetype(str(fonts[0]), size)


def a4_photo(megapixels: float, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    height = int((megapixels * 1e6 * 297 / 210) ** 0.5)
    width = int(height * 210 / 297)
    page = Image.new("RGB", (width, height), (238, 235, 227))
    draw = ImageDraw.Draw(page)
    unit = width / 2480  # sizes as on a 300-dpi A4
    for band in range(0, height, 8):  # light falls off towards the bottom right
        shade = int(238 - 26 * band / height)
        draw.rectangle((0, band, width, band + 8), fill=(shade, shade - 3, shade - 11))
    title, body = font(int(64 * unit)), font(int(40 * unit))
    draw.text((int(560 * unit), int(220 * unit)), LINES[0], font=title, fill=(25, 25, 30))
    y = int(420 * unit)
    for row in range(22):
        draw.rectangle((int(200 * unit), y - int(14 * unit), width - int(200 * unit),
                        y + int(70 * unit)), outline=(60, 60, 60), width=max(1, int(3 * unit)))
        text = LINES[1 + row % (len(LINES) - 1)]
        draw.text((int(230 * unit), y), text, font=body, fill=(20, 20, 28))
        y += int(118 * unit)
    cx, cy, r = int(1800 * unit), y - int(300 * unit), int(190 * unit)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(200, 40, 40), width=int(14 * unit))
    draw.text((cx - int(150 * unit), cy - int(30 * unit)), "石泉县社保局", font=body,
              fill=(200, 40, 40))
    points = [(int((400 + i * 9) * unit), int(y - 200 * unit + 40 * unit
                                              * ((i % 17) / 17 - 0.5))) for i in range(60)]
    draw.line(points, fill=(20, 30, 90), width=int(6 * unit))
    page = page.filter(ImageFilter.GaussianBlur(0.8 * unit * 2))
    grain = Image.frombytes("L", page.size, rng.randbytes(width * height))
    page = ImageChops.add(page, grain.point(lambda v: 128 + (v - 128) // 18).convert("RGB"),
                          offset=-128)
    out = io.BytesIO()
    page.save(out, "PNG")
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megapixels", type=float, default=8.0)
    args = parser.parse_args()
    raw = a4_photo(args.megapixels)
    camera = Image.open(io.BytesIO(raw))
    q95 = io.BytesIO()
    camera.save(q95, "JPEG", quality=95)
    start = time.perf_counter()
    page = prepare_page(raw)
    took = time.perf_counter() - start
    three = assemble_pdf([page, prepare_page(a4_photo(args.megapixels, 2)),
                          prepare_page(a4_photo(args.megapixels, 3))])
    print(f"camera frame {camera.width}×{camera.height}: PNG {len(raw) / 1024:,.0f} KB, "
          f"JPEG q95 {len(q95.getvalue()) / 1024:,.0f} KB")
    print(f"stored page {page.width}×{page.height} JPEG q80: {len(page.jpeg) / 1024:,.0f} KB "
          f"(prepared in {took:.2f} s; blank={page.blank})")
    print(f"three such pages as one A4 PDF: {len(three) / 1024:,.0f} KB")


if __name__ == "__main__":
    main()
