"""The ADMX/ADML policy template: the values it writes are the ones Kuaida reads, with the right types,
and both languages define every string and presentation the template refers to."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.machine_config import POLICY_KEY, REGISTRY_NAMES
from desktop.settings import BY_KEY, Settings

INSTALLER = Path(__file__).resolve().parents[2] / "installer"
NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}
LANGUAGES = ("en-US", "zh-CN")
ELEMENT_TYPES = {"text": str, "decimal": int, "enum": str, "boolean": bool}


def admx() -> ET.Element:
    return ET.parse(INSTALLER / "kuaida.admx").getroot()


def adml(language: str) -> ET.Element:
    return ET.parse(INSTALLER / language / "kuaida.adml").getroot()


def policy_values() -> list[tuple[str, str, ET.Element]]:
    """(policy name, value name, element) for every element of every policy."""
    found = []
    for policy in admx().iterfind(".//p:policy", NS):
        assert policy.get("key") == POLICY_KEY
        assert policy.get("class") == "Machine"
        for element in policy.find("p:elements", NS):
            found.append((policy.get("name"), element.get("valueName"), element))
    return found


def test_every_policy_value_is_a_setting_kuaida_reads_with_a_matching_type() -> None:
    values = policy_values()
    assert {name for _, name, _ in values} >= {"SharedFolder", "TeamKey"}
    for _policy, value_name, element in values:
        setting = BY_KEY[REGISTRY_NAMES[value_name]]
        tag = element.tag.split("}")[1]
        assert ELEMENT_TYPES[tag] is setting.type, value_name


def test_enum_choices_are_values_the_setting_accepts() -> None:
    paste_mode = next(e for _, name, e in policy_values() if name == "PasteMode")
    choices = {value.text for value in paste_mode.iterfind(".//p:string", NS)}
    assert choices == {"paste", "copy"}
    assert all(choice in BY_KEY["paste_mode"].description for choice in choices)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_defines_every_string_and_presentation(language: str) -> None:
    text = (INSTALLER / "kuaida.admx").read_text(encoding="utf-8")
    strings = set(re.findall(r"\$\(string\.(\w+)\)", text))
    presentations = set(re.findall(r"\$\(presentation\.(\w+)\)", text))
    resources = adml(language)
    defined = {s.get("id") for s in resources.iterfind(".//p:stringTable/p:string", NS)}
    shown = {p.get("id"): p for p in resources.iterfind(".//p:presentationTable/p:presentation", NS)}
    assert strings <= defined, strings - defined
    assert presentations == set(shown)
    element_ids = {e.get("id") for _, _, e in policy_values()}
    referenced = {child.get("refId") for p in shown.values() for child in p}
    assert referenced == element_ids


def test_policy_values_read_back_as_locked_settings() -> None:
    # What the registry holds after the policy applies, as machine_config hands it to Settings.
    registry = {"SharedFolder": r"\\server\kefu", "SyncIntervalSeconds": 120, "PasteMode": "copy"}
    settings = Settings(None, policy={REGISTRY_NAMES[k]: v for k, v in registry.items()})
    assert settings.get("shared_folder") == r"\\server\kefu" and settings.locked("shared_folder")
    assert settings.get("sync_interval_seconds") == 120
    assert settings.source("paste_mode") == "policy"


def test_hotkeys_can_be_set_by_policy_and_the_pick_prefixes_are_the_ones_kuaida_offers() -> None:
    from desktop.platform.keys import bindings_from_settings
    from desktop.ui.shell.settings_dialog import PICK_PREFIXES

    pick = next(e for _, name, e in policy_values() if name == "HotkeyPickPrefix")
    assert tuple(value.text for value in pick.iterfind(".//p:string", NS)) == PICK_PREFIXES
    registry = {"HotkeyShow": "Ctrl+Alt+K", "HotkeySearch": "F8", "HotkeyPickPrefix": "Ctrl+Alt"}
    settings = Settings(None, policy={REGISTRY_NAMES[k]: v for k, v in registry.items()})
    assert all(settings.locked(REGISTRY_NAMES[name]) for name in registry)
    bindings = bindings_from_settings(settings.get)
    assert (bindings["show"], bindings["search"], bindings["pick:3"]) == ("Ctrl+Alt+K", "F8", "Ctrl+Alt+3")
