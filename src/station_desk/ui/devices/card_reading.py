"""The 读卡 bar of the intake and appointment forms.

A read runs on a worker thread (a reader service that hangs must not freeze
the form); auto-read asks the reader every 1.5 s while the form is open and
fills the form once per card laid on it. The card's photo is shown here and
kept only when the clerk ticks 保存证件照片.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QPixmap, QShowEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...devices import config
from ...devices.idcard import IdCard, NoCard, ReaderError
from ...devices.readers import open_reader
from ...domain.errors import UserError
from ..widgets import palette
from .background import BackgroundJob

AUTO_READ_MS = 1500
PHOTO_HEIGHT = 72


def start_read(url: str) -> BackgroundJob[IdCard]:
    return BackgroundJob(lambda: open_reader(url).read(), "idcard-read")


def read_error(job: BackgroundJob[IdCard]) -> UserError | None:
    """The job's refusal; a reader bug is shown as one, never as a crash of the form."""
    if job.bug is not None:
        return ReaderError(f"读卡出错：{job.bug}")
    return job.error


class CardReaderBar(QWidget):
    """[读卡] status · what the card says besides the form's fields · photo."""

    card_read = Signal(object)  # IdCard

    def __init__(self, data_dir: Path, parent: QWidget | None = None, *,
                 offer_photo: bool = True, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.offer_photo = offer_photo
        self.settings = config.load(data_dir)
        self.today = today
        self.card: IdCard | None = None
        self._job: BackgroundJob[IdCard] | None = None
        self._job_quiet = False
        self._last_number: str | None = None  # auto-read fills once per card laid on
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        column = QVBoxLayout()
        row = QHBoxLayout()
        self.button = QPushButton(self.tr("读卡"))
        self.button.setToolTip(self.tr("从身份证读卡器读出姓名、身份证号、住址（读后请核对）"))
        self.button.clicked.connect(self.read_now)
        row.addWidget(self.button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        row.addWidget(self.status, 1)
        column.addLayout(row)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.hide()
        column.addWidget(self.details)
        self.keep_photo = QCheckBox(self.tr("保存证件照片为附件"))
        self.keep_photo.setToolTip(self.tr("证件照片默认不保存；勾选后随办件存档"))
        self.keep_photo.hide()
        column.addWidget(self.keep_photo)
        outer.addLayout(column, 1)
        self.photo = QLabel()
        self.photo.hide()
        outer.addWidget(self.photo)

        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._check)
        self._auto = QTimer(self)
        self._auto.setInterval(AUTO_READ_MS)
        self._auto.timeout.connect(lambda: self._start(quiet=True))
        if not self.settings.reader:
            self.status.setText(self.tr("未设置读卡器，请手工填写（设置 → 窗口设备）"))
        elif self.settings.auto_read:
            self.status.setText(self.tr("放上身份证即自动读取"))

    # auto-read only while the form is on screen: a closed form must not poll the reader
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.settings.reader and self.settings.auto_read:
            self._auto.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._auto.stop()
        super().hideEvent(event)

    # -- reading -----------------------------------------------------------
    def read_now(self) -> None:
        self._last_number = None  # an explicit read fills even the same card again
        self._start(quiet=False)

    def _start(self, *, quiet: bool) -> None:
        if self._job is not None:
            return
        url = self.settings.reader
        if not url:
            if not quiet:
                self._show_error(self.tr("还没有设置身份证读卡器：请到“设置 → 窗口设备”选择，"
                                         "或手工填写"))
            return
        self._job_quiet = quiet
        if not quiet:
            self.button.setEnabled(False)
            self.status.setText(self.tr("正在读卡…"))
        self._job = start_read(url)
        self._poll.start()

    def _check(self) -> None:
        job = self._job
        if job is None or not job.done.is_set():
            return
        self._poll.stop()
        self._job = None
        self.button.setEnabled(True)
        quiet = self._job_quiet
        error = read_error(job)
        if error is not None:
            if isinstance(error, NoCard):
                self._last_number = None  # the card was taken off
                if quiet:
                    return
            elif quiet:
                self.status.setText(self.tr("读卡器未就绪：") + error.message)
                return
            self._show_error(error.message)
            return
        card = job.result
        assert card is not None
        if quiet and card.id_number == self._last_number:
            return
        self._last_number = card.id_number
        self._show_card(card)
        self.card_read.emit(card)

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """For tests and closing: True once no read is under way."""
        job = self._job
        return job is None or job.done.wait(timeout)

    def stop(self) -> None:
        self._auto.stop()

    # -- showing -----------------------------------------------------------
    def _show_error(self, message: str) -> None:
        self.status.setText(f"<span style='color:{palette.DANGER}'>" + message + "</span>")

    def _show_card(self, card: IdCard) -> None:
        self.card = card
        self.status.setText(self.tr("已读卡，请核对姓名、身份证号和住址"))
        text = (f"{card.sex} · {card.nation}族 · {card.birth:%Y-%m-%d} 出生 · "
                f"{card.issuer} · " + self.tr("有效期限 ") + card.validity_text())
        if card.expired(self.today()):
            text += (f"<br><b style='color:{palette.DANGER}'>"
                     + self.tr("身份证已过有效期（%1），请申请人出示有效证件或临时身份证")
                     .replace("%1", f"{card.valid_to:%Y-%m-%d}") + "</b>")
        self.details.setText(text)
        self.details.show()
        self.keep_photo.setChecked(False)
        pixmap = QPixmap()
        if card.photo and pixmap.loadFromData(card.photo):
            self.photo.setPixmap(pixmap.scaledToHeight(
                PHOTO_HEIGHT, Qt.TransformationMode.SmoothTransformation))
            self.photo.show()
            self.keep_photo.setVisible(self.offer_photo)
        else:
            self.photo.hide()
            self.keep_photo.hide()

    def photo_to_keep(self) -> bytes | None:
        """The photo, only when the clerk chose to keep it."""
        if self.card is None or not self.card.photo or not self.keep_photo.isChecked():
            return None
        return self.card.photo

    def expired(self) -> bool:
        return self.card is not None and self.card.expired(self.today())
