"""The 读卡 bar filling the intake and appointment forms, camera capture through a
fake frame source, scans attached to the registered case, the device settings."""

from __future__ import annotations

from datetime import date

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QImage

from device_fakes import SERVICE_CARD, reader_service
from station_desk.devices import config
from station_desk.devices.scans import StoredScan
from station_desk.services.desk import Desk
from station_desk.ui.devices import capture
from station_desk.ui.devices.capture import CaptureDialog
from station_desk.ui.devices.frame_sources import FolderSource, FrameSource
from station_desk.ui.jobs import wait_for

PENSION = "08-02"


@pytest.fixture
def desk(village: Desk) -> Desk:
    village.session.sign_in("张丽", "222222")
    return village


def use_reader(desk: Desk, url: str, *, auto: bool = False) -> None:
    config.save(desk.data_dir, config.DeviceSettings(reader=url, auto_read=auto))


def test_read_button_fills_the_intake_form(qtbot, desk: Desk, boxes) -> None:
    from station_desk.ui.cases.intake import IntakeDialog

    with reader_service() as service:
        use_reader(desk, service.url)
        dialog = IntakeDialog(desk)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.mouseClick(dialog.card_bar.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.name.text() == "王秀兰", timeout=5000)
    assert dialog.id_number.text() == "610922196503120046"
    assert dialog.address.text() == "陕西省安康市石泉县城关镇西沟村三组"
    assert "女 · 汉族 · 1965-03-12 出生" in dialog.card_bar.details.text()
    assert dialog.card_bar.photo.isVisible() and not dialog.card_bar.keep_photo.isChecked()
    assert dialog.card_bar.photo_to_keep() is None  # never stored unless chosen
    dialog.phone.setText("13909151001")
    dialog._choose(None, desk.catalogue.item(PENSION))
    dialog.tick_all_materials()
    dialog.card_bar.keep_photo.setChecked(True)
    dialog.save()
    assert dialog.registered is not None
    wait_for(dialog.saving_scans.job)  # the scans are saved in the runner
    stored = desk.archive.attachments(dialog.registered.case.case_no)
    assert [a.name for a in stored] == ["身份证照片.jpg"]


def test_auto_read_fills_once_per_card_and_keeps_quiet_without_one(qtbot, desk: Desk,
                                                                   boxes) -> None:
    from station_desk.ui.appointments.dialog import AppointmentDialog

    with reader_service() as service:
        service.card = None
        use_reader(desk, service.url, auto=True)
        dialog = AppointmentDialog(desk)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: service.calls.count("/readcard") >= 1, timeout=5000)
        assert dialog.name.text() == "" and boxes.warnings == []
        service.card = dict(SERVICE_CARD)
        qtbot.waitUntil(lambda: dialog.name.text() == "王秀兰", timeout=6000)
        assert dialog.id_number.text() == "610922196503120046"
        dialog.name.setText("王秀兰（改）")  # the clerk corrects it: the same card stays put
        reads = service.calls.count("/readcard")
        qtbot.waitUntil(lambda: service.calls.count("/readcard") > reads, timeout=5000)
        dialog.card_bar.wait_idle()
        qtbot.wait(100)
        assert dialog.name.text() == "王秀兰（改）"
        dialog.hide()
        dialog.card_bar.wait_idle()


def test_a_missing_reader_is_a_message_and_typing_still_works(qtbot, desk: Desk,
                                                              boxes) -> None:
    from station_desk.ui.cases.intake import IntakeDialog

    use_reader(desk, "http://127.0.0.1:9")  # nothing listens there
    dialog = IntakeDialog(desk)
    qtbot.addWidget(dialog)
    dialog.card_bar.read_now()
    qtbot.waitUntil(lambda: "连不上读卡服务" in dialog.card_bar.status.text(), timeout=8000)
    assert dialog.card_bar.button.isEnabled() and dialog.name.isEnabled()


def test_an_expired_card_is_flagged(qtbot, desk: Desk, boxes) -> None:
    from station_desk.ui.devices.card_reading import CardReaderBar

    with reader_service() as service:
        service.card = dict(service.card or {}, expDate="20250601")
        use_reader(desk, service.url)
        bar = CardReaderBar(desk.data_dir, today=lambda: date(2026, 12, 1))
        qtbot.addWidget(bar)
        with qtbot.waitSignal(bar.card_read, timeout=5000):
            bar.read_now()
    assert bar.expired() and "已过有效期（2025-06-01）" in bar.details.text()


# -- the document camera -------------------------------------------------------------

class FakeCamera(FrameSource):
    """Frames made here, driving the same capture code as a real camera."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.latest: QImage | None = None
        self.started = self.stopped = False

    def start(self) -> None:
        self.started = True

    def stop(self) -> None:
        self.stopped = True

    def still(self) -> QImage | None:
        return self.latest

    def description(self) -> str:
        return "fake"

    def show_sheet(self, seed: int, *, blank: bool = False) -> None:
        image = QImage(1200, 1600, QImage.Format.Format_RGB32)
        image.fill(QColor(238, 236, 230))
        if not blank:
            from PySide6.QtGui import QPainter

            painter = QPainter(image)
            for line in range(30):
                painter.fillRect(100 + (seed * 37 + line * 53) % 200, 120 + line * 45,
                                 600 + (seed * 91 + line * 17) % 300, 20, QColor(30, 30, 30))
            painter.end()
        self.latest = image
        self.frame.emit(image)


def test_capture_pages_blank_and_repeated_pages_and_one_pdf(qtbot, boxes) -> None:
    camera = FakeCamera()
    dialog = CaptureDialog("户口簿", [camera])
    qtbot.addWidget(dialog)
    dialog.show()
    assert camera.started
    dialog.shoot()
    assert boxes.warnings and dialog.pages == []  # no picture yet
    camera.show_sheet(1)
    dialog.shoot()
    camera.show_sheet(2)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(dialog.pages) == 2, timeout=10000)  # prepared off the UI thread
    boxes.answer = False  # 不保留
    dialog.shoot()  # the same sheet again
    camera.show_sheet(3, blank=True)
    dialog.shoot()
    dialog.settle()
    assert len(dialog.pages) == 2 and len(boxes.warnings) == 1
    dialog.page_list.setCurrentRow(0)
    dialog.remove_selected()
    camera.show_sheet(4)
    dialog.shoot()
    dialog.settle()
    assert [dialog.page_list.item(i).text() for i in range(2)] == ["第 1 页", "第 2 页"]
    dialog.finish()
    assert dialog.stored is not None and dialog.stored.name == "户口簿（2页）.pdf"
    assert camera.stopped


def test_pages_arrive_from_the_capture_programs_folder(qtbot, tmp_path, boxes) -> None:
    folder = FolderSource(tmp_path)
    dialog = CaptureDialog("居民身份证复印件", [folder])
    qtbot.addWidget(dialog)
    sheet = Image.new("RGB", (900, 1200), (240, 240, 236))
    ImageDraw.Draw(sheet).rectangle((100, 100, 800, 300), fill=(20, 20, 20))
    sheet.save(tmp_path / "IMG_0001.jpg", "JPEG")
    qtbot.waitUntil(lambda: len(dialog.pages) == 1, timeout=8000)
    dialog.finish()
    assert dialog.stored is not None and dialog.stored.name == "居民身份证复印件.jpg"


def test_capture_from_the_checklist_ticks_and_attaches(qtbot, desk: Desk, boxes,
                                                       monkeypatch) -> None:
    from station_desk.ui.cases.intake import IntakeDialog

    page = Image.new("RGB", (600, 800), "white")
    ImageDraw.Draw(page).rectangle((50, 50, 500, 200), fill="black")
    import io

    out = io.BytesIO()
    page.save(out, "JPEG")
    asked: list[str] = []

    def fake_capture(_parent, _data_dir, material: str) -> StoredScan:
        asked.append(material)
        return StoredScan(f"{material}.jpg", out.getvalue())

    monkeypatch.setattr(capture, "capture_material", fake_capture)
    dialog = IntakeDialog(desk)
    qtbot.addWidget(dialog)
    dialog._choose(None, desk.catalogue.item(PENSION))
    first = dialog.materials.item(0)
    dialog.materials.setCurrentRow(0)
    dialog.capture_selected()
    material = asked[0]
    assert first.checkState() == Qt.CheckState.Checked
    assert "📷" in first.text()
    dialog.name.setText("王秀兰")
    dialog.id_number.setText("610922196503120046")
    dialog.phone.setText("13909151001")
    dialog.tick_all_materials()
    dialog.save()
    assert dialog.registered is not None
    assert dialog.saving_scans.busy  # the form waits, greyed, while the scan is saved
    wait_for(dialog.saving_scans.job)
    names = [a.name for a in desk.archive.attachments(dialog.registered.case.case_no)]
    assert names == [f"{material}.jpg"]


# -- 设置 → 窗口设备 -------------------------------------------------------------------

def test_settings_choose_the_reader_and_test_it(qtbot, desk: Desk, boxes) -> None:
    from station_desk.ui.devices.settings_box import DeviceSettingsBox

    box = DeviceSettingsBox(desk.data_dir)
    qtbot.addWidget(box)
    assert not box.test_button.isEnabled()  # no reader yet
    box.reader_kind.setCurrentIndex(box.reader_kind.findData("http"))
    assert box.reader_address.text() == "http://127.0.0.1:19196"
    with reader_service() as service:
        box.reader_address.setText(service.url)
        box.reader_address.editingFinished.emit()
        assert config.load(desk.data_dir).reader == service.url
        service.card = None
        qtbot.mouseClick(box.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "读卡器已连接" in box.test_result.text(), timeout=5000)
        service.card = dict(SERVICE_CARD)
        qtbot.mouseClick(box.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "读卡成功：王秀兰" in box.test_result.text(), timeout=5000)
    assert "610922196503120046" not in box.test_result.text()  # masked
    box.rate.setChecked(False)
    box.reader_kind.setCurrentIndex(box.reader_kind.findData("none"))
    saved = config.load(desk.data_dir)
    assert (saved.reader, saved.rate_after_finishing) == ("", False)
    box.reader_kind.setCurrentIndex(box.reader_kind.findData("serial"))
    box.test_button.click()
    qtbot.waitUntil(lambda: "✘" in box.test_result.text(), timeout=8000)
    assert "COM3" in box.test_result.text()


def test_a_registered_case_gets_camera_pages_from_its_attachments(qtbot, desk: Desk,
                                                                  monkeypatch) -> None:
    import io

    from station_desk.domain.cases import Applicant
    from station_desk.services.cases import CaseInput
    from station_desk.ui.archive.attachments import AttachmentsPanel

    case_no = desk.cases.register(CaseInput(
        item=PENSION, applicant=Applicant("王秀兰", "610922196503120046", "13909151001",
                                          "西沟村三组"))).case.case_no
    page = io.BytesIO()
    Image.new("RGB", (300, 400), "white").save(page, "JPEG")
    offered: list[list[str]] = []
    monkeypatch.setattr(capture, "choose_material",
                        lambda _p, names: offered.append(names) or names[1])
    monkeypatch.setattr(capture, "capture_material",
                        lambda _p, _d, material: StoredScan(f"{material}.jpg", page.getvalue()))
    panel = AttachmentsPanel(desk, case_no)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.added):
        assert panel.capture()
    assert offered[0][1] == "《城乡居民基本养老保险待遇申领表》"
    assert [a.name for a in panel.infos] == ["《城乡居民基本养老保险待遇申领表》.jpg"]


def test_no_camera_on_this_pc_is_said_plainly(qtbot, boxes) -> None:
    from station_desk.ui.devices.frame_sources import CameraSource, cameras

    if cameras():
        pytest.skip("this PC has a camera")
    dialog = CaptureDialog("户口簿", [CameraSource()])  # no camera (or no Qt Multimedia) here
    qtbot.addWidget(dialog)
    assert "高拍仪" in dialog.preview.text() and "高拍仪" in dialog.status.text()
    dialog.shoot()
    assert boxes.warnings and "高拍仪还没有画面" in boxes.warnings[0]
