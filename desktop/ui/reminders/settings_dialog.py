"""催付设置, opened from the 催付 tab: campaign ({活动}), auto-close hours, nudges, starring, the shop's zone.
Like the main settings dialog, every change is stored at once and keys locked by IT are greyed out."""

from __future__ import annotations

import zoneinfo

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.widgets.scrolling import bounded_to_screen, fitting


class ReminderSettingsDialog(QDialog):
    def __init__(self, settings: SettingsBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("催付设置"))
        self.editors: dict[str, QWidget] = {}
        fields = QWidget(self)
        form = QFormLayout(fields)
        self.campaign = self._line("campaign", form, self.tr("当前活动 {活动}"), self.tr("例如：双11返场，满199减20"))
        self._spin("order_close_hours", form, self.tr("未付款自动关闭"), 1, 24 * 30, self.tr(" 小时"))
        self._line("order_close_hours_by_platform", form, self.tr("各平台关闭时间"), "pdd=24, jd=24")
        self._spin("first_nudge_minutes", form, self.tr("下单后首次催付"), 0, 24 * 60, self.tr(" 分钟"))
        self._spin("second_nudge_minutes", form, self.tr("下单后第二次催付"), 1, 24 * 60, self.tr(" 分钟"))
        self._spin("argument_nudge_hours", form, self.tr("下单后库存/截止催付"), 1, 24, self.tr(" 小时"))
        self._spin("last_nudge_minutes", form, self.tr("关闭前最后催付"), 0, 24 * 60, self.tr(" 分钟"))
        self._spin("remind_gap_hours", form, self.tr("同一买家两次催付至少间隔"), 1, 24 * 7, self.tr(" 小时"))
        self._spin("remind_cap_count", form, self.tr("近几天催付超过几次不再打扰"), 1, 50, self.tr(" 次"))
        self._spin("remind_cap_days", form, self.tr("（计算的天数）"), 1, 30, self.tr(" 天"))
        self._spin("snooze_minutes", form, self.tr("“稍后”推迟"), 5, 24 * 60, self.tr(" 分钟"))
        star = QCheckBox(self.tr("催付后给买家亮星并打“催付过”标签"), self)
        star.setChecked(settings.get("star_on_remind"))
        star.toggled.connect(lambda value: settings.set("star_on_remind", value))
        self.editors["star_on_remind"] = star
        form.addRow(star)
        self.zone = self._line("shop_timezone", form, self.tr("店铺时区"), self.tr("空：本机时区；如 Asia/Shanghai"),
                               store=False)
        self.zone.editingFinished.connect(self._on_zone_editing_finished)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(fitting(fields, self), 1)  # scrolls only when a large font meets a short screen
        layout.addWidget(buttons)
        for key, editor in self.editors.items():
            if settings.locked(key):
                editor.setEnabled(False)
                editor.setToolTip(self.tr("此设置由管理员锁定"))

    def sizeHint(self) -> QSize:
        return bounded_to_screen(super().sizeHint(), self)

    def _line(self, key: str, form: QFormLayout, label: str, placeholder: str, *, store: bool = True) -> QLineEdit:
        editor = QLineEdit(str(self.settings.get(key)), self)
        editor.setPlaceholderText(placeholder)
        if store:
            editor.textEdited.connect(lambda text: self.settings.set(key, text))
        self.editors[key] = editor
        form.addRow(label, editor)
        return editor

    def _spin(self, key: str, form: QFormLayout, label: str, low: int, high: int, suffix: str) -> None:
        editor = QSpinBox(self)
        editor.setRange(low, high)
        editor.setSuffix(suffix)
        editor.setValue(int(self.settings.get(key)))
        editor.valueChanged.connect(lambda value: self.settings.set(key, value))
        self.editors[key] = editor
        form.addRow(label, editor)

    def _on_zone_editing_finished(self) -> None:
        """Only a zone name zoneinfo knows is stored; anything else is shown as wrong and not kept."""
        name = self.zone.text().strip()
        if name:
            try:
                zoneinfo.ZoneInfo(name)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                self.zone.setStyleSheet("color: #d4380d;")
                self.zone.setToolTip(self.tr("不认识的时区名称"))
                return
        self.zone.setStyleSheet("")
        self.zone.setToolTip("")
        self.settings.set("shop_timezone", name)
