"""The factory picks adapters by Qt platform, falls back to Null with a reason, and follows the settings."""

from __future__ import annotations

import json
import logging
import sys

import pytest
from PySide6.QtCore import QObject, QStringListModel
from PySide6.QtWidgets import QListView, QVBoxLayout, QWidget

from desktop.platform.clipboard import QtClipboardWatcher
from desktop.platform.factory import create_platform
from desktop.platform.hotkeys_null import GENERIC_REASON, WAYLAND_REASON, NullHotkeys
from desktop.platform.interfaces import PasteRequest
from desktop.platform.notifier import NullNotifier, TrayNotifier
from desktop.platform.paste import ClipboardOnlyPaster
from desktop.settings import Settings
from desktop.testing.e2e_probe import E2EProbe


@pytest.fixture
def settings(kuaida_home) -> Settings:
    return Settings(kuaida_home / "settings.json")


@pytest.fixture
def owner(qapp):
    owner = QObject()
    yield owner
    owner.deleteLater()


def test_offscreen_gets_null_adapters_and_a_real_clipboard(settings, owner):
    services = create_platform(settings, parent=owner, environ={})
    assert isinstance(services.clipboard, QtClipboardWatcher)
    assert isinstance(services.hotkeys, NullHotkeys)
    assert services.hotkeys.unavailable_reason() == GENERIC_REASON
    assert isinstance(services.paster, ClipboardOnlyPaster)
    assert isinstance(services.notifier, NullNotifier)
    assert set(services.hotkey_errors) == {"show", "search", *(f"pick:{n}" for n in range(1, 10))}
    services.close()


def test_wayland_says_so(settings, owner):
    services = create_platform(settings, parent=owner, platform_name="wayland", environ={})
    assert services.hotkeys.unavailable_reason() == WAYLAND_REASON
    assert isinstance(services.paster, ClipboardOnlyPaster)
    assert isinstance(services.notifier, TrayNotifier)


def test_xwayland_session_counts_as_wayland(settings, owner):
    services = create_platform(settings, parent=owner, platform_name="xcb",
                               environ={"XDG_SESSION_TYPE": "wayland"})
    assert services.hotkeys.unavailable_reason() == WAYLAND_REASON


def test_x11_without_its_libraries_falls_back_with_a_logged_reason(settings, owner, monkeypatch, caplog):
    for module in ("pynput", "Xlib", "Xlib.display"):
        monkeypatch.setitem(sys.modules, module, None)  # the imports fail, as pynput's does without a display
    with caplog.at_level(logging.WARNING, logger="desktop.platform.factory"):
        services = create_platform(settings, parent=owner, platform_name="xcb", environ={})
    assert services.hotkeys.unavailable_reason() == GENERIC_REASON
    assert isinstance(services.paster, ClipboardOnlyPaster)
    assert "global hotkeys unavailable on xcb" in caplog.text
    assert "replies are only copied" in caplog.text


def test_settings_changes_reach_the_adapters(settings, owner):
    services = create_platform(settings, parent=owner, environ={})
    assert not services.clipboard.is_paused()
    settings.set("watch_clipboard", False)
    assert services.clipboard.is_paused()
    settings.set("hotkey_pick_prefix", "")
    assert set(services.hotkey_errors) == {"show", "search"}


def test_pause_setting_is_applied_at_start(settings, owner):
    settings.set("watch_clipboard", False)
    services = create_platform(settings, parent=owner, environ={})
    assert services.clipboard.is_paused()


def test_e2e_probe_reports_counts_and_row_positions_but_no_text(settings, owner, qtbot, tmp_path):
    probe_file = tmp_path / "probe.json"
    services = create_platform(settings, parent=owner, environ={})
    E2EProbe(str(probe_file), services, parent=owner)  # what app.py attaches when KUAIDA_E2E_PROBE is set
    window = QWidget()
    qtbot.addWidget(window)
    window.setWindowTitle("快答 Kuaida")
    view = QListView(window)
    view.setObjectName("suggestions")
    view.setModel(QStringListModel(["亲，今天下单今天发货哦", "好的呢"], view))
    QVBoxLayout(window).addWidget(view)
    window.show()
    services.clipboard.write("不应出现在探针里")
    services.paster.paste(PasteRequest("回复"))

    def state() -> dict:
        return json.loads(probe_file.read_text(encoding="utf-8")) if probe_file.exists() else {}

    qtbot.waitUntil(lambda: state().get("suggestions") == 2 and state().get("pasted") == 1)
    assert state()["visible"] is True
    assert len(state()["rows"]) == 2
    assert state()["outcome"] == "copied"
    text = probe_file.read_text(encoding="utf-8")
    assert "亲" not in text and "回复" not in text and "探针" not in text
