"""Issue 12 step 6: switching the language in 设置 switches every visible string live, in the whole app: the
建议, 催付 and 客户 tabs, the customer card, the status line, 日清 and every tray entry, and back again."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QTabBar,
    QTextEdit,
    QWidget,
)

from desktop.app import Application
from desktop.core.orders import Order, OrderStatus
from desktop.paths import Paths
from desktop.ui.shell.settings_dialog import SettingsDialog
from desktop.ui.widgets.language import translated

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
# Han characters and Chinese punctuation (not the full-width ＋ of "＋ New", which the English keeps).
CJK = re.compile(r"[\u3400-\u9fff\u3001-\u3011\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f]")
PRODUCT_NAME = "快答 Kuaida"  # the window title, the same in both languages
BUYER = "小猪佩奇2019"
ORDER_ID = "3561234567890123456"
PRODUCT = "保温杯"
COPIED = f"订单号 {ORDER_ID}"  # what the agent copied: the message line shows it as it is


def _widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    where = f"{type(widget).__name__}({widget.objectName()})"
    if widget.toolTip():
        yield where + ".toolTip", widget.toolTip()
    if widget.isWindow() and widget.windowTitle():
        yield where + ".windowTitle", widget.windowTitle()
    if isinstance(widget, QLabel | QAbstractButton):
        yield where + ".text", widget.text()
    if isinstance(widget, QLineEdit | QTextEdit):
        yield where + ".placeholderText", widget.placeholderText()
    if isinstance(widget, QTextEdit):
        yield where + ".toPlainText", widget.toPlainText()
    if isinstance(widget, QGroupBox):
        yield where + ".title", widget.title()
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield f"{where}.tabText({index})", widget.tabText(index)
    if isinstance(widget, QListView) and widget.model() is not None:
        model = widget.model()
        for row in range(model.rowCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.index(row, 0).data(role)
                if isinstance(value, str):
                    yield f"{where}.row({row})", value
    menu = widget.menu() if isinstance(widget, QAbstractButton) and hasattr(widget, "menu") else None
    if isinstance(menu, QMenu):
        yield from _menu_texts(menu, where + ".menu")


def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    for action in menu.actions():
        if not action.isSeparator():
            yield where + ".action", action.text()
            if action.toolTip() != action.text().replace("&", ""):
                yield where + ".action.toolTip", action.toolTip()


def shown_texts(app: Application, dialog: QWidget) -> list[tuple[str, str]]:
    """Every text on screen (the window tab by tab, and the settings dialog), the tray menu's entries and tooltip."""
    texts: list[tuple[str, str]] = []
    tabs = app.window.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        for widget in QApplication.allWidgets():
            if widget.isVisible() and widget.window() in (app.window, dialog):
                texts.extend(_widget_texts(widget))
    texts.extend(_menu_texts(app.running.tray.menu, "tray"))
    texts.append(("tray.toolTip", app.running.tray.icon.toolTip()))
    return texts


def _data_removed(text: str) -> str:
    """Buyer data and the names of template variables are the shop's, not the interface's: they stay."""
    for data in (BUYER, PRODUCT, PRODUCT_NAME, COPIED):
        text = text.replace(data, "")
        for end in range(len(data) - 1, 0, -1):  # elided to the label's width (fonts differ per platform)
            text = text.replace(data[:end] + "…", "")
    return re.sub(r"\{[^{}]*\}", "", text)  # template variables ({店铺}) are typed in phrases as they are


def _seed(services: object) -> None:
    from desktop.store.orders import OrderRepository

    now = dt.datetime.now(SHANGHAI)
    placed = now - dt.timedelta(hours=1)
    order = Order(ORDER_ID, BUYER, OrderStatus.AWAITING_PAYMENT, placed, Decimal("59.00"), PRODUCT)
    OrderRepository(services.store.db, SHANGHAI).apply_import([order], now)  # type: ignore[attr-defined]


def test_every_visible_string_follows_a_language_switch_and_back(qtbot, kuaida_home: Path) -> None:
    app = Application(QApplication.instance(), Paths(kuaida_home).ensure())
    try:
        app.settings.set("shop_timezone", "Asia/Shanghai")
        with qtbot.waitSignal(app.first_paint.painted):
            app.show()
        qtbot.waitUntil(lambda: app.running.controller.library is not None)
        seeded: list[bool] = []
        app.running.runner.db(_seed, lambda _r: seeded.append(True))
        qtbot.waitUntil(lambda: seeded == [True])
        app.running.reminders.start()
        qtbot.waitUntil(lambda: app.running.reminders.reminders.model.rowCount() == 1)
        QGuiApplication.clipboard().setText(COPIED)
        qtbot.waitUntil(lambda: app.running.reminders.card.isVisible())
        app.running.reminders.show_customer(BUYER)
        qtbot.waitUntil(lambda: app.running.reminders.customers.details is not None)
        running = app.running
        reason = running.platform.hotkeys.unavailable_reason()  # offscreen: no global hotkeys, the dialog says why
        assert reason is not None
        dialog = SettingsDialog(app.settings, lambda: translated(reason), phrase_actions=running.phrase_files.actions,
                                hidden_phrases=list)
        qtbot.addWidget(dialog)
        dialog.show()
        language = dialog.editors["language"]
        assert isinstance(language, QComboBox)
        chinese = shown_texts(app, dialog)

        language.setCurrentIndex(language.findData("en"))  # as the agent does it, in 设置
        qtbot.waitUntil(lambda: app.running.tray.settings_action.text() == "Settings…")
        QApplication.processEvents()  # the other widgets' LanguageChange was posted at the same time
        left = [(where, text) for where, text in shown_texts(app, dialog) if CJK.search(_data_removed(text))]
        assert not left, left
        assert dialog.windowTitle() != "快答设置"

        language.setCurrentIndex(language.findData("zh_CN"))
        qtbot.waitUntil(lambda: app.running.tray.settings_action.text() == "设置…")
        QApplication.processEvents()
        assert shown_texts(app, dialog) == chinese
        dialog.close()
    finally:
        app.close()
        shiboken6.delete(app)
