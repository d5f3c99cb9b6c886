"""The crisis-discipline attributes as the parser reads them: verifier=, needs=, .needs-staffing,
due=... from=discovery, check= and {check:NAME} placeholders."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runbook_assistant.core.runbook.gates import read_needs
from runbook_assistant.core.runbook.parser import parse_text

RUNBOOK = """\
---
id: poort
title: Poort
version: 1
roles:
  netwerk: Netwerkspecialist
  incident-lead: Coördinator
  ciso: CISO
  controller: Verwerkingsverantwoordelijke
staffing:
  netwerk: 2
  incident-lead: 1
---
# Poort

## Wijzigen {#wijzigen needs=incident-lead:1}

- [ ] Rol terug {#rollback .four-eyes role=netwerk verifier=incident-lead .needs-staffing}
- [ ] Meld bij de AP {#ap-melden role=controller due=72h from=discovery}
- [ ] Noteer {#noteer role=netwerk due=1h}

## Vaststellen {#vaststellen .needs-staffing needs="netwerk:3 ciso:1"}

- [ ] Stel vast of er een aanval was {#check-aanval check=security role=ciso}

```message {#msg-raad channel=brief audience=raad}
Een aanval (hack, DDoS): {check:security}. Sinds {starttijd}.
```
"""


def test_new_attributes_are_read_without_findings() -> None:
    result = parse_text(RUNBOOK)
    assert result.diagnostics == ()
    runbook = result.runbook
    assert runbook is not None
    rollback = runbook.step("rollback")
    assert rollback is not None
    assert (rollback.verifier, rollback.needs_staffing) == ("incident-lead", True)
    ap = runbook.step("ap-melden")
    assert ap is not None and (ap.due, ap.due_from) == (72 * 3600, "discovery")
    noteer = runbook.step("noteer")
    assert noteer is not None and noteer.due_from == "start"
    assert runbook.check_step("security") is runbook.step("check-aanval")
    assert runbook.check_step("integrity") is None
    message = runbook.message("msg-raad")
    assert message is not None
    assert message.checks == ("security",)
    assert message.placeholders == ("starttijd",)  # a check is never asked for


def test_staffing_needs_combine_step_section_and_runbook() -> None:
    runbook = parse_text(RUNBOOK).runbook
    assert runbook is not None
    needs = runbook.staffing_needs
    assert needs(runbook.step("rollback")) == (("incident-lead", 1), ("netwerk", 2))  # type: ignore[arg-type]
    assert needs(runbook.step("ap-melden")) == (("incident-lead", 1),)  # type: ignore[arg-type]
    # The section asks for 3 network specialists, more than the runbook's minimum of 2.
    assert dict(needs(runbook.step("check-aanval"))) == {  # type: ignore[arg-type]
        "netwerk": 3, "ciso": 1, "incident-lead": 1}


@pytest.mark.parametrize("value", ["netwerk", "netwerk:", ":2", "netwerk:0", "netwerk:1000",
                                   "Netwerk:2", "netwerk=2", ""])
def test_unreadable_needs_are_refused(value: str) -> None:
    with pytest.raises(ValueError):
        read_needs(value)


@given(st.dictionaries(st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True),
                       st.integers(1, 999), min_size=1, max_size=5),
       st.sampled_from([" ", ", ", ","]))
def test_needs_round_trip(wanted: dict[str, int], separator: str) -> None:
    written = separator.join(f"{role}:{count}" for role, count in wanted.items())
    assert read_needs(written) == tuple(wanted.items())
