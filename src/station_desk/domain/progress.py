"""How long work says how far it has got: a plain callback, `progress(done,
total)`, so the services stay Qt-free; the window's job runner passes one that
moves its bar or status line (ui/jobs.py). Stopping on request is
`domain.errors.Cancelled`, raised by the callback between safe steps."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
