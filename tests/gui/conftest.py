"""GUI fixtures: record every message box instead of blocking on it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from station_desk.ui.cases import after_intake
from station_desk.ui.widgets import prompts


class Boxes:
    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.infos: list[str] = []
        self.answer = True

    def warn(self, _parent: object, _title: str, text: str) -> None:
        self.warnings.append(text)

    def info(self, _parent: object, _title: str, text: str) -> None:
        self.infos.append(text)

    def confirm(self, _parent: object, _title: str, _text: str) -> bool:
        return self.answer


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    recorder = Boxes()
    monkeypatch.setattr(prompts, "warn", recorder.warn)
    monkeypatch.setattr(prompts, "info", recorder.info)
    monkeypatch.setattr(prompts, "confirm", recorder.confirm)
    monkeypatch.setattr(after_intake, "offer_notices",
                        lambda _parent, _desk, _result, summary: recorder.infos.append(summary))
    return recorder


Driver = Callable[[object], int]
