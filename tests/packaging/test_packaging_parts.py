"""The pieces the spec is made of, without building: the Windows version
resource, what the frozen folder leaves out, and the icon."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from station_desk import __version__

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import icu_data  # noqa: E402
import trim  # noqa: E402
from version_info import version_text  # noqa: E402


class Recorded:
    """Stands in for PyInstaller's version classes (importable only on Windows)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs


def test_version_resource_text_is_what_pyinstaller_evaluates() -> None:
    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct"]
    info = eval(version_text(__version__, "station-desk-cli", "命令行"),  # noqa: S307
                {name: type(name, (Recorded,), {}) for name in names})
    fixed = info.kwargs["ffi"].kwargs
    assert fixed["filevers"] == fixed["prodvers"] == (0, 1, 0, 0)
    [strings] = info.kwargs["kids"][0].args[0][0].args[1:]
    fields = {s.args[0]: s.args[1] for s in strings}
    assert fields["OriginalFilename"] == "station-desk-cli.exe"
    assert fields["ProductVersion"] == __version__ and fields["ProductName"] == "便民服务站办件台账"


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6", "PySide6\\Qt6VirtualKeyboard.dll",
    "opengl32sw.dll", "PySide6/QtDBus.abi3.so", "PySide6\\QtMultimediaWidgets.pyd",
    "libpulse.so.0", "libpulsecommon-16.1.so", "libgssapi_krb5.so.2", "libjpeg.so.62",
    "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so",
    "PySide6/Qt/translations/qt_de.qm", "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so", "stdnum/oui.dat", "libcups.so.2",
    "PySide6/Qt/plugins/platforms/libqwayland.so", "PySide6/Qt/lib/libQt6WaylandClient.so.6"])
def test_unused_parts_are_left_out(dest: str) -> None:
    assert not trim.keep(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/lib/libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6OpenGL.so.6", "PySide6\\Qt6Charts.dll",
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/qwindows.dll", "PySide6/Qt/plugins/printsupport/"
    "libcupsprintersupport.so", "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/translations/qtbase_zh_CN.qm", "stdnum/cn/loc.dat", "libcrypto.so.3",
    "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", "resources/fonts/NotoSansSC-Bold.ttf",
    # the camera's media plugin links Qt Quick/QML; Pillow brings its own JPEG library
    "PySide6/Qt/lib/libQt6Quick.so.6", "PySide6\\Qt6Qml.dll", "PySide6/QtNetwork.abi3.so",
    "pillow.libs/libjpeg-6dc8d115.so.62.4.0", "PySide6/Qt/lib/libQt6Multimedia.so.6"])
def test_what_the_program_uses_stays(dest: str) -> None:
    assert trim.keep(dest)


def test_strip_leaves_ffmpeg_alone() -> None:
    assert trim.NOT_STRIPPED.search("PySide6/Qt/lib/libavutil.so.59")
    assert trim.NOT_STRIPPED.search("PySide6/Qt/lib/libswscale.so.8")
    assert not trim.NOT_STRIPPED.search("PySide6/Qt/lib/libQt6Core.so.6")


@pytest.mark.parametrize(("item", "left_out"), [
    ("coll/fr.res", True), ("fr_CA.res", True), ("unit/de.res", True), ("coll/de_.res", True),
    ("translit/Latin_ASCII.res", True), ("ibm-37_P100-1995.cnv", True),
    ("coll/zh.res", False), ("zh_Hans_CN.res", False), ("coll/root.res", False),
    ("en_US_POSIX.res", False), ("rbnf/yue.res", False), ("coll/ucadata.icu", False),
    ("gb18030.cnv", False), ("windows-936-2000.cnv", False), ("cnvalias.icu", False),
    ("pool.res", False), ("zone/res_index.res", False), ("supplementalData.res", False),
    ("brkitr/thaidict.dict", False), ("translit/root.res", False)])
def test_icu_keeps_chinese_english_and_root(item: str, left_out: bool) -> None:
    assert icu_data.dropped(item) is left_out


def test_icon_files() -> None:
    icons = ROOT / "resources" / "icons"
    with Image.open(icons / "station-desk.png") as png:
        assert png.size == (256, 256)
    with Image.open(icons / "station-desk.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= ico.info["sizes"]
