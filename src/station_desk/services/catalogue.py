"""`desk.catalogue`: the county's service catalogue (事项目录) as this station keeps it."""

from __future__ import annotations

import json

from ..db import catalogue_repo
from ..db.errors import storage_errors
from ..domain import pinyin
from ..domain.catalogue import CaseType, CatalogueItem, check_legal_elements, item_from_dict
from ..domain.errors import UserError
from ..domain.station import check_name
from ..paths import resource
from .session import Session
from .store import Store


def load_shipped_catalogue() -> list[CatalogueItem]:
    path = resource("catalogue", "catalogue.json")
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"程序文件不完整：事项目录 {path} 缺失或已损坏，请重新安装程序") from exc
    return [item_from_dict(i) for i in data["items"]]


class CatalogueDesk:
    def __init__(self, store: Store, session: Session) -> None:
        self._store = store
        self._session = session

    def items(self) -> list[CatalogueItem]:
        return catalogue_repo.list_items(self._store.db)

    def find_items(self, query: str) -> list[CatalogueItem]:
        """By Chinese text, code, or pinyin (initials or full)."""
        return [i for i in self.items()
                if pinyin.matches(query, i.name + i.category + i.code,
                                  i.pinyin_initials, i.pinyin_full)]

    def item(self, code_or_name: str) -> CatalogueItem:
        found = catalogue_repo.get(self._store.db, code_or_name.strip())
        if found is None:
            raise UserError(f"事项目录里没有“{code_or_name}”", field="item")
        return found

    def save_item(self, item: CatalogueItem) -> CatalogueItem:
        self._session.require_head("修改事项目录")
        check_name(item.name, "事项名称", "name")
        if item.case_type == CaseType.IMMEDIATE and item.time_limit_days != 0:
            raise UserError("即办件当场办结，承诺时限应为 0", field="time_limit_days")
        if item.case_type != CaseType.IMMEDIATE and item.time_limit_days <= 0:
            raise UserError(f"{item.case_type.value}须填写承诺时限（工作日）",
                            field="time_limit_days")
        check_legal_elements(item)
        if item.verified and item.missing_elements():
            raise UserError("要素不全，不能标记为“已核实”：缺少"
                            + "、".join(item.missing_elements()), field="verified")
        with storage_errors():
            return catalogue_repo.save(self._store.db, item, self._session.actor)

    def load(self, items: list[CatalogueItem]) -> None:
        """The shipped catalogue into a new archive (inside the setup transaction)."""
        catalogue_repo.load(self._store.db, items, self._session.actor)
