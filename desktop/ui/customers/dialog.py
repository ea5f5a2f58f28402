"""Editing one customer: star colour, tags (with the usual suggestions), note, and promises (承诺) with due times."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from desktop.core.customers import STAR_HEX, STAR_LABELS, TAG_SUGGESTIONS, Customer, Promise, StarColour, parse_tags
from desktop.core.orders import localize
from desktop.ui.widgets.language import label
from desktop.ui.widgets.qt_time import from_qdatetime, to_qdatetime

PromiseIdRole = Qt.ItemDataRole.UserRole + 1


@dataclass
class CustomerEdit:
    """What the dialog changed, applied in one DB job by the panel."""

    customer: Customer
    new_promises: list[tuple[str, dt.datetime | None]] = field(default_factory=list)
    done: dict[int, bool] = field(default_factory=dict)  # promise id → done now


class CustomerDialog(QDialog):
    def __init__(self, customer: Customer, promises: list[Promise], zone: dt.tzinfo, now: dt.datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customer = customer
        self.zone = zone
        self.setWindowTitle(self.tr("客户：%1").replace("%1", customer.nickname))

        self.star_group = QButtonGroup(self)
        stars = QHBoxLayout()
        none = QRadioButton(self.tr("不亮星"), self)
        self.star_group.addButton(none, 0)
        stars.addWidget(none)
        self._colours = list(StarColour)
        for number, colour in enumerate(self._colours, start=1):
            button = QRadioButton(label(STAR_LABELS[colour]), self)
            button.setStyleSheet(f"color: {STAR_HEX[colour]};")
            self.star_group.addButton(button, number)
            stars.addWidget(button)
        selected = self._colours.index(customer.star) + 1 if customer.star else 0
        self.star_group.button(selected).setChecked(True)

        self.tags_edit = QLineEdit("，".join(customer.tags), self)
        self.tags_edit.setPlaceholderText(self.tr("用逗号分隔"))
        suggestions = QHBoxLayout()
        for tag in TAG_SUGGESTIONS:
            tag_button = QPushButton(tag, self)
            tag_button.setFlat(True)
            tag_button.clicked.connect(lambda _checked=False, t=tag: self.add_tag(t))
            suggestions.addWidget(tag_button)
        suggestions.addStretch(1)
        self.note_edit = QPlainTextEdit(customer.note, self)
        self.note_edit.setMaximumHeight(80)

        self.promise_list = QListWidget(self)
        for promise in promises:
            self._add_promise_item(promise.text, promise.due, promise.id, promise.done)
        self.promise_text = QLineEdit(self)
        self.promise_text.setPlaceholderText(self.tr("例如：周五前发货、加送赠品"))
        self.promise_due_enabled = QCheckBox(self.tr("截止"), self)
        self.promise_due = QDateTimeEdit(self)
        self.promise_due.setCalendarPopup(True)
        self.promise_due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.promise_due.setDateTime(to_qdatetime((now.astimezone(zone) + dt.timedelta(days=1)).replace(tzinfo=None)))
        self.promise_add = QPushButton(self.tr("添加承诺"), self)
        self.promise_add.clicked.connect(self._on_promise_add_clicked)
        new_promise = QHBoxLayout()
        new_promise.addWidget(self.promise_text, 1)
        new_promise.addWidget(self.promise_due_enabled)
        new_promise.addWidget(self.promise_due)
        new_promise.addWidget(self.promise_add)
        self._new: list[tuple[str, dt.datetime | None]] = []

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("亮星"), stars)
        form.addRow(self.tr("标签"), self.tags_edit)
        form.addRow("", suggestions)
        form.addRow(self.tr("备注"), self.note_edit)
        form.addRow(self.tr("承诺"), self.promise_list)
        form.addRow("", new_promise)
        form.addRow(buttons)

    def add_tag(self, tag: str) -> None:
        tags = parse_tags(self.tags_edit.text())
        if tag not in tags:
            self.tags_edit.setText("，".join((*tags, tag)))

    def add_promise(self, text: str, due: dt.datetime | None) -> None:
        if text.strip():
            self._new.append((text.strip(), due))
            self._add_promise_item(text.strip(), due, None, False)

    def _on_promise_add_clicked(self) -> None:
        due = None
        if self.promise_due_enabled.isChecked():
            due = localize(from_qdatetime(self.promise_due.dateTime()), self.zone)
        self.add_promise(self.promise_text.text(), due)
        self.promise_text.clear()

    def _add_promise_item(self, text: str, due: dt.datetime | None, promise_id: int | None, done: bool) -> None:
        label = text if due is None else f"{text}（{due:%m-%d %H:%M}）"
        item = QListWidgetItem(label, self.promise_list)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
        item.setData(PromiseIdRole, promise_id)
        item.setData(PromiseIdRole + 1, done)

    def result_edit(self) -> CustomerEdit:
        chosen = self.star_group.checkedId()
        star = self._colours[chosen - 1] if chosen > 0 else None
        customer = replace(self.customer, star=star, tags=parse_tags(self.tags_edit.text()),
                           note=self.note_edit.toPlainText().strip())
        done: dict[int, bool] = {}
        for row in range(self.promise_list.count()):
            item = self.promise_list.item(row)
            promise_id, was_done = item.data(PromiseIdRole), item.data(PromiseIdRole + 1)
            is_done = item.checkState() == Qt.CheckState.Checked
            if promise_id is not None and is_done != was_done:
                done[promise_id] = is_done
        new = [(text, due) for (text, due), row in zip(self._new, self._new_rows(), strict=True)
               if self.promise_list.item(row).checkState() != Qt.CheckState.Checked]
        return CustomerEdit(customer, new, done)

    def _new_rows(self) -> range:
        return range(self.promise_list.count() - len(self._new), self.promise_list.count())
