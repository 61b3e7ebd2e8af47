"""Long sync work off the UI thread, behind a modal progress dialog that can be
cancelled (the services then keep nothing half-written)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...services.sync import Cancelled

T = TypeVar("T")
Progress = Callable[[int, int], None]


def run_task(parent: QWidget, title: str, work: Callable[[Progress], T]) -> T:
    """Run `work` on a worker thread behind a modal progress dialog.

    `work` gets a progress callback; pressing 取消 makes the next call raise
    `Cancelled`, which the services turn into a rollback (import) or a
    discarded `.partial` file (export). Errors are re-raised here.
    """
    dialog = QProgressDialog(title, "取消", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    state: dict[str, Any] = {"done": 0, "total": 0, "finished": False}
    cancelled = threading.Event()

    def progress(done: int, total: int) -> None:
        state["done"], state["total"] = done, total
        if cancelled.is_set():
            raise Cancelled()

    def target() -> None:
        try:
            state["result"] = work(progress)
        except BaseException as exc:  # handed to the UI thread below
            state["error"] = exc
        finally:
            state["finished"] = True

    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(40)

    def tick() -> None:
        if dialog.wasCanceled():
            cancelled.set()
        if state["total"]:
            dialog.setMaximum(int(state["total"]))
            dialog.setValue(min(int(state["done"]), int(state["total"])))
        if state["finished"]:
            timer.stop()
            loop.quit()

    timer.timeout.connect(tick)
    worker = threading.Thread(target=target, name="sync-task", daemon=True)
    worker.start()
    timer.start()
    loop.exec()
    worker.join()
    dialog.close()
    dialog.deleteLater()
    if "error" in state:
        raise state["error"]
    result: T = state["result"]
    return result
