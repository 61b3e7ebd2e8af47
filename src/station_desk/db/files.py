"""Owner-only files and folders, durable renames, and sweeping up temp files
that a killed program left behind."""

from __future__ import annotations

import logging
import os
import secrets
import time
from pathlib import Path
from typing import IO, BinaryIO

log = logging.getLogger("station_desk.files")

# A temp file untouched this long belongs to no running program.
STALE_SECONDS = 10 * 60


def open_private(path: Path, mode: str = "ab") -> IO[bytes]:
    """Open (creating with mode 0600 on POSIX) a binary file."""
    flags = os.O_RDWR | os.O_CREAT | (os.O_APPEND if "a" in mode else 0)
    if "w" in mode:
        flags |= os.O_TRUNC
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0), 0o600)
    return os.fdopen(fd, mode)


def touch_private(path: Path) -> None:
    """Create an empty owner-only file if it is not there (SQLite keeps its mode)."""
    if not path.exists():
        open_private(path).close()


def private_dir(path: Path) -> Path:
    """A folder (and its parents) where new folders are owner-only (0700 on POSIX)."""
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name == "posix":
            os.chmod(path, 0o700)
    return path


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to a new temp file, flush it to disk, then give it its name."""
    # unique to this writer: two threads writing the same scan never share a temp file
    tmp = path.with_name(f"{path.name}.{os.getpid()}-{secrets.token_hex(3)}.tmp")
    try:
        with open_private(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    sync_dir(path.parent)


def fsync_file(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def sync_dir(folder: Path) -> None:
    """Make a rename in `folder` survive a power cut (POSIX; Windows has no dir fsync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def drop_cache(f: BinaryIO) -> None:
    """Ask the OS to forget cached pages, so reading back reads the stick."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        try:
            advise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        except OSError:
            pass


def sweep(folder: Path, patterns: tuple[str, ...], *, older_than: float = 0.0) -> list[Path]:
    """Remove leftover temp files matching `patterns` not modified for `older_than` s."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    now = time.time()
    for pattern in patterns:
        for leftover in folder.glob(pattern):
            try:
                if older_than and now - leftover.stat().st_mtime < older_than:
                    continue
                leftover.unlink()
            except OSError:
                continue
            removed.append(leftover)
    if removed:
        log.warning("removed leftover temp files: %s", [p.name for p in removed])
    return removed
