"""Document camera pages: downscaled JPEG, blank and repeated pages, A4 PDF; the
watched folder takes a file only when its writer has finished."""

from __future__ import annotations

import io
import random
import re
import subprocess
import threading
import time
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw

from station_desk.devices.scans import (
    JPEG_QUALITY,
    MAX_SIDE,
    assemble_pdf,
    duplicate_of,
    prepare_page,
    scan_to_store,
)
from station_desk.devices.watch import StableFileWatcher
from station_desk.domain.errors import UserError


def sheet(seed: int, size: tuple[int, int] = (900, 1200), *, blank: bool = False,
          fmt: str = "PNG") -> bytes:
    """A photographed A4 sheet: off-white paper, uneven light, lines of 'text'."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, (236, 233, 226))
    draw = ImageDraw.Draw(image)
    for y in range(0, size[1], 40):  # light falls off towards the bottom
        shade = 236 - y * 18 // size[1]
        draw.rectangle((0, y, size[0], y + 40), fill=(shade, shade - 3, shade - 10))
    if not blank:
        unit = size[0] / 2592
        for line in range(40):
            y = int((260 + line * 75) * unit)
            x = int(220 * unit)
            while x < size[0] - 300 * unit:
                w = int(rng.randint(30, 60) * unit)
                draw.rectangle((x, y, x + w, y + int(42 * unit)), fill=(30, 30, 35))
                x += w + int(rng.randint(8, 20) * unit)
    for _ in range(300):  # dust
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        draw.point((x, y), fill=(120, 120, 120))
    grain = Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))
    noise = grain.point(lambda v: 128 + (v - 128) // 16).convert("RGB")  # the sensor
    image = ImageChops.add(image, noise, scale=1.0, offset=-128)
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def test_a_camera_frame_is_stored_small_and_legible() -> None:
    raw = sheet(1, (2592, 3456))  # a 9-megapixel camera frame
    page = prepare_page(raw)
    assert max(page.width, page.height) == MAX_SIDE
    assert (page.width, page.height) == (1500, 2000)
    stored = Image.open(io.BytesIO(page.jpeg))
    assert stored.format == "JPEG"
    assert len(page.jpeg) < len(raw) / 4
    assert not page.blank
    assert JPEG_QUALITY == 80


def test_a_small_picture_is_not_enlarged() -> None:
    page = prepare_page(sheet(2, (800, 600)))
    assert (page.width, page.height) == (800, 600)


def test_blank_pages_are_caught_but_dust_is_not_ink() -> None:
    assert prepare_page(sheet(3, blank=True)).blank
    assert not prepare_page(sheet(3)).blank


def test_the_same_sheet_twice_is_caught() -> None:
    first = prepare_page(sheet(4))
    again_same_file = prepare_page(sheet(4))
    again_as_jpeg = prepare_page(sheet(4, fmt="JPEG"))  # photographed again, other bytes
    other = prepare_page(sheet(5))
    assert duplicate_of(again_same_file, [other, first]) == 1
    assert duplicate_of(again_as_jpeg, [first]) == 0
    assert duplicate_of(other, [first]) is None


def test_not_a_picture_is_refused_in_chinese() -> None:
    with pytest.raises(UserError, match="不是能识别的图片"):
        prepare_page(b"%PDF-1.4 nope")


def test_several_pages_become_one_a4_pdf(tmp_path: Path) -> None:
    pages = [prepare_page(sheet(s)) for s in (6, 7, 8)]
    single = scan_to_store("户口簿", pages[:1])
    assert single.name == "户口簿.jpg" and single.data == pages[0].jpeg
    stored = scan_to_store("户口簿", pages)
    assert stored.name == "户口簿（3页）.pdf" and stored.data.startswith(b"%PDF")
    path = tmp_path / "scan.pdf"
    path.write_bytes(stored.data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"^Pages:\s+3$", info, re.M)
    assert "595.276 x 841.89 pts (A4)" in info
    # the JPEGs go in as they are: the PDF is hardly larger than the pages
    assert len(stored.data) < sum(len(p.jpeg) for p in pages) * 1.05
    with pytest.raises(UserError):
        assemble_pdf([])


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_file_is_taken_only_when_its_size_has_settled(tmp_path: Path) -> None:
    (tmp_path / "old.jpg").write_bytes(b"there before")
    clock = Clock()
    watcher = StableFileWatcher(tmp_path, stable_for=1.0, clock=clock)
    target = tmp_path / "0001.jpg"
    with target.open("wb") as out:
        out.write(b"x" * 1000)
        out.flush()
        assert watcher.poll() == []
        clock.now = 2
        out.write(b"y" * 1000)  # still being written: its size changed
        out.flush()
        assert watcher.poll() == []
        clock.now = 2.5
        assert watcher.poll() == []
    (tmp_path / "notes.txt").write_text("not a scan")
    clock.now = 3.6
    assert watcher.poll() == [target]
    clock.now = 10
    assert watcher.poll() == []  # once only
    target.write_bytes(b"z" * 50)  # the software reused the name: a new scan
    assert watcher.poll() == []
    clock.now = 12
    assert watcher.poll() == [target]


def test_a_folder_written_slowly_by_another_program(tmp_path: Path) -> None:
    watcher = StableFileWatcher(tmp_path, stable_for=0.3)
    target = tmp_path / "scan.png"
    data = sheet(9, (600, 800))
    done = threading.Event()

    def writer() -> None:
        with target.open("wb") as out:
            for start in range(0, len(data), len(data) // 8 + 1):
                out.write(data[start:start + len(data) // 8 + 1])
                out.flush()
                time.sleep(0.1)
        done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    taken: list[Path] = []
    deadline = time.monotonic() + 10
    while not taken and time.monotonic() < deadline:
        taken = watcher.poll()
        if taken:
            assert done.is_set(), "taken while still being written"
        time.sleep(0.05)
    thread.join()
    assert taken == [target]
    assert prepare_page(target.read_bytes()).width == 600


def test_a_missing_folder_is_no_crash(tmp_path: Path) -> None:
    watcher = StableFileWatcher(tmp_path / "unplugged")
    assert not watcher.available() and watcher.poll() == []
