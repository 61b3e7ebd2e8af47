"""Plain-Python rules of the station: no Qt, no SQL."""
