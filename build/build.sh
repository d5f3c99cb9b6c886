#!/usr/bin/env bash
# Build the desktop bundle for Linux: dist/runbook-assistant/ (one folder, runs without Python),
# then run its self-test. PyInstaller's work files go to a temporary folder, never into build/.
#
#   build/build.sh              build and self-test
#   build/build.sh --archive    also pack dist/runbook-assistant-<version>-linux-<arch>.tar.gz
#
# Needs the app and PyInstaller in .venv (`.venv/bin/pip install -e ".[build]"`) and binutils
# (strip, as, ld). PYTHON=... picks another interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-.venv/bin/python}
if ! "$python" -m PyInstaller --version >/dev/null 2>&1; then
    echo "error: PyInstaller is not installed for $python" >&2
    echo "hint: .venv/bin/pip install -e \".[build]\"" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
started=$(date +%s)
"$python" -m PyInstaller build/runbook-assistant.spec --noconfirm --log-level WARN \
    --distpath dist --workpath "$work"

bundle=dist/runbook-assistant
echo "built $bundle in $(( $(date +%s) - started )) s: $(du -sh "$bundle" | cut -f1)"

# The bundle must work before it counts as built: offscreen, in a temporary folder.
env -u RUNBOOK_ASSISTANT_PORTABLE QT_QPA_PLATFORM=offscreen "$bundle/runbook-assistant" self-test

if [ "${1:-}" = "--archive" ]; then
    version=$("$bundle/runbook-assistant" --version | awk '{print $NF}')
    archive="dist/runbook-assistant-$version-linux-$(uname -m).tar.gz"
    tar -C dist -czf "$archive" runbook-assistant
    echo "archive: $archive ($(du -h "$archive" | cut -f1))"
fi
