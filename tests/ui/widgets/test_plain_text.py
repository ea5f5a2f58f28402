"""Rich text from the share, files and buyers: every surface shows `<img src=…>` and `<b>` as the text they are."""

from __future__ import annotations

import ast
import datetime as dt
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.core.customers import Customer, CustomerMatch, Promise, StarColour
from desktop.core.engine import Suggestion
from desktop.core.orders import Order, OrderStatus
from desktop.core.phrases import Phrase
from desktop.core.reminders import Reminder, ReminderPolicy
from desktop.services.customers import CardData, CustomerDetails
from desktop.store.database import open_memory_store
from desktop.sync.inbox import propose
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.testing.services import services_over
from desktop.ui.customers.card import CustomerCard
from desktop.ui.customers.panel import CustomersPanel
from desktop.ui.reminders.model import ReminderListModel
from desktop.ui.shell.overlay_window import OverlayWindow
from desktop.ui.suggestions.reply_model import ReplyListModel
from desktop.ui.team.editor.window import LibraryEditor
from desktop.ui.widgets.plain_text import as_tooltip, message_box

UI = Path(__file__).resolve().parents[3] / "desktop" / "ui"
HOSTILE = '<img src="\\\\evil-host\\share\\x.png"><b>小猪佩奇</b>'
# Ways to put text on screen that guess rich text; plain_text.py is the one place allowed to use them.
GUESSING_CALLS = {"QLabel", "QMessageBox", "information", "question", "warning", "critical", "about"}


def shown(tooltip: str) -> str:
    """What a tooltip displays: Qt renders it as HTML when it looks like HTML."""
    document = QTextDocument()
    if QtGuiNamespace.mightBeRichText(tooltip):
        document.setHtml(tooltip)
    else:
        document.setPlainText(tooltip)
    return document.toPlainText()


def test_nothing_in_the_ui_builds_a_label_or_message_box_that_guesses_rich_text():
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "plain_text.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
            if name == "QLabel" or name == "QMessageBox" or (owner == "QMessageBox" and name in GUESSING_CALLS):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == [], "use desktop.ui.widgets.plain_text (plain_label, message_box, ask_yes_no, inform)"


def test_a_tooltip_shows_hostile_text_literally(qapp):
    assert shown(as_tooltip(HOSTILE)) == HOSTILE
    assert shown(as_tooltip("第一行\n第二行")) == "第一行\n第二行"
    assert as_tooltip("") == ""


def assert_labels_plain(widget) -> None:
    """Every label inside `widget` now holding a tag (the hostile input fed in) shows it as text."""
    tagged = [label for label in widget.findChildren(QLabel) if "<" in label.text()]
    assert tagged
    assert [label.text() for label in tagged if label.textFormat() is not Qt.TextFormat.PlainText] == []


class FakeSettings:
    def get(self, key: str) -> object:
        return {"agent_name": "王主管"}[key]


def test_the_editor_shows_a_hostile_proposal_as_text_in_list_preview_and_tooltip(qtbot, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    store = open_memory_store()
    try:
        editor = LibraryEditor(ImmediateTaskRunner(services_over(store, tmp_path)), FakeSettings(), lambda: share)
        qtbot.addWidget(editor)
        propose(share, Phrase(id="", text=HOSTILE, group="<b>组</b>", code="<i>c</i>"), "aaaaaaaaaaaaaaaa",
                "<b>小美</b>", "<img src=x>")
        editor.load()
        assert HOSTILE in editor.proposals.proposal_list.item(0).text()
        assert editor.proposals.accept(0) is not None
        phrase = editor.draft.phrases[-1]
        assert HOSTILE in editor.phrases.form.preview_label.text()
        row = editor.draft.index_of(phrase.id)
        for column, expected in ((0, "<i>c</i>"), (1, HOSTILE), (2, "<b>组</b>")):
            assert shown(editor.model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)) == expected
        assert_labels_plain(editor)
    finally:
        store.close()


def test_the_customer_card_and_details_show_a_hostile_nickname_as_text(qtbot, services, settings):
    card = CustomerCard(ImmediateTaskRunner(services), settings)
    qtbot.addWidget(card)
    buyer = Customer(HOSTILE, StarColour.RED, ("<b>VIP</b>",), "<img src=y>备注")
    card.set_data(CardData(match=CustomerMatch(HOSTILE, "nickname"), customer=buyer, open_promises=[
        Promise(1, HOSTILE, "<b>周五前发货</b>")]))
    assert card.name_label.text() == HOSTILE
    assert_labels_plain(card)

    panel = CustomersPanel(ImmediateTaskRunner(services), settings)
    qtbot.addWidget(panel)
    order = Order("<b>3561234567890123456</b>", HOSTILE, OrderStatus.AWAITING_PAYMENT,
                  dt.datetime(2024, 11, 23, 8, 0, tzinfo=dt.UTC), Decimal("59.00"), "<img src=z>")
    panel.set_details(CustomerDetails(buyer, [], [order], [], [("<img src=w>", "reminded", order.created_at)]))
    text = panel.details_view.toPlainText()
    assert HOSTILE in text and "<b>VIP</b>" in text and "<img src=y>备注" in text and "<img src=w>" in text
    assert "<b>3561234567890123456</b>" in text


def test_suggestions_and_reminders_show_hostile_text_as_text(qapp):
    replies = ReplyListModel()
    replies.set_suggestions([Suggestion(Phrase("t-1", HOSTILE, "<b>组</b>", "<img src=x>", source="team"), 1.0)])
    assert shown(replies.index(0).data(Qt.ItemDataRole.ToolTipRole)) == "<img src=x>"
    assert replies.index(0).data(Qt.ItemDataRole.DisplayRole) == HOSTILE  # painted with drawText: plain

    reminders = ReminderListModel(ReminderPolicy())
    created = dt.datetime(2024, 11, 23, 8, 0, tzinfo=dt.UTC)
    reminders.set_reminders([Reminder("<img src=x>3561234567890123456", HOSTILE, created)], created)
    assert "<img src=x>3561234567890123456" in shown(reminders.index(0).data(Qt.ItemDataRole.ToolTipRole))


def test_status_lines_and_message_boxes_are_plain(qtbot, services, settings):
    window = OverlayWindow()
    qtbot.addWidget(window)
    window.set_status("<b>离线</b>", "<img src=x>")
    assert window.status_label.text() == "<b>离线</b>" and shown(window.status_label.toolTip()) == "<img src=x>"
    assert_labels_plain(window)
    box = message_box(QMessageBox.Icon.Information, "标题", HOSTILE, None, "<b>说明</b>")
    qtbot.addWidget(box)
    assert_labels_plain(box)
