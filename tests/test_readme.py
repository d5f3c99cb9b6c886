"""The README's two set-up commands stay true: CI runs exactly the test command it gives."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _shell_blocks(text: str) -> list[str]:
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", text, flags=re.S)]


def test_readme_gives_a_start_and_a_test_command() -> None:
    blocks = _shell_blocks((REPO / "README.md").read_text(encoding="utf-8"))
    starts = [b for b in blocks if b.endswith(".venv/bin/runbook-assistant")]
    tests = [b for b in blocks if "pytest" in b]
    assert len(starts) == 1 and len(tests) == 1, blocks


def test_ci_runs_the_readme_test_command() -> None:
    blocks = _shell_blocks((REPO / "README.md").read_text(encoding="utf-8"))
    test_command = next(b for b in blocks if "pytest" in b).split("&&")[-1].strip()
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()
