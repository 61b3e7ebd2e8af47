"""A 4-digit PIN from before the 6-digit rule still signs in, but the window makes the
person choose a new one before anything else, and the change cannot be skipped."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from station_desk.db import station_repo
from station_desk.domain.actor import Actor
from station_desk.services.desk import Desk
from station_desk.ui.jobs import wait_for
from station_desk.ui.setup.change_pin import ChangePinDialog
from station_desk.ui.setup.sign_in import SignInDialog

OLD_PIN = "1234"


def _give_old_pin(desk: Desk, name: str) -> None:
    """What an archive from before the rule holds: a hash of a 4-digit PIN."""
    person = desk.station.staff_named(name)
    assert person is not None
    old_hash = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(OLD_PIN)
    station_repo.update_staff(desk.db, person.id, {"pin_hash": old_hash}, Actor.system())


def _sign_in_as_head(qtbot, desk: Desk) -> SignInDialog:
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    dialog.who.setCurrentIndex(0)  # 王建国
    dialog.pin.setText(OLD_PIN)
    return dialog


def test_a_short_pin_must_be_changed_at_sign_in(qtbot, village: Desk, boxes,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    _give_old_pin(village, "王建国")
    seen: list[ChangePinDialog] = []

    def fill_in(change: ChangePinDialog) -> int:
        seen.append(change)
        change.show()
        change.reject()  # Esc does not skip it
        assert change.isVisible() and village.session.pin_change_due
        change.close()  # nor does the title bar
        assert change.isVisible()
        change.first.setText("4321")
        change.second.setText("4321")
        change.accept()  # a new short PIN is refused (in the runner: it hashes)
        wait_for(change.saving.job)
        assert "至少 6 位" in boxes.warnings[-1] and change.isVisible()
        assert change.first.isEnabled()  # usable again after the refusal
        change.first.setText("246810")
        change.second.setText("246801")
        change.accept()
        assert "不一样" in boxes.warnings[-1]
        change.second.setText("246810")
        change.accept()
        wait_for(change.saving.job)
        return int(change.result())

    monkeypatch.setattr(ChangePinDialog, "exec", fill_in)
    dialog = _sign_in_as_head(qtbot, village)
    dialog.accept()
    wait_for(dialog.checking)  # the PIN is checked in the runner
    assert seen, "the change-PIN dialog was shown"
    assert dialog.result() == 1
    assert village.session.signed_in is not None
    assert village.session.signed_in.name == "王建国"
    assert not village.session.pin_change_due
    village.session.sign_out()
    assert village.session.sign_in("王建国", "246810").name == "王建国"
    village.session.sign_out()
    with pytest.raises(Exception, match="密码不对"):
        village.session.sign_in("王建国", OLD_PIN)


def test_signing_out_instead_leaves_nobody_signed_in(qtbot, village: Desk, boxes,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _give_old_pin(village, "王建国")

    def walk_away(change: ChangePinDialog) -> int:
        change.show()
        change.sign_out_button.click()
        return int(change.result())

    monkeypatch.setattr(ChangePinDialog, "exec", walk_away)
    dialog = _sign_in_as_head(qtbot, village)
    dialog.accept()
    wait_for(dialog.checking)  # the PIN is checked in the runner
    assert dialog.result() == 0  # still at the sign-in
    assert village.session.signed_in is None


def test_a_six_digit_pin_signs_in_without_a_change(qtbot, village: Desk,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ChangePinDialog, "exec", lambda _self: pytest.fail("asked to change"))
    dialog = SignInDialog(village)
    qtbot.addWidget(dialog)
    dialog.who.setCurrentIndex(0)
    dialog.pin.setText("123456")
    dialog.accept()
    wait_for(dialog.checking)
    assert dialog.result() == 1 and not village.session.pin_change_due
