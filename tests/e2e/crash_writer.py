"""Append events to a run forever, printing each event id once its transaction has committed.

Run (and killed with SIGKILL at random moments) by test_crash.py.
Usage: python crash_writer.py DB_FILE IDENTITY_FOLDER RUN_ID
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.store import Store


def main() -> None:
    db, folder, run_id = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    store = Store.open(db, identity=DeviceIdentity.load_or_create(folder))
    rng = random.Random()
    n = 0
    while True:
        with store.writing() as w:  # one to three events per transaction
            batch = [w.append(run_id, EventKind.NOTE_ADDED, actor="Writer",
                              payload={"text": f"note {(n := n + 1)}",
                                       "pad": "x" * rng.randint(0, 3000)})  # spans pages
                     for _ in range(rng.randint(1, 3))]
        for event in batch:  # only now: committed
            print(event.id, flush=True)
        # A breath between transactions, as any real writer has: two writers spinning without
        # one can take the lock back before the other's busy handler wakes (SQLite's lock is not
        # fair), and on a loaded machine one of them then starves past its busy timeout.
        time.sleep(rng.uniform(0, 0.002))


if __name__ == "__main__":
    main()
