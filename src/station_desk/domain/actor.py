"""Who did it: every write carries an actor, recorded in the audit trail."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    id: str | None  # staff id; None for the system or the command line
    name: str

    @classmethod
    def system(cls, what: str = "系统") -> Actor:
        return cls(None, what)
