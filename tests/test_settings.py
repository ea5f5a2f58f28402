"""Settings: declared once, layered policy → user → installer presets → default, locks, persistence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.settings import BY_KEY, SETTINGS, SettingLockedError, Settings


def test_every_setting_has_a_default_of_its_type_and_a_description() -> None:
    for setting in SETTINGS:
        assert isinstance(setting.default, setting.type), setting.key
        assert setting.description
    assert len(BY_KEY) == len(SETTINGS)


def test_user_choices_persist_and_notify(tmp_path: Path) -> None:
    file = tmp_path / "settings.json"
    settings = Settings(file)
    changes: list[tuple[str, object]] = []
    settings.subscribe(lambda key, value: changes.append((key, value)))
    settings.set("agent_name", "小美")
    settings.set("font_size", "15")
    settings.set("font_size", 15)  # unchanged: no second notification
    assert changes == [("agent_name", "小美"), ("font_size", 15)]
    reopened = Settings(file)
    assert reopened.get("agent_name") == "小美"
    assert reopened.get("font_size") == 15
    assert reopened.source("font_size") == "user"


def test_installer_values_are_presets_the_agent_may_change(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.json", installer={"shared_folder": r"\\server\kefu", "autostart": 1})
    assert settings.get("shared_folder") == r"\\server\kefu"
    assert settings.get("autostart") is True
    assert settings.source("shared_folder") == "installer"
    assert not settings.locked("shared_folder")
    settings.set("shared_folder", "D:/kefu")
    assert settings.get("shared_folder") == "D:/kefu"
    assert settings.source("shared_folder") == "user"


def test_lock_settings_makes_installer_values_win_and_refuse_changes(tmp_path: Path) -> None:
    file = tmp_path / "s.json"
    file.write_text(json.dumps({"version": 1, "values": {"shared_folder": "D:/mine"}}), encoding="utf-8")
    settings = Settings(file, installer={"shared_folder": r"\\server\kefu", "lock_settings": "1"})
    assert settings.get("shared_folder") == r"\\server\kefu"
    assert settings.locked("shared_folder")
    assert not settings.locked("agent_name")
    with pytest.raises(SettingLockedError):
        settings.set("shared_folder", "E:/x")


def test_policy_beats_everything_and_is_locked(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.json", policy={"paste_mode": "copy"}, installer={"paste_mode": "paste"})
    assert settings.get("paste_mode") == "copy"
    assert settings.source("paste_mode") == "policy"
    with pytest.raises(SettingLockedError):
        settings.set("paste_mode", "paste")


def test_a_damaged_settings_file_or_value_falls_back_to_defaults(tmp_path: Path) -> None:
    file = tmp_path / "s.json"
    file.write_text("{not json", encoding="utf-8")
    assert Settings(file).get("font_size") == BY_KEY["font_size"].default
    file.write_text(json.dumps({"version": 1, "values": {"font_size": "huge", "unknown": 1}}), encoding="utf-8")
    settings = Settings(file)
    assert settings.get("font_size") == BY_KEY["font_size"].default
