"""Legal-clock elements of the catalogue: 法定时限, 行政许可 flag, 决定机关 and
复议机关 — shipped where known, 待核实 otherwise, filled into older archives by
migration 0008 and refused when the promise would exceed the law."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from station_desk.db import catalogue_repo
from station_desk.db.connection import open_database
from station_desk.domain.catalogue import UNVERIFIED, check_legal_elements, item_from_dict
from station_desk.domain.errors import UserError

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "catalogue" / "catalogue.json"
ITEMS = json.loads(CATALOGUE.read_text("utf-8"))["items"]


def test_every_shipped_item_says_whether_it_is_a_licence() -> None:
    licences = {i["code"] for i in ITEMS if i["licence"]}
    assert licences == {"03-01", "03-02", "03-03", "03-04", "03-05", "03-06", "03-07"}
    assert all(isinstance(i["licence"], bool) for i in ITEMS)


def test_statutory_limits_never_below_the_promise() -> None:
    for data in ITEMS:
        item = item_from_dict(data)
        if item.statutory_days is not None:
            assert item.statutory_days >= item.time_limit_days, item.name


def test_review_body_is_the_county_government_where_known() -> None:
    known = [i for i in ITEMS if i["review_body"]]
    assert len(known) >= 55
    assert {i["review_body"] for i in known} == {"石泉县人民政府"}
    # 残联 is no administrative organ: who decides and who reviews is left to verify
    disabled = item_from_dict(next(i for i in ITEMS if i["code"] == "07-04"))
    assert disabled.legal_labels()["复议机关"] == UNVERIFIED
    assert disabled.legal_labels()["决定机关"] == UNVERIFIED


def test_labels_show_unverified_elements() -> None:
    licence = item_from_dict(next(i for i in ITEMS if i["code"] == "03-07"))
    assert licence.legal_labels() == {
        "法定时限": "20 个工作日", "承诺时限": "10 个工作日", "事项性质": "行政许可",
        "决定机关": "石泉县卫生健康局", "复议机关": "石泉县人民政府"}
    unknown = item_from_dict(next(i for i in ITEMS if i["code"] == "03-04"))
    assert unknown.legal_labels()["法定时限"] == UNVERIFIED


def test_promise_above_the_statutory_limit_is_refused() -> None:
    item = item_from_dict(next(i for i in ITEMS if i["code"] == "03-07"))
    with pytest.raises(UserError, match="法定时限") as exc:
        check_legal_elements(replace(item, statutory_days=5))
    assert exc.value.field == "statutory_days"
    check_legal_elements(replace(item, statutory_days=None))


def test_older_archive_gets_the_elements_by_migration(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    old = open_database(path, stop_before="0008_legal_clocks")
    assert "statutory_days" not in old["catalogue_items"].columns_dict  # before 0008
    new_columns = ("statutory_days", "licence", "authority", "review_body")
    for data in ITEMS:
        row = {k: v for k, v in data.items() if k not in new_columns}
        old["catalogue_items"].insert({
            **row, "id": row["code"], "materials": json.dumps(row["materials"]),
            "procedure": json.dumps(row["procedure"]),
            "non_acceptance": json.dumps(row["non_acceptance"]), "pinyin_initials": "",
            "pinyin_full": "", "retired": 0, "created_at": "2026-01-01T00:00:00",
            "updated_at": "2026-01-01T00:00:00"})
    old.close()
    db = open_database(path)
    try:
        item = catalogue_repo.get(db, "03-07")
        assert item is not None
        assert (item.statutory_days, item.licence, item.review_body) == (20, True, "石泉县人民政府")
        public = catalogue_repo.get(db, "08-01")
        assert public is not None and public.licence is False and public.statutory_days is None
    finally:
        db.close()
