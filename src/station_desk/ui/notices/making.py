"""Making a notice's or a board's PDF takes 0.1-0.6 s (reportlab lays the Chinese
text out and embeds the font's glyphs; benchmarks/notice_speed.py): it runs in
the job runner, where the notice's record and its archived copy are saved in
one transaction, and the preview opens on the UI thread when it is made. A
dialog that waits for it uses ui/widgets/dialog_job.py instead."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from ...services.desk import Desk
from ..jobs import Job, run_job

T = TypeVar("T")
MAKING = "正在生成，请稍候…"

_making: set[str] = set()  # what is being made now, by key (e.g. a case and a kind)
_lock = threading.Lock()


def make_then_show(parent: QWidget, desk: Desk, key: str, make: Callable[[], T],
                   show: Callable[[T], None], *, failed_title: str = "不能出具",
                   writes: bool = True) -> Job[T] | None:
    """`make()` in the runner (a progress window if it takes long), then `show`
    its result. A second click on the same `key` meanwhile does nothing (None):
    the notice is not issued twice."""
    with _lock:
        if key in _making:
            return None
        _making.add(key)

    def made(_progress: object) -> T:
        try:
            return make()
        finally:
            with _lock:
                _making.discard(key)

    return run_job(made, title=MAKING, parent=parent, store=desk.store, writes=writes,
                   failed_title=failed_title, on_done=show)
