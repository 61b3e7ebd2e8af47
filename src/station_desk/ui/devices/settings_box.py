"""设置 → 窗口设备: this PC's ID card reader (with 测试读卡器), document camera,
scan folder and rating screen. Saved to `devices.json` as soon as changed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...devices import config
from ...devices.idcard import IdCard, NoCard
from ...domain.idnumber import mask_id_number
from ..widgets import prompts
from .background import BackgroundJob
from .card_reading import read_error, start_read
from .frame_sources import cameras

# (kind, label, address offered when the kind is picked)
READER_KINDS = (("none", "不使用读卡器（手工填写）", ""),
                ("http", "厂家读卡服务（本机 HTTP）", "http://127.0.0.1:19196"),
                ("serial", "串口读卡器（SAM 模块）", "serial:COM3"))


def reader_kind(url: str) -> str:
    if not url:
        return "none"
    return "http" if url.lower().startswith("http") else "serial"


def choose_folder(parent: QWidget, start: str) -> str:
    """Replaceable in tests."""
    return QFileDialog.getExistingDirectory(parent, parent.tr("高拍仪软件保存照片的文件夹"),
                                            start)


class CameraChoice(QComboBox):
    """Which document camera: the PC's cameras are listed when the list is opened.
    Asking Qt for them loads Qt Multimedia and probes the devices (0.15-0.3 s), which
    opening 设置 should not wait for; until then a chosen camera shows as chosen."""

    def __init__(self, chosen: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.listed = False
        self.addItem(self.tr("第一个找到的高拍仪"), "")
        if chosen:
            self.addItem(self.tr("已选定的高拍仪（点开列表看名称）"), chosen)
            self.setCurrentIndex(1)

    def list_cameras(self) -> None:
        if self.listed:
            return
        self.listed = True
        chosen = self.currentData()
        self.blockSignals(True)  # the same choice, now by name: nothing to save
        while self.count() > 1:
            self.removeItem(1)
        for camera_id, name in cameras():
            self.addItem(name, camera_id)
        if chosen and self.findData(chosen) < 0:
            self.addItem(self.tr("已选定的高拍仪（现在没有接上）"), chosen)
        self.setCurrentIndex(max(0, self.findData(chosen)))
        self.blockSignals(False)

    def showPopup(self) -> None:  # noqa: N802
        self.list_cameras()
        super().showPopup()


class DeviceSettingsBox(QGroupBox):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("窗口设备（本机）"))
        self.data_dir = data_dir
        self.settings = config.load(data_dir)
        self._test: BackgroundJob[IdCard] | None = None
        form = QFormLayout(self)
        reader_row = QHBoxLayout()
        self.reader_kind = QComboBox()
        for kind, label, _address in READER_KINDS:
            self.reader_kind.addItem(self.tr(label), kind)
        self.reader_address = QLineEdit(self.settings.reader)
        self.reader_address.setPlaceholderText("http://127.0.0.1:19196 或 serial:COM3")
        self.test_button = QPushButton(self.tr("测试读卡器"))
        self.test_button.clicked.connect(self.test_reader)
        self.auto_read = QCheckBox(self.tr("放上即自动读取"))
        self.auto_read.setToolTip(self.tr("登记和预约时，身份证一放上读卡器就读出"))
        self.auto_read.setChecked(self.settings.auto_read)
        reader_row.addWidget(self.reader_kind)
        reader_row.addWidget(self.reader_address, 1)
        reader_row.addWidget(self.auto_read)
        reader_row.addWidget(self.test_button)
        form.addRow(self.tr("身份证读卡器"), reader_row)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.hide()  # only once a test has something to say
        form.addRow("", self.test_result)

        self.camera = CameraChoice(self.settings.camera)
        camera_row = QHBoxLayout()
        camera_row.addWidget(self.camera, 1)
        camera_row.addWidget(QLabel(self.tr("或高拍仪软件的文件夹")))
        self.scan_folder = QLineEdit(self.settings.scan_folder)
        self.scan_folder.setPlaceholderText(
            self.tr("可不填：它保存照片的文件夹"))
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._browse)
        camera_row.addWidget(self.scan_folder, 2)
        camera_row.addWidget(browse)
        form.addRow(self.tr("高拍仪"), camera_row)
        self.rate = QCheckBox(self.tr("办结后请群众评价（接了第二块屏幕时显示在那块屏幕上）"))
        self.rate.setChecked(self.settings.rate_after_finishing)
        form.addRow(self.tr("评价器"), self.rate)

        self.reader_kind.setCurrentIndex(
            max(0, self.reader_kind.findData(reader_kind(self.settings.reader))))
        self._kind_changed(initial=True)
        self.reader_kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.reader_address.editingFinished.connect(self.save)
        self.auto_read.toggled.connect(lambda _on: self.save())
        self.camera.currentIndexChanged.connect(lambda _i: self.save())
        self.scan_folder.editingFinished.connect(self.save)
        self.rate.toggled.connect(lambda _on: self.save())
        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._check_test)

    def _kind_changed(self, *, initial: bool = False) -> None:
        kind = self.reader_kind.currentData()
        used = kind != "none"
        self.reader_address.setEnabled(used)
        self.test_button.setEnabled(used)
        self.auto_read.setEnabled(used)
        if not initial:
            offered = next(a for k, _l, a in READER_KINDS if k == kind)
            if reader_kind(self.reader_address.text().strip()) != kind:
                self.reader_address.setText(offered)
            self.save()

    def _browse(self) -> None:
        folder = choose_folder(self, self.scan_folder.text())
        if folder:
            self.scan_folder.setText(folder)
            self.save()

    def current(self) -> config.DeviceSettings:
        used = self.reader_kind.currentData() != "none"
        return replace(self.settings,
                       reader=self.reader_address.text().strip() if used else "",
                       auto_read=self.auto_read.isChecked(),
                       camera=str(self.camera.currentData() or ""),
                       scan_folder=self.scan_folder.text().strip(),
                       rate_after_finishing=self.rate.isChecked())

    def save(self) -> None:
        chosen = self.current()
        if chosen == self.settings:
            return
        if prompts.succeeded(self, lambda: config.save(self.data_dir, chosen),
                             self.tr("设备设置未保存")):
            self.settings = chosen

    # -- 测试读卡器 ------------------------------------------------------------
    def test_reader(self) -> None:
        self.save()
        url = self.current().reader
        if self._test is not None:
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("正在连接读卡器…"))
        self.test_result.show()
        self._test = start_read(url)
        self._poll.start()

    def _check_test(self) -> None:
        job = self._test
        if job is None or not job.done.is_set():
            return
        self._poll.stop()
        self._test = None
        self.test_button.setEnabled(True)
        error = read_error(job)
        if isinstance(error, NoCard):
            self.test_result.setText(
                "✔ " + self.tr("读卡器已连接。放上一张身份证再测试，可看读卡结果。"))
        elif error is not None:
            self.test_result.setText("✘ " + error.message)
        else:
            card = job.result
            assert card is not None
            self.test_result.setText("✔ " + self.tr("读卡成功：%1（%2）")
                                     .replace("%1", card.name)
                                     .replace("%2", mask_id_number(card.id_number)))

    def wait_idle(self, timeout: float = 5.0) -> bool:
        job = self._test
        return job is None or job.done.wait(timeout)
