"""Python's collections run only on the UI thread (a job's thread collecting a
cycle that holds closed widgets crashed the process)."""

from __future__ import annotations

import gc

from PySide6.QtWidgets import QApplication

from station_desk.ui.collector import collect_on_ui_thread


def test_collection_is_taken_off_other_threads_and_done_when_due(qapp: QApplication) -> None:
    collector = collect_on_ui_thread(qapp)
    assert collect_on_ui_thread(qapp) is collector  # one per application
    assert not gc.isenabled()  # no thread collects by itself
    gc.collect()
    assert collector.collect_due() == -1  # nothing due yet
    for _ in range(gc.get_threshold()[0] + 10):
        loop: list[object] = []
        loop.append(loop)  # a cycle: only a collection frees it
    assert collector.collect_due() >= 0
    assert gc.get_count()[0] < gc.get_threshold()[0]
