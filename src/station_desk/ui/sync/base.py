"""The parts of the sync page its pieces (village, town, dialogs) fill and read,
declared apart from the page so the pieces need not import it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QWidget

from ...services.desk import Desk
from ...services.sync import SyncDesk
from ..widgets.lazy_tabs import LazyTabs
from .models import ExportsModel, OverdueModel, VillagesModel


class SyncPageBase(QWidget):
    desk: Desk
    intro: QLabel
    pending: QLabel
    export_button: QPushButton
    again_button: QPushButton
    import_button: QPushButton
    tabs: LazyTabs
    # the models exist from the start; each tab's table is made when first shown
    exports_model: ExportsModel
    exports_box: QWidget
    exports: QTableView
    villages_model: VillagesModel
    villages_box: QWidget
    villages: QTableView
    overdue_model: OverdueModel
    overdue_box: QWidget
    overdue: QTableView
    return_selected_button: QPushButton
    return_all_button: QPushButton
    return_buttons: list[QPushButton]  # the two above, once their tab is made

    @property
    def sync(self) -> SyncDesk:
        return self.desk.sync

    def export_returns_selected(self) -> Any:
        """Starts the job (or says why not); the job is returned for tests."""
        raise NotImplementedError

    def export_returns_all(self) -> Any:
        raise NotImplementedError
