"""Every lint rule, one broken fixture each, with its expected diagnostics beside it.

``tests/fixtures/broken/NAME.md`` has ``NAME.expected``: one ``line: severity: text`` line per
diagnostic (``text`` is contained in the message), all of them, in order; ``# no runbook`` when
the file is unusable as a whole.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from runbook_assistant.core.runbook.model import Severity
from runbook_assistant.core.runbook.parser import parse_file, parse_text
from runbook_assistant.core.runbook.validate import validate

BROKEN = Path(__file__).resolve().parent.parent / "fixtures" / "broken"


def _expected(path: Path) -> tuple[list[tuple[int, str, str]], bool]:
    rows, usable = [], True
    for raw in path.with_suffix(".expected").read_text(encoding="utf-8").splitlines():
        if raw.strip() == "# no runbook":
            usable = False
        if not raw.strip() or raw.startswith("#"):
            continue
        line, severity, text = raw.split(": ", 2)
        rows.append((int(line), severity, text))
    return rows, usable


@pytest.mark.parametrize("path", sorted(BROKEN.glob("*.md")), ids=lambda p: p.stem)
def test_broken_fixture(path: Path) -> None:
    expected, usable = _expected(path)
    assert expected, "a broken fixture must expect at least one diagnostic"
    result = parse_file(path)
    got = [(d.line, d.severity.value, d.message) for d in result.diagnostics]
    assert len(got) == len(expected), "\n".join(str(d) for d in result.diagnostics)
    for (line, severity, message), (want_line, want_severity, text) in zip(got, expected,
                                                                          strict=True):
        assert (line, severity) == (want_line, want_severity), message
        assert text in message
    assert all(d.path == str(path) for d in result.diagnostics)
    assert (result.runbook is not None) is usable


def test_every_rule_fixture_has_expectations() -> None:
    fixtures = {p.stem for p in BROKEN.glob("*.md")}
    sidecars = {p.stem for p in BROKEN.glob("*.expected")}
    assert fixtures == sidecars
    assert len(fixtures) >= 25


def test_error_message_is_the_documented_one() -> None:
    result = parse_file(BROKEN / "option-without-section.md")
    assert str(result.errors[0]).endswith(
        "option-without-section.md:11: error: option 'Nee' points to '#failover', but there is "
        "no section with that id (did you mean '#fail-over'?)")


OWN = "---\nid: x\ntitle: X\nversion: 1\n---\n"
STRUCTURAL = """
## Beslissen {#beslissen}

- [ ] Werkt het? {.decision role=onbekend due=soon}
  - [Ja](#nergens)

## Leeg
"""


def test_structural_findings_are_errors_in_own_format_and_warnings_in_foreign_files() -> None:
    own = parse_text(OWN + STRUCTURAL, "own.md")
    foreign = parse_text(STRUCTURAL, "foreign.md")
    own_findings = [(d.line - 5, d.message) for d in own.diagnostics]
    import_notes = ("imported playbook", "no version", "read as a plain step")
    foreign_findings = [(d.line, d.message) for d in foreign.diagnostics
                        if not any(note in d.message for note in import_notes)]
    assert own_findings == foreign_findings
    assert len(own.errors) == 5  # duration, one option, target, role, empty section
    assert foreign.errors == ()
    assert foreign.ok and not own.ok


def test_validate_on_its_own_reports_by_the_runbook_flag() -> None:
    runbook = parse_text(OWN + "## S\n- [ ] a {role=x}\n").runbook
    (own,) = validate(runbook)
    (foreign,) = validate(replace(runbook, foreign=True))
    assert (own.severity, foreign.severity) == (Severity.ERROR, Severity.WARNING)
    assert own.message == foreign.message


def test_network_words_and_offline_alternatives() -> None:
    def warned(step: str) -> bool:
        result = parse_text(OWN + "## S\n" + step)
        return any("needs the network" in d.message for d in result.diagnostics)

    assert warned("- [ ] Open de webconsole van de firewall\n")
    assert warned("- [ ] Kijk op www.example.nl\n")
    assert warned("- [ ] Log in via single sign-on\n")
    assert warned("- [ ] Zet het bericht online\n")
    assert warned("- [ ] Open het zaakportaal\n")
    assert not warned("- [ ] Open de webconsole\n  Offline: gebruik de consolekabel.\n")
    assert not warned("- [ ] Zet het op het intranet\n  Zonder netwerk: mondeling.\n")
    assert not warned("- [ ] Bel de leverancier\n")
    assert not warned("- [ ] Meld het aan de lassoteam\n")  # 'sso' inside a word is no SSO


def test_prose_only_sections_are_fine_in_own_format() -> None:
    result = parse_text(OWN + "## Achtergrond\n\nUitleg.\n\n## S\n\n- [ ] a\n")
    assert result.diagnostics == ()
