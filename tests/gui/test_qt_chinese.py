"""Qt's own buttons speak Chinese: the start-up installs qtbase_zh_CN from PySide6."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from station_desk.ui.app import install_translations

Std = QDialogButtonBox.StandardButton
SHOWN = (Std.Ok, Std.Cancel, Std.Yes, Std.No, Std.Close)


def button_texts() -> dict[Std, str]:
    box = QDialogButtonBox(Std.Ok | Std.Cancel | Std.Yes | Std.No | Std.Close)
    return {which: box.button(which).text().replace("&", "") for which in SHOWN}


@pytest.fixture
def chinese_qt(qapp: QApplication) -> Iterator[None]:
    """The translation installed as at start-up, and taken off again afterwards so
    the other tests see the application as they found it."""
    locale = QLocale()
    translator = install_translations(qapp)
    assert translator is not None, "qtbase_zh_CN.qm did not load"
    yield
    qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def test_without_the_translation_qt_speaks_english(qapp: QApplication) -> None:
    """So the Chinese below comes from `install_translations`, not from Qt itself."""
    assert button_texts()[Std.Cancel] == "Cancel"


def test_standard_buttons_are_chinese(chinese_qt: None) -> None:
    assert button_texts() == {Std.Ok: "确定", Std.Cancel: "取消", Std.Yes: "是(Y)",
                              Std.No: "否(N)", Std.Close: "关闭"}
