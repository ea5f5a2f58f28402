"""Settings: declared once, layered policy → user → installer presets → default, locks, persistence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.settings import BY_KEY, KEYS_BY_TYPE, SETTINGS, SettingLockedError, Settings


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


@pytest.mark.parametrize(
    "content",
    ["[]", '"text"', "3", "null", '{"version": "one"}', '{"values": []}', '{"version": [], "values": {"x": 1}}',
     '{"version": 1, "values": "font_size"}'],
)
def test_a_malformed_settings_file_starts_on_defaults(tmp_path: Path, content: str,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    """Issue 11 #16: each of these once raised out of Settings() and stopped every command from starting."""
    file = tmp_path / "s.json"
    file.write_text(content, encoding="utf-8")
    settings = Settings(file)
    assert all(settings.get(s.key) == s.default for s in SETTINGS)
    settings.set("agent_name", "小美")  # and the file can be written again
    assert Settings(file).get("agent_name") == "小美"


def test_extreme_and_wrongly_typed_values_are_clamped_or_dropped_with_a_warning(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    file = tmp_path / "s.json"
    values = {"sync_interval_seconds": 10**10, "order_close_hours": 10**9, "font_size": -3, "snooze_minutes": 0,
              "theme": "neon", "paste_mode": ["paste"], "agent_name": {"a": 1}, "max_clipboard_chars": 1e400,
              "shop_name": "店" * 5000, "autostart": "yes"}
    file.write_text(json.dumps({"version": 1, "values": values}), encoding="utf-8")
    settings = Settings(file, policy={"first_nudge_minutes": "99999999"}, installer={"last_nudge_minutes": -5})
    assert settings.get("sync_interval_seconds") == BY_KEY["sync_interval_seconds"].high
    assert settings.get("order_close_hours") == BY_KEY["order_close_hours"].high
    assert settings.get("font_size") == BY_KEY["font_size"].low
    assert settings.get("snooze_minutes") == BY_KEY["snooze_minutes"].low
    assert settings.get("first_nudge_minutes") == 24 * 60
    assert settings.get("last_nudge_minutes") == 0
    for key in ("theme", "paste_mode", "agent_name", "max_clipboard_chars"):
        assert settings.get(key) == BY_KEY[key].default, key
    assert len(settings.get("shop_name")) == BY_KEY["shop_name"].max_length
    assert settings.get("autostart") is True
    warned = " ".join(record.getMessage() for record in caplog.records)
    assert "sync_interval_seconds" in warned and "theme" in warned and "shop_name" in warned
    with pytest.raises(ValueError, match="theme"):
        settings.set("theme", "neon")
    settings.set("sync_interval_seconds", 1)
    assert settings.get("sync_interval_seconds") == BY_KEY["sync_interval_seconds"].low


def test_every_number_setting_has_a_range_and_every_default_passes_its_own_check() -> None:
    from desktop.settings import coerce

    for setting in SETTINGS:
        if setting.type is int:
            assert setting.low is not None and setting.high is not None, setting.key
        assert coerce(setting, setting.default) == setting.default


def test_the_reminder_policy_keeps_per_platform_hours_in_range() -> None:
    from desktop.core.reminders import MAX_CLOSE_HOURS, parse_platform_hours

    assert parse_platform_hours("pdd=1000000000, jd=0, tb=24") == {"pdd": MAX_CLOSE_HOURS, "jd": 1, "tb": 24}


@pytest.mark.parametrize("content", ["[]", '{"version": "one"}', '{"values": []}',
                                     '{"version": 1, "values": {"order_close_hours": 1000000000}}'])
def test_commands_start_and_list_reminders_whatever_the_settings_file_holds(tmp_path: Path, content: str,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 11 #16 end to end: each of these once stopped every command (or the 催付 list) from running."""
    from desktop.cli import main
    from desktop.paths import Paths

    home = Paths(tmp_path / "home").ensure()
    home.settings_file.write_text(content, encoding="utf-8")
    assert main(["--data-dir", str(home.home), "orders", "add", "3561234567890123456", "--buyer", "买家"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(home.home), "reminders", "list", "--json"]) == 0
    assert "3561234567890123456" in capsys.readouterr().out


def test_the_typed_key_lists_name_every_setting_once_with_its_type() -> None:
    """`Settings.get` is typed by these lists; a setting missing from them, or listed under the wrong type,
    would let a caller treat a number as text without the type checker noticing."""
    listed = [key for keys in KEYS_BY_TYPE.values() for key in keys]
    assert sorted(listed) == sorted(s.key for s in SETTINGS)
    for setting in SETTINGS:
        assert setting.key in KEYS_BY_TYPE[setting.type], setting.key
