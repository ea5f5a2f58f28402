"""The Windows version resource of Kuaida.exe and kuaida-cli.exe (Explorer's Details tab, inventory tools),
generated from the project version with pyinstaller-versionfile; used by installer/kuaida.spec on Windows."""

from __future__ import annotations

from pathlib import Path

import pyinstaller_versionfile

APP_NAME = "Kuaida"


def four_part(version: str) -> str:
    """Windows file versions have four numbers: 0.1.0 → 0.1.0.0 (a suffix such as .dev1 is dropped)."""
    numbers = [part for part in version.split(".") if part.isdigit()][:4]
    return ".".join(numbers + ["0"] * (4 - len(numbers)))


def write_version_file(path: Path, version: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    pyinstaller_versionfile.create_versionfile(
        output_file=str(path),
        version=four_part(version),
        company_name="Kuaida",
        file_description="快答 Kuaida",
        internal_name=APP_NAME,
        legal_copyright="MIT License",
        original_filename=f"{APP_NAME}.exe",
        product_name="快答 Kuaida",
    )
    return path
