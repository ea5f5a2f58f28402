"""Machine-wide configuration that IT sets: Group Policy and the installer's values (Windows registry).

Elsewhere there is no such layer, except that `KUAIDA_POLICY_FILE` may name a JSON file of policy values
(used by tests and by Linux deployments). Never raises: an unreadable source counts as empty, with a log line.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

POLICY_KEY = r"Software\Policies\Kuaida"
INSTALLER_KEY = r"Software\Kuaida"
# Registry value names (as the MSI and the ADMX template write them) → setting keys.
REGISTRY_NAMES = {
    "SharedFolder": "shared_folder",
    "TeamKey": "team_key",
    "Autostart": "autostart",
    "LockSettings": "lock_settings",
    "AgentName": "agent_name",
    "ShopName": "shop_name",
    "PasteMode": "paste_mode",
    "SyncIntervalSeconds": "sync_interval_seconds",
    "KeepBundledPhrases": "keep_bundled_phrases",
    "HotkeyShow": "hotkey_show",
    "HotkeySearch": "hotkey_search",
    "HotkeyPickPrefix": "hotkey_pick_prefix",
}


def _read_registry(subkey: str) -> dict[str, Any]:
    if sys.platform != "win32":
        return {}
    import winreg

    values: dict[str, Any] = {}
    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, subkey) as key:
            index = 0
            while True:
                try:
                    name, value, _kind = winreg.EnumValue(key, index)
                except OSError:
                    break
                if name in REGISTRY_NAMES:
                    values[REGISTRY_NAMES[name]] = value
                index += 1
    except FileNotFoundError:
        return {}
    except OSError as error:
        log.warning("cannot read HKLM\\%s: %s", subkey, error)
    return values


def _read_json(variable: str) -> dict[str, Any]:
    path = os.environ.get(variable)
    if not path:
        return {}
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return dict(data) if isinstance(data, dict) else {}
    except (OSError, ValueError) as error:
        log.warning("cannot read %s=%s: %s", variable, path, error)
        return {}


def read_policy() -> dict[str, Any]:
    return {**_read_registry(POLICY_KEY), **_read_json("KUAIDA_POLICY_FILE")}


def read_installer_values() -> dict[str, Any]:
    return {**_read_registry(INSTALLER_KEY), **_read_json("KUAIDA_INSTALLER_FILE")}
