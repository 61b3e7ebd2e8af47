"""The parts of the sync page its pieces (village, town, dialogs) fill and read,
declared apart from the page so the pieces need not import it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QWidget

from ...services.desk import Desk
from ...services.sync import SyncDesk
from .models import ExportsModel, OverdueModel, VillagesModel


class SyncPageBase(QWidget):
    desk: Desk
    intro: QLabel
    pending: QLabel
    export_button: QPushButton
    again_button: QPushButton
    import_button: QPushButton
    tabs: QTabWidget
    exports_model: ExportsModel
    villages_model: VillagesModel
    overdue_model: OverdueModel
    overdue_box: QWidget
    return_selected_button: QPushButton
    return_all_button: QPushButton

    @property
    def sync(self) -> SyncDesk:
        return self.desk.sync

    def export_returns_selected(self) -> Any:
        """Starts the job (or says why not); the job is returned for tests."""
        raise NotImplementedError

    def export_returns_all(self) -> Any:
        raise NotImplementedError
