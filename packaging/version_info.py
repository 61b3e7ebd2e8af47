"""The Windows version resource of both executables (file properties → 详细信息).

Written as the text PyInstaller reads with `EXE(version=FILE)`. The structure
classes cannot be imported off Windows (PyInstaller's versioninfo needs win32api),
so this writes their text form, which PyInstaller evaluates on Windows.
"""

from __future__ import annotations

from pathlib import Path

PRODUCT = "便民服务站办件台账"
COMPANY = "Station Desk"
LANGUAGE, CODE_PAGE = 0x0804, 1200  # Simplified Chinese, Unicode

TEMPLATE = """# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('{table}', [
{strings}
    ])]),
    VarFileInfo([VarStruct('Translation', [{language}, {code_page}])])
  ]
)
"""


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """"0.1.0" -> (0, 1, 0, 0): Windows wants four numbers."""
    numbers = [int(part) for part in version.split(".")[:4]]
    a, b, c, d = (numbers + [0, 0, 0, 0])[:4]
    return a, b, c, d


def version_text(version: str, file_name: str, description: str) -> str:
    fields = {
        "CompanyName": COMPANY,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": file_name,
        "LegalCopyright": "MIT License",
        "OriginalFilename": f"{file_name}.exe",
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    strings = ",\n".join(f"      StringStruct({key!r}, {value!r})" for key, value in fields.items())
    return TEMPLATE.format(numbers=version_numbers(version), table=f"{LANGUAGE:04x}{CODE_PAGE:04x}",
                           strings=strings, language=LANGUAGE, code_page=CODE_PAGE)


def write_version_file(folder: Path, version: str, file_name: str, description: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{file_name}.version.txt"
    path.write_text(version_text(version, file_name, description), encoding="utf-8")
    return str(path)
