"""Start-up as a clerk feels it: the PIN check runs in the job runner with the
sign-in saying so, the main window opens before 今日 is counted, and the
program loads the rest while the sign-in is up."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QDialogButtonBox

from station_desk.domain.station import Staff
from station_desk.domain.throttle import FREE_TRIES
from station_desk.services.desk import Desk
from station_desk.ui import app as ui_app
from station_desk.ui import preload
from station_desk.ui.jobs import run_job, wait_for
from station_desk.ui.main_window import MainWindow
from station_desk.ui.setup.sign_in import CHECKING, SignInDialog
from station_desk.ui.today.page import COUNTING


def _held_sign_in(desk: Desk, monkeypatch: pytest.MonkeyPatch
                  ) -> tuple[list[bool], threading.Event, threading.Event]:
    """desk.session.sign_in made to wait until released; records whether each call
    ran off the UI thread."""
    off_ui, started, release = [], threading.Event(), threading.Event()
    real = desk.session.sign_in

    def waiting(name: str, pin: str, **kwargs: Any) -> Staff:
        off_ui.append(threading.current_thread() is not threading.main_thread())
        started.set()
        assert release.wait(20), "the test never released the check"
        return real(name, pin, **kwargs)

    monkeypatch.setattr(desk.session, "sign_in", waiting)
    return off_ui, started, release


def _sign_in_dialog(qtbot, desk: Desk, pin: str = "222222") -> SignInDialog:
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.offer_first("张丽")
    dialog.pin.setText(pin)
    return dialog


def test_the_pin_check_runs_in_the_runner_and_the_sign_in_says_so(
        qtbot, village: Desk, boxes, monkeypatch: pytest.MonkeyPatch) -> None:
    off_ui, started, release = _held_sign_in(village, monkeypatch)
    dialog = _sign_in_dialog(qtbot, village)
    dialog.accept()
    assert started.wait(5) and off_ui == [True]
    assert dialog.busy and dialog.state.text() == CHECKING
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and not dialog.pin.isEnabled() and not dialog.who.isEnabled()
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.wait(300)  # the window answers while the PIN is checked
    assert len(ticks) >= 5
    dialog.reject()  # Esc during the check does not drop it
    dialog.accept()  # nor does a second click start another
    assert dialog.isVisible() and off_ui == [True]
    release.set()
    wait_for(dialog.checking)
    assert dialog.result() == 1 and not dialog.busy and dialog.state.text() == ""
    assert village.session.signed_in is not None
    assert village.session.signed_in.name == "张丽"


def test_a_wrong_pin_from_the_runner_is_said_and_throttled_as_before(
        qtbot, village: Desk, boxes) -> None:
    dialog = _sign_in_dialog(qtbot, village, pin="999999")
    for _ in range(FREE_TRIES + 1):
        dialog.pin.setText("999999")
        dialog.accept()
        wait_for(dialog.checking)
    assert dialog.result() == 0 and village.session.signed_in is None
    assert "已连续输错 1 次" in boxes.warnings[0]
    assert "后再试" in boxes.warnings[-2]  # a pause after the free tries
    dialog.pin.setText("222222")  # even the right PIN waits for it
    dialog.accept()
    wait_for(dialog.checking)
    assert "后再试" in boxes.warnings[-1] and village.session.signed_in is None
    assert dialog.pin.text() == "" and dialog.pin.isEnabled() and not dialog.busy


def test_the_pin_check_is_not_queued_behind_long_jobs(qtbot, village: Desk, boxes) -> None:
    pool = QThreadPool.globalInstance()
    limit = pool.maxThreadCount()
    release = threading.Event()
    busy = [run_job(lambda _p: release.wait(20), title="备份", dialog=False)
            for _ in range(pool.maxThreadCount())]  # every thread taken, say backup + audit
    dialog = _sign_in_dialog(qtbot, village)
    dialog.accept()
    try:
        assert wait_for(dialog.checking, timeout=10) is not None
        assert dialog.result() == 1 and not any(job.done.is_set() for job in busy)
    finally:
        release.set()
        for job in busy:
            wait_for(job)
        assert pool.maxThreadCount() == limit + 1  # one more, for the check
        pool.setMaxThreadCount(limit)


def test_the_main_window_shows_before_today_is_counted(
        qtbot, village: Desk, runs_in_job, monkeypatch: pytest.MonkeyPatch) -> None:
    village.session.sign_in("张丽", "222222")
    counted = runs_in_job(village, village.cases, "today_counts")
    release = threading.Event()
    real = village.cases.today_counts
    monkeypatch.setattr(village.cases, "today_counts",
                        lambda *a: (release.wait(20), real(*a))[1])
    window = MainWindow(village)
    qtbot.addWidget(window)
    window.show()
    today = window.today
    assert today.state.isVisible() and today.state.text() == COUNTING
    assert today.received.value.text() == "…" and today.received.note.text() == COUNTING
    assert "今日" in today.heading.text()  # the date is known at once
    release.set()
    wait_for(today.loading.running)
    assert counted == [True]  # off the UI thread, on a connection of its own
    assert today.received.value.text() == "0" and not today.state.isVisible()
    assert int(today.staff.value.text()) == len(village.station.staff())


def test_the_window_loads_while_the_sign_in_is_up(qtbot, village: Desk, boxes,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    loaded_on: list[bool] = []
    real_load = preload.WindowPreload._load

    def load(self: preload.WindowPreload) -> None:
        loaded_on.append(threading.current_thread() is threading.main_thread())
        real_load(self)

    monkeypatch.setattr(preload.WindowPreload, "_load", load)

    def sign_in(dialog: SignInDialog) -> int:
        dialog.show()
        qtbot.waitUntil(lambda: bool(loaded_on))  # started once the sign-in is painted
        dialog.offer_first("张丽")
        dialog.pin.setText("222222")
        dialog.accept()
        wait_for(dialog.checking)
        return int(dialog.result())

    monkeypatch.setattr(SignInDialog, "exec", sign_in)
    window = ui_app.start(village)
    assert window is not None
    qtbot.addWidget(window)
    assert loaded_on == [False]  # once, in the runner
    wait_for(window.backup_job)


def test_a_load_never_started_is_done_where_it_is_asked_for(village: Desk) -> None:
    loading = preload.WindowPreload(village)
    loading.ensure()  # e.g. the sign-in never painted: loaded here, at once
    assert loading.start() is None  # and not again


# Run as `station-desk --data-dir D` would; when the sign-in has painted (the
# moment the load starts) say which heavy modules are in, then which after it.
_UP_TO_THE_SIGN_IN = """
import json, os, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from station_desk.ui import preload
HEAVY = {heavy!r}
start = preload.WindowPreload.start

def shown(self):
    before = sorted(m for m in HEAVY if m in sys.modules)
    self.ensure()
    after = sorted(m for m in HEAVY if m in sys.modules)
    print(json.dumps({{"before": before, "after": after}}), flush=True)
    os._exit(0)

preload.WindowPreload.start = shown
from station_desk.cli.main import main
main(["--data-dir", sys.argv[1]])
os._exit(3)
"""
HEAVY = ("pydantic", "reportlab", "pypinyin", "openpyxl", "PIL", "pypdf", "chinese_calendar",
         "station_desk.sync.bundle", "station_desk.services.sync", "station_desk.cli.commands",
         "station_desk.ui.main_window", "station_desk.ui.cases.page")


def test_the_sign_in_shows_before_the_heavy_modules_load(tmp_path, data_dir, village: Desk
                                                          ) -> None:
    import json
    import os
    import shutil
    import subprocess
    import sys

    folder = tmp_path / "started"  # a copy of the village for the child alone
    shutil.copytree(data_dir, folder, ignore=shutil.ignore_patterns("*.lock", "*.open"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", _UP_TO_THE_SIGN_IN.format(heavy=HEAVY),
                          str(folder)], capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["before"] == []
    # the load brings the main window and the pages in (the print stack, pinyin and
    # the spreadsheets still wait for their first use)
    assert {"station_desk.ui.main_window", "station_desk.ui.cases.page",
            "pydantic"} <= set(seen["after"])
    assert not {"reportlab", "pypinyin", "openpyxl"} & set(seen["after"])
