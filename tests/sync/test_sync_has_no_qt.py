"""The share side (desktop/sync) is plain Python like the core: the CLI and the UI's workers both use it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import desktop.sync

PACKAGE = Path(desktop.sync.__file__).parent


def test_importing_every_sync_module_loads_no_qt():
    modules = sorted(f"desktop.sync.{path.stem}" for path in PACKAGE.glob("*.py") if path.name != "__init__.py")
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert len(modules) >= 8
    assert result.stdout.strip() == ""
