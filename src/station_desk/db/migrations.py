"""Numbered schema migrations (sqlite-utils `Migrations`).

Each migration runs in its own transaction. Before the first pending step the
file is copied aside (see `connection.open_database`); a file carrying a
migration this program does not know comes from a newer version and is refused.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .triggers import forbid_delete, forbid_rewrite

MIGRATION_SET = "station_desk"
migrations = Migrations(MIGRATION_SET)

# Tables whose rows are records of the station: never hard-deleted.
RECORD_TABLES = ("station", "windows", "staff", "catalogue_items", "settings", "cases",
                 "case_events", "holiday_schedules", "notices", "appointments",
                 "after_hours", "complaints", "ratings", "attachments", "archive_files",
                 "borrowings", "case_extensions", "case_suspensions", "notifications",
                 "duplicate_dismissals", "retention_decisions")


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE station (
            id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
            kind TEXT NOT NULL, town_code TEXT NOT NULL DEFAULT '',
            town_name TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '', office_hours TEXT NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE TABLE windows (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE TABLE staff (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
            window_id TEXT REFERENCES windows(id), phone TEXT NOT NULL DEFAULT '',
            training_date TEXT, pin_hash TEXT, active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX staff_active_name ON staff(name) WHERE active = 1;
        CREATE TABLE catalogue_items (
            id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, category TEXT NOT NULL,
            name TEXT NOT NULL, case_type TEXT NOT NULL, time_limit_days INTEGER NOT NULL,
            legal_basis TEXT NOT NULL, materials TEXT NOT NULL, procedure TEXT NOT NULL,
            department TEXT NOT NULL, window TEXT NOT NULL, in_person INTEGER NOT NULL,
            fee TEXT NOT NULL, result TEXT NOT NULL, non_acceptance TEXT NOT NULL,
            verified INTEGER NOT NULL, pinyin_initials TEXT NOT NULL, pinyin_full TEXT NOT NULL,
            retired INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        -- who, when, what, before/after: every change, local or imported
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor_id TEXT, actor_name TEXT NOT NULL,
            table_name TEXT NOT NULL, record_id TEXT NOT NULL, action TEXT NOT NULL,
            before TEXT, after TEXT
        );
        CREATE INDEX audit_record ON audit_log(table_name, record_id);
        CREATE INDEX audit_at ON audit_log(at);
        -- this station's outgoing changes; seq = rowid without AUTOINCREMENT is
        -- max+1 inside the writing transaction, so a rollback leaves no gap
        CREATE TABLE change_log (
            seq INTEGER PRIMARY KEY, at TEXT NOT NULL, table_name TEXT NOT NULL,
            record_id TEXT NOT NULL, action TEXT NOT NULL, data TEXT NOT NULL
        );
        """
    )
    # a migration is frozen in time: name its own tables, not RECORD_TABLES
    for table in ("station", "windows", "staff", "catalogue_items"):
        forbid_delete(db, table)
    for table in ("audit_log", "change_log"):
        forbid_rewrite(db, table)


@migrations(name="0002_settings")
def m0002_settings(db: Database) -> None:
    """Station-wide settings (typed and defaulted in `domain.settings`)."""
    db.executescript(
        """
        -- id is the setting's key, e.g. 'complaint_general_days'
        CREATE TABLE settings (
            id TEXT PRIMARY KEY, value TEXT NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        """
    )
    forbid_delete(db, "settings")


@migrations(name="0003_cases")
def m0003_cases(db: Database) -> None:
    """Cases, their timeline, the name-bigram search table, holiday schedules."""
    db.executescript(
        """
        CREATE TABLE cases (
            id TEXT PRIMARY KEY, case_no TEXT NOT NULL UNIQUE,
            station_code TEXT NOT NULL, year INTEGER NOT NULL, seq INTEGER NOT NULL,
            channel TEXT NOT NULL,
            applicant_name TEXT NOT NULL, id_number TEXT NOT NULL, phone TEXT NOT NULL,
            address TEXT NOT NULL, groups TEXT NOT NULL,
            name_initials TEXT NOT NULL, name_pinyin TEXT NOT NULL,
            item_code TEXT NOT NULL, item_name TEXT NOT NULL, category TEXT NOT NULL,
            case_type TEXT NOT NULL, status TEXT NOT NULL, open INTEGER NOT NULL,
            window TEXT NOT NULL, first_ask_id TEXT, first_ask_name TEXT NOT NULL,
            received_at TEXT NOT NULL, accepted_at TEXT, deadline TEXT,
            deadline_provisional INTEGER NOT NULL DEFAULT 0,
            extended_days INTEGER NOT NULL DEFAULT 0,
            materials TEXT NOT NULL,
            proxy INTEGER NOT NULL, proxy_agent_id TEXT, proxy_agent_name TEXT NOT NULL,
            proxy_step TEXT, door_to_door INTEGER NOT NULL, fee TEXT NOT NULL,
            reason TEXT NOT NULL, supplement_notice_at TEXT, supplement_due TEXT,
            departments TEXT NOT NULL, completed_at TEXT, note TEXT NOT NULL,
            sort_key TEXT NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
            UNIQUE (station_code, year, seq)
        );
        CREATE INDEX cases_sort ON cases(sort_key, id);
        CREATE INDEX cases_status ON cases(status, sort_key, id);
        CREATE INDEX cases_type ON cases(case_type, sort_key, id);
        CREATE INDEX cases_proxy ON cases(proxy, sort_key, id);
        CREATE INDEX cases_id_number ON cases(id_number);
        CREATE INDEX cases_phone ON cases(phone);
        CREATE INDEX cases_initials ON cases(name_initials);
        CREATE INDEX cases_pinyin ON cases(name_pinyin);
        CREATE INDEX cases_name ON cases(applicant_name);
        CREATE INDEX cases_item ON cases(item_code, sort_key, id);
        CREATE INDEX cases_received ON cases(received_at);
        -- the timeline: each step, who and when
        CREATE TABLE case_events (
            id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
            at TEXT NOT NULL, actor_id TEXT, actor_name TEXT NOT NULL,
            kind TEXT NOT NULL, text TEXT NOT NULL, data TEXT NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE INDEX case_events_case ON case_events(case_id, at);
        -- two-character name search: SQLite 3.40's trigram FTS cannot match
        -- 2 characters, so every character pair of a name is indexed here
        CREATE TABLE case_name_grams (
            gram TEXT NOT NULL, case_id TEXT NOT NULL, PRIMARY KEY (gram, case_id)
        ) WITHOUT ROWID;
        -- official holiday schedules imported for years the built-in table lacks
        CREATE TABLE holiday_schedules (
            id TEXT PRIMARY KEY, year INTEGER NOT NULL UNIQUE, schedule TEXT NOT NULL,
            source TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        """
    )
    for table in ("cases", "case_events", "holiday_schedules"):
        forbid_delete(db, table)


@migrations(name="0004_notices")
def m0004_notices(db: Database) -> None:
    """Issued notices, archived exactly as printed (存档备查)."""
    db.executescript(
        """
        CREATE TABLE notices (
            id TEXT PRIMARY KEY, notice_no TEXT NOT NULL UNIQUE,
            case_id TEXT REFERENCES cases(id), kind TEXT NOT NULL,
            issued_at TEXT NOT NULL, issued_by_id TEXT, issued_by_name TEXT NOT NULL,
            sha256 TEXT NOT NULL, size INTEGER NOT NULL, pdf BLOB NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE INDEX notices_case ON notices(case_id, kind, issued_at);
        """
    )
    forbid_rewrite(db, "notices")


@migrations(name="0005_service")
def m0005_service(db: Database) -> None:
    from .service_schema import create_service_tables

    create_service_tables(db)


@migrations(name="0006_sync")
def m0006_sync(db: Database) -> None:
    from .sync_schema import create_sync_tables

    create_sync_tables(db)


@migrations(name="0007_archive")
def m0007_archive(db: Database) -> None:
    from .archive_schema import create_archive_tables

    create_archive_tables(db)


@migrations(name="0008_legal_clocks")
def m0008_legal_clocks(db: Database) -> None:
    from ..paths import resource
    from .clock_schema import create_clock_tables, fill_legal_elements

    create_clock_tables(db)
    fill_legal_elements(db, resource("catalogue", "catalogue.json"))


@migrations(name="0009_intake_requests")
def m0009_intake_requests(db: Database) -> None:
    # which case a request id (one form save, one entry of a batch) registered:
    # a retry after a crash finds it instead of registering the case again
    db.executescript(
        """
        CREATE TABLE intake_requests (
            request_id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
            fingerprint TEXT NOT NULL, at TEXT NOT NULL
        );
        """
    )
    forbid_rewrite(db, "intake_requests")


@migrations(name="0010_supervision")
def m0010_supervision(db: Database) -> None:
    from .supervision_schema import create_supervision_tables

    create_supervision_tables(db)


@migrations(name="0011_audit_chain")
def m0011_audit_chain(db: Database) -> None:
    # the guards themselves are laid on every open (`audit_chain.ensure_guards`),
    # so the tables of later migrations get them too
    from .audit_chain import create_chain

    create_chain(db)


@migrations(name="0012_chain_heads")
def m0012_chain_heads(db: Database) -> None:
    # the audit chain's hash at the ends of each bundle received: a later bundle
    # naming the same change with another hash means the sender's history changed
    db.execute("CREATE TABLE sync_chain_heads (from_code TEXT NOT NULL, seq INTEGER NOT NULL, "
               "hash TEXT NOT NULL, bundle_id TEXT NOT NULL, PRIMARY KEY (from_code, seq))")
    forbid_rewrite(db, "sync_chain_heads")


@migrations(name="0013_guarded_tables")
def m0013_guarded_tables(db: Database) -> None:
    from .audit_chain import create_guarded_tables

    create_guarded_tables(db)


@migrations(name="0014_search_tails")
def m0014_search_tails(db: Database) -> None:
    # a clerk finds a case by the last 4 digits of an ID or phone number, told over
    # the counter; expression indexes keep that an index lookup at a million rows
    db.execute("CREATE INDEX IF NOT EXISTS cases_id_tail ON cases(substr(id_number, -4))")
    db.execute("CREATE INDEX IF NOT EXISTS cases_phone_tail ON cases(substr(phone, -4))")
    # and by the short number on the paper ("00011", "2026-00011") at any station
    db.execute("CREATE INDEX IF NOT EXISTS cases_short_no ON cases(seq, year)")


@migrations(name="0015_query_indexes")
def m0015_query_indexes(db: Database) -> None:
    # 待补正 warnings on 今日 and 办件 ask by status and station (83 k rows walked at
    # a ten-year town); reports count what was finished in a period; export picks
    # the last change of each record in a range
    db.execute("CREATE INDEX IF NOT EXISTS cases_status ON cases(status, station_code, "
               "supplement_due)")
    db.execute("CREATE INDEX IF NOT EXISTS cases_completed ON cases(completed_at)")
    db.execute("CREATE INDEX IF NOT EXISTS change_log_record ON change_log(table_name, "
               "record_id, seq)")


@migrations(name="0016_clock_records_travel")
def m0016_clock_records_travel(db: Database) -> None:
    # extensions, suspensions and notifications travel in the bundles from now
    # on: what was recorded before goes into the change log again, so the next
    # ordinary export carries it (the entries already exported were skipped)
    from . import journal

    at = journal.now_iso()
    for table in ("case_extensions", "case_suspensions", "notifications"):
        journal.announce_all(db, table, at)


@migrations(name="0017_restore_epochs")
def m0017_restore_epochs(db: Database) -> None:
    # a restore marks a new epoch so the town takes changes whose numbers it has
    # seen before the restore (see db/epochs.py)
    from .epochs import create_tables

    create_tables(db)


@migrations(name="0018_scan_store")
def m0018_scan_store(db: Database) -> None:
    # scans move out of `attachments.data` into the store beside the archive
    # (db/scan_store.py). The move runs later, in batches, off the window
    # (db/scan_moves.py); this only notes how far it has to go, so opening a
    # million-case archive costs nothing here.
    db.executescript(
        """
        CREATE TABLE scan_moves (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            last_rowid INTEGER NOT NULL, done_rowid INTEGER NOT NULL
        );
        INSERT INTO scan_moves (id, last_rowid, done_rowid)
            SELECT 1, COALESCE(MAX(rowid), 0), 0 FROM attachments;
        """
    )


@migrations(name="0019_open_cases_index")
def m0019_open_cases_index(db: Database) -> None:
    # 今日 counts a station's open cases (and the overdue and due-soon ones among
    # them) by a range of the attention key: from this index alone, never a read
    # of every open case's row (262 ms -> 1 ms at 50,000 cases; each row read is a
    # page decrypted under SQLCipher, which made 今日 ~6x its plain figure)
    db.execute("CREATE INDEX IF NOT EXISTS cases_station_open ON cases(station_code, "
               "sort_key)")
    # the 待补正 questions name status and station: the index 0015 meant for them
    # (an older `cases_status` of another shape kept its name from being made), so
    # they never take the station index above and walk all of a station's cases
    db.execute("CREATE INDEX IF NOT EXISTS cases_status_station ON cases(status, "
               "station_code, supplement_due)")


@migrations(name="0020_after_hours_cancelled")
def m0020_after_hours_cancelled(db: Database) -> None:
    # a withdrawn after-hours session was told by its note's prefix "已撤销："; from
    # now on by cancelled_at (and its reason), which the list and the statistics
    # read. Sessions withdrawn before take the time of that update and the reason
    # from the note. The town's copies of a village's sessions change the same way
    # in the town's own archive, so nothing needs to travel again.
    from ..domain.service import OLD_CANCELLED_NOTE, old_withdrawal_reason

    db.execute("ALTER TABLE after_hours ADD COLUMN cancelled_at TEXT")
    db.execute("ALTER TABLE after_hours ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT ''")
    rows = db.execute("SELECT id, note, served, end_time, updated_at FROM after_hours "
                      "WHERE note LIKE ?", [OLD_CANCELLED_NOTE + "%"]).fetchall()
    for session_id, note, served, end_time, updated_at in rows:
        reason = old_withdrawal_reason(note, int(served), end_time is not None)
        if reason is not None:
            db.execute("UPDATE after_hours SET cancelled_at = ?, cancel_reason = ?, note = '' "
                       "WHERE id = ?", [updated_at, reason, session_id])


@migrations(name="0021_retention_decisions")
def m0021_retention_decisions(db: Database) -> None:
    # the head's decision on a file past its retention period: kept longer (to the
    # end of kept_through) or agreed to be destroyed — the destruction register of
    # DA/T 22 (who, when, why). Append-only; a later decision is a new row
    db.executescript(
        """
        CREATE TABLE retention_decisions (
            id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
            case_no TEXT NOT NULL, verdict TEXT NOT NULL, kept_through INTEGER,
            reason TEXT NOT NULL, retention TEXT NOT NULL, period_ended_on TEXT NOT NULL,
            decided_by_id TEXT, decided_by_name TEXT NOT NULL, decided_at TEXT NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE INDEX retention_decisions_case ON retention_decisions(case_id, decided_at);
        """
    )
    forbid_rewrite(db, "retention_decisions")


@migrations(name="0022_ended_cases_index")
def m0022_ended_cases_index(db: Database) -> None:
    # 保管期限 asks for a station's finished cases that ended before a year: by this
    # index, not a walk of every case with a look-up of its archive number each
    # (5.3 s at 1,000,000 cases for none found; retention_repo.ended_cases)
    db.execute("CREATE INDEX IF NOT EXISTS cases_ended ON cases(station_code, "
               "COALESCE(completed_at, received_at)) WHERE open = 0")


def known_names() -> list[str]:
    return [m.name for m in migrations._migrations]


def latest_name() -> str:
    return known_names()[-1]
