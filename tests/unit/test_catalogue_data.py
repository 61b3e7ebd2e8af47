"""The shipped county catalogue (resources/catalogue/catalogue.json).

Checks the data file against the county manual §二.1 服务事项: 8 categories and
62 items in the manual's order, OCR slips fixed, and every guide element filled
in (but nothing marked verified, since no item is confirmed against the county's
own 办事指南 yet).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, cast

import pytest

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "catalogue" / "catalogue.json"

CATEGORIES = [
    "生育健康", "农业林业", "营商管理和服务", "医疗保障",
    "创业就业", "退役军人优待", "兜底保障", "养老保障",
]

# The manual's list, in order, per category.
EXPECTED: dict[str, list[str]] = {
    "生育健康": [
        "生育证明登记",
        "计生户政策咨询",
        "独生子女光荣证新办",
        "为严重精神障碍患者免费提供基本公共卫生服务",
        "计生家庭贫困女大学生教育资助",
        "流动人口婚育证明",
        "农村部分计划生育家庭奖励扶助金核发",
        "高龄老人生活保健补贴给付",
        "其他生育健康服务",
    ],
    "农业林业": [
        "农村土地承包经营权流转（变更）登记",
        "动物疫病检测、诊断",
        "农业咨询服务",
        "退耕还林补助申报",
        "公益林补助申报",
        "退耕还林、公益林查询",
        "技术服务",
    ],
    "营商管理和服务": [
        "个体工商户首次设立",
        "小餐饮经营许可",
        "食品小作坊生产许可",
        "食品（含保健食品）经营许可新办",
        "林木采伐许可证核发",
        "动物防疫条件合格证核发",
        "公共场所卫生许可",
        "食品摊贩登记备案",
        "营商环境咨询",
    ],
    "医疗保障": [
        "基本医疗保险参保人员享受门诊慢特病病种待遇认定",
        "参保人员参保信息查询（医疗保险）",
        "医疗救助对象手工（零星）报销",
        "城乡居民基本医保意外伤害报销调查审批",
        "特困人口住院报销",
        "出具参保凭证（医疗保险）",
    ],
    "创业就业": [
        "就业创业证申领",
        "个人创业担保贷款申请",
        "创业补贴申领",
        "就业困难人员认定",
        "灵活就业登记",
        "失业登记",
    ],
    "退役军人优待": [
        "现役军人家属信息采集",
        "退役军人信息登记",
        "退役军人光荣牌悬挂登记",
        "部分农村籍退役士兵老年生活补助的发放",
        "退役军人优待证办理",
        "退役军人生存认证",
        "优抚政策咨询",
    ],
    "兜底保障": [
        "残疾人证换领",
        "残疾人证注销办理",
        "残疾人生存认证",
        "残疾人证新办理",
        "事实无人抚养儿童生活费给付",
        "最低生活保障政策咨询",
        "特困人员认定、救助供养金给付",
        "最低生活保障对象认定、保障金给付",
        "临时救助对象认定、救助金给付（县级）",
        "临时救助对象认定、救助金给付（镇级）",
        "严重精神障碍患者“以奖代补”监护费",
    ],
    "养老保障": [
        "城乡居民养老保险参保登记",
        "城乡居民养老保险待遇申领",
        "城乡居民养老保险待遇发放账户维护申请",
        "多重养老保险关系个人账户退费（城乡居民基本养老保险）",
        "城乡居民基本养老保险关系转移接续申请",
        "城乡居民基本养老保险参保缴费证明查询打印（个人）",
        "城乡居民个人账户一次性待遇申领",
    ],
}
EXPECTED_NAMES = [name for names in EXPECTED.values() for name in names]

CASE_TYPES = {"即办件", "承诺件", "联办件"}
WINDOWS = {"综合窗口", "帮办代办窗口"}
CODE_RE = re.compile(r"^(0[1-8])-(\d{2})$")


@pytest.fixture(scope="module")
def raw() -> str:
    return CATALOGUE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def data(raw: str) -> dict[str, Any]:
    return cast(dict[str, Any], json.loads(raw))


@pytest.fixture(scope="module")
def items(data: dict[str, Any]) -> list[dict[str, Any]]:
    return cast(list[dict[str, Any]], data["items"])


def test_expected_list_itself_has_62_distinct_names() -> None:
    assert len(EXPECTED_NAMES) == 62
    assert len(set(EXPECTED_NAMES)) == 62
    assert list(EXPECTED) == CATEGORIES


def test_header(data: dict[str, Any]) -> None:
    assert data["format"] == 1
    assert isinstance(data["version"], str) and data["version"].strip()
    assert isinstance(data["source"], str) and "二.1" in data["source"]


def test_chinese_written_as_is(raw: str) -> None:
    assert "\\u" not in raw
    assert "生育健康" in raw


def test_categories_in_manual_order(data: dict[str, Any]) -> None:
    cats = data["categories"]
    assert len(cats) == 8
    assert [c["name"] for c in cats] == CATEGORIES
    assert [c["code"] for c in cats] == [f"{i:02d}" for i in range(1, 9)]


def test_62_items_in_manual_order(items: list[dict[str, Any]]) -> None:
    assert len(items) == 62
    assert [i["name"] for i in items] == EXPECTED_NAMES


def test_every_manual_name_present(items: list[dict[str, Any]]) -> None:
    names = {i["name"] for i in items}
    missing = [n for n in EXPECTED_NAMES if n not in names]
    assert not missing


def test_items_grouped_under_their_category(items: list[dict[str, Any]]) -> None:
    for cat, names in EXPECTED.items():
        assert [i["name"] for i in items if i["category"] == cat] == names


def test_codes_unique_and_match_category(items: list[dict[str, Any]]) -> None:
    codes = [i["code"] for i in items]
    assert len(set(codes)) == len(codes)
    cat_code = {name: f"{n:02d}" for n, name in enumerate(CATEGORIES, 1)}
    position: dict[str, int] = {}
    for item in items:
        m = CODE_RE.match(item["code"])
        assert m, item["code"]
        assert item["category"] in cat_code, item["category"]
        assert m.group(1) == cat_code[item["category"]], item["code"]
        position[item["category"]] = position.get(item["category"], 0) + 1
        assert int(m.group(2)) == position[item["category"]], item["code"]


def test_ocr_slips_fixed(raw: str, items: list[dict[str, Any]]) -> None:
    names = [i["name"] for i in items]
    assert "新力" not in raw
    assert "食品（含保健食品）经营许可新办" in names
    assert "就业创业证申领个人创业担保贷款申请" not in names
    assert "就业创业证申领" in names
    assert "个人创业担保贷款申请" in names
    for name in names:
        assert not name.endswith("等"), name
        assert not name.endswith("、"), name
        assert "(" not in name and ")" not in name, name
        assert name == name.strip(), name


def test_case_type_and_time_limit(items: list[dict[str, Any]]) -> None:
    for item in items:
        ct, days = item["case_type"], item["time_limit_days"]
        assert ct in CASE_TYPES, item["code"]
        assert isinstance(days, int) and not isinstance(days, bool), item["code"]
        if ct == "即办件":
            assert days == 0, item["code"]
        else:
            assert days > 0, item["code"]


def test_materials(items: list[dict[str, Any]]) -> None:
    for item in items:
        materials = item["materials"]
        assert isinstance(materials, list) and materials, item["code"]
        for m in materials:
            assert isinstance(m["name"], str) and m["name"].strip(), item["code"]
            for key in ("originals", "copies"):
                value = m[key]
                assert isinstance(value, int) and not isinstance(value, bool), item["code"]
                assert value >= 0, item["code"]
            assert isinstance(m["note"], str), item["code"]


@pytest.mark.parametrize("key", ["legal_basis", "department", "window", "fee", "result"])
def test_text_elements_filled(items: list[dict[str, Any]], key: str) -> None:
    for item in items:
        assert isinstance(item[key], str) and item[key].strip(), (item["code"], key)


def test_list_elements_filled(items: list[dict[str, Any]]) -> None:
    for item in items:
        proc = item["procedure"]
        assert isinstance(proc, list) and 2 <= len(proc) <= 7, item["code"]
        assert all(isinstance(s, str) and s.strip() for s in proc), item["code"]
        na = item["non_acceptance"]
        assert isinstance(na, list) and 1 <= len(na) <= 4, item["code"]
        assert all(isinstance(s, str) and s.strip() for s in na), item["code"]


def test_window_and_flags(items: list[dict[str, Any]]) -> None:
    for item in items:
        assert item["window"] in WINDOWS, item["code"]
        assert isinstance(item["in_person"], bool), item["code"]


def test_nothing_verified_yet(items: list[dict[str, Any]]) -> None:
    assert all(item["verified"] is False for item in items)
