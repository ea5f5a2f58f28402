"""Settings, declared once (key, type, default, description), layered as IT expects.

Lookup order: machine policy (Group Policy, `HKLM\\Software\\Policies\\Kuaida`) → the agent's own choices
(`settings.json` in the data folder) → values the installer wrote (`HKLM\\Software\\Kuaida`, presets) →
the default. With LOCKSETTINGS=1 the installer's values rank above the agent's. A key set by policy, or by
the installer with LOCKSETTINGS=1, is locked: the UI shows it greyed out and `set` refuses it.
No Qt here; the UI wraps `subscribe` in a Qt signal.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.paths import Paths

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    description: str


SETTINGS: tuple[Setting, ...] = (
    Setting("agent_name", str, "", "客服昵称，填入 {客服}"),
    Setting("shop_name", str, "", "店铺名称，填入 {店铺}"),
    Setting("language", str, "zh_CN", "界面语言：zh_CN 或 en"),
    Setting("theme", str, "system", "主题：system / light / dark"),
    Setting("font_size", int, 13, "字号（像素）"),
    Setting("paste_mode", str, "paste", "paste：复制并粘贴到聊天窗口；copy：只复制"),
    Setting("restore_clipboard", bool, False, "粘贴后恢复原来的剪贴板内容"),
    Setting("watch_clipboard", bool, True, "监听剪贴板并给出建议"),
    Setting("hotkey_show", str, "Alt+Q", "显示/隐藏快答"),
    Setting("hotkey_search", str, "Alt+S", "搜索短语"),
    Setting("hotkey_pick_prefix", str, "Alt", "选择第 1–9 条建议的热键修饰键（Alt+1 … Alt+9）"),
    Setting("max_clipboard_chars", int, 2000, "超过此长度的剪贴板内容不当作买家消息"),
    Setting("window_geometry", str, "", "窗口位置与大小"),
    Setting("dock_edge", str, "", "停靠屏幕边缘：left / right / 空"),
    Setting("shared_folder", str, "", "团队共享文件夹（空：使用本地文件夹代替）"),
    Setting("team_key", str, "", "团队公钥（或其指纹）"),
    Setting("sync_interval_seconds", int, 60, "检查团队短语库更新的间隔"),
    Setting("autostart", bool, False, "开机自动启动"),
    Setting("order_close_hours", int, 72, "未付款订单自动关闭时间（小时）"),
    Setting("first_nudge_minutes", int, 30, "下单后多久第一次催付（分钟）"),
    Setting("last_nudge_minutes", int, 120, "关闭前多久最后一次催付（分钟）"),
    Setting("star_on_remind", bool, True, "催付后自动给买家亮星"),
    Setting("order_close_hours_by_platform", str, "", "各平台自动关闭时间（小时），如 pdd=24, jd=24"),
    Setting("shop_timezone", str, "", "店铺所在时区（IANA 名称，如 Asia/Shanghai；空：本机时区）"),
    Setting("campaign", str, "", "当前活动，填入 {活动}"),
    Setting("snooze_minutes", int, 30, "催付提醒“稍后”推迟的分钟数"),
    Setting("keep_bundled_phrases", bool, False, "导入自己的短语库后，仍然推荐快答自带的默认短语"),
)
BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}


class SettingLockedError(PermissionError):
    pass


def coerce(setting: Setting, value: Any) -> Any:
    """Turn a stored or registry value (often a string or a DWORD) into the setting's type."""
    if setting.type is bool:
        return _as_bool(value)
    if setting.type is int:
        return int(value)
    return str(value)


def _as_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return bool(value)


class Settings:
    def __init__(
        self,
        user_file: Path | None,
        *,
        policy: Mapping[str, Any] | None = None,
        installer: Mapping[str, Any] | None = None,
    ) -> None:
        self.user_file = user_file
        self.policy = {k: v for k, v in (policy or {}).items() if k in BY_KEY}
        self.installer = {k: v for k, v in (installer or {}).items() if k in BY_KEY}
        self.lock_installer_values = _as_bool((installer or {}).get("lock_settings", False))
        self._user: dict[str, Any] = self._load_user()
        self._listeners: list[Callable[[str, Any], None]] = []

    def _layers(self) -> tuple[tuple[str, Mapping[str, Any]], ...]:
        """Strongest first. Installer values are presets the agent may change, unless LOCKSETTINGS=1."""
        if self.lock_installer_values:
            return (("policy", self.policy), ("installer", self.installer), ("user", self._user))
        return (("policy", self.policy), ("user", self._user), ("installer", self.installer))

    def get(self, key: str) -> Any:
        setting = BY_KEY[key]
        for _name, layer in self._layers():
            if key in layer:
                try:
                    return coerce(setting, layer[key])
                except (TypeError, ValueError):
                    log.warning("ignoring a malformed value for setting %s", key)
        return setting.default

    def source(self, key: str) -> str:
        for name, layer in self._layers():
            if key in layer:
                return name
        return "default"

    def locked(self, key: str) -> bool:
        return key in self.policy or (self.lock_installer_values and key in self.installer)

    def set(self, key: str, value: Any) -> None:
        setting = BY_KEY[key]
        if self.locked(key):
            raise SettingLockedError(f"设置“{setting.description}”由管理员锁定")
        value = coerce(setting, value)
        if self._user.get(key) == value:
            return
        self._user[key] = value
        self._save_user()
        for listener in list(self._listeners):
            listener(key, value)

    def subscribe(self, listener: Callable[[str, Any], None]) -> None:
        self._listeners.append(listener)

    def _load_user(self) -> dict[str, Any]:
        if self.user_file is None or not self.user_file.exists():
            return {}
        try:
            data = json.loads(self.user_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            log.warning("settings file unreadable, using defaults: %s", error)
            return {}
        values = data.get("values", {}) if isinstance(data, dict) else {}
        return {k: v for k, v in _upgrade(values, int(data.get("version", 0))).items() if k in BY_KEY}

    def _save_user(self) -> None:
        if self.user_file is None:
            return
        self.user_file.parent.mkdir(parents=True, exist_ok=True)
        partial = self.user_file.with_suffix(".partial")
        payload = {"version": SETTINGS_VERSION, "values": self._user}
        partial.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
        partial.replace(self.user_file)


def _upgrade(values: dict[str, Any], version: int) -> dict[str, Any]:
    """Versioned upgrades of the user's settings file; each step takes version N to N+1."""
    return values


def open_settings(paths: Paths) -> Settings:
    """The agent's settings with IT's layers read from this machine (Group Policy, the installer's values)."""
    from desktop.platform.machine_config import read_installer_values, read_policy

    return Settings(paths.settings_file, policy=read_policy(), installer=read_installer_values())
