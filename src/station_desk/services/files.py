"""Writing a finished report or board to the disk the clerk chose."""

from __future__ import annotations

from pathlib import Path

from ..db.errors import storage_errors


def write_atomically(path: Path, data: bytes) -> Path:
    """Under a .partial name first: a full disk never leaves half a file."""
    partial = path.with_name(path.name + ".partial")
    with storage_errors():
        try:
            partial.write_bytes(data)
            partial.replace(path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return path
