"""二代证 reading through both backends, against their simulators."""

from __future__ import annotations

from datetime import date

import pytest

from device_fakes import reader_service, sam_device
from station_desk.devices import sam
from station_desk.devices.idcard import NoCard, ReaderError, build_card
from station_desk.devices.idcard_http import VENDOR_SERVICES, card_from_answer
from station_desk.devices.readers import open_reader

# -- the vendor's HTTP service -----------------------------------------------------

def test_http_service_fills_every_field_and_closes_the_device() -> None:
    with reader_service() as service:
        card = open_reader(service.url).read()
    assert service.calls == ["/OpenDevice", "/readcard", "/CloseDevice"]
    assert card.to_json() == {
        "name": "王秀兰", "id_number": "610922196503120046", "sex": "女", "nation": "汉",
        "birth": "1965-03-12", "address": "陕西省安康市石泉县城关镇西沟村三组",
        "issuer": "石泉县公安局", "valid_from": "2015-06-01", "valid_to": "长期"}
    assert card.photo is not None and card.photo.startswith(b"\xff\xd8")
    assert not card.expired(date(2090, 1, 1))  # 长期


def test_the_second_vendor_row_maps_its_own_names() -> None:
    with reader_service() as service:
        card = open_reader(service.url + "/cgi-bin/readCard").read()
    assert service.calls == ["/cgi-bin/readCard"]
    assert (card.name, card.id_number, card.issuer) == (
        "王秀兰", "610922196503120046", "石泉县公安局")


def test_no_card_on_the_reader_is_its_own_error() -> None:
    with reader_service() as service:
        service.card = None
        with pytest.raises(NoCard, match="没有身份证"):
            open_reader(service.url).read()
        assert service.calls[-1] == "/CloseDevice"


def test_service_down_or_odd_answers_give_chinese_messages() -> None:
    with reader_service() as service:
        url = service.url
        service.body = b"<html>not json</html>"
        with pytest.raises(ReaderError, match="无法识别"):
            open_reader(url).read()
        service.body = None
        service.status = 500
        with pytest.raises(ReaderError, match="HTTP 500"):
            open_reader(url).read()
    with pytest.raises(ReaderError, match="连不上读卡服务"):
        open_reader(url, timeout=0.5).read()


def test_only_a_service_on_this_pc_is_used() -> None:
    with pytest.raises(ReaderError, match="只能在本机"):
        open_reader("http://192.168.1.20:19196")
    with pytest.raises(ReaderError, match="无法识别"):
        open_reader("COM3")
    with pytest.raises(ReaderError, match="还没有设置"):
        open_reader("  ")


def test_a_garbled_id_number_is_refused_not_filled_in() -> None:
    answer = {"resultContent": {"partyName": "王秀兰", "certNumber": "610922196503120047"}}
    with pytest.raises(ReaderError, match="身份证号有误"):
        card_from_answer(VENDOR_SERVICES[0], answer)


def test_codes_and_expiry() -> None:
    card = build_card({"name": "李国强", "id_number": "610922198002150035", "sex": "1",
                       "nation": "04", "birth": "19800215", "valid_from": "2016.03.01",
                       "valid_to": "2026.03.01"})
    assert (card.sex, card.nation) == ("男", "藏")
    assert card.expired(date(2026, 3, 2)) and not card.expired(date(2026, 3, 1))
    assert card.validity_text() == "2016.03.01-2026.03.01"


# -- the SAM module over pyserial --------------------------------------------------

def test_frames_match_the_protocol() -> None:
    assert sam.command(sam.FIND_CARD).hex(" ").upper() == "AA AA AA 96 69 00 03 20 01 22"
    assert sam.command(sam.READ_BASE).hex(" ").upper() == "AA AA AA 96 69 00 03 30 01 32"
    answer = sam.parse_response(bytes.fromhex("AAAAAA9669000800009F0000000097"))
    assert answer.status == sam.CARD_FOUND
    with pytest.raises(sam.FrameError, match="校验和"):
        sam.parse_response(bytes.fromhex("AAAAAA9669000800009F0000000096"))


def test_sam_device_on_a_socket_reads_the_card() -> None:
    with sam_device() as device:
        card = open_reader(device.url).read()
    assert device.requests == [sam.FIND_CARD, sam.SELECT_CARD, sam.READ_BASE]
    assert card.to_json() == {
        "name": "李国强", "id_number": "610922198002150035", "sex": "男", "nation": "汉",
        "birth": "1980-02-15", "address": "陕西省安康市石泉县后柳镇中坝村二组",
        "issuer": "石泉县公安局", "valid_from": "2016-03-01", "valid_to": "2036-03-01"}
    assert card.photo is None  # WLT photos need the vendor's decoder


def test_sam_without_a_card_and_with_a_bad_frame() -> None:
    with sam_device() as device:
        device.card = None
        with pytest.raises(NoCard):
            open_reader(device.url).read()
        device.card = {"name": "x"}
        device.corrupt = True
        with pytest.raises(ReaderError, match="校验和"):
            open_reader(device.url).read()


def test_sam_port_that_is_not_there() -> None:
    with pytest.raises(ReaderError, match="打不开读卡器串口"):
        open_reader("serial:/dev/does-not-exist").read()
    with pytest.raises(ReaderError, match="打不开读卡器串口"):
        open_reader("socket://127.0.0.1:1", timeout=0.5).read()
