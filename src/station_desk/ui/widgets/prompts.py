"""Every modal box goes through here, so tests can replace it (no blocking dialogs
in headless runs) and so messages look the same everywhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from ...domain.errors import UserError

T = TypeVar("T")


def _warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def _info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def _confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


# Replaceable hooks (tests assign recorders to these).
warn: Callable[[QWidget | None, str, str], None] = _warn
info: Callable[[QWidget | None, str, str], None] = _info
confirm: Callable[[QWidget | None, str, str], bool] = _confirm


def attempt(parent: QWidget | None, action: Callable[[], T], title: str = "无法完成") -> T | None:
    """Run an operation that returns a value; on a refusal show it and return None.

    Anything that is not a `UserError` is a bug and goes to the crash dialog.
    """
    try:
        return action()
    except UserError as exc:
        warn(parent, title, exc.message)
        return None


def succeeded(parent: QWidget | None, action: Callable[[], object],
              title: str = "无法完成") -> bool:
    """Like `attempt`, for operations that return nothing: True when done."""
    try:
        action()
    except UserError as exc:
        warn(parent, title, exc.message)
        return False
    return True


# -- questions that ask for a value (pages alias these so tests can replace them) --

def ask_line(parent: QWidget | None, title: str, label: str) -> str | None:
    """One line of text (None: the clerk cancelled)."""
    text, ok = QInputDialog.getText(parent, title, label)
    return text if ok else None


def ask_lines(parent: QWidget | None, title: str, label: str) -> str | None:
    """A few lines of text, e.g. a reason (None: the clerk cancelled)."""
    text, ok = QInputDialog.getMultiLineText(parent, title, label)
    return text if ok else None


def ask_choice(parent: QWidget | None, title: str, label: str, choices: list[str]) -> str | None:
    """One of `choices` (None: the clerk cancelled)."""
    text, ok = QInputDialog.getItem(parent, title, label, choices, 0, False)
    return text if ok else None
