"""Which mounted volumes look like a USB stick. The window lists volumes with
QStorageInfo (Qt stays in the UI layer); the rule of what counts is here."""

from __future__ import annotations

import re

_UNIX_ROOTS = ("/media/", "/run/media/", "/mnt/")
_DRIVE = re.compile(r"^([A-Za-z]):[\\/]?$")


def is_removable_root(root: str, *, system_drive: str = "") -> bool:
    """A mount point under /media, /run/media or /mnt (not the folder itself), or a
    Windows drive letter other than the system drive (e.g. `C:`)."""
    drive = _DRIVE.match(root)
    if drive:
        return drive.group(1).upper() != system_drive[:1].upper()
    path = root.rstrip("/") + "/"
    return any(path.startswith(p) and len(path) > len(p) for p in _UNIX_ROOTS)
