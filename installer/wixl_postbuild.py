"""Writes into an MSI that wixl built what wixl (msitools 0.101) cannot compile from installer/kuaida.wxs:
component conditions and Secure properties.

kuaida.wxs hides its `<Condition>` elements from wixl (`<?ifndef var.Wixl?>`) and wixl ignores
`Property/@Secure`; this script reads both from the same .wxs and writes them with msibuild's SQL into the
Component table and the SecureCustomProperties property, after the build. The WiX Toolset on Windows
compiles them directly: one source for both.
Usage: `python installer/wixl_postbuild.py installer/kuaida.wxs dist/Kuaida-0.1.0.msi`.
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


def secure_properties(wxs: Path) -> list[str]:
    root = ET.parse(wxs).getroot()
    return [p.attrib["Id"] for p in root.iter(f"{WIX}Property") if p.get("Secure") == "yes"]


def _literal(text: str) -> str:
    if "'" in text:
        raise ValueError(f"a single quote cannot pass through msibuild's SQL: {text}")
    return f"'{text}'"


def update_queries(conditions: dict[str, str]) -> list[str]:
    return [f"UPDATE `Component` SET `Condition` = {_literal(condition)} WHERE `Component` = {_literal(component)}"
            for component, condition in conditions.items()]


def secure_query(current: str, properties: list[str]) -> str:
    names = [name for name in current.split(";") if name]
    names += [name for name in properties if name not in names]
    return (f"UPDATE `Property` SET `Value` = {_literal(';'.join(names))} "
            f"WHERE `Property` = 'SecureCustomProperties'")


def _current_secure(msi: Path) -> str:
    table = subprocess.run(["msiinfo", "export", str(msi), "Property"], capture_output=True, text=True,
                           check=True).stdout
    for line in table.splitlines():
        name, _, value = line.partition("\t")
        if name == "SecureCustomProperties":
            return value.strip()
    raise RuntimeError("wixl wrote no SecureCustomProperties (it does for MajorUpgrade)")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    wxs, msi = Path(argv[0]), Path(argv[1])
    queries = update_queries(component_conditions(wxs))
    queries.append(secure_query(_current_secure(msi), secure_properties(wxs)))
    for query in queries:
        subprocess.run(["msibuild", str(msi), "-q", query], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
