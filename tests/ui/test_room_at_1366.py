"""Room at 1366×768 (issue 13 item 3): every screen rendered offscreen on a 1366×768 screen, at 100 % and at
125 % scaling (the same screen then offers 1093×614 logical pixels), at the default and the largest font
size, and checked for clipping: each top-level fits the screen, every visible label and button gets its
minimum size and its text fits by QFontMetrics, lists show enough rows, more suggestions fit.

`KUAIDA_SCREENSHOTS=DIR` also saves each rendered screen as a PNG there (for looking at; never in git).
"""

from __future__ import annotations

import datetime as dt
import os
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QSizePolicy,
    QTabWidget,
    QWidget,
)

from desktop.core.customers import Customer, Promise
from desktop.core.orders import Order, OrderStatus
from desktop.core.phrases import Phrase
from desktop.core.sync.keys import SigningKey
from desktop.core.sync.pack import TeamLibrary
from desktop.services.context import Services
from desktop.store.customers import CustomerRepository
from desktop.store.database import open_memory_store
from desktop.store.orders import OrderRepository
from desktop.store.team import TeamRepository
from desktop.sync.publish import publish
from desktop.sync.pull import sync_once
from desktop.testing.fakes import FakeClipboardWatcher, FakeNotifier, FakePaster
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.testing.services import services_over
from desktop.ui.customers.dialog import CustomerDialog
from desktop.ui.reminders.end_of_shift import EndOfShiftDialog
from desktop.ui.reminders.feature import RemindersFeature
from desktop.ui.reminders.order_dialog import OrderDialog
from desktop.ui.reminders.settings_dialog import ReminderSettingsDialog
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.shell import theme
from desktop.ui.shell.overlay_window import OverlayWindow, default_size
from desktop.ui.shell.settings_dialog import SettingsDialog
from desktop.ui.suggestions.hidden_phrases import HiddenPhrasesDialog
from desktop.ui.suggestions.phrase_dialog import PhraseDialog
from desktop.ui.suggestions.phrase_files import PhraseFiles
from desktop.ui.team.editor.window import LibraryEditor
from desktop.ui.team.sync_controller import SyncController
from desktop.ui.team.team_page import TeamPage

from .conftest import Overlay, RecordingFocus

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
TASKBAR = 40  # Windows' taskbar at 100 %; the available height is the screen's minus this


@dataclass(frozen=True)
class Screen:
    name: str
    scale: float

    @property
    def available(self) -> QRect:
        """The work area in logical pixels, as Qt reports it on a 1366×768 screen at this scaling."""
        return QRect(0, 0, int(1366 / self.scale), int((768 - TASKBAR) / self.scale))


SCREENS = [Screen("100", 1.0), Screen("125", 1.25)]
FONTS = [13, 24]  # the default 字号 and the largest the settings offer
# Replies (two lines of text each at 13 px) that must be in view. Before (a 360×560 window, looser cards, the
# card's details squeezed beside its buttons): 5.1 at 13 px (3.6 with the customer card), 1.75 at 24 px, and
# at 125 % the window reached below the work area. Now 7.0 (5.75), 2.9 (2.0); at 125 % 5.0 (3.8), 1.65 (0.9).
SUGGESTIONS = {("100", 13): 6.5, ("125", 13): 4.75, ("100", 24): 2.75, ("125", 24): 1.5}
WITH_CARD = {("100", 13): 5.5, ("125", 13): 3.5, ("100", 24): 1.9, ("125", 24): 0.85}
# Three lines each. At 125 % and 24 px the 催付 rows wrap (the ladder's step, 第1步 问顾虑, joined the second
# line) and the actions take two rows, so three quarters of an order shows beside the card; the list scrolls.
ORDERS_WITH_CARD = {("100", 13): 3, ("125", 13): 2, ("100", 24): 1.9, ("125", 24): 0.75}


@pytest.fixture(params=[(s, f) for s in SCREENS for f in FONTS], ids=lambda p: f"{p[0].name}pct-{p[1]}px")
def look(request: pytest.FixtureRequest) -> Iterator[tuple[Screen, int]]:
    """The whole application's font and style sheet as 设置 → 字号 sets them; put back afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font, sheet, palette = app.font(), app.styleSheet(), app.palette()
    screen, size = request.param
    theme.apply(app, "light", size)
    yield screen, size
    app.setStyleSheet(sheet)
    app.setFont(font)
    app.setPalette(palette)


def show_at(widget: QWidget, qtbot, screen: Screen, size: QSize | None = None) -> None:
    """Show `widget` as it opens on `screen`: its own size, or `size`, never beyond the work area."""
    widget.show()
    qtbot.waitExposed(widget)
    wanted = size or widget.sizeHint().expandedTo(widget.minimumSizeHint())
    area = screen.available
    widget.resize(min(max(wanted.width(), widget.minimumWidth()), area.width()),
                  min(max(wanted.height(), widget.minimumHeight()), area.height()))
    QApplication.processEvents()


def dump(widget: QWidget, name: str) -> None:
    folder = os.environ.get("KUAIDA_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def clipped(root: QWidget, screen: Screen) -> list[str]:
    """What does not get its room: the window beyond the work area, a label or button below its minimum size
    or too narrow for its text, anything squeezed to nothing."""
    problems = []
    if root.width() > screen.available.width() or root.height() > screen.available.height():
        problems.append(f"{type(root).__name__} is {root.width()}×{root.height()}, the screen offers "
                        f"{screen.available.width()}×{screen.available.height()}")
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not _on_current_page(widget, root):
            continue
        name = f"{type(widget).__name__} {widget.objectName() or _text(widget)[:20]!r}"
        if isinstance(widget, QLabel | QAbstractButton) and _text(widget):
            hint = widget.minimumSizeHint()
            ignored = widget.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored
            if not ignored and hint.isValid() and (widget.width() < hint.width() or widget.height() < hint.height()):
                problems.append(f"{name}: {widget.width()}×{widget.height()} < minimum {hint.width()}×{hint.height()}")
            metrics = widget.fontMetrics()
            if isinstance(widget, QLabel) and widget.wordWrap():
                if widget.height() < widget.heightForWidth(widget.width()):
                    problems.append(f"{name}: {widget.height()} px high, its wrapped text needs "
                                    f"{widget.heightForWidth(widget.width())}")
            elif not ignored:
                needed = max(metrics.horizontalAdvance(line) for line in _text(widget).splitlines())
                if widget.contentsRect().width() < needed:  # heights: the minimum size hint above
                    problems.append(f"{name}: {widget.contentsRect().width()} px wide for text of {needed}")
    return problems


def _text(widget: QWidget) -> str:
    return widget.text().replace("&", "") if isinstance(widget, QLabel | QAbstractButton) else ""


def _on_current_page(widget: QWidget, root: QWidget) -> bool:
    """Widgets on a tab not shown are not on screen (isVisibleTo says yes for them)."""
    child: QWidget | None = widget
    while child is not None and child is not root:
        parent = child.parentWidget()
        tabs = parent.parentWidget() if parent is not None else None  # a page's parent is the tabs' stack
        if isinstance(tabs, QTabWidget) and tabs.indexOf(child) >= 0 and child is not tabs.currentWidget():
            return False
        child = parent
    return True


def visible_rows(view: QAbstractItemView) -> float:
    """How many rows of `view` its viewport shows (by the first row's height)."""
    model = view.model()
    if model is None or model.rowCount() == 0:
        return 0.0
    row = view.visualRect(model.index(0, 0)).height() or view.sizeHintForRow(0)
    return view.viewport().height() / max(row, 1)


# the screens --------------------------------------------------------------------------------------

# Replies of a typical length: two lines in the window at the default font.
NINE = [Phrase(f"t-{n}", f"亲，第 {n} 条回复：付款后48小时内发货，{n} 天无理由退换，有问题随时联系在线客服哦～",
               "发货物流", f"c{n}", ("ship_time",), source="team") for n in range(1, 10)]


def test_the_overlay_shows_more_suggestions(qtbot, look: tuple[Screen, int], overlay: Overlay) -> None:
    screen, font = look
    overlay.engine.phrases = [*overlay.engine.phrases, *NINE]
    overlay.engine.answers["哪天发货"] = [p.id for p in NINE]
    show_at(overlay.window, qtbot, screen, default_size(screen.available))
    overlay.copy("哪天发货")
    view = overlay.window.suggestions.list_view
    qtbot.waitUntil(lambda: view.model().rowCount() > 0)
    QApplication.processEvents()
    dump(overlay.window, f"overlay-{screen.name}-{font}")
    assert clipped(overlay.window, screen) == []
    rows = visible_rows(view)
    assert rows >= SUGGESTIONS[screen.name, font], f"{rows:.1f} suggestions fit"


@pytest.fixture
def shop(services: Services, settings: SettingsBridge) -> Services:
    """Pending orders, a known buyer with promises: the 催付 tab, the card and 日清 have something to show."""
    settings.set("shop_timezone", "Asia/Shanghai")
    services.phrases.save_all([Phrase("t-chase", "亲，{买家}，{商品}还没付款哦～", "催付", source="team")])
    now = dt.datetime.now(SHANGHAI)
    orders = [Order(f"35612345678901234{n:02d}", f"小猪佩奇{n}号", OrderStatus.AWAITING_PAYMENT,
                    now - dt.timedelta(hours=n), Decimal("59.00") + n, "保温杯 大容量 316 不锈钢") for n in range(12)]
    OrderRepository(services.store.db, SHANGHAI).apply_import(orders, now)
    people = CustomerRepository(services.store.db, SHANGHAI)
    for n in range(8):
        people.add_promise(f"小猪佩奇{n}号", "周五前发货，顺丰包邮，缺货就先发一半", now + dt.timedelta(days=1), now)
    return services


def make_feature(qtbot, shop: Services, settings: SettingsBridge, window: OverlayWindow) -> RemindersFeature:
    feature = RemindersFeature(window, ImmediateTaskRunner(shop), settings, FakeClipboardWatcher(), FakePaster(),
                               FakeNotifier(), focus=RecordingFocus())
    feature.handover.show_note = lambda _text, _at: None
    feature.start()
    return feature


def test_the_overlay_with_the_customer_card_and_the_reminders_tab(
        qtbot, look: tuple[Screen, int], overlay: Overlay, shop: Services) -> None:
    screen, font = look
    overlay.engine.phrases = [*overlay.engine.phrases, *NINE]
    overlay.engine.answers["小猪佩奇1号 哪天发货"] = [p.id for p in NINE]
    feature = make_feature(qtbot, shop, overlay.settings, overlay.window)
    show_at(overlay.window, qtbot, screen, default_size(screen.available))
    overlay.copy("小猪佩奇1号 哪天发货")
    feature.card.show_for_text("小猪佩奇1号 哪天发货")
    view = overlay.window.suggestions.list_view
    qtbot.waitUntil(lambda: view.model().rowCount() > 0 and feature.card.isVisible())
    QApplication.processEvents()
    dump(overlay.window, f"card-{screen.name}-{font}")
    assert clipped(overlay.window, screen) == []
    rows = visible_rows(view)
    assert rows >= WITH_CARD[screen.name, font], f"{rows:.1f} suggestions fit with the card"

    overlay.window.tabs.setCurrentIndex(feature.reminders_tab)
    view = feature.reminders_view.list_view
    view.setCurrentIndex(view.model().index(0, 0))
    QApplication.processEvents()
    dump(overlay.window, f"reminders-{screen.name}-{font}")
    assert clipped(overlay.window, screen) == []
    rows = visible_rows(view)
    assert rows >= ORDERS_WITH_CARD[screen.name, font], f"{rows:.1f} orders fit with the card"

    overlay.window.tabs.setCurrentIndex(feature.customers_tab)
    feature.customers.show_customer("小猪佩奇1号")
    QApplication.processEvents()
    dump(overlay.window, f"customers-{screen.name}-{font}")
    assert clipped(overlay.window, screen) == []


def test_the_end_of_shift_dialog(qtbot, look: tuple[Screen, int], shop: Services, settings: SettingsBridge) -> None:
    screen, font = look
    dialog = EndOfShiftDialog(ImmediateTaskRunner(shop), settings)
    qtbot.addWidget(dialog)
    dialog.load()
    show_at(dialog, qtbot, screen, dialog.preferred_size())  # bounded here by the 1366×768 screen, not offscreen's
    dump(dialog, f"end-of-shift-{screen.name}-{font}")
    assert clipped(dialog, screen) == []
    assert dialog.width() >= 440
    wanted = 3.5 if (screen.name, font) == ("125", 24) else 4  # before: 2.5 rows at 13 px
    assert visible_rows(dialog.promise_list) >= wanted and visible_rows(dialog.reminder_list) >= wanted


def test_the_settings_dialog_every_page(qtbot, look: tuple[Screen, int], settings: SettingsBridge,
                                        tmp_path: Path) -> None:
    screen, font = look
    store = open_memory_store()
    runner = ImmediateTaskRunner(services_over(store, tmp_path))
    sync = SyncController(runner, settings, lambda: tmp_path)
    team = TeamPage(sync, runner, settings, current_folder=lambda: r"\\server\kefu\团队短语")
    files = PhraseFiles(runner)
    dialog = SettingsDialog(settings, lambda: "Alt+S 已被其他程序占用", phrase_actions=files.actions,
                            hidden_phrases=lambda: [], team_page=team)
    qtbot.addWidget(dialog)
    show_at(dialog, qtbot, screen)
    for page in range(dialog.pages.count()):
        dialog.pages.setCurrentIndex(page)
        QApplication.processEvents()
        dump(dialog, f"settings-{page}-{screen.name}-{font}")
        assert clipped(dialog, screen) == []
    sync.stop()
    store.close()


class LeadSettings:
    def get(self, key: str) -> object:
        return {"agent_name": "王主管"}[key]


def test_the_leads_editor(qtbot, look: tuple[Screen, int], tmp_path: Path) -> None:
    screen, font = look
    share = tmp_path / "share"
    key = SigningKey.generate()
    phrases = tuple(Phrase(f"t-{n}", f"亲，第 {n} 条：付款后48小时内发货，偏远地区3-5天送达，如需加急请联系在线客服，"
                                     f"我们会优先为您安排顺丰{n}号～", "发货物流", f"c{n}", ("ship_time",),
                           source="team") for n in range(30))
    publish(share, TeamLibrary(phrases), key, "王主管")
    store = open_memory_store()
    sync_once(share, TeamRepository(store.db), trust=key.public.fingerprint)
    editor = LibraryEditor(ImmediateTaskRunner(services_over(store, tmp_path)), LeadSettings(), lambda: share)
    qtbot.addWidget(editor)
    editor.load()
    show_at(editor, qtbot, screen, QSize(1366, 768))
    editor.phrases.table.selectRow(0)
    QApplication.processEvents()
    dump(editor, f"editor-{screen.name}-{font}")
    assert clipped(editor, screen) == []
    # A phrase of a typical length (two lines' worth at 13 px) is read whole in the list, wrapped, not cut off
    # after half a line; the rest of a longer one is in its tooltip and the form beside it.
    table, metrics = editor.phrases.table, editor.phrases.table.fontMetrics()
    lines = table.rowHeight(0) // metrics.lineSpacing()
    assert lines >= 2 and table.wordWrap()
    assert "发货" in str(table.model().index(0, 1).data(Qt.ItemDataRole.ToolTipRole))
    assert visible_rows(table) >= (8 if font == 13 else 4)
    for tab in range(1, editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        dump(editor, f"editor-{tab}-{screen.name}-{font}")
        assert clipped(editor, screen) == []
    store.close()


def test_the_small_dialogs(qtbot, look: tuple[Screen, int], settings: SettingsBridge) -> None:
    """新建我的短语, the customer's 编辑…, 手动添加订单, 催付设置, the hidden phrases: each fits, nothing clipped."""
    screen, font = look
    now = dt.datetime(2026, 11, 23, 15, 30, tzinfo=SHANGHAI)
    promise = Promise(1, "小猪佩奇", "周五前发货，顺丰包邮", now + dt.timedelta(days=1), now)
    hidden = HiddenPhrasesDialog()
    hidden.set_phrases([NINE[0], NINE[1]])
    dialogs = {
        "phrase": PhraseDialog(text=NINE[0].text, groups=["发货物流", "我的"], question="什么时候发货"),
        "customer": CustomerDialog(Customer("小猪佩奇", tags=("老客户", "催付过"), note="喜欢顺丰"), [promise],
                                   SHANGHAI, now),
        "order": OrderDialog(SHANGHAI, now, "3561234567890123456", "小猪佩奇"),
        "reminder-settings": ReminderSettingsDialog(settings),
        "hidden": hidden,
    }
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        show_at(dialog, qtbot, screen)
        dump(dialog, f"{name}-{screen.name}-{font}")
        assert clipped(dialog, screen) == [], name
