"""一事一评: the applicant rates the case the clerk has just finished.

On a second monitor (the one facing the applicant) the screen opens full
screen there; with one monitor it opens as a window over the clerk's screen,
to be turned toward the applicant. A rating pad or keypad that sends the
digits 1–5 presses the same buttons. Not modal: the clerk is never stuck.
"""

from __future__ import annotations

import weakref
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ...devices import config
from ...devices.rating_pad import (
    LEVEL_KEYS,
    PAD_SOURCE,
    UNSATISFIED_REASONS,
    level_for_key,
    rating_note,
)
from ...domain.errors import UserError
from ...domain.service import Rating
from ...services.desk import Desk
from ..widgets import palette

THANKS_MS = 2500
COLOURS = {Rating.VERY_SATISFIED: palette.RATING_VERY_SATISFIED,
           Rating.SATISFIED: palette.RATING_SATISFIED, Rating.BASIC: palette.RATING_BASIC,
           Rating.UNSATISFIED: palette.RATING_UNSATISFIED,
           Rating.VERY_UNSATISFIED: palette.RATING_VERY_UNSATISFIED}

STYLE = f"""
RatingScreen {{ background: {palette.RATING_BACKGROUND}; }}
QLabel#ratingTitle {{ font-size: 34px; font-weight: bold; color: {palette.RATING_INK}; }}
QLabel#ratingCase {{ font-size: 20px; color: {palette.RATING_SECONDARY}; }}
QLabel#ratingThanks {{ font-size: 40px; font-weight: bold;
                       color: {palette.RATING_VERY_SATISFIED}; }}
QLabel#ratingError {{ font-size: 18px; color: {palette.RATING_VERY_UNSATISFIED}; }}
QPushButton#level {{ font-size: 26px; font-weight: bold; color: white; border-radius: 12px;
                    min-height: 150px; min-width: 150px; }}
QCheckBox {{ font-size: 22px; spacing: 12px; }}
QCheckBox::indicator {{ width: 28px; height: 28px; }}
QPushButton#submit, QPushButton#back {{ font-size: 22px; min-height: 56px; min-width: 160px; }}
QPushButton#skip {{ font-size: 14px; color: {palette.RATING_QUIET}; border: none; }}
"""


class RatingScreen(QWidget):
    rated = Signal(str)  # the Rating's value, once stored

    def __init__(self, desk: Desk, case_no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.desk = desk
        self.case_no = case_no
        self.level: Rating | None = None
        self.setObjectName("ratingScreen")
        self.setWindowTitle(self.tr("请您评价"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        case = desk.cases.get(case_no)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 36, 48, 24)
        outer.setSpacing(20)
        title = QLabel(self.tr("请您对本次服务作出评价"))
        title.setObjectName("ratingTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(title)
        served = QLabel(self.tr("办理事项：%1　　经办人：%2").replace("%1", case.item_name)
                        .replace("%2", case.first_ask_name))
        served.setObjectName("ratingCase")
        served.setAlignment(Qt.AlignmentFlag.AlignCenter)
        served.setWordWrap(True)
        outer.addWidget(served)
        self.error = QLabel()
        self.error.setObjectName("ratingError")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.hide()
        outer.addWidget(self.error)

        self.levels = QWidget()
        row = QHBoxLayout(self.levels)
        row.setSpacing(18)
        self.buttons: dict[Rating, QPushButton] = {}
        for level in Rating:
            button = QPushButton(f"{LEVEL_KEYS[level]}\n{level.value}")
            button.setObjectName("level")
            button.setStyleSheet(f"background: {COLOURS[level]};")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # digits go to the screen
            button.clicked.connect(lambda _c=False, lv=level: self.choose(lv))
            self.buttons[level] = button
            row.addWidget(button)
        outer.addWidget(self.levels, 1)

        self.reasons_box = QWidget()
        reasons = QVBoxLayout(self.reasons_box)
        ask = QLabel(self.tr("请告诉我们哪里做得不好（可多选）："))
        ask.setObjectName("ratingCase")
        reasons.addWidget(ask)
        grid = QGridLayout()
        self.reasons: list[QCheckBox] = []
        for i, text in enumerate(UNSATISFIED_REASONS):
            box = QCheckBox(text)
            self.reasons.append(box)
            grid.addWidget(box, i // 2, i % 2)
        reasons.addLayout(grid)
        actions = QHBoxLayout()
        back = QPushButton(self.tr("重新选择"))
        back.setObjectName("back")
        back.clicked.connect(self.back)
        self.submit_button = QPushButton(self.tr("提交评价"))
        self.submit_button.setObjectName("submit")
        self.submit_button.clicked.connect(self.submit)
        actions.addStretch()
        actions.addWidget(back)
        actions.addWidget(self.submit_button)
        actions.addStretch()
        reasons.addLayout(actions)
        self.reasons_box.hide()
        outer.addWidget(self.reasons_box, 1)

        self.thanks = QLabel(self.tr("谢谢您的评价！"))
        self.thanks.setObjectName("ratingThanks")
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks.hide()
        outer.addWidget(self.thanks, 1)

        skip = QPushButton(self.tr("群众不评价，关闭（Esc）"))
        skip.setObjectName("skip")
        skip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        skip.clicked.connect(self.close)
        outer.addWidget(skip, 0, Qt.AlignmentFlag.AlignRight)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- the pad -----------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        level = level_for_key(event.text())
        if level is not None and not self.thanks.isVisible():
            self.choose(level)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.level is not None:
            self.submit()
        elif event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def choose(self, level: Rating) -> None:
        """A good level is stored at once; a 差评 asks why first."""
        self.level = level
        if level.satisfied:
            self.submit()
            return
        self.levels.hide()
        self.reasons_box.show()

    def back(self) -> None:
        self.level = None
        for box in self.reasons:
            box.setChecked(False)
        self.reasons_box.hide()
        self.levels.show()

    def submit(self) -> None:
        if self.level is None:
            return
        note = rating_note([b.text() for b in self.reasons if b.isChecked()])
        try:
            self.desk.complaints.rate(self.case_no, self.level, PAD_SOURCE, note)
        except UserError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.rated.emit(self.level.value)
        self.levels.hide()
        self.reasons_box.hide()
        self.error.hide()
        self.thanks.show()
        QTimer.singleShot(THANKS_MS, self.close)


def _applicant_screen(parent: QWidget | None) -> object | None:
    """The monitor that is not the clerk's, when there is one."""
    screens = QGuiApplication.screens()
    if len(screens) < 2:
        return None
    clerk = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    return next((s for s in screens if s is not clerk), None)


# Shown windows, kept alive until closed. Keyed by id and pruned through a partial,
# not a lambda holding the screen: a screen referencing itself through its own
# `destroyed` connection is a cycle the garbage collector may break after Qt has
# already deleted the window.
_open: dict[int, RatingScreen] = {}
TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox)


class PadKeys(QObject):
    """While a rating waits, the pad's digits reach it from whichever window has
    the keyboard (the applicant's screen is rarely the focused one), except when
    the clerk is typing into a field."""

    def __init__(self, screen: RatingScreen) -> None:
        super().__init__(screen)
        self._screen = weakref.ref(screen)  # the screen owns this filter: no cycle back

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        screen = self._screen()
        if (event.type() != QEvent.Type.KeyPress or screen is None or not isValid(screen)
                or not screen.isVisible()):
            return False
        key = event if isinstance(event, QKeyEvent) else None
        if key is None or level_for_key(key.text()) is None:
            return False
        if not isinstance(watched, QWidget) or watched.window() is screen:
            return False  # the screen handles its own keys
        if isinstance(watched, TEXT_INPUTS):
            return False  # the clerk is typing a number
        screen.keyPressEvent(key)
        return True


def show_rating_screen(desk: Desk, case_no: str, parent: QWidget | None = None) -> RatingScreen:
    screen = RatingScreen(desk, case_no, parent)
    screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    for old in list(_open.values()):
        if isValid(old):
            old.close()
    _open[id(screen)] = screen
    screen.destroyed.connect(partial(_open.pop, id(screen), None))
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(PadKeys(screen))  # a child: gone, and unhooked, with it
    other = _applicant_screen(parent)
    if other is not None:
        screen.setGeometry(other.geometry())  # type: ignore[attr-defined]
        screen.showFullScreen()
    else:
        screen.resize(1000, 600)
        screen.show()
    screen.raise_()
    screen.activateWindow()
    screen.setFocus()
    return screen


def offer_rating(parent: QWidget, desk: Desk, case_no: str,
                 data_dir: Path | None = None) -> RatingScreen | None:
    """After a case is finished, when this PC asks for ratings (replaceable in tests)."""
    if not config.load(data_dir or desk.data_dir).rate_after_finishing:
        return None
    top = parent
    while (up := top.parentWidget()) is not None:
        top = up
    return show_rating_screen(desk, case_no, top)
