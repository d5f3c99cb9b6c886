"""A plain ``python -c`` child process of this package, and pickled messages to and from it.

Used where pure-Python work must run beside this process rather than in one of its threads (the
library's parse workers, the editor's check). ``multiprocessing`` is not used: its spawn start
imports the parent's main module in every child first, which for the command line is the whole
program. A frozen app has no interpreter to start a child with (``allowed``).
"""

from __future__ import annotations

import os
import pickle
import struct
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

import runbook_assistant

_HEADER = struct.Struct("<Q")


def allowed() -> bool:
    """A child can be started: not in a frozen app, and the interpreter is known."""
    return not getattr(sys, "frozen", False) and bool(sys.executable)


def start(code: str) -> subprocess.Popen[bytes]:
    """Start ``python -c code`` with pipes on its stdin and stdout (stderr is dropped)."""
    return subprocess.Popen(
        # -P: the working folder is not put on the module path (nothing there shadows).
        [sys.executable, "-P", "-c", code], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_env(),
        creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))  # Windows: no console


def _env() -> dict[str, str]:
    # The child must import this very package, wherever it was imported from here.
    home = str(Path(runbook_assistant.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (home, env.get("PYTHONPATH", "")) if p)
    return env


def send(stream: IO[bytes], value: Any) -> None:
    """Write one message (pickled, after its length)."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(payload)) + payload)
    stream.flush()


def receive(stream: IO[bytes]) -> Any:
    """The next message, or None at the end of the stream."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    payload = stream.read(size)
    if len(payload) < size:
        raise EOFError("message cut short")
    return pickle.loads(payload)
