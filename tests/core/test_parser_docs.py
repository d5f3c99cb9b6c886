"""docs/runbook-format.md shows the same examples the tests parse, and they parse cleanly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from runbook_assistant.core.runbook.parser import parse_text

ROOT = Path(__file__).resolve().parent.parent.parent
DOC = ROOT / "docs" / "runbook-format.md"


def _example(marker: str) -> tuple[str, Path]:
    """The ````markdown block after ``<!-- marker: path -->`` in the doc, and that path."""
    text = DOC.read_text(encoding="utf-8")
    match = re.search(rf"<!-- {marker}: (\S+) -->\n````markdown\n(.*?)````\n", text, re.DOTALL)
    assert match, f"no {marker} in {DOC.name}"
    return match.group(2), ROOT / match.group(1)


@pytest.mark.parametrize("marker", ["complete-example", "scenario-example"])
def test_doc_example_is_the_fixture_and_parses_cleanly(marker: str) -> None:
    example, fixture = _example(marker)
    assert example == fixture.read_text(encoding="utf-8")
    result = parse_text(example, fixture.name)
    assert result.ok
    assert result.diagnostics == ()


def test_complete_example_shows_every_feature() -> None:
    runbook = parse_text(_example("complete-example")[0]).runbook
    steps = runbook.steps
    assert {s.mode for s in runbook.sections} == {"read-do", "do-confirm", None}
    assert all(any(getattr(s, flag) for s in steps) for flag in
               ("four_eyes", "decision", "optional", "due", "timebox", "every", "role", "details"))
    assert runbook.roles and runbook.staffing and runbook.services and runbook.messages
    assert any(p not in ("organisatie", "starttijd", "volgende_update", "storing", "diensten")
               for m in runbook.messages for p in m.placeholders)  # one the app asks for

