"""一事一评: the applicant's rating screen, the pad's digit keys, one rating per
case and channel, and the screen opening when the clerk finishes a case."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from stdnum.cn import ric

from station_desk.devices import config
from station_desk.domain.cases import Applicant, Status
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk
from station_desk.ui.devices import rating_screen
from station_desk.ui.devices.rating_screen import RatingScreen

BIRTH_CERT = "01-01"  # 生育登记, 即办件


@pytest.fixture
def desk(village: Desk) -> Desk:
    village.session.sign_in("张丽", "222222")
    return village


def finished_case(desk: Desk, serial: int = 4) -> str:
    base = f"61092219650312{serial:03d}"
    item = desk.catalogue.item(BIRTH_CERT)
    result = desk.cases.register(CaseInput(
        item=BIRTH_CERT, applicant=Applicant("王秀兰", base + ric.calc_check_digit(base + "0"),
                                             "13909151001", "西沟村三组"),
        received=tuple(m.name for m in item.materials), done_on_spot=True))
    assert result.case.status == Status.COMPLETED
    return result.case.case_no


def ratings(desk: Desk) -> list[dict[str, object]]:
    return list(desk.db.query("select level, source, note from ratings"))


def test_a_good_level_is_stored_at_once_from_the_pad(qtbot, desk: Desk) -> None:
    case_no = finished_case(desk)
    screen = RatingScreen(desk, case_no)
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.rated) as signal:
        qtbot.keyClick(screen, Qt.Key.Key_5)
    assert signal.args == ["非常满意"]
    assert ratings(desk) == [{"level": "非常满意", "source": "窗口评价器", "note": ""}]
    assert screen.thanks.isVisible()
    qtbot.waitUntil(lambda: not screen.isVisible(), timeout=5000)


def test_a_bad_level_asks_why_then_stores_the_reasons(qtbot, desk: Desk) -> None:
    case_no = finished_case(desk)
    screen = RatingScreen(desk, case_no)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.mouseClick(screen.buttons[next(r for r in screen.buttons if r.value == "不满意")],
                     Qt.MouseButton.LeftButton)
    assert screen.reasons_box.isVisible() and ratings(desk) == []
    screen.reasons[0].setChecked(True)
    screen.reasons[2].setChecked(True)
    qtbot.mouseClick(screen.submit_button, Qt.MouseButton.LeftButton)
    assert ratings(desk) == [{"level": "不满意", "source": "窗口评价器",
                              "note": "等候时间太长；材料没有一次说清"}]
    assert desk.complaints.needing_callback()  # a 差评 waits for its call-back


def test_one_rating_per_case_from_the_pad(qtbot, desk: Desk) -> None:
    case_no = finished_case(desk)
    first = RatingScreen(desk, case_no)
    qtbot.addWidget(first)
    first.choose(next(iter(first.buttons)))
    again = RatingScreen(desk, case_no)
    qtbot.addWidget(again)
    again.show()
    qtbot.keyClick(again, Qt.Key.Key_4)
    assert "不能重复评价" in again.error.text() and again.error.isVisible()
    assert len(ratings(desk)) == 1


def test_keys_other_than_1_to_5_do_nothing(qtbot, desk: Desk) -> None:
    screen = RatingScreen(desk, finished_case(desk))
    qtbot.addWidget(screen)
    screen.show()
    for key in (Qt.Key.Key_0, Qt.Key.Key_6, Qt.Key.Key_A):
        qtbot.keyClick(screen, key)
    assert screen.level is None and ratings(desk) == []


def test_finishing_at_intake_opens_the_screen_unless_switched_off(qtbot, desk: Desk, boxes,
                                                                  monkeypatch) -> None:
    from station_desk.ui.cases.intake import IntakeDialog

    def finish(serial: int) -> IntakeDialog:
        dialog = IntakeDialog(desk)
        qtbot.addWidget(dialog)
        dialog.name.setText("王秀兰")
        base = f"61092219650312{serial:03d}"
        dialog.id_number.setText(base + ric.calc_check_digit(base + "0"))
        dialog.phone.setText("13909151001")
        dialog._choose(None, desk.catalogue.item(BIRTH_CERT))
        dialog.tick_all_materials()
        dialog.done_on_spot.setChecked(True)
        dialog.save()
        assert dialog.registered is not None
        return dialog

    dialog = finish(4)
    shown = list(rating_screen._open.values())[-1]
    assert shown.case_no == dialog.registered.case.case_no
    assert shown.isVisible()
    qtbot.keyClick(shown, Qt.Key.Key_3)
    assert ratings(desk)[0]["level"] == "基本满意"
    shown.close()
    config.save(desk.data_dir, config.DeviceSettings(rate_after_finishing=False))
    shown_again: list[str] = []
    monkeypatch.setattr(rating_screen, "show_rating_screen",
                        lambda _desk, case_no, _parent=None: shown_again.append(case_no))
    finish(6)
    assert shown_again == []


def test_finishing_in_the_case_detail_opens_the_screen(qtbot, desk: Desk, boxes,
                                                       monkeypatch) -> None:
    from station_desk.ui.cases.detail import CaseDetailDialog

    offered: list[str] = []
    monkeypatch.setattr(rating_screen, "offer_rating",
                        lambda _parent, _desk, case_no: offered.append(case_no))
    base = "61092219650312004"
    item = desk.catalogue.item("08-02")
    case_no = desk.cases.register(CaseInput(
        item="08-02", applicant=Applicant("王秀兰", base + ric.calc_check_digit(base + "0"),
                                          "13909151001", "西沟村三组"),
        received=tuple(m.name for m in item.materials))).case.case_no
    dialog = CaseDetailDialog(desk, case_no)
    qtbot.addWidget(dialog)
    assert dialog.advance(Status.COMPLETED)
    assert offered == [case_no]


def test_the_pad_reaches_the_screen_from_the_clerks_window(qtbot, desk: Desk) -> None:
    from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

    clerk = QWidget()
    qtbot.addWidget(clerk)
    button, field = QPushButton("x"), QLineEdit()
    layout = QVBoxLayout(clerk)
    layout.addWidget(button)
    layout.addWidget(field)
    clerk.show()
    screen = rating_screen.show_rating_screen(desk, finished_case(desk), clerk)
    qtbot.keyClick(field, Qt.Key.Key_2)  # the clerk typing a digit keeps it
    assert field.text() == "2" and screen.level is None
    qtbot.keyClick(button, Qt.Key.Key_4)  # anywhere else: the pad's key
    assert ratings(desk) == [{"level": "满意", "source": "窗口评价器", "note": ""}]
    screen.close()
