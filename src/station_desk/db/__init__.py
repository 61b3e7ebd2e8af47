"""SQLite archive: schema, migrations, journal and repositories (no Qt)."""
