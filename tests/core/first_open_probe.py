"""Open a new database at a given moment (many of these start at once); print "ok" or the error.
Usage: python first_open_probe.py DB START_AT (time.time() value)"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from runbook_assistant.core.errors import StoreError
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.store import Store


def main() -> None:
    db, start_at = Path(sys.argv[1]), float(sys.argv[2])
    identity = DeviceIdentity.generate()
    time.sleep(max(0.0, start_at - time.time()))
    try:
        Store.open(db, identity=identity).close()
        print("ok")
    except StoreError as exc:
        print(f"error: {exc.message}")


if __name__ == "__main__":
    main()
