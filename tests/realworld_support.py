"""Generated real-world inputs shared by the core and command-line tests: a wiki export of some
300 KB, and a library folder full of things that are not runbooks but look like them."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

REALWORLD = Path(__file__).resolve().parent / "fixtures" / "realworld"


def huge_playbook() -> str:
    """A wiki export of some 300 KB: many sections, numbered steps, code, tables, notes."""
    parts = ["# Operations handbook\n\nEverything the operations team does, in one file.\n"]
    size, number = len(parts[0]), 0
    while size < 300_000:
        number += 1
        part = [f"\n## Service {number}\n\nThe service runs on host{number:03d}.\n\n"
                f"| host | role |\n|---|---|\n| host{number:03d} | primary |\n\n"]
        part += [f"{k}. Check component {k} of service {number}.\n   ```\n"
                 f"   systemctl status svc{number}-{k}\n   ```\n" for k in range(1, 8)]
        part.append("\n> NOTE: restart only during the maintenance window.\n")
        parts += part
        size += sum(map(len, part))
    return "".join(parts)


def trap_folder(tmp_path: Path) -> Path:
    """A library folder (POSIX) with two good files among links in a loop, a dangling link, a
    named pipe, a folder named like a runbook, a link to a device and a name that is not UTF-8."""
    folder = tmp_path / "lib"
    (folder / "sub").mkdir(parents=True)
    (folder / "ok.md").write_text("- [ ] Stap\n", encoding="utf-8")
    (folder / "y.md").mkdir()  # a folder named like a runbook: its files count
    (folder / "y.md" / "inside.md").write_text("- [ ] Binnen\n", encoding="utf-8")
    (folder / "sub" / "loop").symlink_to("..")  # a loop of folder links
    (folder / "a.md").symlink_to("b.md")
    (folder / "b.md").symlink_to("a.md")
    (folder / "dangling.md").symlink_to(tmp_path / "gone")
    os.mkfifo(folder / "x.md")
    if os.path.exists("/dev/zero"):
        (folder / "zero.md").symlink_to("/dev/zero")
    with contextlib.suppress(OSError, UnicodeError):  # a file system of UTF-8 names only
        (folder / os.fsdecode(b"caf\xe9.md")).write_text("- [ ] Stap\n", encoding="utf-8")
    return folder
