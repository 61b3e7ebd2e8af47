"""The clerk's day from the keyboard: Tab through every form, Ctrl+S saves, Enter
prints what the new case needs — intake to print preview without the mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from tests.gui.test_cases_ui import id_number
from tests.gui.test_fits_screen import dialogs

from station_desk.services.desk import Desk
from station_desk.ui.cases import after_intake
from station_desk.ui.cases.intake import IntakeDialog


class Keys:
    """Presses keys on whatever has the focus, counting them."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus(), text)
        self.count += len(text)

    def type_chinese(self, text: str, pinyin: str) -> None:
        """What the input method commits after the pinyin and a space; counted as such."""
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(self.focus(), event)
        self.count += len(pinyin) + 1

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
              ) -> None:
        self.qtbot.keyClick(self.focus(), key, modifier)
        self.count += 1

    def tab_to(self, target: QWidget, limit: int = 60) -> None:
        for _ in range(limit):
            if self.focus() is target:
                return
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached {target!r}")


def test_no_text_box_traps_tab(qtbot, village: Desk) -> None:
    trapped = []
    for name, make in dialogs(village).items():
        window = make()
        qtbot.addWidget(window)
        for box in window.findChildren(QPlainTextEdit) + window.findChildren(QTextEdit):
            if not box.isReadOnly() and not box.tabChangesFocus():
                trapped.append((name, box.objectName() or type(box).__name__))
        window.close()
    assert trapped == []


def test_walk_in_with_proxy_from_intake_to_print_preview_by_keys(
        qtbot, village: Desk, boxes, monkeypatch: pytest.MonkeyPatch) -> None:
    village.session.sign_in("张丽", "222222")
    keys = Keys(qtbot)
    previews: list[bytes] = []
    monkeypatch.setattr(after_intake, "show_pdf_preview",
                        lambda _p, pdf, _n, _i: previews.append(pdf))

    def offer(parent: QWidget, desk: Desk, result, summary: str) -> None:
        dialog = after_intake.AfterIntakeDialog(desk, result, summary, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        keys.press(Qt.Key.Key_Return)  # print the ticked notices
        qtbot.waitUntil(lambda: dialog.result() == 1)

    monkeypatch.setattr(after_intake, "offer_notices", offer)
    dialog = IntakeDialog(village)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    keys.tab_to(dialog.name)
    keys.type_chinese("王秀英", "wangxiuying")
    keys.press(Qt.Key.Key_Tab)
    assert keys.focus() is dialog.id_number
    keys.type(id_number(8))
    keys.press(Qt.Key.Key_Tab)
    assert keys.focus() is dialog.phone
    keys.type("13909151001")
    keys.tab_to(dialog.proxy)  # through the groups, type and the 理由 box
    keys.press(Qt.Key.Key_Space)
    assert dialog.proxy.isChecked()
    keys.tab_to(dialog.item_search)
    keys.type("ylbx")
    keys.press(Qt.Key.Key_Return)
    assert dialog._item is not None
    keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.registered is not None or bool(boxes.warnings))  # a
    # shortcut "animates" the button's click
    assert dialog.registered is not None, boxes.warnings
    assert dialog.registered.case.proxy
    assert len(previews) == 1  # one-time notice and 委托书, printed together
    print(f"keystrokes: {keys.count}, clicks: 0")


def test_walk_in_with_proxy_with_the_mouse_counts_clicks_and_keys(
        qtbot, village: Desk, boxes, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same walk-in as a clerk with a mouse does it: a click into each field,
    the typing, a click on the item, 登记, 打印所选 — counted for the closing note."""
    village.session.sign_in("张丽", "222222")
    keys = Keys(qtbot)
    clicks = 1  # 登记新办件 (Ctrl+N from the keyboard) opens the dialog below
    previews: list[bytes] = []
    monkeypatch.setattr(after_intake, "show_pdf_preview",
                        lambda _p, pdf, _n, _i: previews.append(pdf))

    def click(widget: QWidget, at: QPoint | None = None) -> None:
        nonlocal clicks
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton,
                         pos=at if at is not None else widget.rect().center())
        clicks += 1

    def offer(parent: QWidget, desk: Desk, result, summary: str) -> None:
        dialog = after_intake.AfterIntakeDialog(desk, result, summary, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        click(ok)  # 打印所选: the one-time notice and the 委托书 together
        qtbot.waitUntil(lambda: dialog.result() == 1)

    monkeypatch.setattr(after_intake, "offer_notices", offer)
    dialog = IntakeDialog(village)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    click(dialog.name)
    keys.type_chinese("王秀英", "wangxiuying")
    click(dialog.id_number)
    keys.type(id_number(8))
    click(dialog.phone)
    keys.type("13909151001")
    click(dialog.proxy, QPoint(8, dialog.proxy.height() // 2))  # the box itself
    assert dialog.proxy.isChecked()
    click(dialog.item_search)
    keys.type("ylbx")
    first = dialog.item_list.item(0)
    click(dialog.item_list.viewport(), dialog.item_list.visualItemRect(first).center())
    assert dialog._item is not None
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    click(save)
    qtbot.waitUntil(lambda: dialog.registered is not None or bool(boxes.warnings))
    assert dialog.registered is not None, boxes.warnings
    assert dialog.registered.case.proxy and len(previews) == 1
    clicks += 1  # 打印 in the preview (the preview itself is replaced here)
    assert clicks <= 10 and keys.count <= 45
    print(f"mouse: clicks: {clicks}, keystrokes: {keys.count}")
