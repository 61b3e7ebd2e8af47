"""Transient successes go to the main window's status bar; boxes are kept for decisions."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

SHOWN_MS = 10_000


def main_window_of(widget: QWidget | None) -> QMainWindow | None:
    while widget is not None:
        top = widget.window()
        if isinstance(top, QMainWindow):
            return top
        widget = top.parentWidget()
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]
    return found[0] if found else None


def say(widget: QWidget | None, text: str) -> None:
    """Shown for a few seconds at the bottom of the main window."""
    window = main_window_of(widget)
    if window is not None:
        window.statusBar().showMessage(text, SHOWN_MS)
