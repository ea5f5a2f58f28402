"""The overlay window itself: it never takes the focus, remembers its place, docks, and has room for others."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from desktop.ui.shell.overlay_window import OverlayWindow


def make_window(qtbot) -> OverlayWindow:
    window = OverlayWindow()
    qtbot.addWidget(window)
    return window


def test_window_is_an_always_on_top_tool_window_that_never_accepts_focus(qtbot) -> None:
    window = make_window(qtbot)
    flags = window.windowFlags()
    assert flags & Qt.WindowType.Tool
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert flags & Qt.WindowType.WindowDoesNotAcceptFocus
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert window.windowTitle() == "快答 Kuaida"


def test_nothing_a_click_can_reach_takes_the_focus_except_the_search_box(qtbot) -> None:
    window = make_window(qtbot)
    buttons = window.findChildren(QAbstractButton)
    assert buttons
    click_focus = Qt.FocusPolicy.ClickFocus.value
    assert not [b for b in buttons if b.focusPolicy().value & click_focus]
    assert window.suggestions.list_view.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert window.tabs.tabBar().focusPolicy() == Qt.FocusPolicy.NoFocus
    assert window.suggestions.search_box.focusPolicy() == Qt.FocusPolicy.ClickFocus


def test_shown_window_keeps_the_no_focus_flag_and_borrowing_focus_is_undone(qtbot) -> None:
    window = make_window(qtbot)
    window.show()
    qtbot.waitExposed(window)
    handle = window.windowHandle()
    assert handle.flags() & Qt.WindowType.WindowDoesNotAcceptFocus
    window.allow_focus(True)
    assert not handle.flags() & Qt.WindowType.WindowDoesNotAcceptFocus
    window.allow_focus(False)
    assert handle.flags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert window.isVisible()  # changing the flag did not re-create (and hide) the native window


def test_compact_default_size_fits_beside_a_chat_client(qtbot) -> None:
    window = make_window(qtbot)
    assert window.width() <= 400
    assert window.height() <= 600


def test_geometry_survives_a_round_trip_through_its_setting_text(qtbot) -> None:
    window = make_window(qtbot)
    window.show()
    qtbot.waitExposed(window)
    window.setGeometry(40, 60, 330, 500)
    state = window.geometry_state()
    other = make_window(qtbot)
    assert other.restore_geometry_state(state)
    assert (other.geometry().width(), other.geometry().height()) == (330, 500)
    assert not other.restore_geometry_state("")


def test_docking_fills_the_available_height_at_the_chosen_edge(qtbot) -> None:
    window = make_window(qtbot)
    window.show()
    qtbot.waitExposed(window)
    area = window.screen().availableGeometry()
    window.dock("right")
    assert window.frameGeometry().right() == area.right()
    assert window.frameGeometry().height() == area.height()
    window.dock("left")
    assert window.frameGeometry().left() == area.left()
    window.dock("")
    assert window.dock_edge == ""


def test_other_features_can_add_a_tab_and_a_status_widget(qtbot) -> None:
    window = make_window(qtbot)
    panel = QWidget()
    index = window.add_panel(panel, "催付")
    assert window.tabs.tabText(index) == "催付"
    assert window.tabs.indexOf(window.suggestions) == 0
    status = QLabel("已同步")
    window.add_status_widget(status)
    assert status.parentWidget() is not None
    assert status.window() is window


def test_closing_the_window_asks_to_hide_it_instead_of_quitting(qtbot) -> None:
    window = make_window(qtbot)
    window.show()
    with qtbot.waitSignal(window.hide_requested):
        window.close()


def test_a_card_sits_between_the_tabs_and_the_status_line(qtbot) -> None:
    window = make_window(qtbot)
    card = QLabel("客户卡片")
    window.add_card(card)
    window.show()
    qtbot.waitExposed(window)
    assert window.tabs.geometry().bottom() <= card.geometry().top()
    assert card.geometry().bottom() <= window.status_label.parentWidget().geometry().top()


def test_the_suggestion_list_is_named_for_the_e2e_probe(qtbot) -> None:
    window = make_window(qtbot)
    assert window.suggestions.list_view.objectName() == "suggestions"
