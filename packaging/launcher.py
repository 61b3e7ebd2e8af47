"""Entry script of the frozen program (both executables).

PyInstaller runs this file as a top-level script, so it must not use a relative
import (`from .cli import main` fails frozen): it imports the package by name.
"""

import sys

from station_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
