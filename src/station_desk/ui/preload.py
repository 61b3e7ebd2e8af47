"""While the sign-in is up, the main window's modules (its pages, the services,
the schemas: most of the program's import time) are imported and its services
built in the job runner, so the window opens as soon as the PIN is checked.

Imports on two threads at once can deadlock on a cycle, so until the load has
ended the UI thread imports nothing new: the sign-in's own modules are all in
before it shows, and its check waits for the load before the window opens.
"""

from __future__ import annotations

import threading

from ..services.desk import Desk
from .jobs import Job, run_job

# what the main window and 今日 use at once
WINDOW_SERVICES = ("today", "cases", "appointments", "after_hours", "complaints",
                   "supervision", "duties", "backups", "audit")


class WindowPreload:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk
        self._lock = threading.Lock()
        self._started = False
        self._loaded = threading.Event()

    def start(self) -> Job[None] | None:
        """In the runner (once); None when it has started already."""
        if not self._claim():
            return None
        return run_job(lambda _progress: self._load(), title="正在载入", dialog=False,
                       failed_title="程序没有载入完整")

    def ensure(self) -> None:
        """Loaded when this returns, from any thread: waits for the load in the
        runner, or loads here when it never started (a sign-in never shown)."""
        if self._claim():
            self._load()
        self._loaded.wait()

    def _claim(self) -> bool:
        with self._lock:
            first, self._started = not self._started, True
        return first

    def _load(self) -> None:
        try:
            from . import main_window  # noqa: F401 - the import is the point

            for name in WINDOW_SERVICES:
                getattr(self._desk, name)
        finally:
            self._loaded.set()
