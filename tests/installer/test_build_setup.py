"""installer/build.sh on a fresh clone sets up .venv itself, as scripts/test does (issue 13, item 12).

Cheap: the script runs in a copy of the repository layout whose scripts/setup.sh only records what it was
asked to set up, and stops at --msi-only's missing bundle, long before PyInstaller or wixl.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

RECORDING_SETUP = """
ensure_debian_packages() { echo "packages $*" >>setup-calls.log; }
ensure_venv() {
  echo "venv $*" >>setup-calls.log
  mkdir -p .venv/bin
  printf '#!/bin/sh\\necho 0.0.0\\n' >.venv/bin/python
  chmod +x .venv/bin/python
}
"""


def _fresh_clone(tmp_path: Path) -> Path:
    clone = tmp_path / "clone"
    (clone / "installer").mkdir(parents=True)
    (clone / "scripts").mkdir()
    shutil.copy(ROOT / "installer" / "build.sh", clone / "installer" / "build.sh")
    (clone / "scripts" / "setup.sh").write_text(RECORDING_SETUP, encoding="utf-8")
    return clone


def _run_build(clone: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHON"} | extra_env
    return subprocess.run(["bash", "installer/build.sh", "--msi-only"], cwd=clone, env=env,
                          capture_output=True, text=True, timeout=60, check=False)


def test_a_fresh_clone_gets_its_venv_before_the_build_needs_python(tmp_path: Path) -> None:
    clone = _fresh_clone(tmp_path)

    result = _run_build(clone)

    assert ".venv/bin/python" not in result.stderr
    assert "no bundle" in result.stderr  # it got past the version query to the missing bundle
    calls = (clone / "setup-calls.log").read_text(encoding="utf-8").splitlines()
    assert "venv dev,build" in calls
    assert any(call.startswith("packages") and "wixl" in call for call in calls)


def test_a_given_python_skips_the_set_up(tmp_path: Path) -> None:
    clone = _fresh_clone(tmp_path)
    python = tmp_path / "python"
    python.write_text("#!/bin/sh\necho 0.0.0\n", encoding="utf-8")
    python.chmod(0o755)

    result = _run_build(clone, PYTHON=str(python))

    assert "no bundle" in result.stderr
    assert not (clone / "setup-calls.log").exists()
