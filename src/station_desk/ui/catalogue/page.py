"""服务事项: the county catalogue, searchable by Chinese or pinyin initials."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.catalogue import CatalogueItem
from ...domain.station import Role
from ...services.desk import Desk
from ..widgets import palette
from ..widgets.later import in_later_turn
from ..widgets.table_models import CatalogueModel
from ..widgets.text_size import follow_text_size
from .item_editor import ItemEditor


def item_html(item: CatalogueItem, office_hours: str, address: str) -> str:
    """The guide elements of one item, as the clerk reads them to the applicant."""
    status = item.status_label
    banner = ""
    if not item.verified:
        missing = "、".join(item.missing_elements())
        banner = (f"<p style='color:{palette.WARNING}'><b>" + escape(status) + "</b>："
                  + ("缺少 " + escape(missing) + "。" if missing else "")
                  + "本事项办事指南要素据公开办事指南整理，尚未经县级核实，"
                  "告知申请人前请与镇中心核对。</p>")
    materials = "".join(
        f"<li>{escape(m.name)}（原件 {m.originals} 份，复印件 {m.copies} 份）"
        f"{'：' + escape(m.note) if m.note else ''}</li>" for m in item.materials)
    rows = [
        ("事项类别", item.category), ("办件类型", item.case_type.value),
        ("承诺时限", "当场办结" if item.time_limit_days == 0
         else f"{item.time_limit_days} 个工作日（自受理次日起算）"),
        *((k, v) for k, v in item.legal_labels().items() if k != "承诺时限"),
        ("设定依据", item.legal_basis), ("实施部门", item.department),
        ("受理窗口", item.window), ("办理地点", address or "本站"),
        ("办理时间", office_hours), ("收费标准", item.fee),
        ("本人到场", "必须本人到场（不能全程代办）" if item.in_person else "可委托帮办代办"),
        ("办理结果", item.result),
        ("办理流程", " → ".join(item.procedure)),
    ]
    table = "".join(f"<tr><th align='left' width='90'>{escape(k)}</th>"
                    f"<td>{escape(v)}</td></tr>" for k, v in rows)
    refusals = "".join(f"<li>{escape(r)}</li>" for r in item.non_acceptance)
    return (f"<h3>{escape(item.name)}</h3>{banner}<table cellspacing='4'>{table}</table>"
            f"<p><b>申请材料</b></p><ol>{materials}</ol>"
            f"<p><b>不予受理情形</b></p><ul>{refusals}</ul>")


NAME = 2  # the column that stretches


class CataloguePage(QWidget):
    FILLED_AFTER_FIRST_PAINT = True  # the window fills it in the turn after its first paint

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("服务事项目录"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("输入事项名称或拼音首字母，如 ylbx（养老保险）"))
        self.search.setClearButtonEnabled(True)
        self.category = QComboBox()
        self.only_unverified = QComboBox()
        self.only_unverified.addItems([self.tr("全部"), self.tr("只看待核实")])
        self.edit_button = QPushButton(self.tr("编辑事项…"))
        self.edit_button.setToolTip(self.tr("只有站长可以修改事项目录"))
        bar.addWidget(self.search, 3)
        bar.addWidget(self.category, 1)
        bar.addWidget(self.only_unverified)
        bar.addWidget(self.edit_button)
        layout.addLayout(bar)
        self.count = QLabel()
        layout.addWidget(self.count)
        self.model = CatalogueModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        # columns measured once per filling (and after a zoom); sized to contents the
        # header re-read every cell at each layout: ~10,000 reads per opening
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        follow_text_size(self.table, self._measure_columns)
        # the item's guide below the list: made in the turn after the list is first
        # filled (a plain stand-in holds its place meanwhile, so the list does not jump)
        self._split = QSplitter(Qt.Orientation.Vertical)
        self._split.addWidget(self.table)
        self._split.addWidget(QWidget())
        self._split.setSizes([300, 260])
        layout.addWidget(self._split, 1)
        self._detail: QTextBrowser | None = None
        self._detail_html = ""
        self.search.textChanged.connect(self.refresh)
        self.category.currentIndexChanged.connect(self.refresh)
        self.only_unverified.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.edit_button.clicked.connect(self.edit_selected)

    def _make_detail(self) -> QTextBrowser:
        if self._detail is None:
            self._detail = QTextBrowser()
            self._detail.setHtml(self._detail_html)
            stand_in = self._split.replaceWidget(1, self._detail)
            if stand_in is not None:
                stand_in.deleteLater()
        return self._detail

    def detail_made(self) -> bool:
        return self._detail is not None

    @property
    def detail(self) -> QTextBrowser:
        """The chosen item's guide (made now if its turn has not come yet)."""
        return self._make_detail()

    def _set_detail(self, html: str) -> None:
        if html == self._detail_html and self._detail is not None:
            return  # opened again on the same item: laying out its guide again cost 20 ms
        self._detail_html = html
        if self._detail is not None:
            self._detail.setHtml(html)

    def refresh(self) -> None:
        if self._detail is None:
            in_later_turn(self, self._make_detail)  # after the filled list's paint
        query = self.search.text()
        # one read of the catalogue an opening (each is ~60 items decoded from JSON)
        items = self.desk.catalogue.find_items(query) if query else \
            self.desk.catalogue.items()
        if self.category.count() == 0:
            # filled once, quietly: each addItem would refresh the list again
            self.category.blockSignals(True)
            self.category.addItem(self.tr("全部类别"), "")
            every = items if not query else self.desk.catalogue.items()
            for name in dict.fromkeys(i.category for i in every):
                self.category.addItem(name, name)
            self.category.blockSignals(False)
        if self.category.currentData():
            items = [i for i in items if i.category == self.category.currentData()]
        if self.only_unverified.currentIndex() == 1:
            items = [i for i in items if not i.verified]
        # opened again with the same list: keep it (and the clerk's place in it);
        # measuring the columns of a new list is most of a filling's cost
        same = items == self.model.records()
        if not same:
            self.model.set_items(items)
            self._measure_columns()
        unverified = sum(1 for i in items if not i.verified)
        self.count.setText(self.tr("共 %1 项，其中 %2 项待核实")
                           .replace("%1", str(len(items))).replace("%2", str(unverified)))
        signed = self.desk.session.signed_in
        self.edit_button.setEnabled(signed is None or signed.role == Role.HEAD)
        if same and self.table.currentIndex().isValid():
            current = self.table.currentIndex()
            self._show_detail(current, current)  # the station's hours may have changed
        elif items:
            self.table.selectRow(0)
        else:
            self._set_detail(self.tr("<p>没有找到符合条件的事项。</p>"))

    def _measure_columns(self) -> None:
        """Every column as wide as its widest text (and its title) but 事项名称, which
        takes the room left. Measured from the texts the model holds: the view's own
        measuring asks every cell for ten roles through Python (~50 ms for 62 rows)."""
        self.table.ensurePolished()  # the style sheet's text size
        cells = self.table.fontMetrics()
        titles = self.table.horizontalHeader().fontMetrics()
        room = cells.horizontalAdvance("国")  # the cell's margins and the grid line
        texts = self.model.texts()
        for column in range(self.model.columnCount()):
            if column == NAME:
                continue
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            widest = max([titles.horizontalAdvance(title),
                          *(cells.horizontalAdvance(row[column]) for row in texts)])
            self.table.setColumnWidth(column, widest + room)

    def selected(self) -> CatalogueItem | None:
        return self.model.item_at(self.table.currentIndex().row())

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item_at(current.row())
        station = self.desk.station.current
        if item is not None and station is not None:
            self._set_detail(item_html(item, station.office_hours.text(), station.address))

    def edit_selected(self) -> None:
        item = self.selected()
        if item is None or not self.edit_button.isEnabled():
            return
        editor = ItemEditor(self.desk, item, self)
        if editor.exec():
            self.refresh()
