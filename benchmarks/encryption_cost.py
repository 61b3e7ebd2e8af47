"""The cost of encryption at rest: the case-list and sync benchmarks run twice
on the same program and the same SQLite (the one sqlcipher3 bundles), once as
shipped (SQLCipher, keyed) and once with the key left out (a plain file), and
the ratio of each figure.

    .venv/bin/python benchmarks/encryption_cost.py [--rows N] [--records N]

`--plain BENCHMARK ARGS…` runs one benchmark script with the key left out (what
the parent does in a child process); nothing in the program is changed.
"""

from __future__ import annotations

import argparse
import re
import runpy
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FIGURE = re.compile(r"^(?P<label>\S.*?)\s{2,}(?P<value>[\d.,]+) (?P<unit>ms|s)\b")
SYNC_FIGURE = re.compile(r"^(?P<label>\S.*?)\s+[\d,]+ records\s+(?P<value>[\d.]+) s\b")


def _without_key() -> None:
    """sqlcipher3 with no `PRAGMA key` is plain SQLite 3.53 (the same engine)."""
    import sqlcipher3

    from station_desk.db import cipher

    def plain_connect(path: Path, key: bytes, *, read_only: bool = False,
                      **kwargs: Any) -> Any:
        target = cipher.read_only_uri(path) if read_only else str(path)
        return sqlcipher3.connect(target, uri=read_only, **kwargs)

    cipher.connect = plain_connect  # type: ignore[assignment]
    cipher.is_plain = lambda _path: False  # type: ignore[assignment]  # never "upgrade" it


def _run_plain(script: str, args: list[str]) -> None:
    _without_key()
    sys.argv = [script, *args]
    try:
        runpy.run_path(str(HERE / script), run_name="__main__")
    except SystemExit as end:
        if end.code:
            raise


def _figures(script: str, args: list[str], plain: bool) -> dict[str, float]:
    command = [sys.executable, __file__, "--plain", script, *args] if plain else [
        sys.executable, str(HERE / script), *args]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    found: dict[str, float] = {}
    for line in out.splitlines():
        m = SYNC_FIGURE.match(line) or FIGURE.match(line)
        if m:
            value = float(m["value"].replace(",", ""))
            found[m["label"].strip()] = value / 1000 if m.groupdict().get("unit") == "ms" \
                else value
    return found


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--plain":
        _run_plain(sys.argv[2], sys.argv[3:])
        return 0
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--records", type=int, default=5_000)
    args = parser.parse_args()
    for script, bench_args in (("cases_million.py", ["--rows", str(args.rows)]),
                               ("sync_rates.py", ["--records", str(args.records)])):
        print(f"# benchmarks/{script} {' '.join(bench_args)}      plain    encrypted   ratio")
        plain = _figures(script, bench_args, plain=True)
        keyed = _figures(script, bench_args, plain=False)
        for label, p in plain.items():
            k = keyed.get(label)
            if k is None:
                continue
            ratio = f"{k / p:5.2f}" if p > 0.0002 else "  —"  # below 0.2 ms: noise
            print(f"{label[:46]:<46} {p * 1000:9.1f} ms {k * 1000:9.1f} ms  {ratio}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
