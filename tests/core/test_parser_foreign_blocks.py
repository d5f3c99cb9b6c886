"""Foreign files read with the fidelity of their authors' intent: bold-only paragraphs as
headings, numbered paragraphs as steps, announced texts as messages, titles without decoration."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from runbook_assistant.core.runbook.foreign_blocks import clean_title, message_lead, pseudo_heading
from runbook_assistant.core.runbook.parser import parse_file, parse_text

REALWORLD = Path(__file__).resolve().parent.parent / "fixtures" / "realworld"


def _outline(text: str) -> list[tuple[str, list[str]]]:
    runbook = parse_text(text, "draaiboek.md").runbook
    assert runbook is not None
    return [(s.title, [step.title for step in s.steps]) for s in runbook.sections]


def test_bold_phase_lines_of_a_published_playbook_become_sections() -> None:
    result = parse_file(REALWORLD / "irm-ransomware.md")
    runbook = result.runbook
    assert runbook.title == "IRM #17: Ransomware"
    phases = [s.title for s in runbook.sections if s.title.startswith("(")]
    assert phases == ["(P) Preparation", "(I) Identification", "(C) Containment",
                      "(E) Remediation", "(R) Recovery", "(L) Lessons learned"]
    containment = runbook.section("c-containment")
    assert [s.title for s in containment.steps] == [
        "Disconnect all infected computers from the network.",
        "Block traffic to the identified C&C servers.",
        "Deactivate the accounts that are used by the attacker."]
    assert containment.intro.startswith("Objective:")
    assert (27, "bold paragraph '**(P) Preparation**' read as a heading") in result.guesses
    assert result.errors == ()


def test_no_markdown_marks_are_left_in_any_title_of_a_foreign_file() -> None:
    for path in sorted(REALWORLD.glob("*.md")):
        runbook = parse_file(path).runbook
        if runbook is None:
            continue
        titles = [runbook.title] + [s.title for s in runbook.sections] + [
            step.title for step in runbook.steps]
        assert not [t for t in titles if "**" in t or t.startswith("#")], path.name


def test_bold_line_under_a_heading_is_a_subsection_and_the_empty_heading_groups() -> None:
    text = ("# Draaiboek\n\n## Fase 3: Inperken\n\n**Korte termijn**\n\n1. Isoleer de host.\n\n"
            "**Lange termijn**\n\n1. Herbouw de server.\n")
    assert _outline(text) == [("Korte termijn", ["Isoleer de host."]),
                              ("Lange termijn", ["Herbouw de server."])]


def test_bold_text_that_is_emphasis_stays_text() -> None:
    text = ("# Draaiboek\n\n## Stappen\n\n**Let op: dit is een hele zin in vet.**\n\n"
            "- Doe dit\n\n**Alleen vet boven een kop**\n\n## Einde\n\n- Klaar\n")
    runbook = parse_text(text, "x.md").runbook
    assert [s.title for s in runbook.sections] == ["Stappen", "Einde"]
    assert "**Let op" in runbook.sections[0].intro


def test_own_format_keeps_bold_paragraphs_and_marks_as_written() -> None:
    text = ("---\nid: eigen\ntitle: Eigen\nversion: 1\n---\n\n# Eigen\n\n## Stappen\n\n"
            "**Fase een**\n\n- [ ] Doe **dit** {#dit}\n")
    runbook = parse_text(text, "eigen.md").runbook
    assert [s.title for s in runbook.sections] == ["Stappen"]
    assert runbook.step("dit").title == "Doe **dit**"


def test_numbered_paragraphs_are_steps_with_their_lines_as_details() -> None:
    text = ("# Draaiboek\n\n## Opstarten\n\n1.1 Bel de coördinator\nnummer op de kaart\n\n"
            "Stap 2: Open het logboek.\n\nGewone tekst.\n")
    runbook = parse_text(text, "x.md").runbook
    steps = runbook.sections[0].steps
    assert [(s.title, s.details) for s in steps] == [
        ("Bel de coördinator", "nummer op de kaart"), ("Open het logboek.", "")]
    assert runbook.sections[0].intro == "Gewone tekst."


def test_announced_website_text_becomes_a_message_template() -> None:
    text = ("# Draaiboek\n\n## Communicatie\n\n- Informeer de inwoners\n\n"
            "Tekst voor de website:\n\n> Door een storing zijn de loketten gesloten.\n"
            "> Kijk later terug.\n\nBericht aan medewerkers (intranet):\n\n"
            "Werk offline door.\n\n## Afronden\n\n- Evalueer\n")
    runbook = parse_text(text, "x.md").runbook
    website, intranet = runbook.sections[0].messages
    assert (website.channel, website.title, website.text) == (
        "website", "Tekst voor de website",
        "Door een storing zijn de loketten gesloten.\nKijk later terug.")
    assert (intranet.channel, intranet.audience, intranet.text) == (
        "intranet", "medewerkers", "Werk offline door.")
    assert "Tekst voor" not in runbook.sections[0].intro


def test_a_lead_with_more_than_one_paragraph_under_it_is_left_as_text() -> None:
    text = ("# D\n\n## C\n\n- Stap\n\nTekst voor de website:\n\nEen.\n\nTwee.\n\n## E\n\n- X\n")
    runbook = parse_text(text, "x.md").runbook
    assert runbook.sections[0].messages == ()
    assert "Tekst voor de website:" in runbook.sections[0].intro


def test_helpers() -> None:
    assert pseudo_heading("**(P) Preparation**") == "(P) Preparation"
    assert pseudo_heading("__Contacten:__") == "Contacten"
    assert pseudo_heading("**Contacten**:") == "Contacten"
    assert pseudo_heading("**Vet** en niet vet") is None
    assert message_lead("Tekst voor de website:") == ("website", "")
    assert message_lead("SMS aan inwoners:") == ("sms", "inwoners")
    assert message_lead("De tekst is lang en eindigt niet met een dubbele punt") is None
    assert clean_title("## **Stap** één") == "Stap één"
    assert clean_title("# # *kop*") == "kop"


@given(st.text(max_size=200))
def test_clean_title_never_leaves_double_stars_or_a_leading_hash(text: str) -> None:
    cleaned = clean_title(text)
    assert "**" not in cleaned and "__" not in cleaned
    assert not cleaned.startswith("#")


def test_a_word_document_converted_by_pandoc_reads_as_its_author_meant() -> None:
    result = parse_file(REALWORLD / "draaiboek-pandoc-word.md")
    runbook = result.runbook
    assert runbook.title == "DRAAIBOEK CYBERINCIDENT GEMEENTE VOORBEELDSTAD"
    assert runbook.intro.startswith("Versie 2.3")
    assert [(s.title, len(s.steps)) for s in runbook.sections] == [
        ("Fase 1 -- Melding en alarmering", 3), ("Fase 2 -- Inperken", 2),
        ("Fase 3 -- Herstel en nazorg", 3), ("Contactgegevens", 0)]
    assert [s.title for s in runbook.sections[1].steps] == [
        "Koppel getroffen systemen los van het netwerk.", "Blokkeer verdachte accounts."]
    (message,) = runbook.messages
    assert (message.channel, message.section_id) == ("website", "fase-2-inperken")
