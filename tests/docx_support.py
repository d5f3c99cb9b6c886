"""Word draaiboeken made with python-docx, as a municipality writes them."""

from __future__ import annotations

from pathlib import Path

import docx


def word_draaiboek(path: Path) -> Path:
    """A Word draaiboek: title, headings, numbered steps with nested details, bold pseudo
    headings, a contacts table and a text block for the website."""
    document = docx.Document()
    document.add_paragraph("Draaiboek uitval netwerk stadhuis", style="Title")
    document.add_paragraph("Dit draaiboek gebruikt het crisisteam ICT bij uitval van het "
                           "netwerk in het stadhuis.")
    document.add_heading("Opschalen", level=1)
    document.add_paragraph("Stel de coördinator ICT-storing aan.", style="List Number")
    document.add_paragraph("Controleer de bezetting van het netwerkteam.", style="List Number")
    document.add_paragraph("Minimaal twee netwerkspecialisten.", style="List Bullet 2")
    document.add_paragraph("Bevries alle wijzigingen.", style="List Number")
    bold = document.add_paragraph()
    bold.add_run("Herstel").bold = True
    document.add_paragraph("Voer de rollback uit volgens het wijzigingsplan.", style="List Number")
    document.add_paragraph("Test vanaf een werkplek in het stadhuis.", style="List Number")
    document.add_heading("Communicatie", level=1)
    document.add_paragraph("Informeer de inwoners via de website.", style="List Bullet")
    document.add_paragraph("Informeer het bestuur.", style="List Bullet")
    document.add_paragraph("Tekst voor de website:")
    document.add_paragraph("Door een storing zijn de loketten van de gemeente gesloten. "
                           "Kijk later op deze pagina voor nieuws.", style="Quote")
    document.add_heading("Contacten", level=1)
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Naam", "Functie", "Telefoon"), strict=True):
        cell.text = text
    for row in (("Sanne de Vries", "Coördinator", "06-00000001"),
                ("Mehmet Yilmaz", "Netwerkspecialist", "06-00000003")):
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    document.save(str(path))
    return path


def word_numbered_draaiboek(path: Path) -> Path:
    """A Word draaiboek as many municipalities keep them: numbered headings typed into the
    heading text ("2 Opschalen", "2.1 Eerste uur"), steps as paragraphs "Stap 1: …", and a contact
    table in Dutch with separate Telefoon and Mobiel columns."""
    document = docx.Document()
    document.add_paragraph("Draaiboek uitval telefonie", style="Title")
    document.add_paragraph("Versie 0.3 — vastgesteld door het MT ICT.")
    document.add_heading("1 Inleiding", level=1)
    document.add_paragraph("Dit draaiboek beschrijft wat het team doet als de telefonie van de "
                           "gemeente uitvalt, ook het 14-nummer.")
    document.add_heading("2 Opschalen", level=1)
    document.add_heading("2.1 Eerste uur", level=2)
    document.add_paragraph("Stap 1: Bel de leverancier van de telefooncentrale.")
    document.add_paragraph("Stap 2: Zet de noodmelding op de website.")
    document.add_paragraph("Stap 3: Informeer het KCC over de uitwijk naar mobiele nummers.")
    document.add_heading("2.2 Daarna", level=2)
    document.add_paragraph("Plan elk uur een update met de leverancier.", style="List Number")
    document.add_paragraph("Houd het logboek bij.", style="List Number")
    document.add_heading("3 Contactgegevens", level=1)
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells,
                          ("Naam", "Rol", "Telefoon", "Mobiel", "E-mail"), strict=True):
        cell.text = text
    for row in (("Karin Bos", "Coördinator", "0591-123456", "06-11112222", "k.bos@gemeente.nl"),
                ("Telecom BV storingsdienst", "Leverancier", "088-5550000", "", "")):
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    document.save(str(path))
    return path
