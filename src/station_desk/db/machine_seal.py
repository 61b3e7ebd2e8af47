"""The archive key sealed for this PC rather than for one Windows login.

A station PC is shared: every clerk's Windows account must open the one
machine-wide archive (C:\\ProgramData\\StationDesk). Windows DPAPI in machine
scope (`CRYPTPROTECT_LOCAL_MACHINE`, through pywin32's `win32crypt`) seals the
key so that any account on this PC can unseal it, and no other PC can: a copy
of the data folder or of the disk's files taken elsewhere does not open.
Elsewhere (Linux) there is no machine scope; `available()` is False and the
archive key falls back to the OS keyring or an owner-only file.
"""

from __future__ import annotations

import os
import sys
from typing import Any

CRYPTPROTECT_UI_FORBIDDEN = 0x1
CRYPTPROTECT_LOCAL_MACHINE = 0x4
# binds the sealed blob to this program: another program using machine-scope
# DPAPI on the same PC cannot unseal it without knowing this too
ENTROPY = b"Station Desk archive key v1"
DESCRIPTION = "Station Desk archive key"
# tests and county IT can refuse machine sealing (one login per PC by choice)
NO_MACHINE_SEAL_ENV = "STATION_DESK_NO_MACHINE_SEAL"


def _win32crypt() -> Any | None:
    if sys.platform != "win32" or os.environ.get(NO_MACHINE_SEAL_ENV):
        return None
    try:
        import win32crypt
    except ImportError:
        return None
    return win32crypt


def available() -> bool:
    return _win32crypt() is not None


def seal(data: bytes) -> bytes:
    crypt = _win32crypt()
    if crypt is None:
        raise OSError("machine-scope DPAPI is not available here")
    return bytes(crypt.CryptProtectData(
        data, DESCRIPTION, ENTROPY, None, None,
        CRYPTPROTECT_LOCAL_MACHINE | CRYPTPROTECT_UI_FORBIDDEN))


def unseal(blob: bytes) -> bytes:
    """Raises OSError when the blob was sealed on another PC or is damaged."""
    crypt = _win32crypt()
    if crypt is None:
        raise OSError("machine-scope DPAPI is not available here")
    try:
        _description, data = crypt.CryptUnprotectData(
            blob, ENTROPY, None, None, CRYPTPROTECT_UI_FORBIDDEN)
    except Exception as exc:  # pywintypes.error: another PC's blob, or damaged
        raise OSError(str(exc)) from exc
    return bytes(data)
