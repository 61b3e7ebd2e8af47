"""The bundle file format on its own (no database): header, encryption,
signature, and every way a file can be broken; sequence ranges; the removable
drive filter."""

from __future__ import annotations

import hashlib
import json
import zlib
from pathlib import Path

import pytest
from nacl.public import PrivateKey

from station_desk.sync import bundle, ranges
from station_desk.sync.bundle import BundleRefused, Header
from station_desk.sync.keys import StationKeys, ensure_station_keys
from station_desk.sync.volumes import is_removable_root

SENDER, RECIPIENT = "610922101201", "610922101000"


@pytest.fixture
def village_keys(tmp_path: Path) -> StationKeys:
    return ensure_station_keys(tmp_path / "village")


@pytest.fixture
def town_keys(tmp_path: Path) -> StationKeys:
    return ensure_station_keys(tmp_path / "town")


def write(path: Path, keys: StationKeys, to: StationKeys, records: list[dict[str, object]],
          blobs: tuple[bytes, ...] = ()) -> tuple[Header, bytes]:
    with open(path, "wb") as out:
        w = bundle.BundleWriter(out, kind=bundle.KIND_CHANGES, sender=SENDER,
                                recipient=RECIPIENT, seq_from=3, seq_to=9, keys=keys,
                                recipient_box=to.box_public)
        w.manifest({"format": "station-desk-bundle", "records": len(records)})
        for b in blobs:
            w.blob(b)
        w.records([json.dumps(r, ensure_ascii=False).encode() for r in records])
        header = w.finish()
        return header, w.stream_key


def read_all(path: Path, to: StationKeys, signer: StationKeys) -> list[bundle.Message]:
    header = bundle.check_integrity(path)
    key = bundle.open_stream_key(path, to.box)
    digest = hashlib.sha256()
    out = []
    for m in bundle.iter_messages(path, header, key):
        out.append(m)
        if m.kind == bundle.MSG_SIGNATURE:
            bundle.check_signature(path, header, signer.verify_key, digest.digest(), m.body,
                                   "西沟村")
        else:
            bundle.transcript_update(digest, m)
    return out


def test_round_trip(tmp_path: Path, village_keys: StationKeys, town_keys: StationKeys) -> None:
    path = tmp_path / "b.sdsync"
    pdf = b"%PDF-1.4 " + bytes(range(256)) * 40
    header, _ = write(path, village_keys, town_keys, [{"name": "王秀英"}], (pdf,))
    assert header.file_size == path.stat().st_size == bundle.HEADER_SIZE + header.length
    assert bundle.read_header(path) == header
    messages = read_all(path, town_keys, village_keys)
    assert [m.kind for m in messages] == [bundle.MSG_MANIFEST, bundle.MSG_BLOB,
                                          bundle.MSG_RECORDS, bundle.MSG_SIGNATURE]
    assert bundle.decode_blob(messages[1].body) == (hashlib.sha256(pdf).hexdigest(), pdf)
    assert bundle.decode_records(messages[2].body) == [{"name": "王秀英"}]
    raw = path.read_bytes()
    assert "王秀英".encode() not in raw and pdf[:64] not in raw


def test_header_layout(tmp_path: Path, village_keys: StationKeys, town_keys: StationKeys) -> None:
    path = tmp_path / "b.sdsync"
    header, _ = write(path, village_keys, town_keys, [])
    raw = path.read_bytes()
    assert raw[:8] == b"SDBUNDLE" and int.from_bytes(raw[8:10], "big") == 1
    assert raw[16:28] == SENDER.encode() and raw[28:40] == RECIPIENT.encode()
    assert int.from_bytes(raw[56:64], "big") == len(raw) - 100
    assert raw[64:96] == hashlib.sha256(raw[100:]).digest()
    assert int.from_bytes(raw[96:100], "big") == zlib.crc32(raw[:96])
    name = bundle.bundle_name(header, "20261127-093000")
    assert name == f"{SENDER}-to-{RECIPIENT}-U-00000003-00000009-20261127-093000.sdsync"


def test_only_the_recipient_can_open_it(tmp_path: Path, village_keys: StationKeys,
                                        town_keys: StationKeys) -> None:
    path = tmp_path / "b.sdsync"
    write(path, village_keys, town_keys, [])
    stranger = StationKeys(village_keys.signing, PrivateKey.generate(), path)
    with pytest.raises(BundleRefused) as info:
        bundle.open_stream_key(path, stranger.box)
    assert info.value.reason == "undecryptable"


def test_signature_of_someone_else_is_refused(tmp_path: Path, village_keys: StationKeys,
                                              town_keys: StationKeys) -> None:
    path = tmp_path / "b.sdsync"
    write(path, village_keys, town_keys, [])
    with pytest.raises(BundleRefused) as info:
        read_all(path, town_keys, town_keys)  # checked against the wrong verify key
    assert info.value.reason == "bad_signature"


def test_every_flipped_byte_is_caught(tmp_path: Path, village_keys: StationKeys,
                                      town_keys: StationKeys) -> None:
    path = tmp_path / "b.sdsync"
    write(path, village_keys, town_keys, [{"n": i} for i in range(20)])
    good = path.read_bytes()
    for at in range(0, len(good), max(1, len(good) // 97)):
        bad = bytearray(good)
        bad[at] ^= 0x40
        path.write_bytes(bytes(bad))
        with pytest.raises(BundleRefused):
            read_all(path, town_keys, village_keys)


def test_a_chunk_cut_out_is_caught_even_with_a_fresh_hash(
        tmp_path: Path, village_keys: StationKeys, town_keys: StationKeys) -> None:
    """Someone who recomputes the outer hash still cannot drop the final chunk."""
    path = tmp_path / "b.sdsync"
    header, _ = write(path, village_keys, town_keys, [{"n": 1}])
    raw = path.read_bytes()
    body = raw[bundle.HEADER_SIZE:]
    last = body.rfind((64 + 1 + 17).to_bytes(4, "big"))  # the signature chunk
    cut = body[:last]
    forged = Header(header.version, header.kind, header.sender, header.recipient,
                    header.seq_from, header.seq_to, len(cut), hashlib.sha256(cut).digest())
    path.write_bytes(forged.pack() + cut)
    with pytest.raises(BundleRefused) as info:
        read_all(path, town_keys, village_keys)
    assert info.value.reason == "damaged" and "中断" in info.value.message


def test_ranges() -> None:
    assert ranges.merge([(5, 9), (1, 4), (12, 12), (7, 3)]) == [(1, 9), (12, 12)]
    assert ranges.gaps([(1, 16), (24, 30)]) == [(17, 23)]
    assert ranges.gaps([(3, 4)]) == [(1, 2)]
    assert ranges.gaps([]) == []
    assert ranges.covered([(1, 10)], 4, 6) and not ranges.covered([(1, 5)], 4, 6)
    assert ranges.covered([], 5, 4)
    assert ranges.label(17, 23) == "第 17–23 号" and ranges.label(5, 5) == "第 5 号"
    assert ranges.missing_message("西沟村便民服务站", 17, 23) == \
        "西沟村便民服务站 的第 17–23 号变更尚未收到"


@pytest.mark.parametrize(("root", "system", "expected"), [
    ("/media/clerk/USB DISK", "", True),
    ("/run/media/clerk/KINGSTON", "", True),
    ("/mnt/usb", "", True),
    ("/", "", False),
    ("/home", "", False),
    ("/media", "", False),
    ("E:/", "C:", True),
    ("C:/", "C:", False),
    ("c:\\", "C:", False),
])
def test_removable_roots(root: str, system: str, expected: bool) -> None:
    assert is_removable_root(root, system_drive=system) is expected
