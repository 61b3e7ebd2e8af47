"""Qt's ICU data library, cut to the locales the program speaks (Linux build).

PySide6's Linux Qt links ICU 73, whose data library (libicudata.so.73, 32 MB)
carries every locale of the world. The program is Chinese (with English and
ICU's root as fallbacks), so the frozen folder gets a rebuilt library holding
only that: other locales' names, currencies, units, collations and spell-outs,
the transliterators and the non-Chinese legacy code pages go (about 21 MB). What Qt asks of ICU here
(zh collation for sorting, case mapping, the GB18030/GBK/Big5 converters, time
zones) stays. Missing data makes ICU fall back to root, it never fails to load.

Tools: icupkg and genccode (Debian's icu-devtools; any ICU version reads the
package format) and a C compiler. Without them the full library is kept, with a
warning; the footprint test then fails.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

LIBRARY = re.compile(r"libicudata\.so\.\d+$")
_LOCALE_ITEM = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")
_KEPT_LOCALE = re.compile(r"^(root|en|zh|yue)([_.])")
_KEPT_CONVERTER = re.compile(
    r"gb18030|windows-936|windows-950|ibm-1373|ibm-1383|ibm-1386|big5|hkscs", re.IGNORECASE)
_SPECIAL = {"res_index.res", "pool.res"}


def dropped(item: str) -> bool:
    """Whether a package item (as icupkg lists them, e.g. 'coll/fr.res') is left out."""
    *tree, name = item.split("/")
    if tree == ["translit"]:
        return name not in _SPECIAL | {"root.res"}
    if name.endswith(".cnv"):
        return not _KEPT_CONVERTER.search(name)
    if name in _SPECIAL or not _LOCALE_ITEM.match(name):
        return False
    return not _KEPT_LOCALE.match(name)


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the library's one data symbol, icudtNN_dat."""
    symbols = _run("readelf", "--dyn-syms", "-W", str(library))
    value, size, section, name = re.search(
        r"([0-9a-f]{16})\s+(\S+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+(icudt\d+_dat)",
        symbols).groups()
    sections = _run("readelf", "-S", "-W", str(library))
    address, offset = re.search(rf"\[\s*{section}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)",
                                sections).groups()
    length = int(size, 16) if size.startswith("0x") else int(size)
    return name, int(value, 16) - int(address, 16) + int(offset, 16), length


def trimmed_library(library: Path, workdir: Path) -> Path | None:
    """A rebuilt `library` in `workdir` without the dropped items; None (keep the
    original) when the tools are missing."""
    missing = [tool for tool in ("icupkg", "genccode", "cc", "readelf")
               if shutil.which(tool) is None]
    if missing:
        print(f"WARNING: {', '.join(missing)} missing (apt install icu-devtools gcc): "
              f"keeping the full {library.name}")
        return None
    symbol, offset, size = _data_symbol(library)
    entry = symbol.removesuffix("_dat")
    # icupkg names the items after the package file, so both files keep ICU's name
    full, small = workdir / "full" / f"{entry}l.dat", workdir / f"{entry}l.dat"
    full.parent.mkdir(parents=True, exist_ok=True)
    with library.open("rb") as source:
        source.seek(offset)
        full.write_bytes(source.read(size))
    items = _run("icupkg", "-l", str(full)).split()
    removals = workdir / "dropped.txt"
    removals.write_text("\n".join(i for i in items if dropped(i)) + "\n", encoding="ascii")
    small.unlink(missing_ok=True)
    _run("icupkg", "-r", str(removals), str(full), str(small))
    _run("genccode", "-q", "-a", "gcc", "-e", entry, "-f", "icudata", "-d", str(workdir),
         str(small))
    out = workdir / library.name
    _run("cc", "-shared", "-nostdlib", "-Wl,-z,noexecstack", f"-Wl,-soname,{library.name}",
         "-o", str(out), str(workdir / "icudata.S"))
    return out


def smaller(binaries: list[tuple[str, str, str]], workdir: Path) -> list[tuple[str, str, str]]:
    """PyInstaller's binaries with ICU's data library swapped for the trimmed one
    (only where Qt brings its own ICU: the Linux wheels)."""
    result = []
    for dest, source, kind in binaries:
        if LIBRARY.search(dest):
            source = str(trimmed_library(Path(source), workdir) or source)
        result.append((dest, source, kind))
    return result
