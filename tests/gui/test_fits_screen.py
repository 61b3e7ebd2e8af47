"""Every top-level window opens inside a small laptop's screen, buttons included."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget
from tests.gui.archive_helpers import pdf_bytes, png_bytes
from tests.gui.test_cases_ui import register

from station_desk.domain.archive import Borrowing, BorrowKind
from station_desk.domain.cases import Applicant
from station_desk.domain.service import AfterHours
from station_desk.services.appointments import ApptInput
from station_desk.services.cases import Registered
from station_desk.services.desk import Desk
from station_desk.services.notices import NoticeKind
from station_desk.ui.after_hours.page import FinishDialog
from station_desk.ui.appointments.dialog import AppointmentDialog
from station_desk.ui.appointments.outcome import RescheduleDialog, ServedDialog
from station_desk.ui.archive.attachments import FullView
from station_desk.ui.archive.dialogs import BorrowDialog, DecisionDialog, FilingDialog
from station_desk.ui.cases.after_intake import AfterIntakeDialog
from station_desk.ui.cases.correction_dialog import CorrectionDialog, ReceiveDialog
from station_desk.ui.cases.detail import CaseDetailDialog
from station_desk.ui.cases.extension_dialog import ExtensionDialog
from station_desk.ui.cases.intake import IntakeDialog
from station_desk.ui.cases.notify_dialog import NotifyDialog
from station_desk.ui.catalogue.item_editor import ItemEditor
from station_desk.ui.complaints.dialogs import ComplaintDialog, RatingDialog
from station_desk.ui.crash import CrashDialog
from station_desk.ui.devices.capture import CaptureDialog
from station_desk.ui.main_window import MainWindow
from station_desk.ui.notices.preview import NoticePreview
from station_desk.ui.settings.dialogs import NewPasswordDialog, StaffDialog, StationDialog
from station_desk.ui.settings.page import AddStaffDialog
from station_desk.ui.setup.sign_in import SignInDialog
from station_desk.ui.setup.wizard import SetupWizard
from station_desk.ui.widgets import screen_fit
from station_desk.ui.widgets.style import STYLE

# what is left of the screen above the Windows taskbar, in logical pixels
SCREENS = {
    "1366x768": QRect(0, 0, 1366, 728),
    "1920x1080@125%": QRect(0, 0, 1536, 824),
    "1920x1080@150%": QRect(0, 0, 1280, 688),
}


@pytest.fixture(params=sorted(SCREENS))
def screen(request: pytest.FixtureRequest, qapp: QApplication,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[QRect]:
    area = SCREENS[request.param]
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: area)
    qapp.setStyleSheet(STYLE)
    yield area
    qapp.setStyleSheet("")


def dialogs(desk: Desk) -> dict[str, Callable[[], QWidget]]:
    desk.session.sign_in("张丽", "222222")
    case_no = register(desk, "王秀英", proxy=True)
    case = desk.cases.get(case_no)
    issued = desk.notices.issue(case_no, NoticeKind.ONE_TIME)
    appt = desk.appointments.book(ApptInput(
        applicant=Applicant("王秀英", "", "13909151001", "西沟村三组"), item="08-02",
        at=datetime.now().astimezone() + timedelta(days=1), staff="李明")).appointment
    borrowing = Borrowing("b1", "A-1", "李明", "查档", BorrowKind.READ,
                          "2026-11-30T09:00", None, None, "", None)
    session = AfterHours("s1", date.today(), time(17, 30), None, ("张丽",), 0, "")
    return {
        "main window": lambda: MainWindow(desk),
        "setup wizard": lambda: SetupWizard(desk),
        "sign in": lambda: SignInDialog(desk),
        "intake": lambda: IntakeDialog(desk),
        "case detail": lambda: CaseDetailDialog(desk, case_no),
        "notice preview": lambda: NoticePreview(issued),
        "extension": lambda: ExtensionDialog(desk, case_no, desk.cases.clock(case),
                                             licence=True, joint=False),
        "notify": lambda: NotifyDialog(desk, case_no, []),
        "correction": lambda: CorrectionDialog(desk, case),
        "after intake": lambda: AfterIntakeDialog(desk, Registered(case, ["注意"] * 6),
                                                  "已登记\n" * 12),
        "receive": lambda: ReceiveDialog(desk, case),
        "appointment": lambda: AppointmentDialog(desk),
        "served": lambda: ServedDialog(appt),
        "reschedule": lambda: RescheduleDialog(desk, appt),
        "after-hours finish": lambda: FinishDialog(session, [case_no]),
        "complaint": lambda: ComplaintDialog(desk),
        "rating": lambda: RatingDialog(desk),
        "item editor": lambda: ItemEditor(desk, desk.catalogue.item("08-02")),
        "add staff": lambda: AddStaffDialog(desk),
        "station details": lambda: StationDialog(desk, desk.station.station_or_refuse()),
        "staff details": lambda: StaffDialog(desk, desk.station.staff()[0]),
        "new password": lambda: NewPasswordDialog(desk, desk.station.staff()[0]),
        "filing": lambda: FilingDialog(),
        "borrow": lambda: BorrowDialog("A-1"),
        "borrow decision": lambda: DecisionDialog(borrowing),
        "image viewer": lambda: FullView("a.png", "image/png", png_bytes(3000, 2000)),
        "pdf viewer": lambda: FullView("b.pdf", "application/pdf", pdf_bytes()),
        "scan capture": lambda: CaptureDialog("户口簿", []),
        "crash": lambda: CrashDialog("Traceback\n" * 200),
    }


def test_every_window_fits_the_screen(qtbot, village: Desk, screen: QRect) -> None:
    too_big = []
    for name, make in dialogs(village).items():
        window = make()
        qtbot.addWidget(window)
        window.show()
        QApplication.processEvents()
        # where the window system puts the frame, as big as Windows' frame at 150 %
        frame = QRect(window.frameGeometry().topLeft(),
                      window.geometry().size() + screen_fit.FRAME_ALLOWANCE)
        if not (window.isMaximized() or screen.contains(frame)):
            too_big.append((name, frame))
        window.close()
    assert too_big == []


def test_main_window_maximized_first_then_as_left(qtbot, village: Desk) -> None:
    village.session.sign_in("张丽", "222222")
    first = MainWindow(village)
    qtbot.addWidget(first)
    first.show()
    assert first.isMaximized()
    first.showNormal()
    first.setGeometry(40, 50, 1000, 640)
    first.close()
    again = MainWindow(village)
    qtbot.addWidget(again)
    again.show()
    assert not again.isMaximized()
    assert again.geometry().height() == 640  # (the test screen is narrower than 1000)
