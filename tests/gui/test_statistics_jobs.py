"""统计 counts and writes its reports in the job runner, on a connection of its
own: the window is never the one waiting, and a cancelled report leaves no file."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QProgressDialog, QPushButton

from station_desk.services.sync import Cancelled
from station_desk.ui.jobs import wait_for
from station_desk.ui.statistics import page as statistics
from station_desk.ui.statistics.page import StatisticsPage


def test_the_period_is_counted_in_the_runner(stats: StatisticsPage, runs_in_job) -> None:
    seen = runs_in_job(stats.desk, stats.desk.reports, "figures")
    job = stats.set_period(statistics.PERIOD_MONTH)
    assert stats.period_label.text() == "正在统计…"  # shown at once, counted meanwhile
    assert stats.per_station.isHidden() and stats.town_title.isHidden()  # a village
    wait_for(job)
    assert seen == [True]
    assert stats.figures is not None and stats.figures.first == date.today().replace(day=1)
    assert stats.counting is None


def test_a_newer_period_stops_the_older_count(stats: StatisticsPage) -> None:
    older = stats.set_period(statistics.PERIOD_LAST_MONTH)
    newer = stats.set_period(statistics.PERIOD_TODAY)
    assert older.cancelled and not newer.cancelled
    wait_for(older)
    wait_for(newer)
    assert stats.figures is not None and stats.figures.first == date.today()


def test_a_report_is_written_in_the_runner_and_a_cancel_leaves_no_file(
        qtbot, stats: StatisticsPage, boxes, runs_in_job, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "报表"
    folder.mkdir()
    target = folder / "日报.pdf"
    monkeypatch.setattr(statistics, "choose_report_path", lambda *_a: str(target))
    reports = stats.desk.reports
    reached, go = threading.Event(), threading.Event()
    real_figures = reports.figures

    def held(*args: Any, **kwargs: Any) -> object:
        reached.set()
        assert go.wait(10)
        return real_figures(*args, **kwargs)

    monkeypatch.setattr(reports, "figures", held)
    seen = runs_in_job(stats.desk, reports, "write")
    job = stats.export_day()
    assert job is not None
    qtbot.waitUntil(reached.is_set)
    [dialog] = stats.findChildren(QProgressDialog)
    [button] = dialog.findChildren(QPushButton)
    button.click()  # 取消, as the clerk would
    go.set()
    wait_for(job)
    assert seen == [True]
    assert isinstance(job.error, Cancelled) and not boxes.warnings and not boxes.said
    assert list(folder.iterdir()) == []
    monkeypatch.setattr(reports, "figures", real_figures)
    assert wait_for(stats.export_day()) == target
    assert target.read_bytes().startswith(b"%PDF-") and str(target) in boxes.said[-1]
    assert [p.name for p in folder.iterdir()] == ["日报.pdf"]
