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


# Writes made before a person had to be named for them carry these names: shown
# for what they were, never as if someone called 命令行 had done it.
NOT_A_PERSON = {"命令行": "（命令行录入，未记经办人）", "系统": "（程序自动记录）"}


def shown_name(name: str) -> str:
    """A recorded actor's name as the window shows it."""
    return NOT_A_PERSON.get(name, name)
