"""设置 → 团队: 立即同步 with its status, confirming the first and a changed team key (old and new fingerprint),
choosing the shared folder (checked off the UI thread; a bad choice changes nothing), opening the editor."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.core.phrases import Phrase
from desktop.core.sync.keys import SigningKey
from desktop.core.sync.pack import TeamLibrary
from desktop.store.database import open_memory_store
from desktop.sync.publish import publish
from desktop.sync.status import SyncState
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.testing.services import services_over
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.shell.i18n import Translations
from desktop.ui.shell.settings_dialog import SettingsDialog
from desktop.ui.team.sync_controller import SyncController
from desktop.ui.team.team_page import TeamPage

LIBRARY = TeamLibrary((Phrase(id="t-1", text="亲，在的呢", source="team"),))


@pytest.fixture
def store():
    store = open_memory_store()
    yield store
    store.close()


def make_page(qtbot, store, settings: SettingsBridge, share: Path) -> tuple[TeamPage, SyncController]:
    runner = ImmediateTaskRunner(services_over(store, share.parent / "home"))
    controller = SyncController(runner, settings, lambda: Path(settings.get("shared_folder")))
    settings.set("shared_folder", str(share))
    page = TeamPage(controller, runner, settings, current_folder=lambda: str(share))
    qtbot.addWidget(page)
    return page, controller


def test_the_first_key_and_a_changed_key_are_confirmed_on_the_page(qtbot, tmp_path, store, settings) -> None:
    share, first, second = tmp_path / "share", SigningKey.generate(), SigningKey.generate()
    publish(share, LIBRARY, first, "主管")
    page, controller = make_page(qtbot, store, settings, share)
    asked: list[tuple[str, str]] = []
    page.confirm_key = lambda new, old: asked.append((new, old)) is None

    page.sync_button.click()
    assert controller.status.state is SyncState.UNTRUSTED
    assert page.confirm_button.isEnabled() and first.public.fingerprint in page.waiting_label.text()
    assert "尚未确认" in page.trusted_label.text()
    with qtbot.waitSignal(controller.library_updated):
        page.confirm_button.click()
    assert asked == [(first.public.fingerprint, "")]
    assert first.public.fingerprint in page.trusted_label.text() and not page.confirm_button.isEnabled()
    assert page.status_label.text().startswith("团队库 v1")

    # The lead lost team.key and publishes with a new one: refused until confirmed, with both fingerprints.
    publish(share, LIBRARY, second, "主管", trusted=(first.public,))
    page.sync_button.click()
    assert controller.status.state is SyncState.REJECTED
    assert second.public.fingerprint in page.waiting_label.text() and "换了密钥" in page.waiting_label.text()
    with qtbot.waitSignal(controller.library_updated):
        page.confirm_button.click()
    assert asked[-1] == (second.public.fingerprint, first.public.fingerprint)
    assert second.public.fingerprint in page.trusted_label.text()
    controller.stop()


def test_a_chosen_folder_is_checked_and_only_a_usable_one_is_kept(qtbot, tmp_path, store, settings) -> None:
    share = tmp_path / "share"
    share.mkdir()
    page, controller = make_page(qtbot, store, settings, share)
    page.choose_folder = lambda: str(tmp_path / "no-such-drive")
    page.choose_button.click()
    assert settings.get("shared_folder") == str(share)
    assert page.folder_result.text().startswith("没有改动") and page.choose_button.isEnabled()

    other = tmp_path / "kefu"
    publish(other, LIBRARY, SigningKey.generate(), "主管")
    page.choose_folder = lambda: str(other)
    page.choose_button.click()
    assert settings.get("shared_folder") == str(other)
    assert page.folder_edit.text() == str(other) and page.folder_result.text() == "已找到团队库"
    assert controller.status.state is SyncState.UNTRUSTED  # synced from the new folder at once
    controller.stop()


def test_the_settings_dialog_has_a_team_page_that_opens_the_editor(qtbot, tmp_path, store, settings) -> None:
    page, controller = make_page(qtbot, store, settings, tmp_path)
    dialog = SettingsDialog(settings, team_page=page)
    qtbot.addWidget(dialog)
    titles = [dialog.pages.tabText(i) for i in range(dialog.pages.count())]
    assert titles == ["回复", "外观", "热键", "团队"]  # 我的短语 comes with its buttons
    with qtbot.waitSignal(page.editor_requested):
        page.editor_button.click()
    controller.stop()


def test_the_team_page_follows_a_language_switch(qtbot, tmp_path, store, settings) -> None:
    share = tmp_path / "share"
    publish(share, LIBRARY, SigningKey.generate(), "主管")
    page, controller = make_page(qtbot, store, settings, share)
    page.choose_folder = lambda: str(share)
    page.choose_button.click()
    assert page.folder_result.text() == "已找到团队库"
    translations = Translations(QApplication.instance())
    try:
        translations.apply("en")
        QApplication.processEvents()
        assert page.sync_button.text() == "Sync now" and page.key_box.title() == "Team key"
        page.choose_button.click()
        assert page.folder_result.text() == "Found a team library"
        assert not any("\u4e00" <= char <= "\u9fff" for char in page.status_label.text())
    finally:
        translations.remove()  # back to the source texts, translators gone: not for the next test
        QApplication.processEvents()
    assert page.sync_button.text() == "立即同步"
    controller.stop()
