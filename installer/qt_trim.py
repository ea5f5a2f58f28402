"""Which of the files PyInstaller collected for PySide6 the Kuaida bundle keeps (used by installer/kuaida.spec).

Rules on destination paths, so they apply after Analysis to both TOCs (binaries and datas) and on Linux
(`PySide6/Qt/lib/libQt6Core.so.6`, `PySide6/Qt/plugins/…`) and Windows (`PySide6/Qt6Core.dll`,
`PySide6/plugins/…`) alike. `prune_orphans` then drops what only the removed files linked against.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

# Qt modules Kuaida uses (the app imports only QtCore, QtGui, QtWidgets: tests/ui checks it); Svg stays for
# the SVG icon and image plugins, DBus because Qt Gui links it on Linux. Add one here when the code starts
# importing it (the bundle's --self-test and tests/installer catch a missing one).
QT_MODULES = frozenset({"Core", "Gui", "Widgets", "Svg", "DBus"})
# Per-platform Qt glue the kept modules need at run time: xcb and Wayland on Linux, nothing on Windows.
QT_PLATFORM_LIBRARIES = {"linux": frozenset({"XcbQpa", "WaylandClient"})}
# Plugin folders worth shipping, and within them the plugins that are not needed.
QT_PLUGIN_DIRS = frozenset({
    "platforms", "platformthemes", "platforminputcontexts", "imageformats", "iconengines", "styles",
    "wayland-shell-integration", "wayland-decoration-client",
})
QT_PLUGINS_DROPPED = re.compile(
    r"(qeglfs|qlinuxfb|qminimalegl|qvnc|qvkkhrdisplay|qdirect2d|qpdf|qtvirtualkeyboard|qicns|qtga|qtiff|qwbmp"
    r"|qconnman|qnetworkmanager|qglib|ivi-shell|fullscreen-shell|wl-shell|qt-shell|vulkan|dmabuf|drm-egl"
    r"|bradient|qgtk3)",
    re.IGNORECASE,
)
# Windows DLLs of PySide6 that only OpenGL and Qt Quick use: the software OpenGL (20 MB) and D3D compiler.
OTHER_FILES_DROPPED = re.compile(r"(^|/)(opengl32sw|d3dcompiler_\d+)\.dll$", re.IGNORECASE)
# Qt's own translations: Kuaida speaks Simplified Chinese first, English second.
QT_TRANSLATIONS_KEPT = re.compile(r"qt(base)?_(zh_CN|en)\.qm$")
# Other Qt bindings and toolkits that optional imports of dependencies drag in (qtpy, pyperclip, PIL, ...),
# and the PySide6 modules whose Qt libraries are trimmed anyway.
EXCLUDED_MODULES = (
    "PyQt5", "PyQt6", "PySide2", "qtpy", "tkinter", "_tkinter", "IPython", "matplotlib", "numpy",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtPdf", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",
    "PySide6.QtPrintSupport", "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtUiTools", "PySide6.QtDesigner",
    "PySide6.QtHelp", "PySide6.QtXml", "PySide6.QtConcurrent", "PySide6.QtQuickWidgets", "PySide6.QtNetwork",
)


def platform_key(platform: str) -> str:
    return "linux" if platform.startswith("linux") else platform


def qt_part(dest: str) -> tuple[str, str] | None:
    """("lib", "Quick") for a Qt library, ("plugin", "imageformats/libqpdf.so") for a plugin, else None."""
    path = dest.replace("\\", "/")
    if "PySide6/" in path and "/plugins/" in path:
        return "plugin", path.split("/plugins/", 1)[1]
    # Wherever it lands (PyInstaller also links libraries into the top folder): libQt6Quick.so.6, Qt6Quick.dll.
    # PySide6's own extension modules (QtCore.pyd, QtCore.abi3.so) have no "6" and are not matched.
    match = re.match(r"^(?:lib)?Qt6([A-Za-z0-9]+?)(?:\.so|\.dll|\.dylib)", path.rsplit("/", 1)[-1])
    return ("lib", match.group(1)) if match else None


def keep_binary(dest: str, platform: str) -> bool:
    if OTHER_FILES_DROPPED.search(dest.replace("\\", "/")):
        return False
    part = qt_part(dest)
    if part is None:
        return True
    kind, name = part
    if kind == "lib":
        return name in QT_MODULES or name in QT_PLATFORM_LIBRARIES.get(platform_key(platform), frozenset())
    folder = name.split("/", 1)[0]
    return folder in QT_PLUGIN_DIRS and not QT_PLUGINS_DROPPED.search(name)


def keep_data(dest: str, platform: str) -> bool:
    path = dest.replace("\\", "/")
    if "PySide6/" in path and "/translations/" in path:
        return bool(QT_TRANSLATIONS_KEPT.search(path))
    if "PySide6/" in path and ("/qml/" in path or "/resources/qtwebengine" in path):
        return False
    return keep_binary(dest, platform)


Entry = tuple[str, str, str]  # PyInstaller TOC entry: destination, source, type code


def _base(name: str) -> str:
    """The file name of a destination or an imported library, with either kind of slash."""
    return name.replace("\\", "/").rsplit("/", 1)[-1]


def prune_orphans(kept: list[Entry], removed: list[Entry],
                  imports_of: Callable[[str], Iterable[str]]) -> tuple[list[Entry], list[Entry]]:
    """Drop the libraries that only removed entries linked against (GTK after the gtk3 theme plugin, say),
    repeating until nothing changes, then the top-folder symlinks to anything dropped. A library nobody links
    against (a plugin, an extension module, what Python loads by itself) is never dropped here.
    `imports_of(source_path)` names the libraries a binary links against."""
    kept, removed = list(kept), list(removed)
    importers: dict[str, set[str]] = {}
    for dest, src, kind in kept + removed:
        if kind in ("BINARY", "EXTENSION") and Path(src).is_file():
            for name in imports_of(src):
                importers.setdefault(_base(name).lower(), set()).add(dest)
    gone = {entry[0] for entry in removed}
    changed = True
    while changed:
        changed = False
        for entry in [e for e in kept if e[2] == "BINARY"]:
            users = importers.get(_base(entry[0]).lower())
            if users and users <= gone:
                kept.remove(entry)
                removed.append(entry)
                gone.add(entry[0])
                changed = True
    gone_names = {_base(dest) for dest in gone}
    dangling = [e for e in kept if e[2] == "SYMLINK" and _base(e[1]) in gone_names]
    return [e for e in kept if e not in dangling], removed + dangling
