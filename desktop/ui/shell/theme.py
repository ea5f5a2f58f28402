"""Light and dark looks (following the system by default), the app font with a colour-emoji fallback."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# CJK first (each OS's own), then colour emoji, so 😊 and 📦 in a reply render in colour where a font exists.
FONT_FAMILIES = [
    "Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
    "Segoe UI Emoji", "Apple Color Emoji", "Noto Color Emoji",
]


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    surface: str  # cards and the search box
    surface_hover: str
    border: str
    text: str
    muted: str
    accent: str
    accent_text: str
    badge: str  # the number badge behind 1–9
    badge_text: str
    warning: str  # sensitive words: text colour
    warning_bg: str
    success: str

    def color(self, field: str) -> QColor:
        return QColor(getattr(self, field))


LIGHT = Theme(
    name="light", window="#f4f5f7", surface="#ffffff", surface_hover="#fff6ef", border="#dde1e6",
    text="#1f2329", muted="#7a8089", accent="#ff6a00", accent_text="#ffffff", badge="#fff1e6",
    badge_text="#d45500", warning="#c2410c", warning_bg="#ffe4d0", success="#15803d",
)
DARK = Theme(
    name="dark", window="#1c1d21", surface="#26282d", surface_hover="#2f343d", border="#363941",
    text="#e8eaed", muted="#9aa0a8", accent="#ff8a33", accent_text="#1c1d21", badge="#3a2a1e",
    badge_text="#ffb27a", warning="#ffb38a", warning_bg="#5a2a12", success="#4ade80",
)


def resolve(choice: str) -> Theme:
    """`choice` is the theme setting: system / light / dark."""
    if choice == "light":
        return LIGHT
    if choice == "dark":
        return DARK
    scheme = QGuiApplication.styleHints().colorScheme()
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def app_font(pixel_size: int) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(max(10, min(pixel_size, 28)))
    return font


def palette(theme: Theme) -> QPalette:
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.surface,
        QPalette.ColorRole.AlternateBase: theme.surface_hover,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.surface,
        QPalette.ColorRole.ButtonText: theme.text,
        QPalette.ColorRole.Highlight: theme.accent,
        QPalette.ColorRole.HighlightedText: theme.accent_text,
        QPalette.ColorRole.ToolTipBase: theme.surface,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.Mid: theme.border,
        QPalette.ColorRole.Link: theme.accent,
    }
    for role, value in roles.items():
        pal.setColor(role, QColor(value))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.muted))
    return pal


def style_sheet(theme: Theme, font_px: int = 13) -> str:
    t = theme
    return f"""
    QLineEdit, QPlainTextEdit {{
        background: {t.surface}; border: 1px solid {t.border}; border-radius: 6px; padding: 4px 8px;
    }}
    QLineEdit:focus, QPlainTextEdit:focus {{ border-color: {t.accent}; }}
    QListView#suggestions {{ background: transparent; border: none; outline: none; }}
    QTabWidget::pane {{ border: none; }}
    QTabBar::tab {{
        background: transparent; color: {t.muted}; padding: 5px 10px; border: none;
        border-bottom: 2px solid transparent;
    }}
    QTabBar::tab:selected {{ color: {t.text}; border-bottom-color: {t.accent}; font-weight: 600; }}
    QToolButton {{ border: none; border-radius: 6px; padding: 3px; color: {t.muted}; }}
    QToolButton:hover {{ background: {t.surface_hover}; color: {t.text}; }}
    QToolButton:checked {{ color: {t.accent}; }}
    QToolButton::menu-indicator {{ image: none; width: 0; }}  /* ⋯ says "more" already; no arrow under it */
    QPushButton {{
        background: {t.surface}; border: 1px solid {t.border}; border-radius: 6px; padding: 5px 14px;
    }}
    QPushButton:hover {{ border-color: {t.accent}; }}
    QPushButton[primary="true"] {{ background: {t.accent}; color: {t.accent_text}; border-color: {t.accent}; }}
    QLabel[role="muted"] {{ color: {t.muted}; }}
    QLabel[role="message"] {{ background: {t.badge}; border-radius: 8px; padding: 6px 10px; }}
    QLabel[role="hint"] {{ color: {t.success}; font-weight: 600; }}
    QLabel[role="empty-title"] {{ font-weight: 600; }}
    QFrame#customerCard {{
        background: {t.surface}; border: 1px solid {t.border}; border-left: 3px solid {t.accent};
        border-radius: 8px; margin: 2px 10px 6px 10px;
    }}
    QFrame#customerCard QPushButton {{ padding: 3px 8px; font-size: {max(10, font_px - 2)}px; }}
    QWidget#statusLine {{ border-top: 1px solid {t.border}; }}
    QWidget#statusLine QLabel, QWidget#statusLine QAbstractButton {{ font-size: {max(10, font_px - 2)}px; }}
    QWidget#statusLine QPushButton, QWidget#statusLine QToolButton {{
        border: none; background: transparent; color: {t.muted}; padding: 0 2px;
    }}
    QWidget#statusLine QPushButton:hover, QWidget#statusLine QToolButton:hover {{ color: {t.accent}; }}
    QScrollBar:vertical {{ background: transparent; width: 8px; margin: 2px 0 2px 0; }}
    QScrollBar::handle:vertical {{ background: {t.border}; border-radius: 4px; min-height: 32px; }}
    QScrollBar::handle:vertical:hover {{ background: {t.muted}; }}
    QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; width: 0; }}
    QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
    """


def apply(app: QApplication, choice: str, font_size: int) -> Theme:
    """Apply the theme and font to the whole application; returns the Theme now in use."""
    theme = resolve(choice)
    if app.style().name().lower() != "fusion":  # Linux starts with Fusion; creating a second one costs ~10 ms
        app.setStyle("Fusion")  # one look everywhere, and a style that follows our palette (Windows 11's does not)
    app.setPalette(palette(theme))
    app.setFont(app_font(font_size))
    app.setStyleSheet(style_sheet(theme, font_size))
    return theme
