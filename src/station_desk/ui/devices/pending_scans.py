"""Scans taken while a form is still being filled: kept in memory until the case
exists, then attached to it (the card's photo too, when the clerk chose to)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...devices.scans import StoredScan, prepare_page
from ...domain.errors import UserError
from ...services.desk import Desk
from ..widgets import prompts

PHOTO_NAME = "身份证照片.jpg"


class PendingScans:
    def __init__(self) -> None:
        self.by_material: dict[str, StoredScan] = {}

    def add(self, material: str, scan: StoredScan) -> None:
        self.by_material[material] = scan  # a retake replaces the earlier pages

    def __bool__(self) -> bool:
        return bool(self.by_material)

    def attach_each(self, desk: Desk, case_no: str, photo: bytes | None = None) -> list[str]:
        """Attach everything to the registered case, in the runner (each scan is
        decoded to check it, hashed, encrypted and written: seconds for several);
        what could not be stored, each with why."""
        items: list[tuple[str, bytes]] = [
            (scan.name, scan.data) for scan in self.by_material.values()]
        failed: list[str] = []
        if photo:
            try:
                items.append((PHOTO_NAME, prepare_page(photo).jpeg))
            except UserError as exc:
                failed.append(f"{PHOTO_NAME}：{exc.message}")
        failed += desk.archive.attach_several(case_no, items)[1]
        self.by_material.clear()
        return failed


def say_not_attached(parent: QWidget, case_no: str, failed: list[str]) -> None:
    if failed:
        prompts.warn(parent, parent.tr("扫描件未全部保存"),
                     parent.tr("办件已登记（%1），但这些扫描件没有保存，"
                               "请在办件详情的“附件”里重新添加：").replace("%1", case_no)
                     + "\n" + "\n".join("· " + f for f in failed))
