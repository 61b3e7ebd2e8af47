"""Field errors on a form: each field has its message underneath and is outlined
red while at fault; messages for no field on the form go to one general label
at the top. The dialog applies `INVALID_STYLE` and places `general`."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from . import palette

INVALID_STYLE = f"""
*[invalid="true"] {{ border: 2px solid {palette.DANGER}; border-radius: 3px; }}
QLabel#itemInfo {{ padding: 4px; }}
"""


def error_label() -> QLabel:
    """A hidden, wrapping label in the danger colour."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setStyleSheet(f"color: {palette.DANGER};")
    label.setWordWrap(True)
    label.hide()
    return label


class FieldMarks:
    def __init__(self) -> None:
        self.general = error_label()
        self.labels: dict[str, QLabel] = {}
        # the widgets outlined for a key (a field may name other widgets than it holds)
        self.widgets: dict[str, list[QWidget]] = {}

    def field(self, key: str, *widgets: QWidget, grow: bool = False) -> QWidget:
        """The widgets of one field with their (hidden) error message underneath."""
        box = QWidget()
        if not grow:
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for w in widgets:
            layout.addWidget(w)
        error = error_label()
        layout.addWidget(error)
        self.labels[key] = error
        self.widgets[key] = list(widgets)
        return box

    @staticmethod
    def _mark(widgets: list[QWidget], invalid: bool) -> None:
        for w in widgets:
            w.setProperty("invalid", invalid)
            w.style().unpolish(w)  # a dynamic property needs a re-polish to restyle
            w.style().polish(w)
            w.update()

    def clear_when_edited(self, **edits: QLineEdit | QPlainTextEdit) -> None:
        """A field's mark goes as soon as the clerk edits it (keyword: the field's key)."""
        for key, edit in edits.items():
            edit.textChanged.connect(lambda *_a, key=key: self.clear(key))

    def clear(self, key: str) -> None:
        label = self.labels.get(key)
        if label is not None and label.text():
            label.clear()
            label.hide()
            self._mark(self.widgets.get(key, []), False)

    def clear_all(self) -> None:
        for key in self.labels:
            self.clear(key)
        self.general.clear()
        self.general.hide()

    def show(self, errors: dict[str, str]) -> None:
        """Each message under its field (the first such field gets the focus)."""
        self.clear_all()
        general = []
        for key, message in errors.items():
            label = self.labels.get(key)
            if label is None:
                general.append(message)
                continue
            label.setText(message)
            label.show()
            self._mark(self.widgets.get(key, []), True)
        if general:
            self.general.setText("\n".join(general))
            self.general.show()
        first = next((w for k in errors for w in self.widgets.get(k, [])), None)
        if first is not None:
            first.setFocus()

    def is_marked(self, key: str) -> bool:
        """True when the field is shown as wrong (for tests and screen checks)."""
        widgets = self.widgets.get(key, [])
        return bool(widgets) and all(w.property("invalid") is True for w in widgets)

    def text(self, key: str) -> str:
        label = self.labels.get(key)
        return label.text() if label is not None else ""
