"""The MSI's install logic at run time, under Wine's msiexec: properties → registry values, upgrades that keep
them, downgrades refused, a clean uninstall that leaves the agent's data. The payload is the Linux bundle,
so nothing is started; the Windows workflow (.github/workflows/windows.yml) covers the real thing."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

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
def wine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    wine = Wine(_wine_binary(), tmp_path_factory.mktemp("wineprefix"))
    booted = wine("wineboot", "--init")
    assert booted.returncode == 0, booted.stderr
    yield wine
    wine.stop()


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
    data.mkdir(parents=True)
    (data / "kuaida.sqlite3").write_bytes(b"the agent's phrases")

    # 2. An upgrade without the properties keeps them; a new one is added.
    assert msiexec(wine, "/i", str(installer_build.bumped_msi), "LOCKSETTINGS=1") == 0
    assert registry_values(wine, KUAIDA_KEY) == {
        "SharedFolder": r"\\server\kefu", "TeamKey": TEAM_KEY, "Autostart": "0x1", "LockSettings": "0x1"}
    assert "Kuaida" in registry_values(wine, RUN_KEY)
    assert len(installed_products(wine)) == 1, "the old version was replaced in place"

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
    assert (data / "kuaida.sqlite3").read_bytes() == b"the agent's phrases"

    # 5. A plain install writes no configuration at all (nothing remembered after the uninstall).
    assert msiexec(wine, "/i", str(installer_build.msi)) == 0
    assert registry_values(wine, KUAIDA_KEY) == {}
    assert "Kuaida" not in registry_values(wine, RUN_KEY)
    assert msiexec(wine, "/x", str(installer_build.msi)) == 0
