"""The open archive file. Every service reads the connection through one `Store`,
so a restore can swap the file and the connection without any service holding
on to the old one.

Long work on another thread gets a connection of its own (`on_own_connection`):
while it runs, every service called on that thread reads and writes through it.
Sharing the window's connection across threads deadlocks — the audit chain's
Python functions registered on it need the GIL while SQLite holds the
connection's mutex.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ParamSpec, TypeVar

from ..db.connection import ARCHIVE_NAME, ArchiveDb, connect, open_database
from ..db.errors import storage_errors
from ..db.scan_store import ScanStore
from ..domain.errors import UserError
from ..domain.progress import Progress

T = TypeVar("T")
P = ParamSpec("P")

BUSY_WITH_JOBS = "后台还有工作（统计、导出、备份等）在进行，请等它完成后再恢复。"


def archive_file(data_dir: Path) -> Path:
    """Where a data folder keeps its archive."""
    return data_dir / ARCHIVE_NAME


class Store:
    """Owns the connection of one data folder; open with `Store.open(data_dir)`."""

    def __init__(self, data_dir: Path, db: ArchiveDb) -> None:
        self.data_dir = data_dir
        self._db = db
        self._own = threading.local()  # the connection of a job on this thread, if any
        self._jobs = 0
        self._jobs_lock = threading.Lock()

    @classmethod
    def open(cls, data_dir: Path, *, program: str | None = None,
             full_check: bool = False, upgrade_progress: Progress | None = None) -> Store:
        """`program` names this instance to others who find the archive busy;
        `full_check` recomputes the whole audit chain; `upgrade_progress` hears
        the copy made before a new program version migrates the archive."""
        return cls(data_dir, open_database(archive_file(data_dir), program=program,
                                           full_check=full_check,
                                           upgrade_progress=upgrade_progress))

    @property
    def db(self) -> ArchiveDb:
        """The calling thread's connection: a job's own, else the window's."""
        own: ArchiveDb | None = getattr(self._own, "db", None)
        return own if own is not None else self._db

    @contextmanager
    def own_connection(self, *, writes: bool = False) -> Iterator[ArchiveDb]:
        """A connection of this thread's own for the block (same file, same key).
        It reads one committed snapshot per statement (WAL), so the window's saves
        meanwhile never half-appear; without `writes` it refuses to change
        anything. A writer waits for the window's saves (busy timeout)."""
        if getattr(self._own, "db", None) is not None:
            yield self._own.db  # already on one (a job calling a job's service)
            return
        with storage_errors():
            db = connect(self.path, self._db.archive_key)
            if not writes:
                db.execute("PRAGMA query_only = ON")
        with self._jobs_lock:
            self._jobs += 1
        self._own.db = db
        try:
            yield db
        finally:
            self._own.db = None
            with self._jobs_lock:
                self._jobs -= 1
            db.close()

    def on_own_connection(self, work: Callable[P, T], *, writes: bool = False
                          ) -> Callable[P, T]:
        """`work` wrapped to run on a connection of its own (see `own_connection`)."""
        def run(*args: P.args, **kwargs: P.kwargs) -> T:
            with self.own_connection(writes=writes):
                return work(*args, **kwargs)
        return run

    def change_mark(self) -> tuple[int, int, int]:
        """Differs once anything was written since it was taken: by the window's
        connection (its row-change count), by any other (SQLite's data_version), or
        the archive was swapped (a restore: another connection)."""
        db = self.db
        return (id(db.conn), int(db.execute("PRAGMA data_version").fetchone()[0]),
                db.conn.total_changes)

    @property
    def jobs_running(self) -> int:
        """How many own connections are open (jobs on other threads)."""
        return self._jobs

    @property
    def path(self) -> Path:
        return archive_file(self.data_dir)

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def scans(self) -> ScanStore:
        """The scans of this archive, in `attachments/` beside it."""
        return ScanStore.of_db(self.db)

    def close(self) -> None:
        self._db.close()

    def replace_file(self, replace: Callable[[Path], T]) -> T:
        """Close the archive, let `replace` put another file in its place, and open
        whatever is there afterwards — even when `replace` failed. The instance
        keeps the name it had. Refused while a job has a connection of its own."""
        if self._jobs:
            raise UserError(BUSY_WITH_JOBS)
        program = self._db.instance_lock.program if self._db.instance_lock else None
        self._db.close()
        try:
            return replace(self.path)
        finally:
            self._db = open_database(self.path, program=program)
