"""A case's scanned materials (高拍仪照片、扫描件): thumbnails, adding files, full view.

Thumbnails are made once per scan and kept, encrypted, in the store's `thumbs/`
(`desk.archive.thumbnail`, keyed by the SHA-256): a photo is decoded at
thumbnail size (QImageReader scales while decoding), a PDF shows its first page
rendered by QtPdf. A scan that is missing or fails its hash check shows a
warning tile instead (nothing cached). Thumbnails not shown yet are made in the
job runner (on a connection of its own: a 20 MB scan is read and hashed there),
each tile showing "正在载入…" until then.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QImageReader, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.archive import MAX_ATTACHMENT_BYTES
from ...domain.errors import UserError
from ...services.desk import Desk
from ..devices import capture
from ..jobs import Job, Progress, Reloader, run_job
from ..notices.printing import load_pdf
from ..widgets import palette, prompts
from ..widgets.screen_fit import fit_to_screen

THUMB = 128
PDF_MIME = "application/pdf"
FILE_FILTER = "扫描件或照片 (*.jpg *.jpeg *.png *.pdf *.JPG *.JPEG *.PNG *.PDF);;所有文件 (*)"


def choose_files(parent: QWidget) -> list[str]:
    """Replaceable in tests: the files to attach."""
    return QFileDialog.getOpenFileNames(parent, parent.tr("选择扫描件或照片"), "",
                                        FILE_FILTER)[0]


def show_full(parent: QWidget, name: str, mime: str, data: bytes) -> None:
    """Replaceable in tests: one attachment at full size."""
    FullView(name, mime, data, parent).exec()


# -- pictures ------------------------------------------------------------------------

def _buffer(data: bytes) -> QBuffer:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return buffer


def image_thumbnail(data: bytes, size: int = THUMB) -> QImage:
    """Decoded at thumbnail size: a 4000-pixel phone photo never lands in memory whole."""
    buffer = _buffer(data)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # phones and document cameras write EXIF orientation
    full = reader.size()
    if full.isValid() and (full.width() > size or full.height() > size):
        reader.setScaledSize(full.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    if image.isNull():
        image = QImage.fromData(data)
        if not image.isNull():
            image = image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
    return image


def full_image(data: bytes) -> QImage:
    """The whole picture, turned upright as the camera recorded it."""
    buffer = _buffer(data)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    image = reader.read()
    buffer.close()
    return image if not image.isNull() else QImage.fromData(data)


def pdf_thumbnail(data: bytes, size: int = THUMB) -> QImage:
    """The first page, on white (QtPdf renders pages with a transparent background)."""
    document, buffer = load_pdf(data)  # the buffer must outlive the rendering
    points = document.pagePointSize(0)
    if points.width() <= 0 or points.height() <= 0:
        return QImage()
    page = points.toSize().scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio)
    rendered = document.render(0, page)
    image = QImage(page, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.setPen(QColor(palette.FAINT))
    painter.drawRect(0, 0, page.width() - 1, page.height() - 1)
    painter.end()
    document.close()
    buffer.close()
    return image


def thumbnail_png(data: bytes, mime: str) -> bytes:
    """The thumbnail as PNG bytes, for `desk.archive.thumbnail` to cache (QImage only:
    safe on a worker thread). Empty when the picture cannot be decoded."""
    image = pdf_thumbnail(data) if mime == PDF_MIME else image_thumbnail(data)
    if image.isNull():
        return b""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; Qt wants str
    return bytes(buffer.data().data())


def _tile(text: str, color: str) -> QImage:
    """A stand-in when there is nothing to show (damaged or unreadable)."""
    image = QImage(THUMB, THUMB, QImage.Format.Format_RGB32)
    image.fill(QColor(palette.SURFACE))
    painter = QPainter(image)
    painter.setPen(QColor(color))
    painter.drawRect(0, 0, THUMB - 1, THUMB - 1)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                     text)
    painter.end()
    return image


def _size_text(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{max(1, size // 1024)} KB"


# -- the panel -------------------------------------------------------------------------

class AttachmentsPanel(QWidget):
    # something was attached: the case's timeline has a new entry
    added = Signal()

    def __init__(self, desk: Desk, case_no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.case_no = case_no
        self.infos: list[Any] = []
        self._thumbs: dict[str, QIcon] = {}
        self._thumb_reads: Reloader[dict[str, bytes | None]] = Reloader(
            self, desk.store, self.tr("无法显示附件"))
        self.thumbnails_job: Job[dict[str, bytes | None]] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.caption = QLabel()
        self.add_button = QPushButton(self.tr("添加扫描件…"))
        self.add_button.setToolTip(self.tr("高拍仪照片或扫描件：JPEG、PNG 或 PDF，单个不超过 %1 MB")
                                   .replace("%1", str(MAX_ATTACHMENT_BYTES // 2**20)))
        self.add_button.clicked.connect(self.add_files)
        self.camera_button = QPushButton(self.tr("高拍仪拍照…"))
        self.camera_button.clicked.connect(self.capture)
        row.addWidget(self.caption)
        row.addStretch()
        row.addWidget(self.camera_button)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 48, THUMB + 56))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setMinimumHeight(THUMB + 64)
        self.list.itemDoubleClicked.connect(self._open_item)
        layout.addWidget(self.list, 1)
        self.empty = QLabel(self.tr("还没有附件。用高拍仪拍照或扫描后，点“添加扫描件…”"
                                    "选择 JPEG、PNG 或 PDF 文件。"))
        self.empty.setObjectName("muted")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.refresh()

    def refresh(self) -> Job[dict[str, bytes | None]] | None:
        """The list at once; thumbnails not made yet follow from the runner (the job
        is returned, None when every one was at hand)."""
        self.infos = self.desk.archive.attachments(self.case_no)
        self.list.clear()
        waiting = QIcon(QPixmap.fromImage(_tile(self.tr("正在载入…"), palette.MUTED)))
        for info in self.infos:
            item = QListWidgetItem(self._thumbs.get(info.sha256, waiting),
                                   f"{info.name}\n{_size_text(info.size)}")
            item.setToolTip(self.tr("%1\n%2，%3\n%4 添加于 %5")
                            .replace("%1", info.name).replace("%2", info.mime)
                            .replace("%3", _size_text(info.size)).replace("%4", info.added_by)
                            .replace("%5", info.created_at[:16].replace("T", " ")))
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.list.addItem(item)
        self.caption.setText(self.tr("附件（%1 个，双击查看原图）").replace(
            "%1", str(len(self.infos))) if self.infos else self.tr("附件"))
        self.empty.setVisible(not self.infos)
        self.list.setVisible(bool(self.infos))
        missing = list({i.sha256: i for i in self.infos if i.sha256 not in self._thumbs}
                       .values())
        if not missing:
            return None
        archive = self.desk.archive

        def make(progress: Progress) -> dict[str, bytes | None]:
            made: dict[str, bytes | None] = {}
            for done, info in enumerate(missing):
                progress(done, len(missing))
                try:  # kept (encrypted) in the store's thumbs/: made once per scan
                    made[info.sha256] = archive.thumbnail(info, THUMB, thumbnail_png)
                except UserError:
                    made[info.sha256] = None  # missing or damaged: the warning tile
            return made

        self.thumbnails_job = self._thumb_reads.start(make, self._show_thumbnails)
        return self.thumbnails_job

    def _show_thumbnails(self, made: dict[str, bytes | None]) -> None:
        for sha, png in made.items():
            if png is None:
                image = _tile(self.tr("⚠ 文件缺失\n或已损坏"), palette.DANGER)
            else:
                image = QImage.fromData(png)
                if image.isNull():
                    image = _tile(self.tr("无法显示"), palette.MUTED)
            self._thumbs[sha] = QIcon(QPixmap.fromImage(image))
        for row, info in enumerate(self.infos):
            item = self.list.item(row)
            if item is not None and info.sha256 in made:
                item.setIcon(self._thumbs[info.sha256])

    def add_files(self) -> Job[int] | None:
        """Attach the chosen files (the job: how many were attached); refusals (too
        big, wrong type, already there) are shown together."""
        paths = [Path(p) for p in choose_files(self)]
        if not paths:
            return None
        return self._attach(paths)

    def capture(self) -> Job[int] | None:
        scan = capture.capture_for_case(self, self.desk, self.case_no)
        if scan is None:
            return None
        return self._attach([(scan.name, scan.data)])

    def _attach(self, scans: Sequence[Path | tuple[str, bytes]]) -> Job[int]:
        """In the runner: each scan's content is decoded to check it, hashed,
        encrypted and written (0.1-0.5 s a scan, seconds for several). The buttons
        wait meanwhile; a progress window shows after 400 ms."""
        refused: list[str] = []

        def attach_each(progress: Progress) -> int:
            added, refusals = self.desk.archive.attach_several(self.case_no, scans, progress)
            refused.extend(refusals)
            return added

        def attached(added: int) -> None:
            self.refresh()
            if added:
                self.added.emit()
            if refused:
                prompts.warn(self, self.tr("有文件没有添加"), "\n".join(refused))

        def buttons(enabled: bool) -> None:
            self.add_button.setEnabled(enabled)
            self.camera_button.setEnabled(enabled)

        buttons(False)
        return run_job(attach_each, title=self.tr("正在保存附件"), parent=self,
                       store=self.desk.store, writes=True, on_done=attached,
                       failed_title=self.tr("附件没有保存"), on_finished=lambda: buttons(True))

    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_full(self.list.row(item))

    def open_full(self, row: int) -> Job[bytes]:
        """The scan read (up to 20 MB, decrypted and checked against its hash) in
        the runner, then shown at full size."""
        info = self.infos[row]
        # full size shows what an ID card scan says: recorded (who, when, which scan)
        return run_job(lambda _progress: self.desk.viewing.open_scan(self.case_no, info),
                       title=self.tr("正在打开附件"), parent=self, store=self.desk.store,
                       writes=True, failed_title=self.tr("无法打开附件"),
                       on_done=lambda data: show_full(self, info.name, info.mime, data))


class FullView(QDialog):
    """An image at full size (or fitted to the window), or a PDF in QtPdf's viewer."""

    def __init__(self, name: str, mime: str, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(name)
        fit_to_screen(self, 1000, 760)
        layout = QVBoxLayout(self)
        self.document: QPdfDocument | None = None
        self._buffer: QBuffer | None = None
        if mime == PDF_MIME:
            # the document reads from the buffer while shown: both live as long as the dialog
            self.document, self._buffer = load_pdf(data)
            view = QPdfView(self)
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            view.setDocument(self.document)
            layout.addWidget(view, 1)
        else:
            self.pixmap = QPixmap.fromImage(full_image(data))
            self.fit = QCheckBox(self.tr("适合窗口大小"))
            self.fit.setChecked(True)
            self.fit.toggled.connect(self._show_image)
            layout.addWidget(self.fit)
            self.area = QScrollArea()
            self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.picture = QLabel()
            self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.area.setWidget(self.picture)
            layout.addWidget(self.area, 1)
            self._show_image()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)

    def _show_image(self) -> None:
        if self.pixmap.isNull():
            self.picture.setText(self.tr("这张图片无法显示"))
            return
        fit = self.fit.isChecked()
        policy = (Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fit
                  else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.area.setHorizontalScrollBarPolicy(policy)
        self.area.setVerticalScrollBarPolicy(policy)
        if fit:
            room = self.area.viewport().size() - QSize(4, 4)
            shown = self.pixmap.scaled(room, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation) \
                if (self.pixmap.width() > room.width()
                    or self.pixmap.height() > room.height()) else self.pixmap
        else:
            shown = self.pixmap
        self.picture.setPixmap(shown)
        self.picture.resize(shown.size())

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        fit = getattr(self, "fit", None)
        if fit is not None and fit.isChecked():
            # the scroll area gets its new size only after this event: fit afterwards
            QTimer.singleShot(0, self._show_image)
