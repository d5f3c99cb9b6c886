"""The parser on good runbooks: the exact structure, line numbers and the public helpers."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from runbook_assistant.core.runbook.model import Inject, Option, Role
from runbook_assistant.core.runbook.parser import (
    PLACEHOLDER_RE,
    parse_bytes,
    parse_duration,
    parse_file,
    parse_text,
    placeholders_of,
    slugify,
)

GOOD = Path(__file__).resolve().parent.parent / "fixtures" / "good"


@pytest.mark.parametrize("path", sorted(GOOD.glob("*.md")), ids=lambda p: p.name)
def test_good_fixtures_have_no_diagnostics(path: Path) -> None:
    result = parse_file(path)
    assert result.ok
    assert [str(d) for d in result.diagnostics] == []


def test_complete_example_front_matter() -> None:
    runbook = parse_file(GOOD / "complete-example.md").runbook
    assert runbook is not None
    assert (runbook.id, runbook.title, runbook.version) == (
        "netwerkstoring-wijziging", "Netwerkstoring na geplande wijziging", 5)
    assert (runbook.lang, runbook.kind, runbook.severity) == ("nl", "runbook", "critical")
    assert runbook.owner == "ICT Beheer — Netwerken"
    assert runbook.tags == ("netwerk", "wijziging", "rollback")
    assert runbook.roles == (
        Role("incident-lead", "Coördinator ICT-storing", 12),
        Role("netwerk", "Netwerkspecialist", 13),
        Role("communicatie", "Woordvoerder / communicatieadviseur", 14),
    )
    assert runbook.staffing == (("incident-lead", 1), ("netwerk", 2))
    assert runbook.services == ("Publieke Dienstverlening (loketten burgerzaken)",
                                "Sociale Zaken", "Informatienummer 14020", "E-mail")
    assert runbook.intro.startswith("Gebruik dit draaiboek zodra")
    assert not runbook.foreign
    assert runbook.extra == ()


def test_complete_example_sections_and_steps() -> None:
    runbook = parse_file(GOOD / "complete-example.md").runbook
    assert runbook is not None
    assert [(s.id, s.title, s.line, s.mode) for s in runbook.sections] == [
        ("opschalen", "Opschalen", 31, "read-do"),
        ("rollback", "Terugdraaien", 41, None),
        ("herstel-na-rollback", "Herstel na rollback", 51, None),
        ("failover", "Failover", 55, None),
        ("communicatie", "Communicatie", 62, "do-confirm"),
        ("afronden", "Afronden", 81, "do-confirm"),
    ]
    assert runbook.section("opschalen").intro == "Lees elke stap hardop voor en voer hem dan uit."
    assert [(s.id, s.line, s.role, s.due, s.timebox, s.every) for s in runbook.steps] == [
        ("coordinator", 35, "incident-lead", 300, None, None),
        ("bezetting", 36, "incident-lead", 600, None, None),
        ("wijzigingen-bevriezen", 39, "netwerk", 900, None, None),
        ("rollback-uitvoeren", 43, "netwerk", None, 1800, None),
        ("rollback-ok", 46, "incident-lead", None, None, None),
        ("rollback-vastleggen", 53, "netwerk", None, None, None),
        ("failover-uitvoeren", 57, "netwerk", None, 2700, None),
        ("leverancier", 58, "incident-lead", 3600, None, None),
        ("bestuur-informeren", 64, "communicatie", 1800, None, None),
        ("inwoners-informeren", 65, "communicatie", 1800, None, 3600),
        ("medewerkers-informeren", 73, "communicatie", None, None, None),
        ("diensten-controleren", 83, "incident-lead", None, None, None),
        ("einde-melden", 84, "communicatie", None, None, None),
        ("evaluatie-plannen", 85, "incident-lead", 86400, None, None),
    ]
    flags = {s.id: (s.four_eyes, s.decision, s.optional) for s in runbook.steps}
    assert flags["rollback-uitvoeren"] == (True, False, False)
    assert flags["failover-uitvoeren"] == (True, False, False)
    assert flags["rollback-ok"] == (False, True, False)
    assert flags["medewerkers-informeren"] == (False, False, True)
    assert sum(any(f) for f in flags.values()) == 4

    bezetting = runbook.step("bezetting")
    assert bezetting.title == "Controleer de bezetting: minimaal twee netwerkspecialisten aanwezig"
    assert bezetting.section_id == "opschalen"
    assert bezetting.details == (
        "Zijn er minder dan twee? Roep de reservedienst op (zie Contacten).\n"
        "Zonder tweede specialist wordt er niets teruggedraaid of omgeschakeld.")


def test_decision_options_are_not_details() -> None:
    runbook = parse_file(GOOD / "complete-example.md").runbook
    decision = runbook.step("rollback-ok")
    assert decision.options == (
        Option("Ja, volledig", "herstel-na-rollback", 48),
        Option("Nee, deels of niet", "failover", 49),
    )
    assert decision.details == ("Test vanaf een werkplek in het stadhuis én vanaf een locatie "
                                "buiten het stadhuis.")


def test_complete_example_messages() -> None:
    runbook = parse_file(GOOD / "complete-example.md").runbook
    inwoners, medewerkers = runbook.messages
    assert (inwoners.id, inwoners.channel, inwoners.audience, inwoners.title) == (
        "msg-inwoners", "website", "inwoners", "Storing dienstverlening")
    assert (inwoners.section_id, inwoners.line) == ("communicatie", 67)
    assert inwoners.placeholders == ("organisatie", "starttijd", "noodnummer", "volgende_update")
    assert inwoners.text.startswith("Door een storing in het netwerk")
    assert inwoners.text.endswith("uiterlijk {volgende_update}.")
    assert (medewerkers.id, medewerkers.title, medewerkers.line) == ("msg-medewerkers", "", 76)
    assert medewerkers.placeholders == ("starttijd", "storing", "diensten")


def test_scenario() -> None:
    runbook = parse_file(GOOD / "scenario.md").runbook
    assert (runbook.kind, runbook.runbook) == ("exercise", "netwerkstoring-wijziging")
    assert [s.id for s in runbook.sections] == ["doelen", "opzet", "injects"]
    assert runbook.steps == ()
    assert runbook.section("doelen").intro.startswith("- Het team schaalt op")
    assert runbook.injects == (
        Inject(0, "De wijziging van 10:47 is uitgevoerd; de monitoring kleurt rood.",
               "netwerk", 29),
        Inject(600, "Het informatienummer 14020 valt uit.", "communicatie", 30),
        Inject(1500, 'Een wethouder belt: "Wat moet ik de raad vertellen?"\n\n'
               "Let op: ze wil binnen een uur een eerste raadsinformatiebrief.",
               "incident-lead", 31),
        Inject(2700, "De leverancier meldt dat de reservecomponent ook defect is.", None, 33),
        Inject(5400, "Einde van de oefening.", None, 34),
    )


def test_step_details_keep_markdown_and_nested_blocks() -> None:
    runbook = parse_file(GOOD / "step-details.md").runbook
    assert runbook.intro == ("Intro with **bold** text.\n\n| Dienst | Eigenaar |\n"
                             "|--------|----------|\n| E-mail | Beheer   |")
    section = runbook.section("voorbereiden")
    assert section.intro == "Uitleg vooraf.\n\nTekst na de stappen."
    first = section.steps[0]
    assert first.details == ("Kijk in het logboek:\n\n```\nbackup status --last\n```\n\n"
                             "- eerste aandachtspunt\n  - genest aandachtspunt\n"
                             "> Let op: niet herstarten.")
    assert [s.id for s in section.steps] == [
        "voorbereiden-controleer-de-back-up",
        "al-gedaan",
        "voorbereiden-stap-met-naam-in-de-titel",
        "voorbereiden-stap-met-een-lange-titel-die-veel-l",  # cut to 48 characters
        "voorbereiden-controleer-de-back-up-2",  # same title: made unique
    ]
    assert section.steps[1].optional
    assert section.steps[2].title == "Stap met {naam} in de titel"


def test_message_inside_a_step_belongs_to_its_section_and_leaves_the_details() -> None:
    runbook = parse_file(GOOD / "step-details.md").runbook
    step = runbook.step("melden-stap")
    assert step.every == 1800
    assert step.details == "Na het bericht: noteer wie gebeld is."
    (message,) = runbook.section("melden").messages
    assert (message.id, message.channel, message.audience, message.line) == (
        "msg-melding", "telefoon", "Medewerkers servicedesk", 42)
    assert message.text == "Storing sinds {start_time}: {omschrijving}."


def test_unknown_attributes_are_kept_on_the_step() -> None:
    result = parse_text("---\nid: x\ntitle: X\nversion: 1\n---\n## S\n"
                        "- [ ] Doe het {prio=hoog .later}\n")
    assert result.runbook.steps[0].attrs == (("prio", "hoog"), ("class", "later"))
    assert [d.severity.value for d in result.diagnostics] == ["warning", "warning"]


# --- the public API ------------------------------------------------------------------------------
def test_sha256_and_path() -> None:
    text = "---\nid: x\ntitle: X\nversion: 1\n---\n## S\n- [ ] a\n"
    from_text = parse_text(text, "a/b.md").runbook
    assert from_text.path == "a/b.md"
    assert from_text.sha256 == hashlib.sha256(text.encode()).hexdigest()
    data = b"\xef\xbb\xbf" + text.encode()
    from_bytes = parse_bytes(data, "c.md").runbook
    assert from_bytes.sha256 == hashlib.sha256(data).hexdigest()  # of the file bytes, BOM and all
    assert from_bytes.id == "x"


def test_parse_file_reads_bytes(tmp_path: Path) -> None:
    path = tmp_path / "rb.md"
    path.write_bytes(b"---\r\nid: x\r\ntitle: X\r\nversion: 2\r\n---\r\n"
                     b"## S\r\n- [ ] a {due=5m}\r\n")
    result = parse_file(path)
    assert result.ok
    assert result.runbook.path == str(path)
    assert result.runbook.steps[0].line == 7  # CRLF line endings count like LF
    assert result.runbook.version == 2


def test_crlf_details_have_no_carriage_returns() -> None:
    result = parse_text("---\r\nid: x\r\ntitle: X\r\nversion: 1\r\n---\r\n## S\r\n"
                        "- [ ] a\r\n  b\r\n  c\r\n")
    assert result.runbook.steps[0].details == "b\nc"


# --- helpers others reuse -----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "seconds"), [
    ("90s", 90), ("5m", 300), ("1h", 3600), ("1h30m", 5400), ("2d", 172800), ("1d12h", 129600),
    (" 10m ", 600), ("0m", 0), ("1d2h3m4s", 93784),
])
def test_parse_duration(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "5", "5 m", "5min", "1.5h", "m", "30m1h", "5M", "-5m",
                                  "1h 30m", "400d"])
def test_parse_duration_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_duration(text)


@pytest.mark.parametrize(("text", "slug"), [
    ("Coördinator ICT-storing", "coordinator-ict-storing"),
    ("Herstel na rollback", "herstel-na-rollback"),
    ("  --Hello, World!--  ", "hello-world"),
    ("E-mail & agenda (Exchange)", "e-mail-agenda-exchange"),
    ("???", ""),
])
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_placeholders() -> None:
    text = "Sinds {starttijd} bij {organisatie}; {starttijd} opnieuw, {Hoofd} en {x-y} niet."
    assert placeholders_of(text) == ("starttijd", "organisatie")
    assert PLACEHOLDER_RE.findall("{a_1}{_b}") == ["a_1", "_b"]


@pytest.mark.parametrize(("line", "title", "attrs"), [
    ("Stel aan {role=incident-lead due=5m}", "Stel aan",
     (None, (), (("role", "incident-lead"), ("due", "5m")))),
    ("Voer uit {#rollback .four-eyes role=netwerk}", "Voer uit",
     ("rollback", ("four-eyes",), (("role", "netwerk"),))),
    ('Bericht {#m title="Korte {x} titel" audience="a \\"b\\""}', "Bericht",
     ("m", (), (("title", "Korte {x} titel"), ("audience", 'a "b"')))),
    ("Vul {naam} in", "Vul {naam} in", (None, (), ())),
    ("Vul in: {naam}", "Vul in: {naam}", (None, (), ())),
    ("Geen attributen", "Geen attributen", (None, (), ())),
    ("Leeg {}", "Leeg", (None, (), ())),
    ("Pandoc {id=x class=a .b %opmerking%}", "Pandoc", ("x", ("a", "b"), ())),
])
def test_attribute_blocks(line: str, title: str,
                          attrs: tuple[str | None, tuple[str, ...], tuple[tuple[str, str], ...]]
                          ) -> None:
    result = parse_text(f"---\nid: x\ntitle: X\nversion: 1\n---\n## S\n- [ ] {line}\n")
    (step,) = result.runbook.steps
    assert step.title == title
    written_id, classes, pairs = attrs
    if written_id:
        assert step.id == written_id
    assert step.four_eyes == ("four-eyes" in classes)
    assert (step.role, step.due) == (dict(pairs).get("role"), 300 if "due" in dict(pairs) else None)
    unknown = tuple((k, v) for k, v in pairs if k not in ("role", "due"))
    assert step.attrs == unknown + tuple(("class", c) for c in classes if c != "four-eyes")


def test_message_attributes_without_braces() -> None:
    result = parse_text("---\nid: x\ntitle: X\nversion: 1\n---\n## S\n- [ ] a\n\n"
                        "```message #msg-a channel=sms audience=raad\nTekst\n```\n")
    assert result.diagnostics == ()
    (message,) = result.runbook.messages
    assert (message.id, message.channel, message.audience) == ("msg-a", "sms", "raad")
