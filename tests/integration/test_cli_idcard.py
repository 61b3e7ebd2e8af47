"""`station-desk idcard read` against the reader simulators."""

from __future__ import annotations

from pathlib import Path

from cli import Station

from device_fakes import reader_service, sam_device
from station_desk.devices import config

CLI_KEYS = ["name", "id_number", "sex", "nation", "birth", "address", "issuer",
            "valid_from", "valid_to"]


def test_reads_a_card_from_the_vendor_service_as_json(tmp_path: Path) -> None:
    station = Station(tmp_path)
    with reader_service() as service:
        card = station.json("idcard", "read", "--reader", service.url)
    assert list(card) == CLI_KEYS
    assert card["name"] == "王秀兰" and card["valid_to"] == "长期"


def test_reads_the_sam_module_and_defaults_to_the_settings(tmp_path: Path) -> None:
    station = Station(tmp_path)
    with sam_device() as device:
        config.save(station.data, config.DeviceSettings(reader=device.url))
        card = station.json("idcard", "read")
        text = station.ok("idcard", "read").stdout
    assert card["id_number"] == "610922198002150035" and card["sex"] == "男"
    assert "李国强" in text and "有效期限 2016.03.01-2036.03.01" in text


def test_no_reader_and_no_card_are_chinese_refusals(tmp_path: Path) -> None:
    station = Station(tmp_path)
    assert "还没有设置身份证读卡器" in station.refused("idcard", "read", "--json")
    with reader_service() as service:
        service.card = None
        assert "没有身份证" in station.refused("idcard", "read", "--reader", service.url)
