"""Before Qt starts on Linux: is there a display, and are the libraries of Qt's
xcb platform there? Qt itself aborts with a long text in both cases; the clerk
(or county IT) gets one line saying what is missing instead. No Qt import here.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping

# soname Qt's xcb plugin loads -> the Debian package that has it
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def display_problem(env: Mapping[str, str] | None = None,
                    platform: str = sys.platform) -> str | None:
    """One line saying why the window cannot open here, or None when it can."""
    env = os.environ if env is None else env
    if not platform.startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith("xcb"):
        return None  # offscreen, wayland, …: Qt's own business
    if not chosen and env.get("WAYLAND_DISPLAY"):
        return None
    if not env.get("DISPLAY"):
        return ("没有图形显示（DISPLAY 未设置），无法打开窗口；"
                "命令行仍可用（station-desk --help）。 No display: the window cannot open here.")
    missing = [package for soname, package in XCB_LIBRARIES.items() if not _loadable(soname)]
    if missing:
        return (f"缺少图形界面需要的系统库，请先安装：sudo apt-get install {' '.join(missing)}"
                f" (Qt's xcb platform needs: {', '.join(missing)})")
    return None
