"""Who is acting: the staff member signed in, in the window or with `--as` on the
command line (cli/acting.py)."""

from __future__ import annotations

import logging
from datetime import datetime

from ..db import sign_in_repo, station_repo
from ..domain.actor import Actor
from ..domain.errors import NotAllowed, UserError
from ..domain.pin import must_change, upgraded_hash, verify_pin
from ..domain.station import Role, Staff
from ..domain.throttle import pause_after, wait_text
from .store import Store

log = logging.getLogger("station_desk.session")

# what services record when called with nobody signed in: start-up work, setup
# (which names itself), and tests; the window and the CLI sign someone in first
NOBODY = Actor.system("系统")


class Session:
    """`desk.session`: sign in and out; the actor every change is recorded under."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.signed_in: Staff | None = None
        # the signed-in PIN is from before the 6-digit rule: a new one is due now
        self.pin_change_due = False
        # the command line sets it: nothing reserved for the head without signing in
        self.sign_in_required = False

    @property
    def actor(self) -> Actor:
        if self.signed_in is None:
            return NOBODY
        return Actor(self.signed_in.id, self.signed_in.name)

    def name_or(self, fallback: str) -> str:
        """The signed-in staff member's name, else `fallback` (e.g. the case's clerk)."""
        return self.signed_in.name if self.signed_in is not None else fallback

    def require_head(self, what: str) -> None:
        """Only the head may do what the manual reserves for the head.

        Called with nobody signed in (start-up work, tests) it lets the call through,
        unless `sign_in_required` (the command line) says otherwise.
        """
        if self.signed_in is None and self.sign_in_required:
            raise NotAllowed(f"“{what}”只能由站长（中心主任）操作：请用 --as 站长姓名 登录")
        if self.signed_in is not None and self.signed_in.role != Role.HEAD:
            raise NotAllowed(f"“{what}”只能由站长（中心主任）操作，"
                             f"当前登录的是{self.signed_in.role.label}{self.signed_in.name}")

    def sign_in(self, name: str, pin: str, *, where: str = "窗口") -> Staff:
        """Wrong PINs are audited and throttled (domain/throttle.py) per person,
        counted from the archive, so a restart does not reset the pause."""
        db = self._store.db
        staff = station_repo.find_staff(db, name.strip())
        if staff is None:
            raise UserError(f"没有名为“{name}”的在岗工作人员", field="name")
        misses, latest = sign_in_repo.misses_in_a_row(db, staff.id)
        if latest is not None:
            left = latest + pause_after(misses) - datetime.now().astimezone()
            if left.total_seconds() > 0:
                # audited, not counted: the pause is not lengthened by it
                sign_in_repo.record(db, staff.id, sign_in_repo.REFUSED_IN_PAUSE,
                                    Actor(staff.id, staff.name), where, misses=misses,
                                    seconds_left=int(left.total_seconds() + 0.999))
                raise UserError(f"{staff.name} 的密码已连续输错 {misses} 次，"
                                f"请 {wait_text(left)}后再试", field="pin")
        actor = Actor(staff.id, staff.name)
        stored = station_repo.pin_hash(db, staff.id)
        if not stored:  # not a wrong PIN: there is none to check yet
            raise UserError(f"{staff.name} 还没有设置密码：请在窗口首次登录时设置，"
                            "或请站长重置", field="pin")
        if not verify_pin(stored, pin):
            sign_in_repo.record(db, staff.id, sign_in_repo.FAILED, actor, where)
            pause = pause_after(misses + 1)
            then = f"，请 {wait_text(pause)}后再试" if pause else "，请重新输入"
            raise UserError(f"密码不对（已连续输错 {misses + 1} 次）{then}", field="pin")
        if misses:
            sign_in_repo.record(db, staff.id, sign_in_repo.SIGNED_IN, actor, where)
        self._upgrade_hash(staff, stored, pin)
        self.signed_in = staff
        self.pin_change_due = must_change(pin)
        log.info("signed in: %s", staff.name)
        return staff

    def _upgrade_hash(self, staff: Staff, stored: str, pin: str) -> None:
        """A hash made at an older, cheaper cost is replaced at today's."""
        better = upgraded_hash(stored, pin)
        if better is not None:
            station_repo.update_staff(self._store.db, staff.id, {"pin_hash": better},
                                      Actor(staff.id, staff.name))
            log.info("PIN hash of %s upgraded to the current cost", staff.name)

    def pin_changed(self) -> None:
        self.pin_change_due = False

    def sign_out(self) -> None:
        self.signed_in = None
        self.pin_change_due = False

    def reload(self) -> None:
        """After the archive was replaced: the signed-in person as that file knows them
        (signed out when they are not in it)."""
        if self.signed_in is not None:
            self.signed_in = station_repo.get_staff(self._store.db, self.signed_in.id)
