"""A built program (the frozen folder, or the installed .deb) run as a county IT
person would: headless, in its own data folders, never the real home."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path
from typing import Any

from stdnum.cn import ric

TIMEOUT = 120
VILLAGE, TOWN = "610922101201", "610922101000"
HEAD_PIN = "123456"  # every head's here; init takes it as the first PIN too
MATERIALS = ["居民身份证或户口簿", "《城乡居民基本养老保险待遇申领表》", "社会保障卡或银行卡"]


def isolated_env(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STATION_DESK", "XDG_"))}
    return {**env, "QT_QPA_PLATFORM": "offscreen", "HOME": str(root / "home"),
            "XDG_CONFIG_HOME": str(root / "config"), "XDG_DATA_HOME": str(root / "data"),
            "XDG_STATE_HOME": str(root / "state"), "XDG_CACHE_HOME": str(root / "cache")}


def applicant_id(n: int) -> str:
    base = f"61092219480312{n:03d}"
    return base + ric.calc_check_digit(base + "0")


class Program:
    """The console executable `cli` and the windowed one `window`."""

    def __init__(self, cli: Path, window: Path, root: Path) -> None:
        self.cli, self.window, self.root = cli, window, root
        self.env = {**isolated_env(root), "STATION_DESK_PIN": HEAD_PIN}

    def run(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        feed: dict[str, Any] = ({"stdin": subprocess.DEVNULL} if stdin is None
                                else {"input": stdin})
        return subprocess.run([str(self.cli), *args], **feed, capture_output=True, text=True,
                              encoding="utf-8", env=self.env, timeout=TIMEOUT, check=False)

    def ok(self, *args: str, stdin: str | None = None) -> str:
        result = self.run(*args, stdin=stdin)
        assert result.returncode == 0, (args, result.returncode, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr, result.stderr
        return result.stdout

    def json(self, *args: str, data: Any = None) -> Any:
        stdin = None if data is None else json.dumps(data, ensure_ascii=False)
        return json.loads(self.ok(*args, "--json", stdin=stdin))

    def window_stays_up(self, data_dir: Path, seconds: float = 5) -> str:
        """Start the window offscreen; it must still be running after `seconds`
        (it waits at the sign-in dialog). Returns what it wrote to stderr."""
        with subprocess.Popen([str(self.window), "--data-dir", str(data_dir)],
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=self.env, text=True) as process:
            time.sleep(seconds)
            running = process.poll() is None
            process.terminate()
            _, err = process.communicate(timeout=TIMEOUT)
        assert running, f"the window exited at once ({process.returncode}): {err}"
        assert "Traceback" not in err and "Error" not in err, err
        return err


def fonts_of(pdf: Path) -> list[str]:
    """`pdffonts` rows: every font must be embedded (column 'emb' = yes)."""
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    return rows


def check_everyday_work(program: Program, tmp: Path) -> None:
    """`demo`, a notice with the embedded font, a report, the rules board."""
    tmp.mkdir(parents=True, exist_ok=True)
    demo = tmp / "demo"
    assert "西沟村便民服务站" in program.ok("--data-dir", str(demo), "demo")
    waiting = program.json("--data-dir", str(demo), "case", "list", "--status", "待补正")
    notice = tmp / "补正.pdf"
    issued = program.json("--data-dir", str(demo), "--as", "王建国", "notice",
                          waiting[0]["case_no"], "--kind", "supplement", "--out", str(notice))
    assert issued["sha256"] and notice.stat().st_size > 10_000
    for pdf in (notice,):
        rows = fonts_of(pdf)
        assert rows and all(" yes " in row for row in rows), rows
        assert any("NotoSansSC" in row for row in rows), rows
    for name in ("月报.pdf", "月报.xlsx"):
        program.ok("--data-dir", str(demo), "report", "--month", "2026-11",
                   "--out", str(tmp / name))
        assert (tmp / name).stat().st_size > 2_000
    assert all(" yes " in row for row in fonts_of(tmp / "月报.pdf"))
    program.ok("--data-dir", str(demo), "rules", "--size", "A3", "--out", str(tmp / "制度牌.pdf"))


def check_sync_round_trip(program: Program, tmp: Path) -> None:
    """A village exports to the stick, its town verifies and imports it."""
    village, town, stick, ids = tmp / "village", tmp / "town", tmp / "stick", tmp / "ids"
    stick.mkdir(parents=True)
    program.ok("--data-dir", str(village), "init", "--kind", "village", "--code", VILLAGE,
               "--name", "西沟村", "--town-code", TOWN, "--town-name", "城关镇便民服务中心",
               "--head", "王建国")
    as_village, as_town = ("--data-dir", str(village), "--as", "王建国"), \
        ("--data-dir", str(town), "--as", "赵红")
    program.ok(*as_village, "staff", "add", "--name", "李明", "--role", "agent")
    program.ok("--data-dir", str(town), "init", "--kind", "town1", "--code", TOWN,
               "--name", "城关镇", "--head", "赵红")
    v_id = program.json("--data-dir", str(village), "keys", "export", "--out", str(ids))
    t_id = program.json("--data-dir", str(town), "keys", "export", "--out", str(ids))
    program.ok(*as_town, "keys", "trust", v_id["path"],
               "--fingerprint", v_id["fingerprint"])
    program.ok(*as_village, "keys", "trust", t_id["path"])
    entry = {"item": "08-02", "channel": "来访",
             "applicant": {"name": "王秀英", "id_number": applicant_id(1), "phone": "13909151001"},
             "proxy": True, "first_ask": "李明", "received": MATERIALS,
             "received_at": "2026-11-02T09:30:00"}
    [case] = program.json(*as_village, "case", "new", "-", data=[entry])
    bundle = program.json(*as_village, "export", "--to", str(stick))
    assert bundle["counts"] == {"cases": 1, "case_events": 2}
    assert program.json("--data-dir", str(town), "verify", bundle["path"])["ok"]
    report = program.json(*as_town, "import", bundle["path"])
    assert (report["new"], report["quarantined"]) == (3, [])
    shown = program.json("--data-dir", str(town), "case", "show", case["case_no"])
    assert shown["applicant"]["name"] == "王秀英"
