"""A retried intake registers nothing twice; two writers at once both get through."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from stdnum.cn import ric

from station_desk.cli.main import main
from station_desk.domain.cases import Applicant
from station_desk.domain.errors import StorageError, UserError
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk

SRC = str(Path(__file__).resolve().parents[2] / "src")
MATERIALS = ["居民身份证或户口簿", "《城乡居民基本养老保险待遇申领表》", "社会保障卡或银行卡"]


def _id_number(n: int) -> str:
    base = f"61092219650312{n % 1000:03d}"
    return base + ric.calc_check_digit(base + "0")


def _entry(n: int) -> dict[str, Any]:
    return {"item": "08-02", "channel": "来访",
            "applicant": {"name": "王秀英", "id_number": _id_number(n), "phone": "13800138000"},
            "first_ask": "李明", "received": MATERIALS, "received_at": "2026-11-26T09:30:00"}


def _case_count(desk: Desk) -> int:
    return int(desk.db.execute("SELECT COUNT(*) FROM cases").fetchone()[0])


def test_the_same_request_id_registers_once(village: Desk) -> None:
    data = CaseInput(item="08-02", applicant=Applicant("王秀英", _id_number(4)),
                     first_ask="李明", received=tuple(MATERIALS), request_id="form-1")
    first = village.cases.register(data)
    again = village.cases.register(data)
    assert not first.already and again.already
    assert again.case.case_no == first.case.case_no
    assert "已经登记过" in again.warnings[0]
    assert _case_count(village) == 1
    other = CaseInput(item="08-02", applicant=Applicant("李秀兰", _id_number(5)),
                      first_ask="李明", received=tuple(MATERIALS), request_id="form-1")
    with pytest.raises(UserError) as exc:
        village.cases.register(other)
    assert exc.value.field == "request_id"


def test_a_batch_killed_after_its_commit_is_not_registered_again(
        village: Desk, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    village.close()
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps([_entry(n) for n in range(40)], ensure_ascii=False), "utf-8")
    # killed after the commit, before the clerk saw any output
    killed = subprocess.run([sys.executable, "-c", textwrap.dedent("""
        import os, sys
        from station_desk.cli import cases
        from station_desk.cli.main import main
        cases._print_json = lambda data: os._exit(9)
        main(sys.argv[1:])
    """), "--data-dir", str(data_dir), "--as", "王建国", "case", "new", "--json", str(batch)],
        env={**os.environ, "PYTHONPATH": SRC, "STATION_DESK_PIN": "123456"},
        capture_output=True, text=True, timeout=120)
    assert killed.returncode == 9, killed.stderr
    monkeypatch.setenv("STATION_DESK_PIN", "123456")
    assert main(["--data-dir", str(data_dir), "--as", "王建国", "case", "new", "--json",
                 str(batch)]) == 0
    out = capsys.readouterr()
    results = json.loads(out.out)
    assert len(results) == 40 and all(r["already_registered"] for r in results)
    assert "已经登记过 40 件" in out.err
    desk = Desk.open(data_dir)
    try:
        assert _case_count(desk) == 40
    finally:
        desk.close()


def test_two_writers_at_once_both_get_through(village: Desk, data_dir: Path) -> None:
    """A second process writing while the first holds the write lock waits, not fails."""
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import sys, time
        from pathlib import Path
        from station_desk.services.desk import Desk
        desk = Desk.open(Path(sys.argv[1]), program="命令行 import")
        with desk.db.atomic():
            desk.station.add_window("长事务")
            print("holding", flush=True)
            time.sleep(2.0)
        desk.close()
    """), str(data_dir)], env={**os.environ, "PYTHONPATH": SRC}, stdout=subprocess.PIPE,
        text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        started = time.monotonic()
        # reads (the next case number) then writes: it waits for the other's commit
        village.cases.register(CaseInput(
            item="08-02", applicant=Applicant("王秀英", _id_number(4)), first_ask="李明",
            received=tuple(MATERIALS)))
        assert time.monotonic() - started > 0.5
    finally:
        assert holder.wait(timeout=60) == 0
        assert holder.stdout is not None
        holder.stdout.close()
    names = [w.name for w in village.station.windows()]
    assert "长事务" in names and _case_count(village) == 1


def test_a_write_that_cannot_proceed_names_who_holds_the_archive(
        village: Desk, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = Desk.open(data_dir, program="命令行 import")
    village.db.conn.execute("PRAGMA busy_timeout = 200")  # not 20 s in a test
    errors: list[str] = []
    try:
        other.db.conn.execute("BEGIN IMMEDIATE")

        def write() -> None:
            try:
                village.station.add_window("等不到")
            except StorageError as exc:
                errors.append(exc.message)

        thread = threading.Thread(target=write)
        thread.start()
        thread.join(timeout=30)
        other.db.conn.execute("ROLLBACK")
    finally:
        other.close()
    [message] = errors
    assert "占用" in message and "命令行 import" in message and "进程" in message
