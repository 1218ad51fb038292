# Build dist\counter-app\ and the installer dist\counter-app-setup-<version>.exe on Windows.
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
#
# Needs: Python 3.11 (x64) and Inno Setup 6 (ISCC.exe on PATH or in its default folder).
$ErrorActionPreference = "Stop"
$Root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $Root

if (-not (Test-Path ".venv\Scripts\python.exe")) { py -3.11 -m venv .venv }
$Py = ".venv\Scripts\python.exe"
& $Py -m pip install -q -e ".[build]"
if ($LASTEXITCODE) { throw "pip install failed" }

& $Py -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller installer\counter-app.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }

$Version = (& dist\counter-app\counter-app.exe --version).Split(" ")[1]
$Size = (Get-ChildItem dist\counter-app -Recurse -File | Measure-Object Length -Sum).Sum / 1MB
$Start = Measure-Command { & dist\counter-app\counter-app.exe --version | Out-Null }
"dist\counter-app: {0:N0} MiB; --version in {1:N2} s" -f $Size, $Start.TotalSeconds

$Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $Iscc "/DAppVersion=$Version" installer\windows\counter-app.iss
if ($LASTEXITCODE) { throw "ISCC failed" }
Get-Item "dist\counter-app-setup-$Version.exe"
