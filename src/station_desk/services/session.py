"""Who is acting: the staff member signed in on the shared PC, or the command line."""

from __future__ import annotations

import logging

from ..db import station_repo
from ..domain.actor import Actor
from ..domain.errors import NotAllowed, UserError
from ..domain.pin import verify_pin
from ..domain.station import Role, Staff
from .store import Store

log = logging.getLogger("station_desk.session")

CLI_ACTOR = Actor.system("命令行")


class Session:
    """`desk.session`: sign in and out; the actor every change is recorded under."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.signed_in: Staff | None = None

    @property
    def actor(self) -> Actor:
        if self.signed_in is None:
            return CLI_ACTOR
        return Actor(self.signed_in.id, self.signed_in.name)

    def name_or(self, fallback: str) -> str:
        """The signed-in staff member's name, else `fallback` (e.g. the case's clerk)."""
        return self.signed_in.name if self.signed_in is not None else fallback

    def require_head(self, what: str) -> None:
        """Only the head may do what the manual reserves for the head.

        The command line is the town IT administrator's tool and acts as head.
        """
        if self.signed_in is not None and self.signed_in.role != Role.HEAD:
            raise NotAllowed(f"“{what}”只能由站长（中心主任）操作，"
                             f"当前登录的是{self.signed_in.role.label}{self.signed_in.name}")

    def sign_in(self, name: str, pin: str) -> Staff:
        db = self._store.db
        staff = station_repo.find_staff(db, name.strip())
        if staff is None:
            raise UserError(f"没有名为“{name}”的在岗工作人员", field="name")
        if not verify_pin(station_repo.pin_hash(db, staff.id), pin):
            raise UserError("PIN 不对，请重新输入", field="pin")
        self.signed_in = staff
        log.info("signed in: %s", staff.name)
        return staff

    def sign_out(self) -> None:
        self.signed_in = None

    def reload(self) -> None:
        """After the archive was replaced: the signed-in person as that file knows them
        (signed out when they are not in it)."""
        if self.signed_in is not None:
            self.signed_in = station_repo.get_staff(self._store.db, self.signed_in.id)
