"""Reading a bundle ahead of its writer: the next chunk is decrypted and
decoded, and the chunk after the one being written is checked, on one helper
thread while the writer's statements run (SQLite leaves Python's lock while
it steps, so the two use both cores).

Only the reading and the pure per-record checks move; the writer keeps the one
connection, the one transaction and the order of everything it writes. The
helper's results come back in the bundle's order, an error where it arose: a
damaged chunk after two good ones still raises after those two are written,
inside the transaction, which then writes nothing. Stopping early (an error, a
cancel) waits for the helper's current step and closes the file."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import bundle
from .bundle import Header, Message
from .merge import Row
from .record_problems import content_problem, shape_problem


@dataclass
class Chunk:
    """One message of the bundle, decoded; a records message with the blobs sent
    right before it and its records' content checks (filled in by `checked`)."""

    message: Message
    records: list[Row] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)  # each record's line, in bytes
    blobs: dict[str, bytes] = field(default_factory=dict)
    checks: Future[list[str | None]] | None = None


def content_checks(records: list[Row], sizes: list[int], skip: set[int]
                   ) -> list[str | None]:
    """Each record's content problem ("" if none), None for those not checked:
    a malformed record (the writer holds it for its shape) or one in `skip`."""
    out: list[str | None] = []
    for i, rec in enumerate(records):
        if i in skip or shape_problem(rec):
            out.append(None)
        else:
            out.append(content_problem(str(rec.get("table")), rec["data"], sizes[i]))
    return out


class ReadAhead:
    """The bundle's messages in order, each decoded one step ahead of its use."""

    def __init__(self, path: Path, header: Header, stream_key: bytes) -> None:
        self._messages = bundle.iter_messages(path, header, stream_key)
        self._helper = ThreadPoolExecutor(1, thread_name_prefix="bundle-read-ahead")
        self._next: Future[Chunk | None] = self._helper.submit(self._read)

    def _read(self) -> Chunk | None:
        """The next message decoded (its records, or its blob); None past the end."""
        for message in self._messages:
            if message.kind == bundle.MSG_BLOB:
                sha, data = bundle.decode_blob(message.body)
                return Chunk(message, blobs={sha: data})
            if message.kind == bundle.MSG_RECORDS:
                return Chunk(message, *bundle.read_records(message.body))
            return Chunk(message)
        return None

    def __iter__(self) -> Iterator[Chunk]:
        while True:
            chunk = self._next.result()
            if chunk is None:
                return
            if chunk.message.kind != bundle.MSG_SIGNATURE:
                self._next = self._helper.submit(self._read)
            yield chunk
            if chunk.message.kind == bundle.MSG_SIGNATURE:
                return

    def check(self, chunk: Chunk, skip: set[int]) -> None:
        """Check `chunk`'s records on the helper, after the next chunk's reading."""
        chunk.checks = self._helper.submit(content_checks, chunk.records, chunk.sizes, skip)

    def close(self) -> None:
        self._helper.shutdown(wait=True, cancel_futures=True)
        self._messages.close()
