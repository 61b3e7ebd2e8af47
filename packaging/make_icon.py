"""Draw the program's icon: a red rounded square with a white 办 and a gold bar.

Run once after changing the design; the outputs are checked in:
    .venv/bin/python packaging/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "NotoSansSC-Bold.ttf"
SIZE = 512  # drawn large, scaled down for each size
RED, GOLD, WHITE = (200, 16, 46, 255), (244, 196, 48, 255), (255, 255, 255, 255)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = SIZE // 32
    pen.rounded_rectangle((margin, margin, SIZE - margin, SIZE - margin),
                          radius=SIZE // 6, fill=RED)
    pen.rectangle((SIZE // 5, SIZE * 13 // 16, SIZE * 4 // 5, SIZE * 27 // 32), fill=GOLD)
    font = ImageFont.truetype(str(FONT), SIZE * 9 // 16)
    pen.text((SIZE // 2, SIZE * 7 // 16), "办", font=font, fill=WHITE, anchor="mm")
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "station-desk.png")
    image.save(OUT / "station-desk.ico", sizes=ICO_SIZES)
    print(f"written: {OUT / 'station-desk.png'}, {OUT / 'station-desk.ico'}")


if __name__ == "__main__":
    main()
