# Build the desktop bundle for Windows: dist\runbook-assistant\ (one folder, runs without Python),
# then run its self-test. PyInstaller's work files go to a temporary folder, never into build\.
#
#   powershell -ExecutionPolicy Bypass -File build\build.ps1            build and self-test
#   powershell -ExecutionPolicy Bypass -File build\build.ps1 -Archive   also make a .zip
#
# Needs the app and PyInstaller in .venv (.venv\Scripts\pip install -e ".[build]").
# $env:PYTHON picks another interpreter.
param([switch]$Archive)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

$python = if ($env:PYTHON) { $env:PYTHON } else { ".venv\Scripts\python.exe" }
& $python -m PyInstaller --version *> $null
if ($LASTEXITCODE -ne 0) {
    Write-Host "error: PyInstaller is not installed for $python"
    Write-Host "hint: .venv\Scripts\pip install -e "".[build]"""
    exit 2
}

$work = Join-Path ([IO.Path]::GetTempPath()) ("runbook-assistant-build-" + [guid]::NewGuid())
$started = Get-Date
try {
    & $python -m PyInstaller build\runbook-assistant.spec --noconfirm --log-level WARN `
        --distpath dist --workpath $work
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
} finally {
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

$bundle = "dist\runbook-assistant"
$bytes = (Get-ChildItem $bundle -Recurse -File | Measure-Object -Property Length -Sum).Sum
$seconds = [int]((Get-Date) - $started).TotalSeconds
Write-Host ("built {0} in {1} s: {2:N0} MB" -f $bundle, $seconds, ($bytes / 1MB))

# The bundle must work before it counts as built: offscreen, in a temporary folder.
$env:QT_QPA_PLATFORM = "offscreen"
Remove-Item Env:RUNBOOK_ASSISTANT_PORTABLE -ErrorAction SilentlyContinue
& "$bundle\runbook-assistant.exe" self-test
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
Remove-Item Env:QT_QPA_PLATFORM

if ($Archive) {
    $version = ((& "$bundle\runbook-assistant.exe" --version) -split " ")[-1]
    $zip = "dist\runbook-assistant-$version-windows-x64.zip"
    Compress-Archive -Path $bundle -DestinationPath $zip -Force
    Write-Host ("archive: {0} ({1:N0} MB)" -f $zip, ((Get-Item $zip).Length / 1MB))
}
