"""`station-desk` run as a real process, for the integration tests.

`run` is the bare call; `Station` runs it against one data directory with its
home, settings and caches kept under the test's own folder.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

CHINESE = re.compile(r"[\u4e00-\u9fff]")
TIMEOUT = 120

VILLAGE_INIT = ["init", "--kind", "village", "--code", "610922101201", "--name", "西沟村",
                "--head", "王建国", "--head-pin", "1234"]
PENSION_CLAIM_MATERIALS = ["居民身份证或户口簿", "《城乡居民基本养老保险待遇申领表》",
                           "社会保障卡或银行卡"]


def command(home: Path | None, *args: str) -> list[str]:
    """The command line; without `home` the program finds its data itself."""
    where = [] if home is None else ["--data-dir", str(home)]
    return [sys.executable, "-m", "station_desk", *where, *args]


def headless_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def isolated_env(root: Path) -> dict[str, str]:
    """Headless, and nothing read from or written to the real home."""
    return {**headless_env(),
            "STATION_DESK_HOME": str(root / "home"),
            "XDG_CONFIG_HOME": str(root / "config"),
            "XDG_DATA_HOME": str(root / "xdg-data"),
            "XDG_STATE_HOME": str(root / "state"),
            "XDG_CACHE_HOME": str(root / "cache")}


def run(home: Path | None, *args: str, stdin: str | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run once and wait; no `stdin` means an empty one (never the terminal)."""
    feed: dict[str, Any] = ({"stdin": subprocess.DEVNULL} if stdin is None
                            else {"input": stdin})
    return subprocess.run(
        command(home, *args), **feed, capture_output=True, text=True, encoding="utf-8",
        env=headless_env() if env is None else env, timeout=TIMEOUT, check=False)


class Station:
    """The command line against one data directory, isolated from the real home."""

    def __init__(self, root: Path, name: str = "station") -> None:
        self.root = root
        self.data = root / name
        self.env = isolated_env(root)

    def _env(self, env: dict[str, str] | None) -> dict[str, str]:
        return {**self.env, **(env or {})}

    def raw(self, *args: str, data_dir: bool = True,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
        """Like `run`, but stdout and stderr as the bytes written."""
        return subprocess.run(
            command(self.data if data_dir else None, *args), stdin=subprocess.DEVNULL,
            capture_output=True, env=self._env(env), timeout=TIMEOUT, check=False)

    def run(self, *args: str, stdin: str | None = None, data_dir: bool = True,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        """`env` is added to the station's own; `data_dir=False` leaves out --data-dir."""
        return run(self.data if data_dir else None, *args, stdin=stdin, env=self._env(env))

    def ok(self, *args: str, **kw: Any) -> subprocess.CompletedProcess[str]:
        result = self.run(*args, **kw)
        assert result.returncode == 0, (args, result.returncode, result.stderr)
        return result

    def json(self, *args: str, data: Any = None, **kw: Any) -> Any:
        """`--json` added; `data`, if given, goes to stdin as JSON."""
        if data is not None:
            kw["stdin"] = json.dumps(data, ensure_ascii=False)
        return json.loads(self.ok(*args, "--json", **kw).stdout)

    def refused(self, *args: str, **kw: Any) -> str:
        """Exit 1 with a Chinese message and no traceback; returns stderr."""
        result = self.run(*args, **kw)
        assert result.returncode == 1, (args, result.returncode, result.stdout, result.stderr)
        assert CHINESE.search(result.stderr), result.stderr
        assert "Traceback" not in result.stderr
        return result.stderr

    def new(self, *entries: dict[str, Any]) -> list[dict[str, Any]]:
        """`case new -` with the entries as one JSON array."""
        made: list[dict[str, Any]] = self.json("case", "new", "-", data=list(entries))
        return made

    def cases(self, *args: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.json("case", "list", *args)
        return found


def copy_of(source: Station, root: Path) -> Station:
    """A new station under `root` holding a copy of `source`'s data directory."""
    copy = Station(root, source.data.name)
    shutil.copytree(source.data, copy.data)
    return copy
