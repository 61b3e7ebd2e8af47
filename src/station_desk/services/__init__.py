"""Named operations the window and the command line both call (no Qt, no SQL)."""
