"""The bundle's trimming rules (installer/qt_trim.py) on Linux and Windows paths, the orphan pruning, and the
Windows version resource; fast, no build needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import installer_module

qt_trim = installer_module("qt_trim")


@pytest.mark.parametrize(("dest", "platform", "kept"), [
    ("PySide6/Qt/lib/libQt6Core.so.6", "linux", True),
    ("libQt6Widgets.so.6", "linux", True),
    ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "linux", True),
    ("PySide6/Qt/lib/libQt6Quick.so.6", "linux", False),
    ("PySide6/Qt/lib/libQt6Network.so.6", "linux", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "linux", False),
    ("libQt6Pdf.so.6", "linux", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "linux", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "linux", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", "linux", False),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", "linux", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "linux", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", "linux", False),
    ("PySide6/QtCore.abi3.so", "linux", True),
    ("libpython3.11.so.1.0", "linux", True),
    ("PySide6\\Qt6Core.dll", "win32", True),
    ("PySide6\\Qt6Svg.dll", "win32", True),
    ("PySide6\\Qt6XcbQpa.dll", "win32", False),
    ("PySide6\\Qt6Quick.dll", "win32", False),
    ("PySide6\\Qt6Qml.dll", "win32", False),
    ("PySide6\\plugins\\platforms\\qwindows.dll", "win32", True),
    ("PySide6\\plugins\\platforms\\qdirect2d.dll", "win32", False),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", "win32", True),
    ("PySide6\\opengl32sw.dll", "win32", False),
    ("PySide6\\d3dcompiler_47.dll", "win32", False),
    ("PySide6\\QtWidgets.pyd", "win32", True),
    ("python311.dll", "win32", True),
])
def test_binaries(dest: str, platform: str, kept: bool) -> None:
    assert qt_trim.keep_binary(dest, platform) is kept


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qt_en.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qtwebengine_zh_CN.qm", False),
    ("PySide6\\translations\\qtbase_zh_CN.qm", True),
    ("PySide6\\translations\\qt_ja.qm", False),
    ("PySide6/Qt/qml/QtQuick/Controls/qmldir", False),
    ("desktop/resources/translations/kuaida_en.qm", True),
    ("desktop/resources/library/default.csv", True),
])
def test_data(dest: str, kept: bool) -> None:
    assert qt_trim.keep_data(dest, "linux") is kept


def test_libraries_only_removed_plugins_used_are_pruned_with_chains_and_symlinks(tmp_path: Path) -> None:
    for name in ("gtk3", "gtk", "cairo", "gui", "xcb", "libc"):
        (tmp_path / name).write_bytes(b"\x7fELF")
    links = {  # source file → the libraries it links against
        str(tmp_path / "gtk3"): ["libgtk-3.so.0", "libQt6Gui.so.6"],
        str(tmp_path / "gtk"): ["libcairo.so.2", "libc.so.6"],
        str(tmp_path / "cairo"): ["libc.so.6"],
        str(tmp_path / "gui"): ["libc.so.6"],
        str(tmp_path / "xcb"): ["libQt6Gui.so.6", "libc.so.6"],
    }
    removed = [("PySide6/Qt/plugins/platformthemes/libqgtk3.so", str(tmp_path / "gtk3"), "BINARY")]
    kept = [
        ("libgtk-3.so.0", str(tmp_path / "gtk"), "BINARY"),
        ("libcairo.so.2", str(tmp_path / "cairo"), "BINARY"),  # only GTK used it: goes in a second round
        ("libQt6Gui.so.6", str(tmp_path / "gui"), "BINARY"),  # the xcb plugin still needs it
        ("PySide6/Qt/plugins/platforms/libqxcb.so", str(tmp_path / "xcb"), "BINARY"),  # nobody links a plugin
        ("libc.so.6", str(tmp_path / "libc"), "BINARY"),
        ("gtk-link", "libgtk-3.so.0", "SYMLINK"),
    ]
    new_kept, new_removed = qt_trim.prune_orphans(kept, removed, lambda path: links.get(path, []))
    assert [e[0] for e in new_kept] == ["libQt6Gui.so.6", "PySide6/Qt/plugins/platforms/libqxcb.so", "libc.so.6"]
    assert {e[0] for e in new_removed} == {"PySide6/Qt/plugins/platformthemes/libqgtk3.so", "libgtk-3.so.0",
                                            "libcairo.so.2", "gtk-link"}


def test_windows_version_resource_comes_from_the_project_version(tmp_path: Path) -> None:
    import desktop

    version_resource = installer_module("version_resource")
    assert version_resource.four_part("1.2.3.dev1") == "1.2.3.0"
    path = version_resource.write_version_file(tmp_path / "version_info.txt", desktop.__version__)
    numbers = version_resource.four_part(desktop.__version__)
    text = path.read_text(encoding="utf-8")
    assert f"filevers=({numbers.replace('.', ',')})" in text
    assert f"u'FileVersion', u'{numbers}'" in text
    assert "u'ProductName', u'快答 Kuaida'" in text and "u'OriginalFilename', u'Kuaida.exe'" in text
