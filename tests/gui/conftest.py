"""GUI fixtures: record every message box instead of blocking on it."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from station_desk.services.desk import Desk
from station_desk.ui import crash
from station_desk.ui.cases import after_intake
from station_desk.ui.collector import collect_on_ui_thread
from station_desk.ui.devices import rating_screen
from station_desk.ui.main_window import MainWindow
from station_desk.ui.statistics.page import StatisticsPage
from station_desk.ui.widgets import prompts, status


@pytest.fixture(autouse=True)
def no_crash_dialog(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The crash dialog is modal: in a test it would wait for a click for ever. A
    crash report fails the test that caused it instead; background jobs a test
    started end (and deliver) inside that test."""
    reports: list[str] = []
    monkeypatch.setattr(crash, "show_crash", reports.append)
    yield reports
    QThreadPool.globalInstance().waitForDone(30_000)
    if QApplication.instance() is not None:
        QApplication.processEvents()
    assert not reports, "a crash report was shown:\n" + "\n".join(reports)


@pytest.fixture(scope="session", autouse=True)
def collected_on_the_ui_thread(qapp: QApplication) -> None:
    """As the program does (ui/app.make_app): a collection on a job's thread could
    free a test's closed widgets there and crash the process."""
    collect_on_ui_thread(qapp)


@pytest.fixture(autouse=True)
def nothing_left_frozen() -> Iterator[None]:
    """A start-up freezes what it made (ui/app.py's gc.freeze): in the tests' one
    process the objects of the tests before must stay collectable."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def no_rating_screen_left_open() -> Iterator[None]:
    """A rating screen a test opened (finishing a case opens one) is closed with
    the test: its app-wide pad-key filter would pass the next test's digits to a
    screen whose archive is closed."""
    yield
    for screen in list(rating_screen._open.values()):
        if isValid(screen):
            screen.close()
    QApplication.processEvents()


class Boxes:
    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.infos: list[str] = []
        self.said: list[str] = []  # what went to the status bar
        self.answer = True

    def warn(self, _parent: object, _title: str, text: str) -> None:
        self.warnings.append(text)

    def info(self, _parent: object, _title: str, text: str) -> None:
        self.infos.append(text)

    def confirm(self, _parent: object, _title: str, _text: str) -> bool:
        return self.answer


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    recorder = Boxes()
    monkeypatch.setattr(prompts, "warn", recorder.warn)
    monkeypatch.setattr(prompts, "info", recorder.info)
    monkeypatch.setattr(prompts, "confirm", recorder.confirm)
    shown = status.say

    def say(widget: QWidget | None, text: str) -> None:
        recorder.said.append(text)
        shown(widget, text)

    monkeypatch.setattr(status, "say", say)
    monkeypatch.setattr(after_intake, "offer_notices",
                        lambda _parent, _desk, _result, summary: recorder.infos.append(summary))
    return recorder


Driver = Callable[[object], int]


@pytest.fixture
def clerk_window(qtbot, village: Desk) -> MainWindow:
    """The main window of the village with 张丽 (a window clerk) signed in, shown."""
    village.session.sign_in("张丽", "222222")
    window = MainWindow(village)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def runs_in_job(monkeypatch: pytest.MonkeyPatch) -> Callable[[Desk, object, str], list[bool]]:
    """Wrap `service.name` to record, per call, whether it ran as a job: off the
    UI thread, on a connection of its own (never the window's)."""
    def watch(desk: Desk, service: object, name: str) -> list[bool]:
        window_db = desk.store.db
        seen: list[bool] = []
        real = getattr(service, name)

        def wrapped(*args: object, **kwargs: object) -> object:
            seen.append(threading.current_thread() is not threading.main_thread()
                        and desk.store.jobs_running > 0 and desk.store.db is not window_db)
            return real(*args, **kwargs)

        monkeypatch.setattr(service, name, wrapped)
        return seen
    return watch


@pytest.fixture
def stats(qtbot, village: Desk) -> StatisticsPage:
    """统计 of the village, a clerk signed in."""
    village.session.sign_in("张丽", "222222")
    page = StatisticsPage(village)
    qtbot.addWidget(page)
    return page


@pytest.fixture
def program_style(qapp: QApplication) -> Iterator[QApplication]:
    """The program's own style sheet and text size (what make_app sets), put back after."""
    from station_desk.ui.widgets import text_size

    font, sheet = qapp.font(), qapp.styleSheet()
    text_size.apply_zoom(qapp, text_size.NORMAL_ZOOM)
    yield qapp
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)
