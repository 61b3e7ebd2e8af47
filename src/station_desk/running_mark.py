"""The mark the Windows installer looks for: a named mutex held while the program runs.

Upgrading or removing the program while a copy runs (the window or the command
line, under any Windows login of the station PC) would stop half-way on files in
use. So every start creates the mutex, and packaging/windows/station-desk.nsi
asks to close the program (silent: refuses with an exit code) while it exists.
Windows drops it when the process ends, however it ends. Both namespaces: the
global name is seen from every login; the session one still works where a policy
denies global names. Off Windows nothing is done (dpkg replaces files in use
safely).
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger("station_desk.running_mark")
MUTEX_NAME = "StationDeskRunning"
MUTEX_NAMES = ("Global\\" + MUTEX_NAME, MUTEX_NAME)

_held: list[int] = []  # the handles, kept open until the process ends


def hold() -> None:
    """Mark this process as a running copy of the program (once). Never stops the
    program: without the mark only the installer's check is lost."""
    if sys.platform == "win32" and not _held:
        import ctypes
        from ctypes import wintypes

        try:
            kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        except (AttributeError, OSError) as exc:  # AttributeError: not really Windows
            log.warning("no running mark for the installer: %s", exc)
            return
        create = kernel32.CreateMutexW
        create.argtypes = (wintypes.LPVOID, wintypes.BOOL, wintypes.LPCWSTR)
        create.restype = wintypes.HANDLE
        for name in MUTEX_NAMES:
            handle = create(None, False, name)
            if handle:  # already there (another copy) is fine: the handle still counts
                _held.append(handle)
