"""Settings: stored at once, persisted, applied live (theme, font, language), locked ones greyed out."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from desktop.paths import Paths
from desktop.settings import Settings
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.shell import theme
from desktop.ui.shell.appearance import Appearance
from desktop.ui.shell.i18n import Translations
from desktop.ui.shell.overlay_window import OverlayWindow
from desktop.ui.shell.settings_dialog import SettingsDialog


def make_dialog(qtbot, settings: SettingsBridge) -> SettingsDialog:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    return dialog


def choose(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_edits_are_stored_at_once_and_survive_a_restart(qtbot, settings: SettingsBridge, kuaida_home: Path) -> None:
    dialog = make_dialog(qtbot, settings)
    name = dialog.editors["agent_name"]
    assert isinstance(name, QLineEdit)
    qtbot.keyClicks(name, "Mei")
    choose(dialog.editors["paste_mode"], "copy")
    dialog.editors["font_size"].setValue(16)
    dialog.editors["restore_clipboard"].setChecked(True)
    dialog.editors["keep_bundled_phrases"].setChecked(True)
    reopened = Settings(Paths(kuaida_home).settings_file)
    assert reopened.get("agent_name") == "Mei"
    assert reopened.get("paste_mode") == "copy"
    assert reopened.get("font_size") == 16
    assert reopened.get("restore_clipboard") is True
    assert reopened.get("keep_bundled_phrases") is True


def test_changes_are_announced_by_signal(qtbot, settings: SettingsBridge) -> None:
    dialog = make_dialog(qtbot, settings)
    with qtbot.waitSignal(settings.changed) as signal:
        choose(dialog.editors["theme"], "dark")
    assert signal.args == ["theme", "dark"]


def test_settings_locked_by_policy_are_disabled_with_a_reason(qtbot, kuaida_home: Path, tmp_path: Path,
                                                              monkeypatch) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"shop_name": "官方旗舰店", "paste_mode": "copy"}), encoding="utf-8")
    monkeypatch.setenv("KUAIDA_POLICY_FILE", str(policy))
    from desktop.settings import open_settings

    settings = SettingsBridge(open_settings(Paths(kuaida_home)))
    dialog = make_dialog(qtbot, settings)
    for key in ("shop_name", "paste_mode"):
        assert not dialog.editors[key].isEnabled()
        assert "锁定" in dialog.editors[key].toolTip()
    assert dialog.editors["agent_name"].isEnabled()
    assert dialog.editors["shop_name"].text() == "官方旗舰店"
    assert settings.set("shop_name", "别的店") is False


def test_theme_and_font_size_apply_live(qtbot, settings: SettingsBridge) -> None:
    app = QApplication.instance()
    original_palette, original_font, original_sheet = app.palette(), app.font(), app.styleSheet()
    try:
        window = OverlayWindow()
        qtbot.addWidget(window)
        appearance = Appearance(app, settings, [window.suggestions.delegate])
        appearance.apply()
        settings.set("theme", "dark")
        assert app.palette().color(QPalette.ColorRole.Window).name() == theme.DARK.window
        assert window.suggestions.delegate.theme is theme.DARK
        settings.set("theme", "light")
        assert app.palette().color(QPalette.ColorRole.Window).name() == theme.LIGHT.window
        settings.set("font_size", 17)
        assert app.font().pixelSize() == 17
    finally:
        appearance.translations.remove()  # apply() installed Qt's Chinese translation: not for the next test
        app.setPalette(original_palette)
        app.setFont(original_font)
        app.setStyleSheet(original_sheet)


def test_english_translation_loads_and_the_window_follows_a_language_switch(qtbot) -> None:
    app = QApplication.instance()
    translations = Translations(app)
    window = OverlayWindow()
    qtbot.addWidget(window)
    try:
        assert translations.apply("en")
        assert QCoreApplication.translate("OverlayWindow", "建议") == "Replies"
        qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Replies")
        assert translations.apply("zh_CN")
        qtbot.waitUntil(lambda: window.tabs.tabText(0) == "建议")
    finally:
        translations.remove()


def test_an_unknown_language_keeps_chinese() -> None:
    translations = Translations(QApplication.instance())
    try:
        assert not translations.apply("fr")
        assert translations.language == "zh_CN"
    finally:
        translations.remove()


def test_switching_the_language_retranslates_the_status_line_too(qtbot, overlay) -> None:
    app = QApplication.instance()
    appearance = Appearance(app, overlay.settings, [])
    try:
        overlay.settings.set("language", "en")  # the status line follows LanguageChange: no listener order
        qtbot.waitUntil(lambda: overlay.window.status_label.text() == "Alt+1…9 paste · Alt+S search")
        qtbot.waitUntil(lambda: overlay.window.suggestions.add_button.text() == "＋ New")
    finally:
        overlay.settings.set("language", "zh_CN")
        appearance.translations.remove()


def test_my_phrases_can_be_imported_and_exported_from_settings_too(qtbot, settings: SettingsBridge) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QPushButton

    triggered: list[str] = []
    actions = [QAction("导入短语…"), QAction("导出短语…")]
    for action in actions:
        action.triggered.connect(lambda _checked=False, a=action: triggered.append(a.text()))
    dialog = SettingsDialog(settings, phrase_actions=actions)
    qtbot.addWidget(dialog)
    buttons = {b.text(): b for b in dialog.findChildren(QPushButton)}
    buttons["导出短语…"].click()
    assert triggered == ["导出短语…"]


def test_hidden_team_phrases_are_listed_in_settings_with_restore(qtbot, settings: SettingsBridge) -> None:
    from desktop.core.phrases import Phrase

    hidden = [Phrase("t-gift", "亲，价格已经很实在了，送您一份小赠品好吗？🎁", "议价优惠", "yj", source="team")]
    dialog = SettingsDialog(settings, hidden_phrases=lambda: list(hidden))
    qtbot.addWidget(dialog)
    assert dialog.hidden_button is not None and dialog.hidden_button.text() == "已隐藏（1）…"
    listing = dialog.show_hidden()
    assert listing.isVisible() and listing.phrases() == hidden
    assert listing.list_widget.item(0).text().startswith("yj · 亲，价格已经很实在了")
    with qtbot.waitSignal(dialog.restore_hidden_requested) as restored:
        listing.restore_button.click()
    assert restored.args == [hidden[0]]
    hidden.clear()  # the library reloaded without it
    dialog.refresh_hidden()
    assert dialog.hidden_button.text() == "已隐藏（0）…"
    assert listing.phrases() == [] and not listing.empty_label.isHidden()
    assert not listing.restore_button.isEnabled()
    listing.close_button.click()
    assert not listing.isVisible()

    plain = SettingsDialog(settings)  # without a window (no library) there is no list
    qtbot.addWidget(plain)
    assert plain.hidden_button is None
