# Install the Windows bundle for the current user only: no admin rights, no registry, no UAC.
# Copies dist\runbook-assistant\ (or -Source) to %LOCALAPPDATA%\Programs\Runbook Assistant\ and puts
# a shortcut to runbook-assistant-gui.exe in the user's Start menu (and, with -Desktop, on the
# desktop). -Uninstall removes both again; the database, key and settings in the user's data
# folder are never touched.
#
#   powershell -ExecutionPolicy Bypass -File build\install-per-user.ps1
#   powershell -ExecutionPolicy Bypass -File build\install-per-user.ps1 -Source E:\runbook-assistant -Desktop
#   powershell -ExecutionPolicy Bypass -File build\install-per-user.ps1 -Uninstall
param([string]$Source = "", [switch]$Desktop, [switch]$NoShortcuts, [switch]$Uninstall)
$ErrorActionPreference = "Stop"

$target = Join-Path $env:LOCALAPPDATA "Programs\Runbook Assistant"
$menu = Join-Path $env:APPDATA "Microsoft\Windows\Start Menu\Programs\Runbook Assistant.lnk"
$desk = Join-Path ([Environment]::GetFolderPath("Desktop")) "Runbook Assistant.lnk"

if ($Uninstall) {
    Remove-Item -Force $menu, $desk -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $target -ErrorAction SilentlyContinue
    Write-Host "removed $target (your runs and settings are kept)"
    exit 0
}

if (-not $Source) { $Source = Join-Path $PSScriptRoot "..\dist\runbook-assistant" }
if (-not (Test-Path (Join-Path $Source "runbook-assistant-gui.exe"))) {
    Write-Host "error: no bundle in $Source"
    Write-Host "hint: build it first with build\build.ps1, or give -Source FOLDER"
    exit 2
}

# A running copy keeps its files open: replace the folder only when it is closed.
Remove-Item -Recurse -Force $target -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force -Path $target | Out-Null
Copy-Item -Recurse -Force (Join-Path $Source "*") $target

if (-not $NoShortcuts) {
    $shell = New-Object -ComObject WScript.Shell
    $links = @($menu)
    if ($Desktop) { $links += $desk }
    foreach ($path in $links) {
        $link = $shell.CreateShortcut($path)
        $link.TargetPath = Join-Path $target "runbook-assistant-gui.exe"
        $link.WorkingDirectory = $target
        $link.Description = "Runbook Assistant: offline crisis runbooks"
        $link.Save()
    }
}
Write-Host "installed in $target"
