"""Copies the component conditions of installer/kuaida.wxs into an MSI that wixl built.

wixl (msitools 0.101) cannot compile `<Condition>` inside `<Component>`, so kuaida.wxs hides those from it
(`<?ifndef var.Wixl?>`) and this script writes them into the Component table with msibuild's SQL, after
the build. The WiX Toolset on Windows compiles the same conditions directly: one source for both.
Usage: `python installer/wixl_conditions.py installer/kuaida.wxs dist/Kuaida-0.1.0.msi`.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

WIX = "{http://schemas.microsoft.com/wix/2006/wi}"


def component_conditions(wxs: Path) -> dict[str, str]:
    """Component Id → condition text, for every component in `wxs` that has a Condition child."""
    root = ET.parse(wxs).getroot()  # processing instructions are dropped, so hidden conditions are seen
    conditions = {}
    for component in root.iter(f"{WIX}Component"):
        condition = component.find(f"{WIX}Condition")
        if condition is not None and (condition.text or "").strip():
            conditions[component.attrib["Id"]] = condition.text.strip()
    return conditions


def update_queries(conditions: dict[str, str]) -> list[str]:
    queries = []
    for component, condition in conditions.items():
        if "'" in condition or "'" in component:
            raise ValueError(f"a single quote cannot pass through msibuild's SQL: {component}")
        queries.append(f"UPDATE `Component` SET `Condition` = '{condition}' WHERE `Component` = '{component}'")
    return queries


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    wxs, msi = Path(argv[0]), Path(argv[1])
    for query in update_queries(component_conditions(wxs)):
        subprocess.run(["msibuild", str(msi), "-q", query], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
