"""The reader's findings in Dutch, as the editor and the import show them: every quoted name
stays, nothing is left unfilled, and most findings people meet have their Dutch."""

from __future__ import annotations

import re
from pathlib import Path

from runbook_assistant.core.runbook.finding_texts import finding_in, has_dutch_finding
from runbook_assistant.core.runbook.parser import parse_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _findings() -> list[str]:
    found = []
    for path in sorted(FIXTURES.rglob("*.md")):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (UnicodeDecodeError, OSError):
            continue
        found += [d.message for d in parse_text(text, str(path)).diagnostics]
    return found


def test_dutch_findings_keep_every_quoted_name_and_leave_nothing_unfilled() -> None:
    findings = _findings()
    dutch = [(english, finding_in(english, "nl")) for english in findings
             if has_dutch_finding(english)]
    assert len(dutch) >= 0.85 * len(findings)  # most of what the fixtures give: 248 of 277 now
    for english, translated in dutch:
        assert not re.search(r"\{[a-z]+\}", translated), translated  # no field left unfilled
        for name in re.findall(r"'([^']*)'", english):
            if name not in ("- [ ] ...", "- [ ] what to do", "offline", "zonder netwerk",
                            "message"):  # examples and words of the text itself
                assert f"'{name}'" in translated, (english, translated)


def test_the_findings_met_while_writing_read_in_dutch() -> None:
    text = ("---\nid: x\ntitle: X\nversion: 1\nlang: nl\nroles:\n  lead: Leiding\n---\n\n# X\n\n"
            "## A {#a}\n\n- [ ] Bel {due=5min}\n- [ ] Meld {role=ciso}\n- [ ] Kies {.decision}\n"
            "  - [Ja](#nergens)\n  - [Nee](#b)\n\n## B {#b}\n\n- [ ] Klaar\n")
    shown = [finding_in(d.message, "nl") for d in parse_text(text, "x.md").diagnostics]
    assert "due=: onleesbare duur '5min' (schrijf bijv. 5m, 1h30m)" in shown
    assert ("stap 'a-meld' heeft rol 'ciso', maar die staat niet onder 'roles:' in de front "
            "matter") in shown
    assert "optie 'Ja' wijst naar '#nergens', maar er is geen onderdeel met dat id" in shown
    assert finding_in("something new", "nl") == "something new"
    assert finding_in("no version in the front matter: using version 1", "en") == (
        "no version in the front matter: using version 1")


def test_a_step_that_sends_an_unknown_message_reads_in_dutch() -> None:
    english = ("step 'stuur' sends message 'msg-site', which is not a message of this runbook "
               "(did you mean 'msg-sites'?)")
    assert finding_in(english, "nl") == ("stap 'stuur' verstuurt bericht 'msg-site', maar dat "
                                         "bericht staat niet in dit draaiboek (bedoel je "
                                         "'msg-sites'?)")
    assert finding_in(english, "en") == english
