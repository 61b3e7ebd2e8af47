"""Service items: loaded from the shipped catalogue on first run, edited by the head."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from ..domain import pinyin
from ..domain.actor import Actor
from ..domain.catalogue import CatalogueItem, item_from_dict
from ..domain.ids import new_id
from . import journal


def _columns(item: CatalogueItem) -> dict[str, Any]:
    data = item.to_dict()
    return {
        **data,
        "materials": json.dumps(data["materials"], ensure_ascii=False),
        "procedure": json.dumps(data["procedure"], ensure_ascii=False),
        "non_acceptance": json.dumps(data["non_acceptance"], ensure_ascii=False),
        "in_person": int(item.in_person),
        "verified": int(item.verified),
        "pinyin_initials": pinyin.initials(item.name),
        "pinyin_full": pinyin.full(item.name),
    }


def _item(r: dict[str, Any]) -> CatalogueItem:
    data = {**r, "materials": json.loads(r["materials"]),
            "procedure": json.loads(r["procedure"]),
            "non_acceptance": json.loads(r["non_acceptance"])}
    item = item_from_dict(data)
    return CatalogueItem(**{**item.__dict__, "id": r["id"],
                            "pinyin_initials": r["pinyin_initials"],
                            "pinyin_full": r["pinyin_full"], "retired": bool(r["retired"])})


def count(db: Database) -> int:
    return int(db.execute("SELECT COUNT(*) FROM catalogue_items").fetchone()[0])


def load(db: Database, items: list[CatalogueItem], actor: Actor) -> int:
    """Insert items whose code is not present yet; returns how many were added."""
    added = 0
    with db.atomic():
        for item in items:
            if db.execute("SELECT 1 FROM catalogue_items WHERE code = ?",
                          [item.code]).fetchone():
                continue
            journal.insert(db, "catalogue_items",
                           {"id": new_id(), **_columns(item), "retired": 0}, actor)
            added += 1
    return added


def list_items(db: Database, *, include_retired: bool = False) -> list[CatalogueItem]:
    where = "" if include_retired else "WHERE retired = 0"
    cur = db.execute(f"SELECT * FROM catalogue_items {where} ORDER BY code")
    names = [d[0] for d in cur.description]
    return [_item(dict(zip(names, r, strict=True))) for r in cur.fetchall()]


def get(db: Database, code_or_name: str) -> CatalogueItem | None:
    cur = db.execute("SELECT * FROM catalogue_items WHERE code = ? OR name = ? "
                     "ORDER BY retired LIMIT 1", [code_or_name, code_or_name])
    row = cur.fetchone()
    if row is None:
        return None
    return _item(dict(zip([d[0] for d in cur.description], row, strict=True)))


def save(db: Database, item: CatalogueItem, actor: Actor) -> CatalogueItem:
    """Write an edited item (matched by id)."""
    journal.update(db, "catalogue_items", item.id,
                   {**_columns(item), "retired": int(item.retired)}, actor)
    found = get(db, item.code)
    assert found is not None
    return found
