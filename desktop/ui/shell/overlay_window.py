"""The always-on-top window that never takes the focus: tabs (建议 first; others add 催付, 客户) and a status line.

Other features extend it with `add_panel(widget, title)` and `add_status_widget(widget)`; it knows nothing
about them. It only borrows the keyboard focus while the agent types a search (`allow_focus(True)`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QHideEvent, QIcon, QMoveEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.ui.widgets.plain_text import as_tooltip, plain_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QToolButton

    from desktop.ui.suggestions.panel import SuggestionPanel

DEFAULT_SIZE = (360, 560)
MIN_SIZE = (280, 320)
DOCK_EDGES = ("left", "right")

# Qt.Tool keeps it off the taskbar; WindowDoesNotAcceptFocus (with WA_ShowWithoutActivating) keeps the
# chat client's input box focused when the overlay is shown, clicked or updated.
OVERLAY_FLAGS = (
    Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint | Qt.WindowType.WindowDoesNotAcceptFocus
)


SCREEN_MARGIN = 24  # between the first-time window and the work area's top, bottom and right edges


def default_size(area: QRect) -> QSize:
    """The first size on a screen with work area `area` (logical pixels): nearly the full height (a 1366×768
    screen then shows six or more replies, at 125 % still five), never beyond the work area, a little wider
    on a wide screen."""
    width = max(MIN_SIZE[0], min(max(DEFAULT_SIZE[0], area.width() // 3), 420, area.width() - 2 * SCREEN_MARGIN))
    height = max(MIN_SIZE[1], min(area.height() - 2 * SCREEN_MARGIN, 900))
    return QSize(width, height)


class OverlayWindow(QWidget):
    hide_requested = Signal()  # its close button: the app hides it to the tray, or quits where there is none
    settings_requested = Signal()
    pause_toggled = Signal(bool)
    visibility_changed = Signal(bool)
    geometry_changed = Signal()  # moved or resized by the agent (or docked)

    def __init__(self, icon: QIcon | None = None, parent: QWidget | None = None, *, deferred: bool = False) -> None:
        """`deferred`: show only a loading line until `build()` (the app calls it right after the first paint:
        the tabs, buttons and status line, and their Qt classes, are most of the window's start-up cost)."""
        super().__init__(parent, OVERLAY_FLAGS)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWindowTitle("快答 Kuaida")
        if icon is not None:
            self.setWindowIcon(icon)
        self.setMinimumSize(*MIN_SIZE)
        self.resize(*DEFAULT_SIZE)
        self.dock_edge = ""
        self._built = False
        self._suggestions: SuggestionPanel | None = None
        # Until the suggestion panel is built (see `suggestions`) its place shows only this line.
        self._placeholder = plain_label(parent=self)
        self._placeholder.setProperty("role", "muted")
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 4, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self._placeholder, 1)
        if deferred:
            self._placeholder.setText(self.tr("正在加载短语库…"))
        else:
            self.build()

    def build(self) -> None:
        """Create the tabs, header buttons and status line (once)."""
        if self._built:
            return
        self._built = True
        from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QTabWidget

        self._layout.removeWidget(self._placeholder)
        self.tabs: QTabWidget = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.tabBar().setDrawBase(False)
        self.tabs.addTab(self._placeholder, "")

        self.pause_button = self._tool_button(None)
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self.pause_toggled)
        self.settings_button = self._tool_button(self.settings_requested.emit)
        corner = QWidget(self)
        corner_layout = QHBoxLayout(corner)
        corner_layout.setContentsMargins(0, 0, 6, 0)
        corner_layout.setSpacing(2)
        for button in (self.pause_button, self.settings_button):
            corner_layout.addWidget(button)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)

        self.hint_label = plain_label(parent=self)
        self.hint_label.setProperty("role", "hint")
        self.status_label = plain_label(parent=self)
        self.status_label.setProperty("role", "muted")
        # A long status (a hotkey problem, a store error) is cut at the window's edge, never widens the window.
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        status_line = QWidget(self)
        status_line.setObjectName("statusLine")
        self._status_line = status_line
        self._status_layout: QHBoxLayout = QHBoxLayout(status_line)
        self._status_layout.setContentsMargins(10, 4, 10, 5)
        self._status_layout.setSpacing(10)
        self._status_layout.addWidget(self.hint_label)
        self._status_layout.addWidget(self.status_label, 1)

        self._layout.addWidget(self.tabs, 1)
        self._layout.addWidget(status_line)
        self.retranslate()

    def _tool_button(self, on_click: object) -> QToolButton:
        from PySide6.QtWidgets import QToolButton

        button = QToolButton(self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        if callable(on_click):
            button.clicked.connect(on_click)
        return button

    @property
    def suggestions(self) -> SuggestionPanel:
        """The 建议 panel, built on first use (the composition root uses it right after the first paint)."""
        if self._suggestions is None:
            from desktop.ui.suggestions.panel import SuggestionPanel

            self.build()
            self._suggestions = SuggestionPanel(self)
            current = self.tabs.currentIndex()
            self.tabs.removeTab(0)
            self.tabs.insertTab(0, self._suggestions, self.tr("建议"))
            self.tabs.setCurrentIndex(max(current, 0))
            self._placeholder.deleteLater()
        return self._suggestions

    # extension points for other features -----------------------------------------------------------
    def add_panel(self, widget: QWidget, title: str) -> int:
        """Add a tab (e.g. 催付 or 客户) after 建议; returns its index. Keep its widgets NoFocus."""
        return self.tabs.addTab(widget, title)

    def add_card(self, widget: QWidget) -> None:
        """Add a card (e.g. the customer card on copy) between the tabs and the status line, seen on every tab.
        Cards added later sit below earlier ones. Keep its buttons NoFocus."""
        self.build()
        self._layout.insertWidget(self._layout.indexOf(self._status_line), widget)

    def add_status_widget(self, widget: QWidget) -> None:
        """Add a widget (e.g. the team-sync status) at the right end of the status line."""
        self._status_layout.addWidget(widget)

    # status line -----------------------------------------------------------------------------------
    def show_hint(self, text: str) -> None:
        """A short confirmation (已复制, 已粘贴); the controller clears it."""
        self.hint_label.setText(text)

    def set_status(self, text: str, detail: str = "") -> None:
        """A few words on the status line; `detail` (e.g. which backup to restore) shows on hover."""
        self.status_label.setText(text)
        self.status_label.setToolTip(as_tooltip(detail))

    def set_paused(self, paused: bool) -> None:
        self.pause_button.blockSignals(True)
        self.pause_button.setChecked(paused)
        self.pause_button.blockSignals(False)
        self.retranslate()

    # focus -----------------------------------------------------------------------------------------
    def allow_focus(self, allowed: bool) -> None:
        """Let the window take the keyboard focus (searching) or never again (the normal state).

        Changing the flag on the QWindow updates the window-manager hints in place; setWindowFlags on
        the widget would re-create (and hide) the native window.
        """
        handle = self.windowHandle()
        if handle is not None:
            handle.setFlag(Qt.WindowType.WindowDoesNotAcceptFocus, not allowed)
        else:
            self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, not allowed)
        if allowed:
            self.raise_()
            self.activateWindow()

    # geometry --------------------------------------------------------------------------------------
    def geometry_state(self) -> str:
        return bytes(self.saveGeometry().toBase64().data()).decode("ascii")

    def restore_geometry_state(self, state: str) -> bool:
        return bool(state) and self.restoreGeometry(QByteArray.fromBase64(state.encode("ascii")))

    def dock(self, edge: str) -> None:
        """Fill the height of the available screen area at its left or right edge ("" floats again)."""
        self.dock_edge = edge if edge in DOCK_EDGES else ""
        if not self.dock_edge:
            return
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        frame, inner = self.frameGeometry(), self.geometry()
        left_border, top_border = inner.x() - frame.x(), inner.y() - frame.y()
        right_border = frame.right() - inner.right()
        width = min(self.width(), area.width() // 2)
        height = area.height() - (frame.height() - inner.height())
        x = area.left() + left_border if self.dock_edge == "left" else area.right() - right_border - width + 1
        self.setGeometry(QRect(x, area.top() + top_border, width, height))

    # Qt overrides ----------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.hide_requested.emit()

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        self.geometry_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.geometry_changed.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.visibility_changed.emit(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.visibility_changed.emit(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if not self._built:
            self._placeholder.setText(self.tr("正在加载短语库…"))
            return
        self.tabs.setTabText(0, self.tr("建议"))
        if self._suggestions is None:
            self._placeholder.setText(self.tr("正在加载短语库…"))
        paused = self.pause_button.isChecked()
        self.pause_button.setText(self.tr("继续") if paused else self.tr("暂停"))
        self.pause_button.setToolTip(self.tr("已暂停监听剪贴板") if paused else self.tr("暂停监听剪贴板"))
        self.settings_button.setText(self.tr("设置"))
