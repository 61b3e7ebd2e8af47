"""How every command writes its answer: JSON for scripts (`--json`), one
tab-separated line per item for a person."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def print_list(args: argparse.Namespace, items: Sequence[T], as_json: Callable[[T], Any],
               as_line: Callable[[T], str]) -> None:
    """With `--json` the items as one JSON array, otherwise a line each."""
    if args.json:
        print_json([as_json(item) for item in items])
    else:
        for item in items:
            print(as_line(item))
