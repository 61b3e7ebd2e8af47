"""A dialog's save that takes most of a second on purpose: it hashes a PIN
(docs/privacy.md). It runs in the job runner so the window keeps painting and
answering; meanwhile the dialog is greyed out, says so, and cannot be closed or
sent again, since the save ends in a moment and must neither be lost nor made
twice."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from ...services.store import Store
from ..jobs import Job, run_job

SAVING = "正在保存，请稍候…"


class SlowSave(QObject):
    """`label` goes into the dialog's layout; it reads SAVING while a save runs."""

    def __init__(self, dialog: QDialog, store: Store) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._store = store
        self.job: Job[object] | None = None  # the save in flight, or the last one
        self._busy = False
        self.label = QLabel()
        self.label.setObjectName("jobState")
        dialog.installEventFilter(self)

    @property
    def busy(self) -> bool:
        return self._busy

    def start(self, save: Callable[[], object], *, failed_title: str,
              on_saved: Callable[[], None]) -> Job[object] | None:
        """`save` on a connection of its own; `on_saved` on the UI thread after it.
        A refusal is shown under `failed_title` and the dialog is usable again."""
        if self.busy:
            return None
        self._show_busy(True)
        self.job = run_job(lambda _progress: save(), title=SAVING, parent=self._dialog,
                           dialog=False, store=self._store, writes=True, at_once=True,
                           failed_title=failed_title, on_done=lambda _result: on_saved(),
                           on_finished=lambda: self._show_busy(False))
        return self.job

    def _show_busy(self, busy: bool) -> None:
        self._busy = busy
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        for child in self._dialog.findChildren(QWidget, options=direct):
            if child is not self.label:
                child.setEnabled(not busy)
        self.label.setText(SAVING if busy else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """While saving, neither the title bar's ✕ nor Esc closes the dialog."""
        if self._busy and watched is self._dialog:
            if event.type() == QEvent.Type.Close:
                event.ignore()
                return True
            if event.type() == QEvent.Type.KeyPress \
                    and getattr(event, "key", lambda: None)() == Qt.Key.Key_Escape:
                return True
        return False

