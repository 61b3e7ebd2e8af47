"""Legal clocks, 好差评 rectification and the notification log (migration 0008).
Frozen once released: later changes are new migrations."""

from __future__ import annotations

import json
from pathlib import Path

from sqlite_utils import Database

from .triggers import forbid_delete


def create_clock_tables(db: Database) -> None:
    db.executescript(
        """
        -- 法定时限 (NULL: 待核实), 行政许可 flag (NULL: 待核实), 决定机关, 行政复议机关
        ALTER TABLE catalogue_items ADD COLUMN statutory_days INTEGER;
        ALTER TABLE catalogue_items ADD COLUMN licence INTEGER;
        ALTER TABLE catalogue_items ADD COLUMN authority TEXT NOT NULL DEFAULT '';
        ALTER TABLE catalogue_items ADD COLUMN review_body TEXT NOT NULL DEFAULT '';
        -- what the clock of a case started from, taken from the item at intake
        ALTER TABLE cases ADD COLUMN promised_days INTEGER;
        ALTER TABLE cases ADD COLUMN statutory_days INTEGER;
        ALTER TABLE cases ADD COLUMN licence INTEGER;
        ALTER TABLE cases ADD COLUMN materials_complete_at TEXT;
        ALTER TABLE cases ADD COLUMN deemed_accepted INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE cases ADD COLUMN statutory_deadline TEXT;
        -- extensions (行政许可法第四十二条 or with the applicant's consent), approved by the head
        CREATE TABLE case_extensions (
            id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
            days INTEGER NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL,
            consent TEXT NOT NULL, approved_by_id TEXT, approved_by_name TEXT NOT NULL,
            approved_on TEXT NOT NULL, notice_no TEXT,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE INDEX case_extensions_case ON case_extensions(case_id);
        -- periods the clock stands still (听证、检验检测、鉴定…)
        CREATE TABLE case_suspensions (
            id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
            start TEXT NOT NULL, end TEXT, reason TEXT NOT NULL, by_name TEXT NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE INDEX case_suspensions_case ON case_suspensions(case_id);
        -- who told the applicant what, when, how, and whether it reached them
        CREATE TABLE notifications (
            id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
            purpose TEXT NOT NULL, channel TEXT NOT NULL, person TEXT NOT NULL,
            told_by TEXT NOT NULL, told_at TEXT NOT NULL, result TEXT NOT NULL,
            note TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE INDEX notifications_case ON notifications(case_id, told_at);
        -- 差评 rectification: deadline, classification, re-rating after it
        ALTER TABLE ratings ADD COLUMN rectify_due TEXT;
        ALTER TABLE ratings ADD COLUMN rectified_at TEXT;
        ALTER TABLE ratings ADD COLUMN classification TEXT NOT NULL DEFAULT '';
        ALTER TABLE ratings ADD COLUMN rerating TEXT;
        ALTER TABLE ratings ADD COLUMN rerated_at TEXT;
        """
    )
    for table in ("case_extensions", "case_suspensions", "notifications"):
        forbid_delete(db, table)
    # cases registered before: the promise they were given came from the item
    db.execute("UPDATE cases SET promised_days = (SELECT time_limit_days FROM catalogue_items "
               "WHERE catalogue_items.code = cases.item_code)")


def fill_legal_elements(db: Database, shipped: Path) -> None:
    """Give the existing items the legal elements of the shipped catalogue (by code)."""
    try:
        items = json.loads(shipped.read_text("utf-8"))["items"]
    except (OSError, ValueError, KeyError):
        return  # a broken install: the items stay 待核实, the program still opens
    for item in items:
        licence = item.get("licence")
        db.execute("UPDATE catalogue_items SET statutory_days = ?, licence = ?, authority = ?, "
                   "review_body = ? WHERE code = ? AND statutory_days IS NULL "
                   "AND licence IS NULL AND authority = '' AND review_body = ''",
                   [item.get("statutory_days"), None if licence is None else int(licence),
                    item.get("authority", ""), item.get("review_body", ""), item["code"]])
    db.execute("UPDATE cases SET licence = (SELECT licence FROM catalogue_items "
               "WHERE catalogue_items.code = cases.item_code)")
