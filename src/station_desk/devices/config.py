"""This PC's devices: which reader, camera, scan folder and rating screen.

Kept in `devices.json` beside the archive, not in the archive: the devices
belong to this PC, not to the station's record (a second PC has its own);
not in QSettings either, because the command line (`idcard read`) reads the
same choice and has no Qt.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from ..domain.errors import UserError, os_message

FILE_NAME = "devices.json"
log = logging.getLogger("station_desk.devices")


@dataclass(frozen=True)
class DeviceSettings:
    reader: str = ""               # "" none; http://127.0.0.1:19196; serial:COM3
    auto_read: bool = True         # read as soon as a card is laid on the reader
    camera: str = ""               # Qt camera id; "" the first one found
    scan_folder: str = ""          # a vendor capture program's output folder
    rate_after_finishing: bool = True  # open the rating screen when a case is finished


def load(data_dir: Path) -> DeviceSettings:
    path = data_dir / FILE_NAME
    try:
        raw = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return DeviceSettings()
    except (OSError, ValueError) as exc:
        log.warning("devices.json unreadable, using defaults: %s", exc)
        return DeviceSettings()
    known = {f.name: f.type for f in fields(DeviceSettings)}
    values = {k: v for k, v in raw.items() if k in known} if isinstance(raw, dict) else {}
    defaults = DeviceSettings()
    clean = {k: v if isinstance(v, type(getattr(defaults, k))) else getattr(defaults, k)
             for k, v in values.items()}
    return DeviceSettings(**clean)


def save(data_dir: Path, settings: DeviceSettings) -> None:
    """Written whole to a side file and renamed: never half a file."""
    path = data_dir / FILE_NAME
    partial = path.with_suffix(".json.partial")
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), "utf-8")
        os.replace(partial, path)
    except OSError as exc:
        raise UserError(f"设备设置没有保存：{os_message(exc)}（{path}）") from None
