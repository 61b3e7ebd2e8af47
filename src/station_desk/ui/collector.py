"""Python's garbage collection only on the UI thread. Left automatic, a collection
runs on whichever thread happens to allocate: on a job's thread it can free a cycle
that holds Qt widgets (a dialog closed a moment ago), deleting them off the UI
thread, which crashes the program (seen in the tests; Anki collects the same way
for the same reason). So automatic collection is off, and a timer on the UI thread
collects each generation when Python's own thresholds say it is due."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class UiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """The oldest generation whose count passed its threshold, collected (with
        the younger ones); -1 when none was due."""
        due = [gen for gen, (count, limit) in
               enumerate(zip(gc.get_count(), self._thresholds, strict=True)) if count > limit]
        if not due:
            return -1
        gc.collect(due[-1])
        return due[-1]


def collect_on_ui_thread(app: QObject) -> UiThreadCollector:
    """Once per application (the collector is the app's child)."""
    found = app.findChild(UiThreadCollector)
    return found if found is not None else UiThreadCollector(app)
