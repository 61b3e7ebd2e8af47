"""One widget per navigation area."""
