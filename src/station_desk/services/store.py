"""The open archive file. Every service reads the connection through one `Store`,
so a restore can swap the file and the connection without any service holding
on to the old one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..db.connection import ARCHIVE_NAME, ArchiveDb, open_database

T = TypeVar("T")


def archive_file(data_dir: Path) -> Path:
    """Where a data folder keeps its archive."""
    return data_dir / ARCHIVE_NAME


class Store:
    """Owns the connection of one data folder; open with `Store.open(data_dir)`."""

    def __init__(self, data_dir: Path, db: ArchiveDb) -> None:
        self.data_dir = data_dir
        self._db = db

    @classmethod
    def open(cls, data_dir: Path, *, program: str | None = None,
             full_check: bool = False) -> Store:
        """`program` names this instance to others who find the archive busy;
        `full_check` recomputes the whole audit chain."""
        return cls(data_dir, open_database(archive_file(data_dir), program=program,
                                           full_check=full_check))

    @property
    def db(self) -> ArchiveDb:
        return self._db

    @property
    def path(self) -> Path:
        return archive_file(self.data_dir)

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    def close(self) -> None:
        self._db.close()

    def replace_file(self, replace: Callable[[Path], T]) -> T:
        """Close the archive, let `replace` put another file in its place, and open
        whatever is there afterwards — even when `replace` failed. The instance
        keeps the name it had."""
        program = self._db.instance_lock.program if self._db.instance_lock else None
        self._db.close()
        try:
            return replace(self.path)
        finally:
            self._db = open_database(self.path, program=program)
