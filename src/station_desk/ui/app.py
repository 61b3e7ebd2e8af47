"""Start the window: translations, crash handler, archive, first-run setup, sign-in."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QThreadPool, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ..domain.errors import UserError
from ..logs import setup_logging
from ..paths import resource
from ..services.desk import Desk
from . import crash
from .collector import collect_on_ui_thread
from .display_check import display_problem
from .preload import WindowPreload
from .setup.sign_in import SignInDialog
from .setup.upgrade_progress import UpgradeProgress
from .widgets import prompts
from .widgets.text_size import apply_zoom, saved_zoom

if TYPE_CHECKING:
    from .main_window import MainWindow

QT_TRANSLATION = "qtbase_zh_CN"
log = logging.getLogger("station_desk.ui")


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName("StationDesk")
    app.setOrganizationName("StationDesk")
    app.setApplicationDisplayName("便民服务站办件台账")
    app.setWindowIcon(QIcon(str(resource("icons", "station-desk.png"))))
    install_translations(app)
    apply_zoom(app, saved_zoom())  # the system's text size and this PC's zoom
    collect_on_ui_thread(app)
    return app


def install_translations(app: QApplication) -> QTranslator | None:
    """Qt's own text (OK/Cancel, wizard buttons, context menus) in Chinese, from the
    qtbase_zh_CN.qm that ships with PySide6. The program's own text is written in
    Chinese in the source, so there is no translation of it to load."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QT_TRANSLATION, folder):
        log.warning("%s not found in %s; Qt's own buttons stay in English",
                    QT_TRANSLATION, folder)
        return None
    app.installTranslator(translator)
    return translator


def open_desk(data_dir: Path) -> Desk | None:
    upgrade = UpgradeProgress()
    try:
        # only what was added since the last check; the full one runs behind the window
        desk = Desk.open(data_dir, program="窗口", upgrade_progress=upgrade)
    except UserError as exc:
        upgrade.close()
        QMessageBox.critical(None, "无法打开数据文件", exc.message)
        return None
    upgrade.close()
    if desk.tamper_warning:  # said at every start until the town has looked into it
        QMessageBox.warning(None, "数据文件被改动过", desk.tamper_warning)
    return desk


def start(desk: Desk) -> MainWindow | None:
    """Setup if new, sign in, then the window; the day's backup runs behind it.
    None when the clerk cancels."""
    if not desk.station.is_set_up:
        from .setup.wizard import SetupWizard  # the first start only

        if not SetupWizard(desk).exec():  # exec() gives 1 = accepted
            return None
    preload = WindowPreload(desk)
    dialog = SignInDialog(desk, before_done=preload.ensure)
    dialog.shown.connect(preload.start)  # once painted: its first paint comes first
    if not dialog.exec():
        return None
    preload.ensure()  # done already: the PIN check waited for it
    from .main_window import MainWindow

    window = MainWindow(desk)
    window.show()
    window.start_daily_backup()
    window.start_audit_check()
    window.prepare_printing()
    # What start-up made (modules, classes, the window) lives as long as the program:
    # a full collection need not walk it again. Each one walked ~70,000 objects on the
    # UI thread: 55-65 ms quiet, 75-230 ms under load (issue 12, no stall over 100 ms).
    gc.freeze()
    return window


def run_window(data_dir: Path, prepare: Callable[[], str | None] = lambda: None) -> int:
    """`prepare` readies the data folder (see cli.main); what it says is shown first."""
    problem = display_problem()
    if problem:
        sys.stderr.write(problem + "\n")
        return 1
    setup_logging()
    app = make_app()
    crash.install()
    try:
        notice = prepare()
    except UserError as exc:
        QMessageBox.critical(None, "无法打开数据文件", exc.message)
        return 1
    if notice:
        prompts.info(None, "数据目录", notice)
    desk = open_desk(data_dir)
    if desk is None:
        return 1
    try:
        window = start(desk)
        if window is None:
            return 0
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone()  # a running backup ends whole first
        desk.close()
