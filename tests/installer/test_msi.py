"""The MSI that wixl builds from installer/kuaida.wxs, read back with msiinfo: the tables IT relies on.

On Linux the payload is the Linux bundle, so this checks the installer's logic (properties, registry values,
upgrade and downgrade handling, shortcut), not a Windows installation; the Windows workflow installs it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from desktop.machine_config import INSTALLER_KEY, REGISTRY_NAMES

from .conftest import installer_module

pytestmark = pytest.mark.installer

ROOT = Path(__file__).resolve().parents[2]
UPGRADE_CODE = "{6A8FFCB1-95EA-4F8A-B590-754D3F9FAC93}"  # never change it: upgrades find Kuaida by it
HKLM = "2"
PROPERTY_VALUES = {"SHAREDFOLDER": "SharedFolder", "TEAMKEY": "TeamKey", "AUTOSTART": "Autostart",
                   "LOCKSETTINGS": "LockSettings"}


def table(msi: Path, name: str) -> list[dict[str, str]]:
    """msiinfo export: a header line of column names, one of types, one of keys, then tab-separated rows."""
    text = subprocess.run(["msiinfo", "export", str(msi), name], capture_output=True, text=True,
                          check=True).stdout
    lines = text.split("\r\n") if "\r\n" in text else text.split("\n")
    columns = lines[0].split("\t")
    return [dict(zip(columns, line.split("\t"), strict=False)) for line in lines[3:] if line]


def properties(msi: Path) -> dict[str, str]:
    return {row["Property"]: row["Value"] for row in table(msi, "Property")}


def sequence(msi: Path) -> dict[str, tuple[int, str]]:
    return {row["Action"]: (int(row["Sequence"]), row["Condition"]) for row in table(msi, "InstallExecuteSequence")}


def test_product_identity(installer_build) -> None:
    values = properties(installer_build.msi)
    assert values["UpgradeCode"] == UPGRADE_CODE
    assert values["ProductVersion"] == installer_build.version
    assert values["ALLUSERS"] == "1"  # per-machine
    assert values["ARPPRODUCTICON"] == "kuaida.exe"
    assert not set(PROPERTY_VALUES) & set(values), "IT's properties have no defaults baked in"
    secure = set(values["SecureCustomProperties"].split(";"))
    assert set(PROPERTY_VALUES) <= secure, "passed on to the elevated part of a managed install"
    summary = subprocess.run(["msiinfo", "suminfo", str(installer_build.msi)], capture_output=True, text=True,
                             check=True).stdout
    assert "Template: x64;" in summary


def test_installs_under_program_files_with_64_bit_components(installer_build) -> None:
    directories = {row["Directory"]: row for row in table(installer_build.msi, "Directory")}
    assert directories["INSTALLDIR"]["Directory_Parent"] == "ProgramFiles64Folder"
    assert directories["INSTALLDIR"]["DefaultDir"] == "Kuaida"
    components = table(installer_build.msi, "Component")
    assert all(int(row["Attributes"]) & 256 for row in components), "every component is 64-bit"
    files = {row["FileName"].split("|")[-1] for row in table(installer_build.msi, "File")}
    assert {"Kuaida.exe", "default.csv", "intents.tsv"} <= files
    assert any(name.startswith("kuaida-cli") for name in files)


def test_registry_values_use_the_names_kuaida_reads(installer_build) -> None:
    rows = {row["Name"]: row for row in table(installer_build.msi, "Registry") if row["Key"] == INSTALLER_KEY}
    assert set(rows) == set(PROPERTY_VALUES.values())
    assert set(rows) <= set(REGISTRY_NAMES)
    assert all(row["Root"] == HKLM for row in rows.values())
    assert rows["SharedFolder"]["Value"] == "[SHAREDFOLDER]"
    assert rows["TeamKey"]["Value"] == "[TEAMKEY]"
    assert rows["Autostart"]["Value"] == "#1"  # REG_DWORD 1
    assert rows["LockSettings"]["Value"] == "#1"


def test_each_value_is_written_only_when_its_property_is_set(installer_build) -> None:
    components = {row["Component"]: row for row in table(installer_build.msi, "Component")}
    registry = table(installer_build.msi, "Registry")
    conditions = {row["Name"]: components[row["Component_"]]["Condition"] for row in registry}
    assert conditions["SharedFolder"] == "SHAREDFOLDER"
    assert conditions["TeamKey"] == "TEAMKEY"
    assert conditions["Autostart"] == 'AUTOSTART = "1"'
    assert conditions["LockSettings"] == 'LOCKSETTINGS = "1"'


def test_autostart_is_an_hklm_run_value_for_the_installed_executable(installer_build) -> None:
    run = [row for row in table(installer_build.msi, "Registry")
           if row["Key"] == r"Software\Microsoft\Windows\CurrentVersion\Run"]
    assert len(run) == 1
    assert run[0]["Root"] == HKLM and run[0]["Name"] == "Kuaida"
    assert run[0]["Value"] == '"[INSTALLDIR]Kuaida.exe"'


def test_upgrades_remember_the_previous_values(installer_build) -> None:
    locators = {row["Signature_"]: row for row in table(installer_build.msi, "RegLocator")}
    searches = {row["Property"]: locators[row["Signature_"]] for row in table(installer_build.msi, "AppSearch")}
    steps = sequence(installer_build.msi)
    app_search, _ = steps["AppSearch"]
    launch_conditions, _ = steps["LaunchConditions"]
    actions = {row["Action"]: row for row in table(installer_build.msi, "CustomAction")}
    for public, name in PROPERTY_VALUES.items():
        found = searches[f"REMEMBERED_{public}"]
        assert (found["Root"], found["Key"], found["Name"]) == (HKLM, INSTALLER_KEY, name)
        assert int(found["Type"]) == 2 | 16, "raw value, 64-bit registry view"
        restore = next(row for row in actions.values() if row["Source"] == public)
        assert int(restore["Type"]) & 0x3F == 51, "a set-property custom action"
        number, condition = steps[restore["Action"]]
        assert app_search < number < launch_conditions
        assert condition.startswith(f"NOT {public} AND REMEMBERED_{public}")


def test_major_upgrade_replaces_older_versions_and_refuses_downgrades(installer_build) -> None:
    upgrade = table(installer_build.msi, "Upgrade")
    assert {row["UpgradeCode"] for row in upgrade} == {UPGRADE_CODE}
    older = next(row for row in upgrade if row["ActionProperty"] == "WIX_UPGRADE_DETECTED")
    newer = next(row for row in upgrade if row["ActionProperty"] == "WIX_DOWNGRADE_DETECTED")
    assert older["VersionMax"] == installer_build.version and older["VersionMin"] == ""
    assert newer["VersionMin"] == installer_build.version
    launch = [row["Condition"] for row in table(installer_build.msi, "LaunchCondition")]
    assert "NOT WIX_DOWNGRADE_DETECTED" in launch
    steps = sequence(installer_build.msi)
    assert steps["InstallValidate"][0] < steps["RemoveExistingProducts"][0] < steps["InstallInitialize"][0]


def test_bumped_build_is_an_upgrade_of_the_same_product(installer_build) -> None:
    first, second = properties(installer_build.msi), properties(installer_build.bumped_msi)
    assert second["UpgradeCode"] == first["UpgradeCode"]
    assert second["ProductCode"] != first["ProductCode"]
    assert second["ProductVersion"] == "99.0.0"


def test_start_menu_shortcut_starts_the_windowed_executable(installer_build) -> None:
    shortcuts = table(installer_build.msi, "Shortcut")
    assert len(shortcuts) == 1
    shortcut = shortcuts[0]
    assert shortcut["Directory_"] == "ProgramMenuFolder"
    assert shortcut["Icon_"] == "kuaida.exe" and shortcut["WkDir"] == "INSTALLDIR"
    component = next(row for row in table(installer_build.msi, "Component")
                     if row["Component"] == shortcut["Component_"])
    key_file = next(row for row in table(installer_build.msi, "File") if row["File"] == component["KeyPath"])
    assert key_file["FileName"].split("|")[-1] == "Kuaida.exe"


def test_what_wixl_cannot_compile_is_read_from_the_wxs() -> None:
    module = installer_module("wixl_postbuild")
    wxs = ROOT / "installer" / "kuaida.wxs"
    conditions = module.component_conditions(wxs)
    assert conditions["SharedFolderValue"] == "SHAREDFOLDER"
    assert conditions["AutostartRunValue"] == 'AUTOSTART = "1"'
    assert module.secure_properties(wxs) == list(PROPERTY_VALUES)
    assert module.secure_query("A;B", ["B", "C"]).startswith("UPDATE `Property` SET `Value` = 'A;B;C' ")
    with pytest.raises(ValueError, match="single quote"):
        module.update_queries({"X": "A = 'b'"})
