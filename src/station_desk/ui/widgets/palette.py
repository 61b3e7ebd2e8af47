"""The program's colours, named by what they say; style sheets, models and rich
text use these names, never a literal."""

from __future__ import annotations

PRIMARY = "#1f4e79"       # header, the selected page, chart bars, a booked appointment
PRIMARY_TINT = "#dbeafe"  # a booked appointment's chip

DANGER = "#b91c1c"        # overdue, missing, refused, below target, a field in error
DANGER_TINT = "#fde2e2"   # an overdue case's row
MISSED_TINT = "#fecaca"   # a missed appointment's row or chip
NO_SHOW_TINT = "#fee2e2"  # a no-show's chip

WARNING = "#b45309"       # amber: due today, unverified guide, waiting for approval
WARNING_DARK = "#92400e"  # text of a case due soon (on its amber tint)
WARNING_TINT = "#fef3c7"  # a case due soon: its row
CLASH_TINT = "#fde68a"    # two appointments at once

OK = "#15803d"            # served, received, on target
OK_TINT = "#dcfce7"       # a served appointment's chip

INK = "#111827"           # chart labels
SECONDARY = "#4b5563"     # card titles, hints beside a field
MUTED = "#6b7280"         # finished, cancelled, times beside text
FAINT = "#9ca3af"         # separators, empty placeholders
SURFACE = "#f3f4f6"       # a cancelled chip, an empty tile
NAV = "#f3f5f8"           # the navigation column
BORDER = "#d0d7e1"        # a card's frame

# the camera preview: a dark stage so the paper stands out
STAGE = "#263238"
STAGE_TEXT = "#eceff1"

# the applicant's rating screen (a second screen facing the applicant): calm
# background, and the five levels from green (very satisfied) to red
RATING_BACKGROUND = "#f5f7fa"
RATING_INK = "#1f2d3d"
RATING_SECONDARY = "#455a64"
RATING_QUIET = "#607d8b"
RATING_VERY_SATISFIED = "#2e7d32"
RATING_SATISFIED = "#558b2f"
RATING_BASIC = "#9e9d24"
RATING_UNSATISFIED = "#ef6c00"
RATING_VERY_UNSATISFIED = "#c62828"
