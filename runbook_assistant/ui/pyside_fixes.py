"""Work-arounds for defects in the Qt binding, applied once when the UI package is imported.

PySide6 6.12.0 drops one reference to ``None`` each time a Python item model's ``data()``
returns None to Qt (every role a model does not answer, on every repaint). On Python 3.11 ``None``
is an ordinary counted object, so after enough repaints its count reaches zero and the interpreter
aborts ("deallocating None"): a crash after some hours of use, in the middle of an incident.
Python 3.12 and later make ``None`` immortal; here we do the same by giving it a count no session
can use up. 6.11 does not have the defect.
"""

from __future__ import annotations

import ctypes
import platform
import sys

_IMMORTAL = 1 << 40  # one lost reference per call: more calls than any session will ever make


def keep_none_alive() -> bool:
    """Make ``None``'s reference count unreachable by the lost references; True if applied."""
    if sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return False  # None is immortal already (or counted differently)
    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, the first field of every object
    if count.value < _IMMORTAL:
        count.value += _IMMORTAL
    return True
