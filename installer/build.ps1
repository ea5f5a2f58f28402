<#
.SYNOPSIS
  Windows build: the PyInstaller bundle in dist\Kuaida\, then dist\Kuaida-<version>.msi with the WiX Toolset 3.

.DESCRIPTION
  This is the real MSI that IT deploys (installer/build.sh builds a structural one on Linux with wixl).
  Needs Python with the project installed (pip install -e ".[build]") and WiX Toolset 3.11 or later
  (heat, candle, light on PATH, or in $env:WIX\bin, as the WiX installer and GitHub's Windows images set it).

  Optional code signing (the certificate stays out of the repository): set KUAIDA_SIGN_PFX to a .pfx file
  and KUAIDA_SIGN_PASSWORD to its password; the executables are signed before they go into the MSI, then
  the MSI itself. KUAIDA_SIGN_TIMESTAMP_URL overrides the RFC 3161 timestamp server.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File installer\build.ps1
  powershell -ExecutionPolicy Bypass -File installer\build.ps1 -MsiOnly -Version 0.1.1
#>
param(
  [string]$Python = ".venv\Scripts\python.exe",
  [string]$Version = "",
  [switch]$MsiOnly,
  [string]$Dist = "dist",
  [string]$Build = "build"
)
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

function Invoke-Checked {
  param([string]$Command, [string[]]$Arguments)
  & $Command @Arguments
  if ($LASTEXITCODE -ne 0) { throw "$Command failed with exit code $LASTEXITCODE" }
}

function Find-WixTool([string]$Name) {
  $onPath = Get-Command "$Name.exe" -ErrorAction SilentlyContinue
  if ($onPath) { return $onPath.Source }
  foreach ($folder in @("$env:WIX\bin", "${env:ProgramFiles(x86)}\WiX Toolset v3.14\bin",
                        "${env:ProgramFiles(x86)}\WiX Toolset v3.11\bin")) {
    if ($folder -and (Test-Path "$folder\$Name.exe")) { return "$folder\$Name.exe" }
  }
  throw "WiX Toolset 3 not found ($Name.exe): install it or put its bin folder on PATH"
}

function Invoke-Sign([string[]]$Files) {
  if (-not $env:KUAIDA_SIGN_PFX) { return }
  $timestamp = if ($env:KUAIDA_SIGN_TIMESTAMP_URL) { $env:KUAIDA_SIGN_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
  $signtool = (Get-Command signtool.exe -ErrorAction SilentlyContinue).Source
  if (-not $signtool) {
    $signtool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" |
      Sort-Object FullName | Select-Object -Last 1 -ExpandProperty FullName
  }
  if (-not $signtool) { throw "signtool.exe not found (Windows SDK)" }
  Invoke-Checked $signtool (@("sign", "/f", $env:KUAIDA_SIGN_PFX, "/p", $env:KUAIDA_SIGN_PASSWORD, "/fd", "sha256",
                              "/tr", $timestamp, "/td", "sha256", "/d", "Kuaida") + $Files)
}

if (-not (Get-Command $Python -ErrorAction SilentlyContinue)) {
  throw "no ${Python}: first run  py -3.11 -m venv .venv; .venv\Scripts\python.exe -m pip install -e "".[build]""  (or pass -Python)"
}
if (-not $Version) { $Version = (& $Python -c "import desktop; print(desktop.__version__)").Trim() }
$bundle = Join-Path $Dist "Kuaida"
$wixOut = Join-Path $Build "wix"

if (-not $MsiOnly) {
  Invoke-Checked $Python @("-m", "PyInstaller", "installer\kuaida.spec", "--noconfirm", "--log-level", "WARN",
                           "--distpath", $Dist, "--workpath", (Join-Path $Build "pyinstaller"))
  Invoke-Checked "$bundle\kuaida-cli.exe" @("--self-test")
  Invoke-Sign @("$bundle\Kuaida.exe", "$bundle\kuaida-cli.exe")
}
if (-not (Test-Path "$bundle\Kuaida.exe")) { throw "no bundle in ${bundle}: run without -MsiOnly" }

New-Item -ItemType Directory -Force -Path $wixOut | Out-Null
# -ag: component GUIDs computed from the install path, stable across builds (component rules);
# -srd: the bundle's files go straight into INSTALLDIR; the transform leaves Kuaida.exe to kuaida.wxs.
Invoke-Checked (Find-WixTool "heat") @("dir", $bundle, "-nologo", "-ag", "-srd", "-sreg", "-scom", "-sfrag",
  "-cg", "KuaidaFiles", "-dr", "INSTALLDIR", "-var", "var.SourceDir", "-t", "installer\exclude-main-exe.xslt",
  "-out", "$wixOut\files.wxs")
Invoke-Checked (Find-WixTool "candle") @("-nologo", "-arch", "x64", "-dVersion=$Version", "-dSourceDir=$bundle",
  "-dMainExe=$bundle\Kuaida.exe", "-dWin64=yes", "-out", "$wixOut\",
  "installer\kuaida.wxs", "$wixOut\files.wxs")
$msi = Join-Path $Dist "Kuaida-$Version.msi"
Invoke-Checked (Find-WixTool "light") @("-nologo", "-spdb", "-out", $msi, "$wixOut\kuaida.wixobj",
  "$wixOut\files.wixobj")
Invoke-Sign @($msi)
Write-Output $msi
