"""Full ID numbers leave the program through `--json` (CLI.md keeps the values full
for scripts and county IT, who match people by number). Each command that prints
some records, once and before printing, whose numbers it gave out and who asked
(services/viewing.py): the person signed in with `--as`, else the OS account."""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Iterable

from ..domain.cases import Case
from ..services.desk import Desk
from .acting import command_name

UNKNOWN_ACCOUNT = "（未知）"


def os_account() -> str:
    """The operating-system account running the command, as getpass finds it."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no variable and no passwd entry
        return UNKNOWN_ACCOUNT


def record_numbers_given_out(args: argparse.Namespace, desk: Desk,
                             case_nos: Iterable[str]) -> None:
    desk.viewing.numbers_given_out(command_name(args), list(case_nos), os_account())


def with_numbers(cases: Iterable[Case]) -> list[str]:
    """The case numbers whose JSON carries a full ID number."""
    return [c.case_no for c in cases if c.applicant.id_number]
