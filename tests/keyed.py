"""Raw connections to encrypted archive files in tests: the file's key is found in
the nearest data folder (`keys/archive.key`) above it or beside one of its parents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from station_desk.db import archive_key, cipher


def key_near(path: Path) -> bytes:
    for folder in path.parents:
        for candidate in (folder, *sorted(p for p in folder.iterdir() if p.is_dir())):
            key = archive_key.load(candidate) if (candidate / "keys").is_dir() else None
            if key is not None:
                return key
    raise AssertionError(f"no archive key near {path}")


def raw(path: Path, *, read_only: bool = False, **kwargs: Any) -> Any:
    """What `sqlite3.connect(path)` was for a plain file."""
    return cipher.connect(Path(path), key_near(Path(path)), read_only=read_only, **kwargs)
