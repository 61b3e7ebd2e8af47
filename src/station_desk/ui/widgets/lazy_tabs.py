"""Tabs whose pages are built the first time they are shown: a page opens with
only the tab in front made (each table and form made under the program's style
sheet costs its share of the first opening, issue 12: no stall over 100 ms)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


class LazyTabs(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._builders: dict[QWidget, Callable[[], QWidget]] = {}
        self._shown: dict[QWidget, Callable[[], None]] = {}
        self.currentChanged.connect(lambda index: self.ensure_built(self.widget(index)))

    def add_lazy(self, title: str, build: Callable[[], QWidget],
                 built: Callable[[], None] | None = None) -> QWidget:
        """A tab made by `build()` when first shown (then `built()`, e.g. its first
        read); returns the tab's holder (for setCurrentWidget and is_built)."""
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        self._builders[holder] = build
        if built is not None:
            self._shown[holder] = built
        # the first tab added becomes the current one: not "shown" yet (a town's sync
        # page hides it); the page says when the front tab is really shown
        was = self.blockSignals(True)
        self.addTab(holder, title)
        self.blockSignals(was)
        return holder

    def is_built(self, holder: QWidget) -> bool:
        return holder not in self._builders

    def ensure_built(self, holder: QWidget | None) -> None:
        build = self._builders.pop(holder, None) if holder is not None else None
        if build is None or holder is None:
            return
        layout = holder.layout()
        assert layout is not None
        layout.addWidget(build())
        then = self._shown.pop(holder, None)
        if then is not None:
            then()

    def show_tab(self, holder: QWidget) -> None:
        """Bring `holder`'s tab to the front (built now if it was not)."""
        self.setCurrentWidget(holder)
        self.ensure_built(holder)
