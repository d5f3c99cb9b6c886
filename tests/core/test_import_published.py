"""Importing playbooks as they are published and kept elsewhere (not written for this app): an
NCSC-style factsheet with bold pseudo headings and a pandoc simple table, a Confluence export with
HTML tables and macros, a Word draaiboek with numbered headings and a Dutch contact table with
Telefoon and Mobiel columns. Each gives a validated runbook, contacts, and notes in Dutch too."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_support import word_numbered_draaiboek
from hypothesis import given, settings
from hypothesis import strategies as st

from runbook_assistant.core.authoring.contact_tables import find_contact_tables
from runbook_assistant.core.authoring.convert import ImportProblem, import_file
from runbook_assistant.core.authoring.note_texts import has_dutch, note_in
from runbook_assistant.core.comms.contacts import parse_contacts
from runbook_assistant.core.runbook.parser import parse_file, parse_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PUBLISHED = FIXTURES / "published"
EVERY_FOREIGN = sorted([*PUBLISHED.glob("*.md"), *(FIXTURES / "foreign").glob("*.md"),
                        *(FIXTURES / "realworld").glob("*.md")])


def _contacts(imported, tmp_path: Path) -> list[dict]:
    path = tmp_path / "contacts.yaml"
    path.write_text(imported.contacts_yaml("x"), encoding="utf-8")
    book = parse_contacts(path.read_text(encoding="utf-8"), str(path))
    assert not book.problems
    return [contact.to_dict() for contact in book.contacts]


def test_an_ncsc_style_factsheet(tmp_path: Path) -> None:
    imported = import_file(PUBLISHED / "ncsc-factsheet-ransomware.md")
    runbook = imported.runbook
    assert imported.check.errors == ()
    # The one-word label above the title is not the title.
    assert runbook.title == "Ransomware: wat te doen bij een besmetting"
    assert [s.title for s in runbook.sections if s.steps] == [
        "Kernboodschappen", "Direct na ontdekking", "Melden", "Herstel"]
    assert runbook.steps[3].title.startswith("Isoleer de getroffen systemen van het netwerk")
    (message,) = runbook.messages
    assert message.channel == "website" and message.text.startswith("Door een aanval")
    # The pandoc simple table of organisations is a contact table.
    contacts = _contacts(imported, tmp_path)
    assert [(c["name"], c["phone"]) for c in contacts] == [
        ("IBD (24/7)", "070 373 8011"), ("Politie (aangifte)", "0900 8844"),
        ("Autoriteit Persoonsgegevens", "088 180 5250")]
    assert contacts[0]["email"] == "ibd@vng.nl"


def test_a_confluence_export_with_html_tables_and_macros(tmp_path: Path) -> None:
    imported = import_file(PUBLISHED / "confluence-export-storing-email.md")
    runbook = imported.runbook
    assert imported.check.errors == ()
    assert runbook.title == "Draaiboek: Storing e-mail (Exchange Online)"
    assert [s.title for s in runbook.steps] == [
        "Controleer de Service Health in het beheercentrum.",
        "Test of intern mailen werkt (van en naar een collega).",
        "Test of extern mailen werkt (naar een Gmail-adres).",
        "Meld de storing bij de servicedesk van de leverancier als de oorzaak extern is."]
    assert runbook.messages[0].channel == "intranet"
    contacts = _contacts(imported, tmp_path)
    assert [(c["name"], c["phone"], c["email"]) for c in contacts] == [
        ("Petra van Dijk", "06-41234567", "p.vandijk@gemeente.example"),
        ("Ahmed El Amrani", "06-42345678", "a.elamrani@gemeente.example")]
    assert contacts[1]["notes"] == "Coördinator ICT"


def test_a_word_draaiboek_with_numbered_headings_and_telefoon_mobiel(tmp_path: Path) -> None:
    source = word_numbered_draaiboek(tmp_path / "Draaiboek telefonie.docx")
    imported = import_file(source, runbook_id="uitval-telefonie")
    runbook = imported.runbook
    out = tmp_path / "uitval-telefonie.md"
    out.write_text(imported.text, encoding="utf-8")
    assert parse_file(out).errors == ()
    assert [s.title for s in runbook.sections] == [
        "1 Inleiding", "2.1 Eerste uur", "2.2 Daarna", "3 Contactgegevens"]
    assert [s.title for s in runbook.steps] == [
        "Bel de leverancier van de telefooncentrale.", "Zet de noodmelding op de website.",
        "Informeer het KCC over de uitwijk naar mobiele nummers.",
        "Plan elk uur een update met de leverancier.", "Houd het logboek bij."]
    notes = [note.line_in("nl") for note in imported.notes]
    assert f"{source}:5: opmerking: kop '2 Opschalen' groepeert alleen de koppen eronder: " \
           "weggelaten" in notes
    contacts = _contacts(imported, tmp_path)
    karin = contacts[0]
    assert (karin["name"], karin["phone"], karin["alternate_phone"], karin["email"]) == (
        "Karin Bos", "0591-123456", "06-11112222", "k.bos@gemeente.nl")
    assert (contacts[1]["name"], contacts[1]["phone"]) == ("Telecom BV storingsdienst",
                                                          "088-5550000")


@pytest.mark.parametrize("path", EVERY_FOREIGN, ids=lambda p: p.name)
def test_every_note_of_an_import_is_in_dutch_too(path: Path) -> None:
    try:
        imported = import_file(path)
    except ImportProblem:
        return  # a refusal: its words come from the error catalogue
    passed_on = {d.message for d in parse_text(path.read_text(encoding="utf-8-sig"),
                                               str(path)).diagnostics}
    for note in imported.notes:
        # The import's own notes all have Dutch; a reader's finding passed on may not (yet).
        assert has_dutch(note.text) or note.text in passed_on, note.text
        dutch = note.line_in("nl")
        assert ": opmerking: " in dutch and ": note: " not in dutch


def test_note_texts_keep_what_they_quote() -> None:
    assert note_in("bold paragraph '**Herstel: nu**' read as a heading", "nl") == (
        "vetgedrukte alinea '**Herstel: nu**' gelezen als kop")
    assert note_in("language 'en' guessed (1 common Dutch and 9 common English words; give "
                   "--lang to choose)", "nl") == (
        "taal 'en' geraden (1 gangbare Nederlandse en 9 gangbare Engelse woorden; kies met "
        "--lang)")
    assert note_in("something new", "nl") == "something new"
    assert note_in("version 1", "en") == "version 1"


_CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(
    st.just("| Naam | Telefoon |"), st.just("|---|---|"), st.just("  Naam   Telefoon"),
    st.just("  ------ ---------"), st.just("<table><tr><th>Naam</th><th>Mobiel</th></tr>"),
    st.just("</table>"), st.just("<tr><td>"), st.just(""),
    _CELL.map(lambda c: f"| {c} | {c} |"), _CELL.map(lambda c: f"  {c}   {c}"), _CELL),
    max_size=30))
def test_any_lines_give_contact_tables_or_none_never_an_error(lines: list[str]) -> None:
    for table in find_contact_tables(lines, [("coordinator", "Coördinator")]):
        assert table.line >= 1
        for entry in table.entries:
            assert isinstance(entry["name"], str) and entry["name"]
