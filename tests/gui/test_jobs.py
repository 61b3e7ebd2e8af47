"""Long work runs through `ui/jobs.py`: the window stays usable, results and
failures come back on the UI thread, a cancel leaves nothing half-done."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication

from station_desk.domain.errors import UserError
from station_desk.services.audit import TamperReport
from station_desk.services.desk import Desk
from station_desk.ui import app as ui_app
from station_desk.ui.jobs import Cancelled, run_job, wait_for
from station_desk.ui.main_window import MainWindow
from station_desk.ui.setup.sign_in import SignInDialog

T = TypeVar("T")


def held(real: Callable[..., T]) -> tuple[Callable[..., T], threading.Event, threading.Event]:
    """`real` made to wait, once started, until the test releases it."""
    started, release = threading.Event(), threading.Event()

    def waiting(progress: Any = None) -> T:
        started.set()
        assert release.wait(20), "the test never released the job"
        return real(progress)

    return waiting, started, release


def test_start_up_does_not_wait_for_the_daily_backup(qtbot, village: Desk, boxes,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    slow_backup, started, release = held(village.backups.startup_backup)
    monkeypatch.setattr(village.backups, "startup_backup", slow_backup)

    def sign_in(dialog: SignInDialog) -> int:
        village.session.sign_in("张丽", "222222")
        return 1

    monkeypatch.setattr(SignInDialog, "exec", sign_in)
    window = ui_app.start(village)
    assert window is not None
    qtbot.addWidget(window)
    assert started.wait(5) and not release.is_set()
    assert window.isVisible()
    assert "正在自动备份" in window.statusBar().currentMessage()
    qtbot.waitExposed(window)  # its first paint is not what is measured here
    QApplication.processEvents()
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.wait(400)  # the event loop runs while the backup is held
    window.go_to("办件")  # and the clerk can work
    assert window.stack.currentWidget() is window.cases
    assert len(ticks) >= 5
    assert not village.backups.automatic()
    release.set()
    assert window.backup_job is not None
    wait_for(window.backup_job)
    assert village.backups.automatic()
    assert "今日自动备份已完成" in window.statusBar().currentMessage()


def test_start_up_does_not_wait_for_the_full_audit_check(qtbot, village: Desk, boxes,
                                                         runs_in_job,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    slow_check, started, release = held(village.audit.full_check)
    monkeypatch.setattr(village.audit, "full_check", slow_check)
    seen = runs_in_job(village, village.audit, "full_check")
    monkeypatch.setattr(SignInDialog, "exec", lambda _d: village.session.sign_in(
        "张丽", "222222") is not None)
    assert village.audit.full_check_due()
    window = ui_app.start(village)
    assert window is not None
    qtbot.addWidget(window)
    assert started.wait(5) and window.isVisible()
    window.go_to("办件")  # the clerk works meanwhile
    assert window.stack.currentWidget() is window.cases
    release.set()
    assert window.audit_job is not None
    report = wait_for(window.audit_job)
    assert seen == [True] and report is not None and not report.tampered
    assert not village.audit.full_check_due() and not boxes.warnings
    assert window.start_audit_check() is None  # once a day


def test_a_rewrite_found_in_the_background_is_said(qtbot, village: Desk, boxes,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    found = TamperReport(["操作记录第 3 条被改写（校验链断开）"])
    monkeypatch.setattr(village.audit, "full_check", lambda progress=None: found)
    village.session.sign_in("张丽", "222222")
    window = MainWindow(village)
    qtbot.addWidget(window)
    wait_for(window.start_audit_check())
    assert any("第 3 条被改写" in w for w in boxes.warnings)
    assert "改动过" in window.statusBar().currentMessage()


def test_a_failed_daily_backup_is_shown_not_fatal(qtbot, village: Desk, boxes,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(progress=None):  # type: ignore[no-untyped-def]
        raise UserError("磁盘已满")

    monkeypatch.setattr(village.backups, "startup_backup", full_disk)
    village.session.sign_in("张丽", "222222")
    window = MainWindow(village)
    qtbot.addWidget(window)
    wait_for(window.start_daily_backup())
    assert any("磁盘已满" in w and "请尽快手动备份" in w for w in boxes.warnings)
    assert "没有完成" in window.statusBar().currentMessage()


def test_results_arrive_on_the_ui_thread_and_work_runs_off_it(qtbot, boxes) -> None:
    ui_thread = QApplication.instance().thread()  # type: ignore[union-attr]
    seen: dict[str, object] = {}

    def work(progress):  # type: ignore[no-untyped-def]
        seen["work_thread"] = QThread.currentThread()
        progress(1, 2)
        return 42

    job = run_job(work, title="测试", on_done=lambda r: seen.update(result=r,
                  done_thread=QThread.currentThread()), dialog=False)
    wait_for(job)
    assert seen["result"] == 42
    assert seen["done_thread"] is ui_thread
    assert seen["work_thread"] is not ui_thread


def test_a_refusal_in_a_job_is_one_warning(qtbot, boxes) -> None:
    def work(progress):  # type: ignore[no-untyped-def]
        raise UserError("U盘已拔出")

    wait_for(run_job(work, title="备份", dialog=False))
    assert boxes.warnings == ["U盘已拔出"]


def test_cancelling_a_backup_to_the_stick_leaves_no_file(qtbot, village: Desk, boxes,
                                                        tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    village.db.execute("CREATE TABLE filler(x)")  # enough pages for several copy steps
    village.db.conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 4000,)] * 6000)
    outcomes: list[BaseException] = []
    job = run_job(lambda progress: village.backups.backup_to(stick, progress),
                  title="备份", dialog=False, on_failed=outcomes.append)
    job.cancel()  # before the first step finishes: the next progress call stops it
    wait_for(job)
    assert outcomes and isinstance(outcomes[0], Cancelled)
    assert list(stick.iterdir()) == []
    assert not village.backups.last_backup()


def test_the_print_fonts_are_read_behind_the_window(qtbot, village: Desk,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from station_desk.ui import main_window

    threads: list[bool] = []
    real = main_window.prepare_printing
    monkeypatch.setattr(main_window, "prepare_printing", lambda progress: threads.append(
        threading.current_thread() is threading.main_thread()) or real(progress))
    village.session.sign_in("张丽", "222222")
    window = MainWindow(village)
    qtbot.addWidget(window)
    wait_for(window.prepare_printing())
    assert threads == [False]
    from station_desk.print import fonts

    assert fonts.missing_glyphs("王秀英") == []  # ready: no font reading left for the case
