"""Device work off the UI thread: a reader that hangs or a 9-megapixel page being
downscaled must not freeze the form. The window polls `done` with a QTimer."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from ...domain.errors import UserError

T = TypeVar("T")


class BackgroundJob(Generic[T]):
    """`work` on a daemon thread; afterwards exactly one of result/error/bug is set."""

    def __init__(self, work: Callable[[], T], name: str) -> None:
        self.result: T | None = None
        self.error: UserError | None = None   # a refusal to show the clerk
        self.bug: Exception | None = None     # anything else: the caller decides
        self.done = threading.Event()

        def run() -> None:
            try:
                self.result = work()
            except UserError as exc:
                self.error = exc
            except Exception as exc:  # handed to the UI thread, never lost in the thread
                self.bug = exc
            self.done.set()

        threading.Thread(target=run, name=name, daemon=True).start()
