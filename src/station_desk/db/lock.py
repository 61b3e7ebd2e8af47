"""Who has the archive open: every running instance holds a lock for its whole life.

Beside `archive.db` lives the folder `archive.db.open/`. Each instance (the
window, each command) creates `<pid>-<token>.lock` there, holds an exclusive OS
lock on it until it closes, and writes what it is into `<pid>-<token>.json`.
A file nobody holds a lock on is left over from a killed program and is removed.

`archive.db.lock` is the gate: opening an instance and restoring a backup each
take it, so a restore never starts while an instance is opening and no
instance opens half-way through a restore.

Only exclusive locks are used (portalocker: `fcntl.flock` on POSIX, `msvcrt`
on Windows), so nothing beyond the standard library is needed on Windows.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

import portalocker

from ..domain.errors import StorageError
from .files import open_private, private_dir

log = logging.getLogger("station_desk.lock")

GATE_WAIT_SECONDS = 10.0
GATE_BUSY = "数据文件正在被另一个程序打开、升级或恢复，请稍等一会儿再试。"


@dataclass(frozen=True)
class Holder:
    """One running instance that has the archive open."""

    program: str
    pid: int
    since: str

    def describe(self) -> str:
        return f"{self.program}（进程 {self.pid}，{self.since} 起）"


def open_dir(archive: Path) -> Path:
    return archive.with_name(archive.name + ".open")


def gate_path(archive: Path) -> Path:
    return archive.with_name(archive.name + ".lock")


def _try_lock(handle: IO[bytes]) -> bool:
    try:
        portalocker.lock(handle, portalocker.LockFlags.EXCLUSIVE
                         | portalocker.LockFlags.NON_BLOCKING)
    except portalocker.exceptions.LockException:
        return False
    return True


@contextmanager
def gate(archive: Path, *, wait: float = GATE_WAIT_SECONDS,
         busy_message: str = "") -> Iterator[None]:
    """Hold the gate; waits up to `wait` seconds for another opening or restore."""
    path = gate_path(archive)
    handle = open_private(path)
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                raise StorageError(busy_message or GATE_BUSY)
            time.sleep(0.05)
        try:
            yield
        finally:
            portalocker.unlock(handle)
    finally:
        handle.close()


class InstanceLock:
    """This instance's claim on the archive, released by `release()` (or process exit)."""

    def __init__(self, archive: Path, program: str) -> None:
        self.archive = archive
        self.program = program
        folder = open_dir(archive)
        private_dir(folder)
        self.name = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.lock_path = folder / f"{self.name}.lock"
        self.info_path = folder / f"{self.name}.json"
        self._handle: IO[bytes] | None = open_private(self.lock_path)
        if not _try_lock(self._handle):  # a fresh random name: cannot be held
            self._handle.close()
            raise StorageError("无法锁定数据文件，请重试。")
        info = {"program": program, "pid": os.getpid(),
                "since": datetime.now().strftime("%m-%d %H:%M")}
        with open_private(self.info_path, "wb") as f:
            f.write(json.dumps(info, ensure_ascii=False).encode("utf-8"))
        _held.append(self)

    def release(self) -> None:
        if self._handle is None:
            return
        self.info_path.unlink(missing_ok=True)
        portalocker.unlock(self._handle)
        self._handle.close()
        self._handle = None
        self.lock_path.unlink(missing_ok=True)
        if self in _held:
            _held.remove(self)

    def others(self) -> list[Holder]:
        return holders(self.archive, exclude=self.name)


_held: list[InstanceLock] = []


def holders(archive: Path, *, exclude: str = "") -> list[Holder]:
    """Live instances with the archive open; files left by killed programs are removed."""
    folder = open_dir(archive)
    if not folder.is_dir():
        return []
    found = []
    for lock_file in sorted(folder.glob("*.lock")):
        name = lock_file.stem
        if name == exclude:
            continue
        info_file = lock_file.with_suffix(".json")
        try:
            handle = open(lock_file, "ab")
        except OSError:
            continue
        try:
            free = _try_lock(handle)
            if free:
                portalocker.unlock(handle)
        finally:
            handle.close()
        if free:  # its program was killed or exited without closing
            info_file.unlink(missing_ok=True)
            lock_file.unlink(missing_ok=True)
            continue
        found.append(_read_holder(info_file))
    return found


def _read_holder(info_file: Path) -> Holder:
    try:
        data = json.loads(info_file.read_text("utf-8"))
        return Holder(str(data["program"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        pid = info_file.stem.split("-")[0]
        return Holder("Station Desk", int(pid) if pid.isdigit() else 0, "?")


def others_described() -> str:
    """Who else has the archives this process has open, for a 'busy' message."""
    seen: list[str] = []
    for lock in list(_held):
        seen += [h.describe() for h in lock.others()]
    return "、".join(dict.fromkeys(seen))
