"""Reading query results as dicts keyed by column name (the repos' one way to read)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

Row = dict[str, Any]


def fetch_rows(db: Database, sql: str, params: Sequence[Any] | None = None) -> list[Row]:
    cur = db.execute(sql, list(params or ()))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
