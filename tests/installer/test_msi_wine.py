"""The MSI's install logic at run time, under Wine's msiexec: properties → registry values, upgrades that keep
them, downgrades refused, a clean uninstall that leaves the agent's data.

In the Linux suite the payload is the Linux bundle, so nothing is started. The Windows stage
(scripts/test-windows → scripts/wine/msi.sh) runs this file once more with KUAIDA_WINDOWS_DIST: the real
Windows bundle built under Wine, whose installed exes then run (self-test, doctor reading the installer's
settings, suggest creating the agent's store), before and after the upgrade."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.installer

KUAIDA_KEY = r"HKLM\Software\Kuaida"
RUN_KEY = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Run"
TEAM_KEY = "kuaida-team-key ed25519 " + "A" * 43 + "="


def _wine_binary() -> Path:
    for candidate in (shutil.which("wine64"), shutil.which("wine"), "/usr/lib/wine/wine64"):
        if candidate and Path(candidate).exists():
            return Path(candidate)
    pytest.fail("Wine is missing: install Debian's wine64 (scripts/test does)")


@dataclass
class Wine:
    binary: Path
    prefix: Path

    @property
    def env(self) -> dict[str, str]:
        # A prefix of our own, no Mono or Gecko download prompts, no debug chatter, no display needed.
        env = {**os.environ, "WINEPREFIX": str(self.prefix), "WINEDEBUG": "-all",
               "WINEDLLOVERRIDES": "mscoree,mshtml=", "WINEARCH": "win64"}
        env.pop("DISPLAY", None)
        env.pop("KUAIDA_HOME", None)  # the suite's own data folder: an agent's PC uses %LOCALAPPDATA%\Kuaida
        # Chinese Windows when the Windows stage compiled the locale (scripts/wine/setup.sh): Wine passes
        # Chinese arguments only with a Unix locale of that charset.
        locales = Path(os.environ.get("KUAIDA_WINE_ROOT", "/nonexistent")) / "locale"
        if (locales / "zh_CN.UTF-8").is_dir():
            env.update(LOCPATH=str(locales), LC_ALL="zh_CN.UTF-8", LANG="zh_CN.UTF-8")
        return env

    @property
    def drive_c(self) -> Path:
        return self.prefix / "drive_c"

    def __call__(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(self.binary), *arguments], env=self.env, capture_output=True, text=True,
                              errors="replace", timeout=300)

    def stop(self) -> None:
        server = self.binary.with_name("wineserver64")
        subprocess.run([str(server) if server.exists() else "wineserver", "--kill"], env=self.env,
                       capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory, installer_build) -> Iterator[Wine]:
    wine = Wine(_wine_binary(), tmp_path_factory.mktemp("wineprefix"))
    booted = wine("wineboot", "--init")
    assert booted.returncode == 0, booted.stderr
    if installer_build.for_windows:
        # What the installed program needs of Windows 10 that a fresh Wine prefix lacks (see stub_dlls.py).
        assert wine("winecfg", "-v", "win10").returncode == 0
        qt_core = installer_build.bundle / "_internal" / "PySide6" / "Qt6Core.dll"
        subprocess.run([sys.executable, str(ROOT / "scripts" / "wine" / "stub_dlls.py"),
                        str(wine.drive_c / "windows" / "system32"), str(qt_core)], check=True, capture_output=True)
    yield wine
    wine.stop()


def run_installed(wine: Wine, program: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    result = wine(str(wine.drive_c / "Program Files" / "Kuaida" / program), *arguments)
    print(f"{program} {' '.join(arguments)} → exit {result.returncode}\n{result.stdout[-1500:]}{result.stderr[-1500:]}")
    return result


def check_installed_program_runs(wine: Wine) -> None:
    """The installed exes, as on an agent's PC: its own %LOCALAPPDATA%, the installer's settings."""
    cli = run_installed(wine, "kuaida-cli.exe", "--self-test")
    assert cli.returncode == 0 and "self-test passed" in cli.stdout
    assert run_installed(wine, "Kuaida.exe", "--self-test").returncode == 0  # windowed: the exit code tells
    doctor = run_installed(wine, "kuaida-cli.exe", "doctor", "--json", "--timeout", "3")  # the share is absent
    report = json.loads(doctor.stdout)
    shared = next(s for s in report["settings"] if s["key"] == "shared_folder")
    assert (shared["value"], shared["source"]) == (r"\\server\kefu", "installer")
    assert "AppData\\Local\\Kuaida" in report["paths"]["data"]
    suggest = run_installed(wine, "kuaida-cli.exe", "suggest", "什么时候发货")
    assert suggest.returncode == 0 and "发货" in suggest.stdout


def registry_values(wine, key: str) -> dict[str, str]:
    """`reg query` output → {name: data}; {} when the key does not exist."""
    result = wine("reg", "query", key)
    values = {}
    for line in result.stdout.splitlines():
        parts = line.strip().split(None, 2)
        if len(parts) == 3 and parts[1].startswith("REG_"):
            values[parts[0]] = parts[2]
    return values


def msiexec(wine, *arguments: str) -> int:
    return wine("msiexec", *arguments, "/qn").returncode


def installed_products(wine) -> list[str]:
    result = wine("reg", "query", r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall")
    return [line.strip() for line in result.stdout.splitlines() if line.strip().rsplit("\\", 1)[-1].startswith("{")]


def test_install_upgrade_downgrade_and_uninstall(installer_build, wine) -> None:
    install_dir = wine.drive_c / "Program Files" / "Kuaida"

    # 1. A preconfigured install, as IT pushes it.
    assert msiexec(wine, "/i", str(installer_build.msi), r"SHAREDFOLDER=\\server\kefu", f"TEAMKEY={TEAM_KEY}",
                   "AUTOSTART=1") == 0
    assert registry_values(wine, KUAIDA_KEY) == {
        "SharedFolder": r"\\server\kefu", "TeamKey": TEAM_KEY, "Autostart": "0x1"}
    assert registry_values(wine, RUN_KEY)["Kuaida"] == r'"C:\Program Files\Kuaida\Kuaida.exe"'
    assert (install_dir / "Kuaida.exe").is_file()
    assert (install_dir / "_internal" / "desktop" / "resources" / "library" / "default.csv").is_file()
    assert list(wine.drive_c.rglob("Start Menu/Programs/Kuaida.lnk")), "the Start-menu shortcut"

    # The agent works: data under %LOCALAPPDATA%\Kuaida, which the installer never owns.
    data = wine.drive_c / "users" / os.environ.get("USER", "root") / "AppData" / "Local" / "Kuaida"
    if installer_build.for_windows:
        size = sum(path.stat().st_size for path in install_dir.rglob("*") if path.is_file())
        print(f"installed {size / 2**20:.0f} MB in {install_dir.name}")
        check_installed_program_runs(wine)  # its suggest creates the agent's real store there
        (data / "settings.json").write_text('{"agent_name": "小美"}', encoding="utf-8")  # her own settings
    else:
        data.mkdir(parents=True)
        (data / "kuaida.sqlite3").write_bytes(b"the agent's phrases")
    agent_files = {path.relative_to(data): path.read_bytes() for path in data.rglob("*") if path.is_file()}
    assert Path("kuaida.sqlite3") in agent_files

    # 2. An upgrade without the properties keeps them; a new one is added.
    assert msiexec(wine, "/i", str(installer_build.bumped_msi), "LOCKSETTINGS=1") == 0
    assert registry_values(wine, KUAIDA_KEY) == {
        "SharedFolder": r"\\server\kefu", "TeamKey": TEAM_KEY, "Autostart": "0x1", "LockSettings": "0x1"}
    assert "Kuaida" in registry_values(wine, RUN_KEY)
    assert len(installed_products(wine)) == 1, "the old version was replaced in place"
    if installer_build.for_windows:
        assert run_installed(wine, "kuaida-cli.exe", "--self-test").returncode == 0
    assert {path.relative_to(data): path.read_bytes() for path in data.rglob("*") if path.is_file()} == agent_files

    # 3. Going back to the older version is refused and changes nothing.
    assert msiexec(wine, "/i", str(installer_build.msi)) != 0
    assert len(installed_products(wine)) == 1
    assert registry_values(wine, KUAIDA_KEY)["LockSettings"] == "0x1"

    # 4. Uninstall removes the program and the installer's values, and leaves the agent's data.
    assert msiexec(wine, "/x", str(installer_build.bumped_msi)) == 0
    assert registry_values(wine, KUAIDA_KEY) == {}
    assert "Kuaida" not in registry_values(wine, RUN_KEY)
    assert not (install_dir / "Kuaida.exe").exists()
    assert installed_products(wine) == []
    assert {path.relative_to(data): path.read_bytes() for path in data.rglob("*") if path.is_file()} == agent_files

    # 5. A plain install writes no configuration at all (nothing remembered after the uninstall).
    assert msiexec(wine, "/i", str(installer_build.msi)) == 0
    assert registry_values(wine, KUAIDA_KEY) == {}
    assert "Kuaida" not in registry_values(wine, RUN_KEY)
    assert msiexec(wine, "/x", str(installer_build.msi)) == 0
