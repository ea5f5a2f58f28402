"""The pure core, the storage layer and the share I/O never import Qt: fast to test and usable from the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import desktop

PACKAGE = Path(desktop.__file__).parent
PURE_PACKAGES = ("core", "store", "sync", "services")


def test_core_and_store_sources_do_not_mention_qt() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for package in PURE_PACKAGES
        for path in (PACKAGE / package).rglob("*.py")
        if "PySide6" in path.read_text(encoding="utf-8") or "shiboken6" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_importing_every_core_and_store_module_loads_no_qt() -> None:
    modules = [
        "desktop." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        for package in PURE_PACKAGES
        for path in sorted((PACKAGE / package).rglob("*.py"))
        if path.name != "__init__.py"
    ]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
