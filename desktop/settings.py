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
from typing import TYPE_CHECKING, Any, Literal, get_args, overload

from desktop.core.reminders import MAX_CLOSE_HOURS
from desktop.machine_config import read_installer_values, read_policy

if TYPE_CHECKING:
    from desktop.paths import Paths

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Setting:
    """One setting. Every value read from a file, the registry or a caller is checked against its type and
    `low`/`high` (numbers, clamped), `choices` (words, else the default) or `max_length` (text, cut)."""

    key: str
    type: type
    default: Any
    description: str
    low: int | None = None
    high: int | None = None
    choices: tuple[str, ...] = ()
    max_length: int = 1000


SETTINGS: tuple[Setting, ...] = (
    Setting("agent_name", str, "", "客服昵称，填入 {客服}"),
    Setting("shop_name", str, "", "店铺名称，填入 {店铺}"),
    Setting("language", str, "zh_CN", "界面语言：zh_CN 或 en", choices=("zh_CN", "en")),
    Setting("theme", str, "system", "主题：system / light / dark", choices=("system", "light", "dark")),
    Setting("font_size", int, 13, "字号（像素）", low=11, high=24),
    Setting("paste_mode", str, "paste", "paste：复制并粘贴到聊天窗口；copy：只复制", choices=("paste", "copy")),
    Setting("restore_clipboard", bool, False, "粘贴后恢复原来的剪贴板内容"),
    Setting("watch_clipboard", bool, True, "监听剪贴板并给出建议"),
    Setting("hotkey_show", str, "Alt+Q", "显示/隐藏快答"),
    Setting("hotkey_search", str, "Alt+S", "搜索短语"),
    Setting("hotkey_pick_prefix", str, "Alt", "选择第 1–9 条建议的热键修饰键（Alt+1 … Alt+9）"),
    Setting("max_clipboard_chars", int, 2000, "超过此长度的剪贴板内容不当作买家消息", low=50, high=100_000),
    Setting("window_geometry", str, "", "窗口位置与大小"),
    Setting("dock_edge", str, "", "停靠屏幕边缘：left / right / 空", choices=("", "left", "right")),
    Setting("shared_folder", str, "", "团队共享文件夹（空：使用本地文件夹代替）"),
    Setting("team_key", str, "", "团队公钥（或其指纹）", max_length=10_000),
    Setting("sync_interval_seconds", int, 60, "检查团队短语库更新的间隔", low=15, high=3600),
    Setting("autostart", bool, False, "开机自动启动"),
    Setting("order_close_hours", int, 72, "未付款订单自动关闭时间（小时）", low=1, high=MAX_CLOSE_HOURS),
    Setting("first_nudge_minutes", int, 30, "下单后多久第一次催付（分钟）", low=0, high=24 * 60),
    Setting("last_nudge_minutes", int, 120, "关闭前多久最后一次催付（分钟）", low=0, high=24 * 60),
    Setting("star_on_remind", bool, True, "催付后自动给买家亮星"),
    Setting("order_close_hours_by_platform", str, "", "各平台自动关闭时间（小时），如 pdd=24, jd=24"),
    Setting("shop_timezone", str, "", "店铺所在时区（IANA 名称，如 Asia/Shanghai；空：本机时区）"),
    Setting("campaign", str, "", "当前活动，填入 {活动}"),
    Setting("snooze_minutes", int, 30, "催付提醒“稍后”推迟的分钟数", low=5, high=24 * 60),
    Setting("lost_sale_reasons", str, "", "店铺自己的未成交原因（每行一个；默认八个原因之外）", max_length=2000),
    Setting("feedback_departments", str, "", "意见反馈的部门（每行一个；空：仓储、运营、财务、产品、物流）",
            max_length=1000),
    Setting("keep_bundled_phrases", bool, False, "导入自己的短语库后，仍然推荐快答自带的默认短语"),
)
BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}

# The keys by type, so `get("agent_name")` is a `str` to the type checker and no call site casts
# (tests/test_settings.py checks these lists against SETTINGS).
TextKey = Literal[
    "agent_name", "shop_name", "language", "theme", "paste_mode", "hotkey_show", "hotkey_search",
    "hotkey_pick_prefix", "window_geometry", "dock_edge", "shared_folder", "team_key",
    "order_close_hours_by_platform", "shop_timezone", "campaign", "lost_sale_reasons", "feedback_departments",
]
FlagKey = Literal["restore_clipboard", "watch_clipboard", "autostart", "star_on_remind", "keep_bundled_phrases"]
NumberKey = Literal[
    "font_size", "max_clipboard_chars", "sync_interval_seconds", "order_close_hours", "first_nudge_minutes",
    "last_nudge_minutes", "snooze_minutes",
]
KEYS_BY_TYPE: dict[type, frozenset[str]] = {
    str: frozenset(get_args(TextKey)), bool: frozenset(get_args(FlagKey)), int: frozenset(get_args(NumberKey)),
}
SettingValue = str | int | bool


class SettingsReader:
    """`get(key)` typed by key: text settings are `str`, switches `bool`, numbers `int`; a key only known at
    run time (the settings dialog's loop over SETTINGS) gives `SettingValue`. Subclasses supply `value`."""

    @overload
    def get(self, key: TextKey) -> str: ...

    @overload
    def get(self, key: FlagKey) -> bool: ...

    @overload
    def get(self, key: NumberKey) -> int: ...

    @overload
    def get(self, key: str) -> SettingValue: ...

    def get(self, key: str) -> SettingValue:
        return self.value(key)

    def value(self, key: str) -> SettingValue:
        raise NotImplementedError


class SettingLockedError(PermissionError):
    pass


def coerce(setting: Setting, value: Any) -> Any:
    """Turn a stored or registry value (often a string or a DWORD) into the setting's type, within its range.

    TypeError/ValueError when it cannot be one (a list, a word for a number, a word not among the choices);
    a number outside the range is clamped and text too long is cut, both with a logged warning.
    """
    if not isinstance(value, str | int | float | bool):
        raise TypeError(f"{type(value).__name__} is not a value for {setting.key}")
    if setting.type is bool:
        return _as_bool(value)
    if setting.type is int:
        number = int(value)
        low = setting.low if setting.low is not None else number
        high = setting.high if setting.high is not None else number
        clamped = min(max(number, low), high)
        if clamped != number:
            log.warning("setting %s = %s is outside %s–%s; using %s", setting.key, number, low, high, clamped)
        return clamped
    text = str(value)
    if setting.choices and text not in setting.choices:
        raise ValueError(f"{setting.key} must be one of {setting.choices}")
    if len(text) > setting.max_length:
        log.warning("setting %s is %d characters long; cut to %d", setting.key, len(text), setting.max_length)
        text = text[: setting.max_length]
    return text


def checked_values(values: Mapping[str, Any], origin: str) -> dict[str, Any]:
    """The known keys of `values`, each coerced into its type and range; the rest dropped with a warning."""
    kept: dict[str, Any] = {}
    for key, value in values.items():
        setting = BY_KEY.get(key)
        if setting is None:
            continue
        try:
            kept[key] = coerce(setting, value)
        except (TypeError, ValueError, OverflowError):
            log.warning("ignoring a malformed %s value for setting %s", origin, key)
    return kept


def _as_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return bool(value)


class Settings(SettingsReader):
    def __init__(
        self,
        user_file: Path | None,
        *,
        policy: Mapping[str, Any] | None = None,
        installer: Mapping[str, Any] | None = None,
    ) -> None:
        self.user_file = user_file
        self.policy = checked_values(policy or {}, "policy")
        self.installer = checked_values(installer or {}, "installer")
        self.lock_installer_values = _as_bool((installer or {}).get("lock_settings", False))
        self._user: dict[str, Any] = self._load_user()
        self._listeners: list[Callable[[str, Any], None]] = []

    def _layers(self) -> tuple[tuple[str, Mapping[str, Any]], ...]:
        """Strongest first. Installer values are presets the agent may change, unless LOCKSETTINGS=1."""
        if self.lock_installer_values:
            return (("policy", self.policy), ("installer", self.installer), ("user", self._user))
        return (("policy", self.policy), ("user", self._user), ("installer", self.installer))

    def value(self, key: str) -> SettingValue:
        setting = BY_KEY[key]
        for _name, layer in self._layers():
            if key in layer:
                value: SettingValue = layer[key]  # checked when the layer was read or set
                return value
        default: SettingValue = setting.default
        return default

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
        """The agent's file, each value checked; anything malformed falls back to its default with a warning,
        so a damaged file never stops a command from starting."""
        if self.user_file is None or not self.user_file.exists():
            return {}
        try:
            data = json.loads(self.user_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            log.warning("settings file unreadable, using defaults: %s", error)
            return {}
        if not isinstance(data, dict):
            log.warning("settings file holds a %s, not settings; using defaults", type(data).__name__)
            return {}
        values = data.get("values", {})
        if not isinstance(values, dict):
            log.warning("settings file has no table of values; using defaults")
            return {}
        version = data.get("version", 0)
        if isinstance(version, bool) or not isinstance(version, int):
            log.warning("settings file version %r is not a number; reading it as version 0", version)
            version = 0
        return checked_values(_upgrade(values, version), "user")

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
    return Settings(paths.settings_file, policy=read_policy(), installer=read_installer_values())
