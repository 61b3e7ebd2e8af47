"""Work a dialog waits on for a moment: a PIN checked or hashed (most of a second
on purpose, docs/privacy.md), a notice's PDF laid out. It runs in the job
runner, so the window keeps painting and answering; meanwhile the dialog is
greyed out, says so, and can be neither closed nor sent again: the work ends
in a moment and must not be lost or done twice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from ...services.store import Store
from ..jobs import Job, Progress, run_job

T = TypeVar("T")
SAVING = "正在保存，请稍候…"


class DialogJob(QObject):
    """`label` goes into the dialog's layout: it reads `busy_text` while the work
    runs. `focus_after` gets the keyboard back when it has ended."""

    def __init__(self, dialog: QDialog, store: Store, *, busy_text: str = SAVING,
                 focus_after: QWidget | None = None) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._store = store
        self._busy_text = busy_text
        self._focus_after = focus_after
        self._busy = False
        self.job: Job[Any] | None = None  # the work in flight, or the last one
        self.label = QLabel()
        self.label.setObjectName("jobState")
        dialog.installEventFilter(self)

    @property
    def busy(self) -> bool:
        return self._busy

    def start(self, work: Callable[[Progress], T], *, failed_title: str,
              on_done: Callable[[T], None],
              on_failed: Callable[[BaseException], None] | None = None) -> Job[T] | None:
        """`work(progress)` on a connection of its own (it may write: a new PIN, a
        wrong try, a notice); `on_done` gets its result on the UI thread. A refusal
        goes to `on_failed`, by default shown under `failed_title`; the dialog is
        usable again after either. None while the last work still runs."""
        if self._busy:
            return None
        self._show_busy(True)
        job = run_job(work, title=self._busy_text, parent=self._dialog,
                      dialog=False, store=self._store, writes=True, at_once=True,
                      failed_title=failed_title, on_done=on_done, on_failed=on_failed,
                      on_finished=lambda: self._show_busy(False))
        self.job = job
        return job

    def save_then_close(self, work: Callable[[], object], *,
                        failed_title: str) -> Job[object] | None:
        """`start`, then the dialog is accepted: QDialog's own accept, since the
        dialog's `accept` is what starts the save."""
        return self.start(lambda _progress: work(), failed_title=failed_title,
                          on_done=lambda _saved: QDialog.accept(self._dialog))

    def _show_busy(self, busy: bool) -> None:
        self._busy = busy
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        for child in self._dialog.findChildren(QWidget, options=direct):
            if child is not self.label:
                child.setEnabled(not busy)
        self.label.setText(self._busy_text if busy else "")
        if not busy and self._focus_after is not None and self._dialog.isVisible():
            self._focus_after.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """While it runs, neither the title bar's ✕ nor Esc closes the dialog."""
        # getattr: while the dialog is torn down its events still pass here after
        # this object's Python side is gone
        if getattr(self, "_busy", False) and watched is self._dialog:
            if event.type() == QEvent.Type.Close:
                event.ignore()
                return True
            if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
                return True
        return False
