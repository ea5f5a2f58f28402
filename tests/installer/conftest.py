"""One build for the whole session: the PyInstaller bundle, its MSI, and a bumped-version MSI for upgrades.

Building takes a minute or two on two cores, so every installer test shares the output of this fixture.
The tests are marked `installer` (run by scripts/test like every other test; `-m "not installer"` skips
them while iterating on something else). With KUAIDA_WINDOWS_DIST set (scripts/wine/msi.sh) the fixture hands
out the real Windows bundle and its MSIs instead, and test_msi_wine.py also runs the installed program.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

import desktop

ROOT = Path(__file__).resolve().parents[2]
BUMPED_VERSION = "99.0.0"


def installer_module(name: str) -> ModuleType:
    """A helper script of installer/ (not a package: the spec and build scripts run them from there)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "installer" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class InstallerBuild:
    dist: Path
    work: Path
    version: str

    @property
    def bundle(self) -> Path:
        return self.dist / "Kuaida"

    @property
    def msi(self) -> Path:
        return self.dist / f"Kuaida-{self.version}.msi"

    @property
    def bumped_msi(self) -> Path:
        return self.dist / f"Kuaida-{BUMPED_VERSION}.msi"

    @property
    def for_windows(self) -> bool:
        """A real Windows bundle (built under Wine by scripts/test-windows), not the Linux one."""
        return (self.bundle / "Kuaida.exe").is_file()


def _require_tools() -> None:
    missing = [tool for tool in ("wixl", "wixl-heat", "msiinfo", "msibuild") if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"missing {', '.join(missing)}: install Debian's msitools and wixl (scripts/test does)")


@pytest.fixture(scope="session")
def installer_build(tmp_path_factory: pytest.TempPathFactory) -> InstallerBuild:
    if windows_dist := os.environ.get("KUAIDA_WINDOWS_DIST"):
        # The Windows stage built the real bundle under Wine and both MSIs around it (scripts/wine/msi.sh).
        build = InstallerBuild(dist=Path(windows_dist), work=tmp_path_factory.mktemp("work"),
                               version=desktop.__version__)
        assert build.msi.is_file() and build.bumped_msi.is_file(), f"no MSIs in {windows_dist}"
        return build
    _require_tools()
    base = tmp_path_factory.mktemp("installer")
    build = InstallerBuild(dist=base / "dist", work=base / "build", version=desktop.__version__)
    env = {**os.environ, "PYTHON": sys.executable, "DIST": str(build.dist), "BUILD": str(build.work)}
    script = str(ROOT / "installer" / "build.sh")
    for arguments in ([], ["--msi-only", "--version", BUMPED_VERSION]):
        result = subprocess.run(["bash", script, *arguments], cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=1200)
        if result.returncode != 0:
            pytest.fail(f"installer/build.sh {' '.join(arguments)} failed:\n{result.stdout[-3000:]}"
                        f"\n{result.stderr[-6000:]}")
    return build
