"""The USB sync: station keys and identities, the bundle file format, export
and import. No Qt here (see DESIGN layers: sync -> db, domain)."""
