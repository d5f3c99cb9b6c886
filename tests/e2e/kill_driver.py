"""Kill writers with SIGKILL, many times, cheaply: each writer is a fork of this process (its
modules already imported), so a kill costs milliseconds, not a new interpreter.

Each child opens the store, appends events (one to three per transaction) and writes each event
id to a pipe once its transaction has committed; the parent reads a random number of ids, kills
the child with SIGKILL, and starts the next. The parent never opens the database (a SQLite
connection must not cross a fork). Run by test_crash.py.
Usage: python kill_driver.py DB_FILE IDENTITY_FOLDER RUN_ID KILLS SECONDS REPORTED_FILE
Prints "kills: N" (N may be below KILLS when SECONDS ran out).
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.store import Store


def _child(db: Path, folder: Path, run_id: str, out: int) -> None:
    store = Store.open(db, identity=DeviceIdentity.load_or_create(folder))
    rng = random.Random()
    while True:
        with store.writing() as w:
            batch = [w.append(run_id, EventKind.NOTE_ADDED, actor="Writer",
                              payload={"text": "note", "pad": "x" * rng.randint(0, 3000)})
                     for _ in range(rng.randint(1, 3))]
        os.write(out, "".join(f"{e.id}\n" for e in batch).encode())  # only now: committed


def main() -> None:
    db, folder, run_id = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    kills, seconds, reported = int(sys.argv[4]), float(sys.argv[5]), Path(sys.argv[6])
    rng = random.Random()
    deadline = time.monotonic() + seconds
    done = 0
    with reported.open("w", encoding="utf-8") as sink:
        while done < kills and time.monotonic() < deadline:
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the writer
                os.close(read_end)
                try:
                    _child(db, folder, run_id, write_end)
                finally:
                    os._exit(1)
            os.close(write_end)
            lines = os.fdopen(read_end, "r", encoding="utf-8")
            for _ in range(rng.randint(1, 12)):  # kill after a random number of commits
                line = lines.readline()
                if not line:
                    raise SystemExit(f"the writer stopped on its own after {done} kills")
                sink.write(line)
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            lines.close()
            if not os.WIFSIGNALED(status) or os.WTERMSIG(status) != signal.SIGKILL:
                raise SystemExit(f"the writer ended otherwise: status {status}")
            done += 1
    print(f"kills: {done}")


if __name__ == "__main__":
    main()
