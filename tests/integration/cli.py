"""`station-desk` for the integration tests.

Most calls run `station_desk.cli.main(argv)` in this process: the same parser and
handlers, with the call's own environment, stdin, stdout and stderr, and the exit
status a process would end with. That is ~30× faster than starting Python for every
call, and lets coverage see the CLI. `process=True` (and `raw`) run the real
program instead, `python -m station_desk` with stdin piped, for the few tests
marked `end_to_end` that prove the two agree (exit codes through `sys.exit`, bytes
on stdout, a stdin that is not a terminal, a process killed mid-import).

`Station` runs either against one data directory, with its home, settings and
caches kept under the test's own folder. It signs every call in as its head
(`--as 王建国`, the PIN in $STATION_DESK_PIN), as a clerk's script would; `who=`
changes that for one call, `who=None` sends no `--as` and no PIN.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any
from unittest import mock

from station_desk.cli.main import main

CHINESE = re.compile(r"[\u4e00-\u9fff]")
TIMEOUT = 120

HEAD, HEAD_PIN = "王建国", "123456"
VILLAGE_INIT = ["init", "--kind", "village", "--code", "610922101201", "--name", "西沟村",
                "--head", HEAD]
# what needs nobody signed in: they make the station (../../shared CLI contract)
NOBODY_YET = {"init", "demo"}
Who = tuple[str, str] | None  # (name, PIN) of the person acting, or nobody
PENSION_CLAIM_MATERIALS = ["居民身份证或户口簿", "《城乡居民基本养老保险待遇申领表》",
                           "社会保障卡或银行卡"]


def command(home: Path | None, *args: str) -> list[str]:
    """The command line; without `home` the program finds its data itself."""
    where = [] if home is None else ["--data-dir", str(home)]
    return [*where, *args]


def headless_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def isolated_env(root: Path) -> dict[str, str]:
    """Headless, and nothing read from or written to the real home."""
    return {**headless_env(),
            "STATION_DESK_HOME": str(root / "home"),
            "XDG_CONFIG_HOME": str(root / "config"),
            "XDG_DATA_HOME": str(root / "xdg-data"),
            "XDG_STATE_HOME": str(root / "state"),
            "XDG_CACHE_HOME": str(root / "cache"),
            # data folders are copied between tests: the key must live in the folder
            "STATION_DESK_NO_KEYRING": "1"}


def exit_status(code: object) -> int:
    """What a process ends with after `sys.exit(code)`."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(f"{code}\n")  # sys.exit("text") prints the text and ends with 1
    return 1


def piped(text: str) -> io.TextIOWrapper:
    """A stdin like a pipe's: text over UTF-8 bytes (`.buffer`), not a terminal."""
    return io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")


def call_main(argv: list[str], *, stdin: str | None = None,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`main(argv)` in this process, seeing only `env` as its environment and `stdin`
    (empty if None, never the terminal). An exception `main` lets through is a bug
    the test should show, so it is not turned into an exit status."""
    out, err = io.StringIO(), io.StringIO()
    with (mock.patch.dict(os.environ, headless_env() if env is None else env, clear=True),
          mock.patch.object(sys, "stdin", piped(stdin or "")),
          redirect_stdout(out), redirect_stderr(err)):
        try:
            code = main(argv)
        except SystemExit as stop:  # argparse: --version, --help 0; wrong usage 2
            code = exit_status(stop.code)
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def call_process(argv: list[str], *, stdin: str | None = None,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real program as a clerk's script starts it; stdin piped (empty if None)."""
    feed: dict[str, Any] = ({"stdin": subprocess.DEVNULL} if stdin is None
                            else {"input": stdin})
    return subprocess.run(
        [sys.executable, "-m", "station_desk", *argv], **feed, capture_output=True,
        text=True, encoding="utf-8", env=headless_env() if env is None else env,
        timeout=TIMEOUT, check=False)


def run(home: Path | None, *args: str, stdin: str | None = None,
        env: dict[str, str] | None = None, process: bool = False,
        who: Who = (HEAD, HEAD_PIN)) -> subprocess.CompletedProcess[str]:
    """Run once, signed in as `who`; in this process unless `process`."""
    call = call_process if process else call_main
    args, pin = signed(who, args)
    return call(command(home, *args), stdin=stdin, env={**(env or headless_env()), **pin})


def signed(who: Who, args: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, str]]:
    """`--as NAME` in front of the command and the PIN for the environment."""
    if who is None or not args or args[0] in NOBODY_YET or args[0].startswith("-"):
        return args, {}
    return ("--as", who[0], *args), {"STATION_DESK_PIN": who[1]}


class Station:
    """The command line against one data directory, isolated from the real home;
    `head` is who the station's calls are signed in as (its `init --head`)."""

    def __init__(self, root: Path, name: str = "station", head: str = HEAD) -> None:
        self.root = root
        self.data = root / name
        self.env = isolated_env(root)
        self.who: Who = (head, HEAD_PIN)

    def _env(self, env: dict[str, str] | None) -> dict[str, str]:
        return {**self.env, **(env or {})}

    def _signed(self, args: tuple[str, ...], env: dict[str, str] | None,
                who: Who | bool) -> tuple[tuple[str, ...], dict[str, str]]:
        args, pin = signed(self.who if who is True else who or None, args)
        init_pin = {"STATION_DESK_PIN": HEAD_PIN} if args and args[0] == "init" else {}
        return args, {**init_pin, **pin, **(env or {})}

    def raw(self, *args: str, data_dir: bool = True, env: dict[str, str] | None = None,
            who: Who | bool = True) -> subprocess.CompletedProcess[bytes]:
        """A real process; stdout and stderr as the bytes it wrote."""
        args, env = self._signed(args, env, who)
        where = command(self.data if data_dir else None, *args)
        return subprocess.run(
            [sys.executable, "-m", "station_desk", *where], stdin=subprocess.DEVNULL,
            capture_output=True, env=self._env(env), timeout=TIMEOUT, check=False)

    def run(self, *args: str, stdin: str | None = None, data_dir: bool = True,
            env: dict[str, str] | None = None, process: bool = False,
            who: Who | bool = True) -> subprocess.CompletedProcess[str]:
        """`env` is added to the station's own; `data_dir=False` leaves out --data-dir;
        `process=True` starts the real program; `who` as in the module's doc."""
        args, env = self._signed(args, env, who)
        return run(self.data if data_dir else None, *args, stdin=stdin, env=self._env(env),
                   process=process, who=None)

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

    def new(self, *entries: dict[str, Any], **kw: Any) -> list[dict[str, Any]]:
        """`case new -` with the entries as one JSON array."""
        made: list[dict[str, Any]] = self.json("case", "new", "-", data=list(entries), **kw)
        return made

    def cases(self, *args: str, **kw: Any) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.json("case", "list", *args, **kw)
        return found


def copy_of(source: Station, root: Path) -> Station:
    """A new station under `root` holding a copy of `source`'s data directory."""
    copy = Station(root, source.data.name)
    copy.who = source.who
    shutil.copytree(source.data, copy.data)
    return copy
