"""Bundle manifests, the receipts inside them, and identity files."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StrictBool, StrictInt, StrictStr, ValidationError

from ..domain.station import StationKind
from .base import Code, Count, DateTimeText, Lenient, Line, Name, Strict, chinese_errors

StationCode = Annotated[StrictStr, Field(pattern=r"^\d{12}$")]
Seq = Annotated[StrictInt, Field(ge=0, le=10**15)]
Key32 = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9+/]{43}=$")]
Signature64 = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9+/]{86}==$")]
Fingerprint = Annotated[StrictStr, Field(pattern=r"^\d{5}( \d{5}){5}$")]


class ReceiptBundle(Strict):
    id: Code
    seq_from: Seq
    seq_to: Seq
    imported_at: DateTimeText


class Holdings(Lenient):
    """Which catalogue and holiday schedules the other side holds."""

    catalogue: Annotated[StrictStr, Field(max_length=64)] = ""
    catalogue_items: Count = 0
    holiday_years: Annotated[list[Annotated[StrictInt, Field(ge=2000, le=2100)]],
                             Field(max_length=200)] = []


class Receipt(Lenient):
    """Which of our bundles the other side has imported (fields a newer version
    adds are ignored; the known ones are checked)."""

    station: StationCode
    holds: Holdings | None = None
    ranges: Annotated[list[tuple[Seq, Seq]], Field(max_length=10_000)] = []
    missing: Annotated[list[tuple[Seq, Seq]], Field(max_length=10_000)] = []
    bundles: Annotated[list[ReceiptBundle], Field(max_length=1000)] = []


class StationRef(Lenient):
    code: StationCode
    name: Line = ""
    kind: Name = ""


Hash = Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{64}$")]


class ChainHeads(Strict):
    """The sender's audit chain at both ends of the bundle's range."""

    from_seq: Annotated[StrictInt, Field(ge=-1, le=10**15)]
    from_hash: Hash
    to_seq: Seq
    to_hash: Hash


class RestoreEpoch(Strict):
    """The sender's newest restore (db/epochs.py): numbers after `base_seq` are new."""

    id: Code
    base_seq: Seq
    restored_at: DateTimeText


class Manifest(Lenient):
    format: Literal["station-desk-bundle"]
    format_version: StrictInt | None = None
    bundle_id: Code
    kind: Name
    station: StationRef
    town: StationRef | None = None
    to: StationRef
    seq_from: Seq
    seq_to: Seq
    full: StrictBool = False
    again: StrictBool = False
    records: Count
    counts: Annotated[dict[Name, Count], Field(max_length=50)]
    blobs: Count | None = None
    created_at: DateTimeText
    app_version: Name = ""
    receipt: Receipt | None = None
    chain: ChainHeads | None = None
    epoch: RestoreEpoch | None = None


class IdentityFile(Strict):
    format: Literal["station-desk-identity"]
    version: StrictInt
    code: StationCode
    name: Annotated[Name, Field(min_length=1)]
    kind: Literal[tuple(k.value for k in StationKind)]  # type: ignore[valid-type]
    town_code: Annotated[StrictStr, Field(pattern=r"^(\d{12})?$")] = ""
    verify_key: Key32
    box_key: Key32
    fingerprint: Fingerprint
    created_at: DateTimeText | None = None
    signature: Signature64


def problem(model: type[Strict], data: Any, what: str) -> str:
    """Why `data` is not a valid `model` (empty if it is)."""
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return chinese_errors(exc, what, {})
    return ""
