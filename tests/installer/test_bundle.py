"""The PyInstaller bundle: it runs (--self-test from both executables), and it is trimmed as the spec says."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import installer_module

pytestmark = pytest.mark.installer

ROOT = Path(__file__).resolve().parents[2]
KEPT_QT_LIBRARIES = {"Core", "Gui", "Widgets", "Svg", "DBus", "XcbQpa", "WaylandClient"}
FOREIGN_BINDINGS = re.compile(r"^(PyQt5|PyQt6|PySide2|qtpy|tkinter|_tkinter)(\.|$)")


def _executable(bundle: Path, name: str) -> Path:
    return bundle / (name + ".exe" if sys.platform == "win32" else name)


def _run(executable: Path, *arguments: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KUAIDA_HOME": str(home)}
    return subprocess.run([str(executable), *arguments], capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=120)


@pytest.mark.parametrize("name", ["kuaida-cli", "Kuaida"])
def test_bundled_self_test_passes_from_either_executable(installer_build, kuaida_home: Path, name: str) -> None:
    result = _run(_executable(installer_build.bundle, name), "--self-test", home=kuaida_home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert not kuaida_home.exists(), "the self-test must not touch the agent's data folder"


def test_bundled_doctor_runs(installer_build, kuaida_home: Path) -> None:
    result = _run(_executable(installer_build.bundle, "kuaida-cli"), "doctor", home=kuaida_home)
    assert "Kuaida" in result.stdout, result.stderr
    assert str(kuaida_home) in result.stdout


def test_bundle_ships_the_resources_as_files(installer_build) -> None:
    resources = installer_build.bundle / "_internal" / "desktop" / "resources"
    assert (resources / "library" / "default.csv").is_file()
    assert (resources / "intents.tsv").is_file()
    assert not list(resources.rglob("__pycache__"))


def _qt_libraries(bundle: Path) -> set[str]:
    qt_part = installer_module("qt_trim").qt_part
    return {part[1] for path in bundle.rglob("*") if (part := qt_part(path.name)) and part[0] == "lib"}


def test_only_the_qt_libraries_kuaida_uses_are_bundled(installer_build) -> None:
    libraries = _qt_libraries(installer_build.bundle)
    assert {"Core", "Gui", "Widgets"} <= libraries
    assert libraries <= KEPT_QT_LIBRARIES, libraries - KEPT_QT_LIBRARIES


def test_unused_qt_plugins_and_translations_are_left_out(installer_build) -> None:
    internal = installer_build.bundle / "_internal"
    plugins = {p.relative_to(internal).as_posix() for p in internal.rglob("*") if "plugins" in p.parts}
    assert not [p for p in plugins if re.search(r"qpdf|qmltooling|qeglfs|qvnc|sqldrivers|designer", p)]
    assert [p for p in plugins if re.search(r"platforms/(lib)?qoffscreen", p)], "the self-test needs offscreen"
    translations = {p.name for p in (internal / "PySide6").rglob("*.qm")}  # Qt's own, not Kuaida's
    assert translations <= {"qt_zh_CN.qm", "qtbase_zh_CN.qm", "qt_en.qm", "qtbase_en.qm"}
    assert "qtbase_zh_CN.qm" in translations  # Qt's own buttons (确定/取消) in Chinese: desktop/ui/shell/i18n.py


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the trimmed list names Linux libraries")
def test_libraries_only_dropped_plugins_needed_went_with_them(installer_build) -> None:
    trimmed = (installer_build.work / "pyinstaller" / "kuaida" / "trimmed.txt").read_text(encoding="utf-8")
    assert "libqgtk3" in trimmed and "libgtk-3.so.0" in trimmed
    assert not list(installer_build.bundle.rglob("libgtk-3.so*"))


@pytest.mark.skipif(shutil.which("ldd") is None, reason="ldd lists unresolved libraries on Linux")
def test_every_bundled_library_finds_its_dependencies(installer_build) -> None:
    unresolved = []
    for path in installer_build.bundle.rglob("*.so*"):
        if path.is_file() and not path.is_symlink():
            out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
            unresolved += [f"{path.name}: {line.strip()}" for line in out.splitlines() if "not found" in line]
    assert unresolved == []


def test_other_qt_bindings_and_tkinter_are_excluded(installer_build) -> None:
    listing = subprocess.run(
        [sys.executable, "-m", "PyInstaller.utils.cliutils.archive_viewer", "--list", "--recursive", "--brief",
         str(_executable(installer_build.bundle, "kuaida-cli"))],
        capture_output=True, text=True, check=True,
    ).stdout
    modules = {line.strip().strip("'") for line in listing.splitlines()}
    assert "desktop.cli" in modules and "desktop.selftest" in modules
    assert [m for m in modules if FOREIGN_BINDINGS.match(m)] == []
    assert not list((installer_build.bundle / "_internal").glob("_tkinter*"))


def test_checked_in_icon_matches_the_app_icon_pngs() -> None:
    make_icon = installer_module("make_icon")
    expected = make_icon.ico_bytes(make_icon.icon_pngs())
    assert (ROOT / "installer" / "kuaida.ico").read_bytes() == expected, "run installer/make_icon.py"
