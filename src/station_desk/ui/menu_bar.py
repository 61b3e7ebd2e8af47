"""The main window's menu bar: the day's actions with their keys shown, every
menu and entry reachable with Alt and the underlined letter."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from ..services.desk import Desk
from .archive.page import ArchivePage
from .cases.page import CasesPage
from .notices.actions import fill_notice_menu
from .widgets import status, text_size


class MainWindow(Protocol):
    """What the menus need of the main window (main_window.py builds them)."""

    desk: Desk
    notice_menu: QMenu | None

    @property
    def cases(self) -> CasesPage: ...
    @property
    def archive(self) -> ArchivePage: ...
    def menuBar(self) -> QMenuBar: ...  # noqa: N802
    def tr(self, text: str) -> str: ...
    def close(self) -> bool: ...
    def switch_clerk(self) -> None: ...
    def new_case(self) -> None: ...
    def find_case(self) -> None: ...
    def open_selected_case(self) -> None: ...
    def open_list(self, area: str, which: str) -> None: ...
    def area_names(self) -> list[str]: ...
    def go_to(self, label: str) -> None: ...

# 转到: Alt+G then a digit (a letter past ten areas)
GO_LETTERS = "1234567890ABCDE"


def build_menu_bar(window: MainWindow) -> dict[str, QAction]:
    """Fill `window`'s menu bar; the actions by name (for tests and the pages)."""
    bar = window.menuBar()
    actions: dict[str, QAction] = {}

    def add(menu: QMenu, name: str, text: str, slot: Callable[[], object],
            keys: tuple[QKeySequence | QKeySequence.StandardKey | str, ...] = ()) -> QAction:
        action = menu.addAction(text)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda _checked=False: slot())
        actions[name] = action
        return action

    files = bar.addMenu(window.tr("文件(&F)"))
    add(files, "backup", window.tr("立即备份到U盘或文件夹(&B)…"), lambda: backup_now(window))
    add(files, "switch", window.tr("换人登录(&L)…"), window.switch_clerk)
    files.addSeparator()
    add(files, "quit", window.tr("退出(&X)"), window.close)

    cases = bar.addMenu(window.tr("办件(&C)"))
    add(cases, "new_case", window.tr("登记新办件(&N)…"), window.new_case,
        (QKeySequence.StandardKey.New,))
    add(cases, "find_case", window.tr("查找办件(&F)"), window.find_case,
        (QKeySequence.StandardKey.Find,))
    # Enter belongs to the list itself (and to every dialog): shown, not bound here
    add(cases, "open_case", window.tr("打开所选办件(&O)") + "\tEnter", window.open_selected_case)
    add(cases, "print", window.tr("打印所选办件的告知书(&P)…"), lambda: print_selected(window),
        (QKeySequence.StandardKey.Print,))
    cases.addSeparator()
    add(cases, "attention", window.tr("需关注的办件(&A)"),
        lambda: window.open_list(window.tr("办件"), "attention"))
    add(cases, "overdue", window.tr("已逾期的办件(&D)"),
        lambda: window.open_list(window.tr("办件"), "overdue"))

    view = bar.addMenu(window.tr("显示(&V)"))
    # Ctrl+= is Ctrl++ without Shift on an ordinary keyboard
    add(view, "zoom_in", window.tr("放大字号(&I)"), lambda: zoomed(window, text_size.zoom_in),
        (QKeySequence.StandardKey.ZoomIn, "Ctrl+="))
    add(view, "zoom_out", window.tr("缩小字号(&O)"), lambda: zoomed(window, text_size.zoom_out),
        (QKeySequence.StandardKey.ZoomOut,))
    add(view, "zoom_reset", window.tr("原来大小(&R)"), lambda: zoomed(window, text_size.zoom_reset),
        ("Ctrl+0",))

    go = bar.addMenu(window.tr("转到(&G)"))
    for letter, label in zip(GO_LETTERS, window.area_names(), strict=False):
        add(go, f"go:{label}", f"&{letter} {label}", partial(window.go_to, label))
    return actions


def zoomed(window: MainWindow, change: Callable[[], int]) -> None:
    percent = change()
    text = window.tr("字号：%1%（Ctrl+0 恢复原来大小）").replace("%1", str(percent))
    status.say(as_widget(window), text)


def backup_now(window: MainWindow) -> None:
    window.go_to(window.tr("档案"))
    window.archive.backup_now()


def print_selected(window: MainWindow) -> QMenu | None:
    """The notices the selected case can have now, as a menu beside it; None (and a
    word in the status bar) when no case is selected."""
    window.go_to(window.tr("办件"))
    page = window.cases
    case_no = page.selected_case_no()
    if case_no is None:
        status.say(as_widget(window), window.tr("请先在办件列表中选中一件，再按 Ctrl+P 打印告知书"))
        page.table.setFocus()
        return None
    menu = QMenu(page)
    fill_notice_menu(menu, page, window.desk, case_no)
    table = page.table
    rect = table.visualRect(table.currentIndex())
    menu.popup(table.viewport().mapToGlobal(rect.bottomLeft()))
    window.notice_menu = menu  # kept for tests and so it is not collected while open
    return menu


def as_widget(window: MainWindow) -> QWidget | None:
    return window if isinstance(window, QWidget) else None
