"""Pieces of the Windows build that Linux can still check: the optional signing step (osslsigncode, with a
throwaway certificate made here) and the heat.exe transform that leaves Kuaida.exe to kuaida.wxs."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.installer

INSTALLER = Path(__file__).resolve().parents[2] / "installer"
HEAT_OUTPUT = r"""<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Fragment><DirectoryRef Id="INSTALLDIR">
    <Component Id="cmpMain" Guid="*"><File Id="filMain" KeyPath="yes" Source="$(var.SourceDir)\Kuaida.exe"/></Component>
    <Component Id="cmpCli" Guid="*">
      <File Id="filCli" KeyPath="yes" Source="$(var.SourceDir)\kuaida-cli.exe"/>
    </Component>
    <Directory Id="dirInternal" Name="_internal">
      <Component Id="cmpLib" Guid="*">
        <File Id="filLib" KeyPath="yes" Source="$(var.SourceDir)\_internal\Qt6Core.dll"/>
      </Component>
    </Directory>
  </DirectoryRef></Fragment>
  <Fragment><ComponentGroup Id="KuaidaFiles">
    <ComponentRef Id="cmpMain"/><ComponentRef Id="cmpCli"/><ComponentRef Id="cmpLib"/>
  </ComponentGroup></Fragment>
</Wix>
"""


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing (scripts/test installs it)")
    return path


def test_heat_transform_drops_only_the_main_executable(tmp_path: Path) -> None:
    harvested = tmp_path / "files.wxs"
    harvested.write_text(HEAT_OUTPUT, encoding="utf-8")
    out = subprocess.run([_tool("xsltproc"), str(INSTALLER / "exclude-main-exe.xslt"), str(harvested)],
                         capture_output=True, text=True, check=True).stdout
    assert "Kuaida.exe" not in out and "cmpMain" not in out
    assert out.count("kuaida-cli.exe") == 1 and 'ComponentRef Id="cmpCli"' in out
    assert 'ComponentRef Id="cmpLib"' in out


def _self_signed_code_signing(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Kuaida test signing")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=7))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    bundle = folder / "signing.p12"
    bundle.write_bytes(pkcs12.serialize_key_and_certificates(
        b"kuaida", key, cert, None, serialization.BestAvailableEncryption(b"secret")))
    ca = folder / "signing.pem"
    ca.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return bundle, ca


def test_sign_script_signs_the_msi_when_a_certificate_is_given(installer_build, tmp_path: Path) -> None:
    osslsigncode = _tool("osslsigncode")
    msi = tmp_path / installer_build.msi.name
    shutil.copyfile(installer_build.msi, msi)
    env = {key: value for key, value in os.environ.items() if not key.startswith("KUAIDA_SIGN_")}

    subprocess.run([str(INSTALLER / "sign.sh"), str(msi)], env=env, check=True)  # no certificate: untouched
    assert msi.read_bytes() == installer_build.msi.read_bytes()

    bundle, ca = _self_signed_code_signing(tmp_path)
    env |= {"KUAIDA_SIGN_PKCS12": str(bundle), "KUAIDA_SIGN_PASSWORD": "secret"}
    subprocess.run([str(INSTALLER / "sign.sh"), str(msi)], env=env, check=True)
    verified = subprocess.run([osslsigncode, "verify", "-CAfile", str(ca), "-in", str(msi)], capture_output=True,
                              text=True)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "Signature verification: ok" in verified.stdout
    properties = subprocess.run(["msiinfo", "export", str(msi), "Property"], capture_output=True, text=True,
                                check=True).stdout
    assert f"ProductVersion\t{installer_build.version}" in properties, "still a valid MSI after signing"
