"""Moving a per-login archive into the PC's machine-wide data folder, once.

Earlier versions kept the data in each Windows login's own folder, so a shared
station PC could hold several archives. On the first start that uses the
machine folder, the login's archive (with its backups and keys) is copied there
and the old folder gets a note saying where the data went; the old files are
never deleted. When the machine folder already holds an archive, nothing is
merged: the note says so and the clerk is told once.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from .. import paths
from ..db.connection import ARCHIVE_NAME
from ..domain.errors import UserError, os_message

NOTE_NAME = "数据已迁移.txt"
STAGING_NAME = ".迁移中"


def prepare_default_folder(data_dir: Path) -> str | None:
    """On the machine-wide folder: take over this login's old archive once."""
    if data_dir != paths.machine_data_dir():
        return None
    return adopt_user_archive(data_dir, paths.user_data_dir())


def adopt_user_archive(machine: Path, user: Path) -> str | None:
    """Copy `user`'s archive into `machine` if it has none; a message for the
    clerk when something was done (or found), else None."""
    if machine == user or not (user / ARCHIVE_NAME).is_file() or (user / NOTE_NAME).exists():
        return None
    if (machine / ARCHIVE_NAME).exists():
        _leave_note(user, f"本机共用数据目录 {machine} 里已经有数据，"
                          "这里的数据没有合并过去，原样保留。")
        return (f"本机共用数据目录 {machine} 里已经有数据；你原来的个人数据目录 {user} "
                "里的数据没有合并，原样保留。如需要其中的办件，请联系县里的技术人员。")
    try:
        _copy_into(user, machine)
    except OSError as exc:
        raise UserError(f"无法把原来的数据从 {user} 迁移到 {machine}：{os_message(exc)}。"
                        "原来的数据没有改动；请检查该文件夹的写入权限") from exc
    _leave_note(user, f"这里的数据已于 {datetime.now():%Y-%m-%d %H:%M} 迁移到本机共用数据目录 "
                      f"{machine}，以后都用那里的数据。这里的文件只作留底，不再使用。")
    return (f"已把原来的数据从 {user} 迁移到本机共用数据目录 {machine}，"
            "本机所有登录账户从此共用这一份台账。原来的文件保留未删。")


def _copy_into(user: Path, machine: Path) -> None:
    """Copy into a staging folder first and move the archive in last, so a failure
    halfway never leaves a partial archive that looks like the real one."""
    staging = machine / STAGING_NAME
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(user, staging)
    for name in sorted((p.name for p in staging.iterdir()), key=lambda n: n == ARCHIVE_NAME):
        source, target = staging / name, machine / name
        if target.is_dir():  # e.g. an empty backups/ made before
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            source.replace(target)
    shutil.rmtree(staging, ignore_errors=True)


def _leave_note(user: Path, text: str) -> None:
    try:
        (user / NOTE_NAME).write_text(text + "\n", encoding="utf-8")
    except OSError:
        pass  # the note only stops a second attempt; the message still goes out
