"""Where captured pages come from, behind one interface so the capture dialog
is the same code for a real 高拍仪, a vendor program's folder and the tests.

- `CameraSource`: a UVC camera through Qt Multimedia (the usual 高拍仪); it
  asks for the camera's largest resolution and keeps the newest frame.
- `FolderSource`: files the vendor's capture program saves, taken once
  their size has settled (`devices.watch`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QTimer, Signal
from PySide6.QtGui import QImage

from ...devices.watch import StableFileWatcher

log = logging.getLogger("station_desk.devices")
FOLDER_POLL_MS = 700
PREVIEW_MS = 150  # a 高拍仪 sends 8-megapixel frames: only some become a preview


def image_bytes(image: QImage) -> bytes:
    """A frame as BMP bytes for `devices.scans`: lossless and quick, compressed once later."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "BMP")  # type: ignore[call-overload]  # the stubs want bytes; Qt wants str
    buffer.close()
    return bytes(data.data())


class FrameSource(QObject):
    """A live picture (`frame`) and the pages to keep (`page`)."""

    frame = Signal(QImage)     # preview, as often as the source has one
    page = Signal(bytes)       # a finished page that arrived by itself (folder)
    problem = Signal(str)      # Chinese, for the dialog's status line

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def still(self) -> QImage | None:
        """The newest frame, or None when this source has no live picture."""
        return None

    def description(self) -> str:
        raise NotImplementedError


def cameras() -> list[tuple[str, str]]:
    """(id, description) of every camera Qt sees; none when Qt Multimedia cannot load."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError as exc:  # e.g. a PC without the system's multimedia libraries
        log.warning("Qt Multimedia unavailable: %s", exc)
        return []
    return [(bytes(d.id().data()).decode("latin-1"), d.description())
            for d in QMediaDevices.videoInputs()]


class CameraSource(FrameSource):
    def __init__(self, camera_id: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.camera_id = camera_id
        self._frame: object | None = None  # the newest QVideoFrame, converted on demand
        self._preview = QTimer(self)
        self._preview.setInterval(PREVIEW_MS)
        self._preview.timeout.connect(self._show_preview)
        self._camera: object | None = None
        self._session: object | None = None
        self._sink: object | None = None
        self._name = ""

    def description(self) -> str:
        return self._name or self.tr("高拍仪")

    def start(self) -> None:
        try:
            from PySide6.QtMultimedia import (
                QCamera,
                QMediaCaptureSession,
                QMediaDevices,
                QVideoSink,
            )
        except ImportError:
            self.problem.emit(self.tr("本机缺少多媒体组件，不能直接连接高拍仪；"
                                      "可在设置里填写高拍仪软件保存照片的文件夹"))
            return
        devices = QMediaDevices.videoInputs()
        chosen = next((d for d in devices
                       if bytes(d.id().data()).decode("latin-1") == self.camera_id),
                      devices[0] if devices else None)
        if chosen is None:
            self.problem.emit(self.tr("没有找到高拍仪（摄像头）：请检查 USB 连线，"
                                      "或在设置里填写高拍仪软件保存照片的文件夹"))
            return
        self._name = chosen.description()
        camera = QCamera(chosen, self)
        formats = chosen.videoFormats()
        if formats:  # the document is read from the picture: the most pixels win
            camera.setCameraFormat(max(formats, key=lambda f: f.resolution().width()
                                       * f.resolution().height()))
        sink = QVideoSink(self)
        sink.videoFrameChanged.connect(self._on_frame)
        session = QMediaCaptureSession(self)
        session.setCamera(camera)
        session.setVideoSink(sink)
        camera.errorOccurred.connect(
            lambda _e, text: self.problem.emit(self.tr("高拍仪出错：") + text))
        self._camera, self._session, self._sink = camera, session, sink
        camera.start()
        self._preview.start()

    def _on_frame(self, frame: object) -> None:
        self._frame = frame

    def _show_preview(self) -> None:
        image = self.still()
        if image is not None:
            self.frame.emit(image)

    def still(self) -> QImage | None:
        if self._frame is None:
            return None
        image = self._frame.toImage()  # type: ignore[attr-defined]
        return None if image.isNull() else image

    def stop(self) -> None:
        self._preview.stop()
        if self._camera is not None:
            self._camera.stop()  # type: ignore[attr-defined]


class FolderSource(FrameSource):
    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self._watcher: StableFileWatcher | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(FOLDER_POLL_MS)
        self._timer.timeout.connect(self.poll)

    def description(self) -> str:
        return self.tr("文件夹 %1").replace("%1", str(self.folder))

    def start(self) -> None:
        self._watcher = StableFileWatcher(self.folder)
        if not self._watcher.available():
            self.problem.emit(self.tr("找不到高拍仪软件的文件夹 %1，请在设置里改正")
                              .replace("%1", str(self.folder)))
            return
        self._timer.start()

    def poll(self) -> None:
        if self._watcher is None:
            return
        for path in self._watcher.poll():
            try:
                data = path.read_bytes()
            except OSError as exc:  # still locked by the capture program: next round
                log.info("scan %s not readable yet: %s", path, exc)
                self._watcher.retry(path)
                continue
            self.page.emit(data)

    def stop(self) -> None:
        self._timer.stop()
