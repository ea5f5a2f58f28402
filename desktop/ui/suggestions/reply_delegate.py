"""Paints one reply as a card: number badge 1–9, group, the text as it will be pasted, sensitive words marked."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.shell.theme import LIGHT, Theme
from desktop.ui.suggestions.reply_model import (
    GroupRole,
    HiddenRole,
    NumberRole,
    PhraseRole,
    RenderedTextRole,
    SensitiveSpansRole,
    SourceRole,
    SureRole,
)

Index = QModelIndex | QPersistentModelIndex

MAX_LINES = 4
PAD = 7.0  # inside a card
GAP = 2.0  # between cards (with PAD, one reply more fits at 1366×768)
BADGE = 20.0
LAYOUT_CACHE_SIZE = 512


class ReplyDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = LIGHT
        # Laid-out replies by (text, marks, width, font): the view asks for size hints many times per update,
        # and laying out CJK text with emoji is the costliest step of showing suggestions.
        self._layouts: dict[tuple[object, ...], tuple[QTextLayout, float, bool]] = {}
        self.personal_label = "我的"
        self.sensitive_label = "敏感词"
        self.less_sure_label = "猜测"
        self.hidden_label = "已隐藏"

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._layouts.clear()

    # geometry --------------------------------------------------------------------------------------
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = max(120.0, option.rect.width() or 320)
        text_height = self._text_layout(index, option.font, self._text_width(width))[1]
        return QSize(int(width), int(self._header_height(option.font) + text_height + 2 * PAD + 2 * GAP + 3))

    def _text_width(self, width: float) -> float:
        return width - 2 * PAD - BADGE - PAD

    @staticmethod
    def _small_font(font: QFont) -> QFont:
        small = QFont(font)
        size = font.pixelSize()
        if size > 0:
            small.setPixelSize(max(10, size - 2))
        else:
            small.setPointSizeF(max(7.0, font.pointSizeF() - 1.5))
        return small

    def _header_height(self, font: QFont) -> float:
        return QFontMetricsF(self._small_font(font)).height() + 2

    def _text_layout(self, index: Index, font: QFont, width: float) -> tuple[QTextLayout, float, bool]:
        """The reply laid out for `width`, at most MAX_LINES lines; returns (layout, height, truncated)."""
        text = index.data(RenderedTextRole) or ""
        spans = index.data(SensitiveSpansRole) or []
        key = (text, tuple(spans), round(width), font.key())
        if (cached := self._layouts.get(key)) is None:
            if len(self._layouts) > LAYOUT_CACHE_SIZE:
                self._layouts.clear()
            cached = self._layouts[key] = self._new_layout(text, spans, font, width)
        return cached

    def _new_layout(self, text: str, spans: list[tuple[int, int]], font: QFont,
                    width: float) -> tuple[QTextLayout, float, bool]:
        # QTextLayout breaks lines at U+2028, not "\n"; both are one character, so span offsets still fit.
        layout = QTextLayout(text.replace("\n", "\u2028"), font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        formats = []
        for start, end in spans:
            span = QTextLayout.FormatRange()
            span.start, span.length = start, end - start
            char_format = QTextCharFormat()
            char_format.setBackground(self.theme.color("warning_bg"))
            char_format.setForeground(self.theme.color("warning"))
            char_format.setFontWeight(QFont.Weight.DemiBold)
            span.format = char_format
            formats.append(span)
        layout.setFormats(formats)
        layout.beginLayout()
        height = 0.0
        lines = 0
        truncated = False
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            if lines == MAX_LINES:
                truncated = True
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, height))
            height += line.height()
            lines += 1
        layout.endLayout()
        return layout, height, truncated

    # painting --------------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        theme = self.theme
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect).adjusted(1, GAP, -1, -GAP)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        current = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(theme.color("accent") if current else theme.color("border"), 1.2 if current else 1))
        painter.setBrush(theme.color("surface_hover") if hovered or current else theme.color("surface"))
        painter.drawRoundedRect(card, 8, 8)

        number = index.data(NumberRole) or 0
        badge = QRectF(card.left() + PAD, card.top() + PAD, BADGE, BADGE)
        if number:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.color("badge"))
            painter.drawRoundedRect(badge, 5, 5)
            bold = QFont(option.font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(theme.color("badge_text"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(number))

        left = badge.right() + PAD
        width = card.right() - PAD - left
        small = self._small_font(option.font)
        painter.setFont(small)
        metrics = QFontMetricsF(small)
        header = QRectF(left, card.top() + PAD - 1, width, metrics.height())
        right = header.right()
        chips = []
        if index.data(SensitiveSpansRole):
            chips.append(("⚠ " + self.sensitive_label, theme.color("warning"), theme.color("warning_bg")))
        if index.data(SourceRole) == "personal":
            chips.append((self.personal_label, theme.color("accent"), theme.color("badge")))
        if index.data(HiddenRole):  # found by search though taken out of suggestions: muted, like a guess
            chips.append((self.hidden_label, theme.color("muted"), theme.color("surface_hover")))
        if index.data(SureRole) is False:  # a guess: said quietly, in the muted colour on the card's own
            chips.append((self.less_sure_label, theme.color("muted"), theme.color("surface_hover")))
        for label, fg, bg in chips:
            chip_width = metrics.horizontalAdvance(label) + 10
            chip = QRectF(right - chip_width, header.top(), chip_width, metrics.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bg)
            painter.drawRoundedRect(chip, 4, 4)
            painter.setPen(fg)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
            right = chip.left() - 4
        painter.setPen(theme.color("muted"))
        phrase = index.data(PhraseRole)
        header_text = index.data(GroupRole) or ""
        if phrase is not None and phrase.code:  # the shortcut code too: agents learn the codes they use
            header_text += f" · {phrase.code}"
        group = metrics.elidedText(header_text, Qt.TextElideMode.ElideRight, right - left)
        painter.drawText(QRectF(left, header.top(), right - left, header.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, group)

        painter.setFont(option.font)
        painter.setPen(theme.color("text"))
        layout, _height, truncated = self._text_layout(index, option.font, width)
        origin = QPointF(left, header.bottom() + 2)
        layout.draw(painter, origin)
        if truncated:
            self._draw_ellipsis(painter, layout, origin, QColor(theme.surface_hover if hovered or current
                                                                 else theme.surface))
        painter.restore()

    def _draw_ellipsis(self, painter: QPainter, layout: QTextLayout, origin: QPointF, background: QColor) -> None:
        """Cover the end of the last shown line with "…", so a cut reply never looks complete."""
        last = layout.lineAt(layout.lineCount() - 1)
        metrics = QFontMetricsF(layout.font())
        width = metrics.horizontalAdvance("…") + 6
        rect = QRectF(origin.x() + last.naturalTextWidth() - width + 6, origin.y() + last.y(), width, last.height())
        rect.moveRight(min(rect.right(), origin.x() + last.width()))
        painter.fillRect(rect, background)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "…")
