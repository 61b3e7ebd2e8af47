"""The main window: catalogue search, head-only editing, honest empty areas, crashes."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLabel, QSpinBox

from station_desk.domain.catalogue import Material
from station_desk.services.desk import Desk
from station_desk.ui import crash
from station_desk.ui.catalogue.item_editor import ItemEditor
from station_desk.ui.jobs import wait_for
from station_desk.ui.main_window import MainWindow


@pytest.fixture
def window(clerk_window: MainWindow) -> MainWindow:
    return clerk_window


def test_catalogue_search_by_pinyin_initials(window: MainWindow, qtmodeltester) -> None:
    window.go_to("服务事项")
    page = window.catalogue
    total = page.model.rowCount()
    assert total >= 60
    qtmodeltester.check(page.model)
    page.search.setText("ylbx")
    names = [page.model.item_at(r).name for r in range(page.model.rowCount())]
    # 养老保险 (yanglao baoxian) and 医疗保险 (yiliao baoxian) share the initials ylbx
    assert all("养老保险" in n or "医疗保险" in n for n in names)
    assert {i.name for i in window.desk.catalogue.items() if "养老保险" in i.name} <= set(names)
    assert "待核实" in page.detail.toPlainText()


def test_clerk_cannot_edit_the_catalogue(window: MainWindow) -> None:
    window.go_to("服务事项")
    assert not window.catalogue.edit_button.isEnabled()


def test_head_edits_an_item_and_it_is_audited(qtbot, village: Desk, boxes) -> None:
    village.session.sign_in("王建国", "123456")
    item = village.catalogue.item("城乡居民养老保险参保登记")
    editor = ItemEditor(village, item)
    qtbot.addWidget(editor)
    editor.fee.setText("不收费（法律另有规定的除外）")
    editor.accept()
    assert not boxes.warnings
    saved = village.catalogue.item(item.code)
    assert saved.fee == "不收费（法律另有规定的除外）"
    last = village.backups.history("catalogue_items", item.id)[-1]
    assert last["actor"] == "王建国" and last["before"]["fee"] == item.fee


def test_head_edits_the_materials_in_place(qtbot, qtmodeltester, village: Desk,
                                          boxes) -> None:
    village.session.sign_in("王建国", "123456")
    item = village.catalogue.item("城乡居民养老保险参保登记")
    editor = ItemEditor(village, item)
    qtbot.addWidget(editor)
    model = editor.materials_model
    assert model.rowCount() == len(item.materials)
    editor.add_material(Material("", 1, 0, ""))
    row = model.rowCount() - 1
    assert model.setData(model.index(row, 0), " 村委会证明 ")
    assert model.setData(model.index(row, 2), 3)
    assert model.setData(model.index(row, 1), 99)  # more than any form asks for: capped
    assert not model.setData(model.index(row, 1), "两份")
    spin = editor.materials.indexWidget(model.index(row, 2))  # counts are spin boxes
    assert isinstance(spin, QSpinBox) and spin.maximum() == 20 and spin.value() == 3
    spin.setValue(4)
    assert model.data(model.index(row, 2)) == 4
    editor.add_material(Material("", 1, 0, ""))  # left without a name: not saved
    qtmodeltester.check(model)
    editor.materials.setCurrentIndex(model.index(0, 0))
    editor.remove_selected_material()
    editor.accept()
    assert not boxes.warnings
    saved = village.catalogue.item(item.code).materials
    assert [m.name for m in saved] == [m.name for m in item.materials[1:]] + ["村委会证明"]
    assert (saved[-1].originals, saved[-1].copies) == (20, 4)


def test_item_marked_verified_with_empty_elements_is_refused(qtbot, village: Desk,
                                                             boxes) -> None:
    item = replace(village.catalogue.item("城乡居民养老保险参保登记"), legal_basis="")
    editor = ItemEditor(village, item)
    qtbot.addWidget(editor)
    editor.verified.setChecked(True)
    editor.accept()
    assert "设定依据" in boxes.warnings[-1]
    assert village.catalogue.item(item.code).legal_basis != ""


def test_unstaffed_window_is_warned(qtbot, village: Desk) -> None:
    village.station.add_window("公共服务窗口")
    w = MainWindow(village)
    qtbot.addWidget(w)
    w.go_to("今日")
    wait_for(w.today.loading.running)  # counted in the runner
    assert "公共服务窗口" in w.today.alerts.text()


def test_uncaught_error_opens_a_copyable_report(monkeypatch: pytest.MonkeyPatch,
                                                qtbot, boxes) -> None:
    shown: list[str] = []
    monkeypatch.setattr(crash, "show_crash", shown.append)
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        crash.excepthook(type(exc), exc, exc.__traceback__)
    assert "RuntimeError: boom" in shown[0] and "Traceback" in shown[0]
    dialog = crash.CrashDialog(shown[0])
    qtbot.addWidget(dialog)
    dialog.copy_report()
    from PySide6.QtWidgets import QApplication

    assert "boom" in QApplication.clipboard().text()


def test_known_storage_failure_gets_a_plain_message(boxes) -> None:
    exc = sqlite3.OperationalError("database or disk is full")
    crash.excepthook(type(exc), exc, None)
    assert "磁盘空间已满" in boxes.warnings[-1]


def test_many_void_qt_calls_do_not_crash(qtbot) -> None:
    """PySide6 6.12.0 on Python 3.11 aborts after ~5,000 void calls (none_dealloc)."""
    label = QLabel()
    qtbot.addWidget(label)
    for i in range(20_000):
        label.setObjectName(f"n{i % 7}")
    assert label.objectName() == f"n{19_999 % 7}"


def test_head_edits_the_legal_elements(qtbot, village: Desk, boxes) -> None:
    """法定时限, 行政许可 and the two bodies: 待核实 until the head fills them in."""
    village.session.sign_in("王建国", "123456")
    item = village.catalogue.item("残疾人证新办理")
    editor = ItemEditor(village, item)
    qtbot.addWidget(editor)
    assert editor.statutory.text() == "待核实" and editor.authority.text() == ""
    assert editor.authority.placeholderText() == "待核实"
    editor.statutory.setValue(30)
    editor.licence.setCurrentIndex(editor.licence.findData(False))
    editor.authority.setText("石泉县残疾人联合会")
    editor.review_body.setText("石泉县人民政府")
    editor.accept()
    assert not boxes.warnings
    saved = village.catalogue.item(item.code)
    assert (saved.statutory_days, saved.licence, saved.authority, saved.review_body) == (
        30, False, "石泉县残疾人联合会", "石泉县人民政府")


def test_statutory_limit_below_the_promise_is_refused(qtbot, village: Desk, boxes) -> None:
    village.session.sign_in("王建国", "123456")
    item = village.catalogue.item("公共场所卫生许可")
    editor = ItemEditor(village, item)
    qtbot.addWidget(editor)
    editor.statutory.setValue(item.time_limit_days - 1)
    editor.accept()
    assert "法定时限" in boxes.warnings[-1]
    assert village.catalogue.item(item.code).statutory_days == 20


def test_pages_are_built_when_first_opened(window: MainWindow) -> None:
    assert window.built_pages() == ["today"]
    window.go_to("统计")
    assert window.built_pages() == ["today", "statistics"]
    assert window.stack.currentWidget() is window.statistics
    window.go_to("今日")
    assert window.stack.currentWidget() is window.today
    assert window.stack.count() == len(window.area_names())


def test_opening_statistics_counts_the_period_once(window: MainWindow,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    reports = window.desk.reports
    real = reports.figures
    calls: list[object] = []

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reports, "figures", counted)
    window.go_to("统计")
    wait_for(window.statistics.counting)
    assert len(calls) == 1
    from station_desk.ui.statistics import page as statistics

    wait_for(window.statistics.set_period(statistics.PERIOD_MONTH))
    assert len(calls) == 2
