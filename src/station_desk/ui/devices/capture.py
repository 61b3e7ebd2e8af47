"""拍照收件: pages of one material from the document camera (or its program's
folder), checked for blank and repeated pages, kept as one JPEG or one A4 PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...devices import config
from ...devices.scans import Page, StoredScan, duplicate_of, prepare_page, scan_to_store
from ...domain.errors import UserError
from ...services.desk import Desk
from ..widgets import prompts
from ..widgets.screen_fit import fit_to_screen
from .background import BackgroundJob
from .frame_sources import CameraSource, FolderSource, FrameSource, image_bytes

THUMB = 96


def sources_for(data_dir: Path) -> list[FrameSource]:
    """This PC's camera, and the vendor program's folder when one is set."""
    settings = config.load(data_dir)
    found: list[FrameSource] = [CameraSource(settings.camera)]
    if settings.scan_folder:
        found.append(FolderSource(Path(settings.scan_folder)))
    return found


class CaptureDialog(QDialog):
    def __init__(self, material: str, sources: list[FrameSource],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.material = material
        self.sources = sources
        self.pages: list[Page] = []
        self.stored: StoredScan | None = None
        self._preparing: list[BackgroundJob[Page]] = []  # in the order they were shot
        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._take_prepared)
        self.setWindowTitle(self.tr("拍照收件：%1").replace("%1", material))
        fit_to_screen(self, 1100, 660)
        outer = QVBoxLayout(self)
        columns = QHBoxLayout()
        outer.addLayout(columns, 1)
        self.preview = QLabel(self.tr("正在连接高拍仪…"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(560, 420)
        self.preview.setObjectName("stage")
        self.preview.setWordWrap(True)
        columns.addWidget(self.preview, 3)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("已拍的页（按顺序合成一份）")))
        self.page_list = QListWidget()
        self.page_list.setViewMode(QListView.ViewMode.IconMode)
        self.page_list.setIconSize(QSize(THUMB, THUMB))
        self.page_list.setMovement(QListView.Movement.Static)
        side.addWidget(self.page_list, 1)
        self.remove_button = QPushButton(self.tr("删除所选页"))
        self.remove_button.clicked.connect(self.remove_selected)
        side.addWidget(self.remove_button)
        columns.addLayout(side, 2)
        self.status = QLabel()
        self._says_preparing = False  # the status line shows 正在处理, not a camera message
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        row = QHBoxLayout()
        self.shoot_button = QPushButton(self.tr("拍照（空格键）"))
        self.shoot_button.setMinimumHeight(44)
        self.shoot_button.clicked.connect(self.shoot)
        row.addWidget(self.shoot_button)
        row.addStretch()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.finish)
        self.buttons.rejected.connect(self.reject)
        row.addWidget(self.buttons)
        outer.addLayout(row)
        # Space clicks the focused button: focus lives on 拍照 and returns there
        self.page_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.shoot_button.setDefault(False)
        self.shoot_button.setFocus()
        problems: list[str] = []
        for source in sources:
            source.frame.connect(self._show_frame)
            source.page.connect(self.add_page)
            source.problem.connect(lambda text, p=problems: self._problem(p, text))
            source.start()
        self._update()

    def _problem(self, problems: list[str], text: str) -> None:
        problems.append(text)
        self.status.setText("\n".join(problems))
        self._says_preparing = False  # a camera problem stays until read
        if all(s.still() is None for s in self.sources):
            self.preview.setText("\n".join(problems))

    def _show_frame(self, image: QImage) -> None:
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation))

    # -- pages ---------------------------------------------------------------
    def shoot(self) -> None:
        image = next((i for s in self.sources if (i := s.still()) is not None), None)
        if image is None:
            prompts.warn(self, self.tr("不能拍照"),
                         self.tr("高拍仪还没有画面。请检查连线，或用高拍仪软件拍照"
                                 "（照片保存到设置里的文件夹后会自动出现在这里）。"))
            return
        self.add_page(image_bytes(image))
        self.shoot_button.setFocus()

    def add_page(self, data: bytes) -> None:
        """Downscale and check the page on a worker thread; `_keep` takes it after."""
        self._preparing.append(BackgroundJob(lambda: prepare_page(data), "scan-page"))
        self._poll.start()
        self._update()

    def _take_prepared(self) -> None:
        while self._preparing and self._preparing[0].done.is_set():
            job = self._preparing.pop(0)
            if job.bug is not None:
                raise job.bug  # a bug: the crash dialog, not a silent missing page
            if job.error is not None:
                prompts.warn(self, self.tr("不能使用这一页"), job.error.message)
            elif job.result is not None:
                self._keep(job.result)
        if not self._preparing:
            self._poll.stop()
        self._update()

    def settle(self, timeout: float = 30.0) -> None:
        """Wait for every page being prepared and take it (tests, and 完成)."""
        for job in list(self._preparing):
            job.done.wait(timeout)
        self._take_prepared()

    def _keep(self, page: Page) -> bool:
        """Keep one page, asking first when it looks blank or repeats an earlier one."""
        if page.blank and not prompts.confirm(
                self, self.tr("空白页？"), self.tr("这一页看起来是空白的。仍要保留吗？")):
            return False
        same = duplicate_of(page, self.pages)
        if same is not None and not prompts.confirm(
                self, self.tr("重复的页？"),
                self.tr("这一页和第 %1 页相同。仍要保留吗？").replace("%1", str(same + 1))):
            return False
        self.pages.append(page)
        pixmap = QPixmap()
        pixmap.loadFromData(page.jpeg)
        entry = QListWidgetItem(QIcon(pixmap.scaled(THUMB, THUMB,
                                                    Qt.AspectRatioMode.KeepAspectRatio)),
                                self.tr("第 %1 页").replace("%1", str(len(self.pages))))
        self.page_list.addItem(entry)
        self._update()
        return True

    def remove_selected(self) -> None:
        row = self.page_list.currentRow()
        if row < 0:
            return
        del self.pages[row]
        self.page_list.takeItem(row)
        for i in range(self.page_list.count()):
            self.page_list.item(i).setText(self.tr("第 %1 页").replace("%1", str(i + 1)))
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.pages) or bool(self._preparing))
        ok.setText(self.tr("完成（%1 页）").replace("%1", str(len(self.pages))))
        if self._preparing:
            self.status.setText(self.tr("正在处理照片…"))
        elif self._says_preparing:
            self.status.clear()
        self._says_preparing = bool(self._preparing)
        self.remove_button.setEnabled(bool(self.pages))

    def finish(self) -> None:
        self.settle()
        try:
            self.stored = scan_to_store(self.material, self.pages)
        except UserError as exc:
            prompts.warn(self, self.tr("不能完成"), exc.message)
            return
        self.accept()

    def done(self, result: int) -> None:
        for source in self.sources:
            source.stop()
        super().done(result)


def capture_material(parent: QWidget, data_dir: Path, material: str) -> StoredScan | None:
    """Replaceable in tests: the pages of one material, or None when cancelled."""
    dialog = CaptureDialog(material, sources_for(data_dir), parent)
    return dialog.stored if dialog.exec() else None


def choose_material(parent: QWidget, names: list[str]) -> str | None:
    """Replaceable in tests: which material is being photographed."""
    name, ok = QInputDialog.getItem(parent, parent.tr("高拍仪拍照"),
                                    parent.tr("拍的是哪一项材料？"), names, 0, True)
    return name.strip() if ok and name.strip() else None


def capture_for_case(parent: QWidget, desk: Desk, case_no: str) -> StoredScan | None:
    """拍照 for a registered case (e.g. materials brought later): the scan to attach,
    None when the clerk stopped."""
    case = desk.cases.get(case_no)
    names = [m.name for m in case.materials] or [parent.tr("扫描件")]
    material = choose_material(parent, names)
    if material is None:
        return None
    return capture_material(parent, desk.data_dir, material)
