"""Open a store as a plain user would and try to write; print what happened (one line each).

Run by test_store_faults.py in a subprocess, with the powers that let root ignore file
permissions dropped, so that read-only files and folders are tested for real.
Usage: python store_readonly_probe.py DB_FILE IDENTITY_FOLDER
"""

from __future__ import annotations

import sys
from pathlib import Path

from runbook_assistant.core.errors import StoreError
from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.store import Store


def main() -> None:
    db, folder = Path(sys.argv[1]), Path(sys.argv[2])
    store = Store.open(db, identity=DeviceIdentity.load_or_create(folder))
    print(f"events: {len(list(store.all_events()))}")
    try:
        with store.writing() as w:
            w.append("run-1", EventKind.NOTE_ADDED, actor="A", payload={"text": "x"})
        print("written")
    except StoreError as exc:
        print(f"error: {exc.message}")
    print(f"events: {len(list(store.all_events()))}")
    store.close()


if __name__ == "__main__":
    main()
