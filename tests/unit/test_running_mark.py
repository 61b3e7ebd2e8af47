"""The running mark the Windows installer checks: one mutex name, shared by the
program and the installer script, taken at every start."""

from __future__ import annotations

import ctypes
import importlib
import sys
from pathlib import Path
from typing import Any

import pytest

from station_desk import running_mark

cli_main = importlib.import_module("station_desk.cli.main")  # the module, not main()

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "windows" / "station-desk.nsi"


class FakeFunction:
    """A ctypes foreign function: typed by argtypes/restype, then called."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, bool, str]] = []
        self.argtypes: tuple[Any, ...] = ()
        self.restype: Any = None

    def __call__(self, attributes: Any, owned: bool, name: str) -> int:
        assert self.argtypes and self.restype is not None  # typed before the call
        self.calls.append((attributes, owned, name))
        return 100 + len(self.calls)


class FakeKernel32:
    def __init__(self) -> None:
        self.CreateMutexW = FakeFunction()


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(running_mark, "_held", [])


def test_windows_takes_both_names_once(monkeypatch: pytest.MonkeyPatch, fresh: None) -> None:
    kernel32 = FakeKernel32()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "WinDLL", lambda name, use_last_error: kernel32, raising=False)
    running_mark.hold()
    running_mark.hold()
    calls = kernel32.CreateMutexW.calls
    assert [name for _, _, name in calls] == ["Global\\StationDeskRunning", "StationDeskRunning"]
    assert all(owned is False for _, owned, _ in calls)  # nobody waits on it
    assert running_mark._held == [101, 102]


def test_elsewhere_nothing_is_touched(monkeypatch: pytest.MonkeyPatch, fresh: None) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "WinDLL", None, raising=False)  # would fail if called
    running_mark.hold()
    assert running_mark._held == []


def test_without_kernel32_the_program_still_starts(
        monkeypatch: pytest.MonkeyPatch, fresh: None) -> None:
    monkeypatch.setattr(sys, "platform", "win32")  # as tests of Windows paths do, on Linux
    monkeypatch.delattr(ctypes, "WinDLL", raising=False)
    running_mark.hold()
    assert running_mark._held == []


def test_every_start_takes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    monkeypatch.setattr(running_mark, "hold", lambda: calls.append(True))
    with pytest.raises(SystemExit):
        cli_main.main(["--version"])
    assert calls == [True]


def test_the_installer_and_uninstaller_check_the_same_name() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    assert f'!define RUNNING_MUTEX "{running_mark.MUTEX_NAME}"' in script
    assert 'OpenMutexW(i 0x00100000, i 0, w "Global\\${RUNNING_MUTEX}")' in script
    assert 'OpenMutexW(i 0x00100000, i 0, w "${RUNNING_MUTEX}")' in script
    for init in ("Function .onInit", "Function un.onInit"):
        body = script[script.index(init):]
        body = body[:body.index("FunctionEnd")]
        caller = "un.CloseProgramFirst" if init.startswith("Function un.") else "CloseProgramFirst"
        assert f"Call {caller}\n" in body, init
