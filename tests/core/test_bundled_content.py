"""What the bundled playbooks say, checked against the domain: no municipality's own number in a
template, contacts for every role, the controller (not the DPO) notifies the DPA, the legal clocks
from the moment of discovery, one council clock, service lists that read as sentences, and other
playbooks named by their real titles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from runbook_assistant.core import paths
from runbook_assistant.core.comms.contacts import load_contacts
from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.runbook.model import Runbook

# A municipal information number (14 + area code, "14020", "14 043") or a Dutch phone number
# ("020-5551234", "0435551234"); 112 is the emergency number, not a municipality's.
MUNICIPAL_NUMBER = re.compile(r"(?<![\d{])(14[ -]?0\d{2,3}|0\d{1,3}[ -]?\d{6,8})(?!\d)")
FIRST_NOTICE = ("inform-council", "raad-eerste-bericht", "comm-raad", "inwoners-raad")
WITHOUT_CONTACT = {"melder", "specialist"}  # whoever reports, whoever stands in: anyone


@pytest.fixture(scope="module")
def runbooks() -> list[Runbook]:
    library = Library([paths.bundled_runbooks_dir()], None)
    found = [e.result.runbook for e in library.entries()]
    return [r for r in found if r is not None and r.kind == "runbook"]


def test_no_template_holds_a_municipal_phone_number(runbooks: list[Runbook]) -> None:
    found = [(r.id, m.id, hit.group(0)) for r in runbooks for m in r.messages
             for hit in MUNICIPAL_NUMBER.finditer(m.text)]
    assert found == []
    assert MUNICIPAL_NUMBER.search("Bel 14020 of 14 043, of 020-5551234")  # the check can fail
    assert not MUNICIPAL_NUMBER.search("Bel {informatienummer}. Bij gevaar: 112.")


def test_every_playbook_role_has_someone_to_call(runbooks: list[Runbook]) -> None:
    book = load_contacts(user=paths.bundled_runbooks_dir() / "no-user-file.yaml")
    missing = sorted({(r.id, role.id) for r in runbooks for role in r.roles
                      if role.id not in WITHOUT_CONTACT and not book.for_role(role.id)})
    assert missing == []


def test_contacts_hold_each_party_under_its_own_role() -> None:
    book = load_contacts(user=paths.bundled_runbooks_dir() / "no-user-file.yaml")
    assert next(c.notes.split(";")[0] for c in book.for_role("burgemeester")) == "Burgemeester"
    assert [c.name for c in book.for_role("griffier")] == ["Hanneke Jonker"]
    assert [c.name for c in book.for_role("ibd")] == ["IBD Meldpunt"]
    assert [c.name for c in book.for_role("media")] == ["Nieuwsdienst Omroep Voorbeeldregio"]
    desks = {c.organisation for c in book.for_role("leverancier")}
    assert all("fictief" in o for o in desks) and len(desks) == 4  # suppliers' service desks
    assert all(c.organisation == "Gemeente Voorbeeldstad" for c in book.for_role("contractmanager"))
    assert not any(c.has_role("wethouder") and "Griffier" in c.notes for c in book.contacts)


def test_the_dpo_advises_and_the_executive_notifies_the_dpa(runbooks: list[Runbook]) -> None:
    notify = re.compile(r"^(Meld|Notify).*(Autoriteit Persoonsgegevens|Data Protection Authority)"
                        r"|college meldt het|executive notifies the")
    seen = 0
    for runbook in runbooks:
        for step in runbook.steps:
            if notify.search(step.title):
                seen += 1
                assert step.role == "college", (runbook.id, step.id)  # the mandated official
                assert step.due == 72 * 3600 and step.due_from == "discovery", (runbook.id, step.id)
                assert any(s.role == "fg" for s in runbook.steps), runbook.id  # its advice
    assert seen >= 16


def test_every_breach_assessment_has_its_notification_step(runbooks: list[Runbook]) -> None:
    # The DPO's assessment runs against the 72 hours; the notification after it is a timer too.
    for runbook in runbooks:
        advice = [s for s in runbook.steps if s.role == "fg" and s.due_from == "discovery"
                  and s.due is not None and s.due < 72 * 3600]
        notify = [s for s in runbook.steps if s.role == "college" and s.due == 72 * 3600
                  and s.due_from == "discovery"]
        assert bool(advice) == bool(notify), runbook.id


# Cyberbeveiligingswet (NIS2): early warning 24 h, notification 72 h, final report one month;
# whether the law applies is asked before the first of them. The first pattern matching counts.
NIS2 = ((re.compile(r"eindverslag|final report", re.I), 30 * 86400),
        (re.compile(r"melding binnen 72|notification within 72", re.I), 72 * 3600),
        (re.compile(r"bij wie je meldt|whom to notify", re.I), 12 * 3600),
        (re.compile(r"vroegtijdige waarschuwing|early warning|Cyberbeveiligingswet", re.I),
         24 * 3600))


def test_the_cyber_security_act_clocks_run_from_discovery(runbooks: list[Runbook]) -> None:
    seen = 0
    for runbook in runbooks:
        for step in runbook.steps:
            due = next((due for pattern, due in NIS2 if pattern.search(step.title)), None)
            if due is not None:
                seen += 1
                assert (step.due, step.due_from) == (due, "discovery"), (runbook.id, step.id)
        text = "\n".join(f"{s.title}\n{s.details}" for s in runbook.steps)
        assert "vroege waarschuwing" not in text, runbook.id  # the law's own words
    assert seen >= 20


def test_dutch_playbooks_speak_of_the_log_not_a_run(runbooks: list[Runbook]) -> None:
    # The app's Dutch is "uitvoering" and "logboek"; "run" is the English word.
    for runbook in runbooks:
        if runbook.lang == "nl":
            text = Path(runbook.path).read_text("utf-8")
            assert not re.search(r"\bruns?\b", text), runbook.id


QUOTED_REFERENCE = re.compile(
    r"\b(?:draaiboek|draaiboeken|playbook|runbook|runbooks|zie|see)\b[^\"\n]{0,80}"
    r"((?:\"[^\"{}=]+\"(?:,\s*|\s+(?:of|or|en|and)\s+)?)+)", re.I)


def test_other_playbooks_are_named_by_their_titles(runbooks: list[Runbook]) -> None:
    titles = {(r.lang, r.title) for r in runbooks}
    found = []
    for runbook in runbooks:
        text = re.sub(r"\s*\n\s*", " ", Path(runbook.path).read_text("utf-8"))
        own = {m.title for m in runbook.messages}  # "use the message ..." names a template
        for hit in QUOTED_REFERENCE.finditer(text):
            found += [(runbook.id, q) for q in re.findall(r'"([^"]+)"', hit.group(1))
                      if (runbook.lang, q) not in titles and q not in own]
    assert found == []
    assert QUOTED_REFERENCE.search('zie "Storing e-mail"')  # the check can find one


def test_one_council_clock_across_the_playbooks(runbooks: list[Runbook]) -> None:
    first = {(r.id, s.id): s.due for r in runbooks for s in r.steps if s.id in FIRST_NOTICE}
    assert len(first) >= 20 and set(first.values()) == {4 * 3600}
    letters = {(r.id, s.id): s.due for r in runbooks for s in r.steps
               if s.id in ("council-letter", "verzenden-raad")}
    assert letters and set(letters.values()) == {7 * 86400}


def test_service_lists_stand_alone_or_in_a_sentence_that_fits(runbooks: list[Runbook]) -> None:
    for runbook in runbooks:
        for message in runbook.messages:
            for line in message.text.splitlines():
                if "{diensten}" in line or "{services}" in line:  # the statuses, one per service
                    assert line.strip() in ("{diensten}", "{services}"), (runbook.id, line)
                if "volgorde:" in line or "in this order:" in line:
                    assert "{hersteld}" in line or "{restored}" in line, (runbook.id, line)


def test_the_core_network_playbook_checks_safety_systems_early(runbooks: list[Runbook]) -> None:
    for runbook in runbooks:
        if runbook.id in ("kernnetwerk-failover", "core-network-failover"):
            ids = [s.id for s in runbook.steps]
            assert ids.index("confirm-safety-systems") < ids.index("switchover-execute")
            assert runbook.step("confirm-safety-systems").due == 30 * 60
            assert "camera" in runbook.services[0].lower()
