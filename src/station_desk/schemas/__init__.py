"""The one validation layer for every JSON the program reads (pydantic v2):
command-line inputs, bundle records, manifests and receipts, identity files,
holiday schedules. Limits on size, depth, numbers, lengths and characters; a
refusal is a `UserError` in Chinese naming the field."""
