"""`station-desk`: the window when no command is named, else the command
(cli/commands.py). Kept light on purpose: the window path imports only what
its sign-in needs (docs/architecture.md, "Start-up order"), so the command
modules load only for a command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import paths, running_mark
from ..services.data_home import prepare_default_folder
from . import acting


def window_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options when `argv` asks for the window (no command, no --help or
    --version), else None; the full parser (commands.build_parser) says the rest."""
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    parser.add_argument("--data-dir")
    parser.add_argument("--as", dest="acting")
    try:
        known, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:  # e.g. `--data-dir` without a value: the full parser
        return None                 # says so
    return None if rest else known


def main(argv: Sequence[str] | None = None) -> int:
    running_mark.hold()  # before anything else: the installer waits while it is held
    argv = list(sys.argv[1:] if argv is None else argv)
    acting.take_secrets_from_environment()  # before anything could start a child
    window = window_options(argv)
    if window is not None:
        from ..ui.app import run_window  # Qt only when the window is wanted

        data_dir = paths.data_dir(window.data_dir)
        return run_window(data_dir, lambda: prepare_default_folder(data_dir))
    from .commands import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
