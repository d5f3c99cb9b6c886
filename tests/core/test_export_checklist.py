"""The blank paper checklist: every step with its id, boxes, four-eyes columns, decision
options, contacts per role; as PDF and as HTML."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from export_support import RUNBOOK

from runbook_assistant.core.comms.contacts import merge as merge_contacts
from runbook_assistant.core.comms.contacts import parse_contacts
from runbook_assistant.core.errors import ExportError
from runbook_assistant.core.export import export_checklist
from runbook_assistant.core.export.checklist import build_checklist
from runbook_assistant.core.runbook.parser import parse_text

CONTACTS = """
organisation: Gemeente Voorbeeldstad
contacts:
  - name: Sanne de Vries
    roles: [incident-lead]
    phone: "06-00000001"
    email: sanne.devries@example.nl
    on_call: true
  - name: Mehmet <b>Yilmaz</b>
    roles: [netwerk]
    phone: "06-00000003"
"""


@pytest.fixture
def runbook():
    result = parse_text(RUNBOOK.read_text(encoding="utf-8"), str(RUNBOOK))
    assert result.runbook is not None
    return result.runbook


@pytest.fixture
def book():
    return merge_contacts([parse_contacts(CONTACTS, "contacts.yaml")])


def test_the_sheet_numbers_every_step_and_marks_four_eyes_and_branches(runbook, book) -> None:
    sheet = build_checklist(runbook, contacts=book)
    steps = {s.id: s for s in sheet.steps}
    assert list(steps) == [s.id for s in runbook.steps]
    assert steps["rollback-uitvoeren"].four_eyes and steps["rollback-uitvoeren"].number == 3
    assert steps["rollback-uitvoeren"].meta == "#rollback-uitvoeren · Netwerkspecialist · " \
                                               "maximaal 30 min"
    assert steps["informeer"].timing == "uiterlijk 30 min na de start, herhaal elke 1 u"
    decision = steps["rollback-ok"]
    assert [(o.label, o.target_title) for o in decision.options] == [
        ("Ja", "Herstel controleren"), ("Nee, deels of niet", "Failover")]
    failover = next(s for s in sheet.sections if s.id == "failover")
    assert "#rollback-ok" in failover.note and "Nee, deels of niet" in failover.note
    roles = [(c.role, c.name) for c in sheet.contacts]
    assert ("Coördinator ICT-storing", "Sanne de Vries") in roles
    assert ("CISO", "") in roles  # no one known: an empty line to fill in by hand


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_pdf_sheet_carries_every_step_id_and_the_contacts(runbook, book, tmp_path: Path,
                                                              qapp: object) -> None:
    pdf = export_checklist(runbook, tmp_path / "sheet.pdf", contacts=book)
    content = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                             text=True, check=True).stdout
    for step in runbook.steps:
        assert f"#{step.id}" in content, step.id
    for label in ("Klaar", "Tijd", "Paraaf", "2e paraaf", "Contactpersonen per rol",
                  "Sanne de Vries", "06-00000001", "run check RUN STAP"):
        assert label in content
    reading_order = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout
    assert "Mehmet<b>Yilmaz</b>" in "".join(reading_order.split())  # as typed, not as markup
    assert "Ja → ga naar Herstel controleren" in content
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "p")], check=True)
    assert list(tmp_path.glob("p*.png"))


def test_the_html_sheet_is_self_contained_and_inert(runbook, book, tmp_path: Path) -> None:
    page = export_checklist(runbook, tmp_path / "sheet.html", contacts=book).read_text(
        encoding="utf-8")
    assert "<script" not in page and "http" not in page.split("</style>")[1]
    assert "Mehmet &lt;b&gt;Yilmaz&lt;/b&gt;" in page
    assert page.count('<span class="box"></span>') == len(runbook.steps) + 2  # + 2 options
    assert page.count(' na"></td>') == len([s for s in runbook.steps if not s.four_eyes])
    english = export_checklist(runbook, tmp_path / "en.html", lang="en").read_text(
        encoding="utf-8")
    assert "Paper checklist" in english and "2nd initials (four eyes)" in english


def test_an_unknown_extension_is_refused(runbook, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot tell the checklist format"):
        export_checklist(runbook, tmp_path / "sheet.docx")
    assert list(tmp_path.iterdir()) == []


def test_the_sheet_prints_its_message_templates_and_keeps_sentences_whole(tmp_path: Path) -> None:
    from runbook_assistant.core import paths as core_paths
    from runbook_assistant.core.export.checklist import build_checklist
    from runbook_assistant.core.runbook.parser import parse_text

    source = core_paths.bundled_runbooks_dir() / "ransomware-eerste-uren.md"
    runbook = parse_text(source.read_text(encoding="utf-8"), str(source)).runbook
    assert runbook is not None
    sheet = build_checklist(runbook)
    start = next(s for s in sheet.steps if s.id == "start-ontdekt")
    # Two source lines, one sentence: one line on paper.
    assert any(line.startswith("Vanaf dat moment lopen de meldtermijnen") and
               line.rstrip().endswith(".") for line in start.details), start.details
    communication = next(s for s in sheet.sections if s.id == "communicatie")
    assert [m.id for m in communication.messages] == [m.id for m in runbook.section(
        "communicatie").messages]
    html = export_checklist(runbook, tmp_path / "sheet.html").read_text("utf-8")
    template = runbook.message("msg-raad")
    assert template is not None
    assert "Bericht: " + template.title in html
    assert template.text.splitlines()[0] in html


def test_a_template_on_paper_keeps_its_sentences_whole_and_its_signature_apart() -> None:
    from runbook_assistant.core.export.checklist import paper_text

    text = ("Sinds {starttijd} is er een storing. De storing\nbegon na een wijziging.\n\n"
            "- De loketten zijn {loketten}. U hoeft\n  niets te doen.\n- Bel 112 bij gevaar.\n\n"
            "Namens het college,\n{portefeuillehouder}\n{portefeuillehouder_functie}\n")
    assert paper_text(text).splitlines() == [
        "Sinds {starttijd} is er een storing. De storing begon na een wijziging.", "",
        "- De loketten zijn {loketten}. U hoeft niets te doen.", "- Bel 112 bij gevaar.", "",
        "Namens het college,", "{portefeuillehouder}", "{portefeuillehouder_functie}"]
