"""A folder the vendor's capture software saves into: a file is taken once its
size has stopped changing (the software may still be writing it), and once only.

No timers here: the window calls `poll()` every second or so; tests pass a clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

SCAN_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff")
STABLE_SECONDS = 1.5


class StableFileWatcher:
    def __init__(self, folder: Path, *, stable_for: float = STABLE_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.folder = folder
        self.stable_for = stable_for
        self.clock = clock
        self._seen: dict[Path, tuple[tuple[int, int], float]] = {}  # signature, since
        self._taken: dict[Path, tuple[int, int]] = {}
        # what was there before watching began is not a new scan
        for path, signature in self._listing().items():
            self._taken[path] = signature

    def _listing(self) -> dict[Path, tuple[int, int]]:
        found: dict[Path, tuple[int, int]] = {}
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return found
        for path in entries:
            if path.suffix.lower() not in SCAN_SUFFIXES:
                continue
            try:
                info = path.stat()
            except OSError:
                continue  # removed or renamed meanwhile
            found[path] = (info.st_size, info.st_mtime_ns)
        return found

    def poll(self) -> list[Path]:
        """Files whose size and time have not changed for `stable_for` seconds."""
        now = self.clock()
        ready = []
        listing = self._listing()
        for path, signature in listing.items():
            if self._taken.get(path) == signature:
                continue
            seen = self._seen.get(path)
            if seen is None or seen[0] != signature:
                self._seen[path] = (signature, now)  # new, or still growing
                continue
            if signature[0] > 0 and now - seen[1] >= self.stable_for:
                ready.append(path)
                self._taken[path] = signature
                del self._seen[path]
        for gone in set(self._seen) - set(listing):
            del self._seen[gone]
        return sorted(ready)

    def retry(self, path: Path) -> None:
        """A file `poll` gave that could not be read yet (still locked): offer it again."""
        self._taken.pop(path, None)

    def available(self) -> bool:
        return self.folder.is_dir()
