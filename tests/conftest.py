"""Every test runs with its own data folder, so nothing reads or writes a real user's store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def kuaida_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "kuaida-home"
    monkeypatch.setenv("KUAIDA_HOME", str(home))
    monkeypatch.delenv("KUAIDA_POLICY_FILE", raising=False)
    monkeypatch.delenv("KUAIDA_INSTALLER_FILE", raising=False)
    return home
