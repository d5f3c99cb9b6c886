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
