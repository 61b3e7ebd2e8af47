# Windows build, from the repository root or anywhere:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Needs Python 3.11 (64-bit, `py` launcher) and NSIS 3 (makensis on PATH or in
# its default folder). Makes dist\station-desk\ and dist\StationDesk-<version>-setup.exe.
$ErrorActionPreference = "Stop"
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $root

function Invoke-Checked([string]$exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "$exe failed ($LASTEXITCODE)" }
}

if (-not (Test-Path .venv\Scripts\python.exe)) { Invoke-Checked py @("-3.11", "-m", "venv", ".venv") }
$python = Join-Path $root ".venv\Scripts\python.exe"
Invoke-Checked $python @("-m", "pip", "install", "--quiet", "-e", ".[dev,package]")
Invoke-Checked $python @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build", "packaging\station-desk.spec")

$version = (& $python -c "import station_desk; print(station_desk.__version__)").Trim()
$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis) { $makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
$setup = Join-Path $root "dist\StationDesk-$version-setup.exe"
Invoke-Checked $makensis @("/V2", "/DVERSION=$version", "/DSOURCE=$root\dist\station-desk",
    "/DOUTFILE=$setup", "packaging\windows\station-desk.nsi")
"{0}: {1:N1} MB" -f $setup, ((Get-Item $setup).Length / 1MB)
