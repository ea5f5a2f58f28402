"""Packs the app icon's PNGs (resources/icons/kuaida-<size>.png) into installer/kuaida.ico for Windows.

The .ico holds the PNGs as they are (Windows Vista and later read PNG-compressed icon images), so no image
library is needed. The .ico is checked in; tests/installer fails when it no longer matches the PNGs.
Run after changing the icon: `.venv/bin/python installer/make_icon.py`.
"""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICON_PNGS = ROOT / "resources" / "icons"
ICO_FILE = ROOT / "installer" / "kuaida.ico"


def icon_pngs(folder: Path = ICON_PNGS) -> dict[int, bytes]:
    sizes = {}
    for path in folder.glob("kuaida-*.png"):
        if match := re.fullmatch(r"kuaida-(\d+)\.png", path.name):
            sizes[int(match.group(1))] = path.read_bytes()
    return dict(sorted(sizes.items()))


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICONDIR header, one 16-byte ICONDIRENTRY per image, then the PNG payloads."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payloads = b"", b""
    for size, png in images.items():
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        payloads += png
        offset += len(png)
    return header + entries + payloads


def main() -> int:
    images = icon_pngs()
    if not images:
        print(f"no kuaida-<size>.png in {ICON_PNGS}", file=sys.stderr)
        return 1
    ICO_FILE.write_bytes(ico_bytes(images))
    print(f"{ICO_FILE}: {', '.join(map(str, images))} px")
    return 0


if __name__ == "__main__":
    sys.exit(main())
