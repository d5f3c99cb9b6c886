"""The council information letter: golden files in Dutch and English, nothing technical in its
body, a DRAFT mark until the report is finalised, sender and signer from the municipality."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from export_support import EXPORTED_AT, FIXTURES, make_ids_fixed, open_engine, play_run, start_run
from hand_clock import HandClock

from runbook_assistant.core.comms.municipality import user_municipality_path
from runbook_assistant.core.export import export_run
from runbook_assistant.core.run.engine import Engine

GOLDEN = FIXTURES / "golden"
TOWN = """\
name: Gemeente Maasdal
information_number: "14 043"
website: www.maasdal.example.nl
email: info@maasdal.example.nl
address: Markt 1, 6211 CK Maasdal
time_zone: Europe/Amsterdam
portfolio_holder:
  name: J. Janssen
  title: Wethouder Organisatie en ICT
"""


@pytest.fixture
def engine(tmp_path: Path, clock: HandClock, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    make_ids_fixed(monkeypatch)
    path = user_municipality_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TOWN, encoding="utf-8")
    opened = open_engine(tmp_path / "runs.sqlite3", clock)
    yield opened
    opened.close_store()


def letter(engine: Engine, run_id: str, path: Path, lang: str) -> str:
    export_run(engine, run_id, "letter", path, lang=lang, now=EXPORTED_AT)
    return path.read_text(encoding="utf-8")


def play_with_check(engine: Engine, clock: HandClock, run_id: str) -> None:
    """The export run, with the CISO's check step recorded (ruled out) before the close."""
    play_run(engine, clock, run_id, close=False)
    engine.check(run_id, "aanval-uitsluiten", actor="Eef", outcome="ruled-out")
    clock.advance(1)
    engine.close(run_id, actor="Anna", summary="Opgelost na failover")
    clock.advance(1)


def check_golden(name: str, text: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_bytes(text.encode("utf-8"))
    assert text == golden.read_bytes().decode("utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_letter_matches_its_golden_file_in_either_language(
        engine: Engine, clock: HandClock, tmp_path: Path, lang: str) -> None:
    run_id = start_run(engine, clock)  # a Dutch runbook: the letter's language is asked for
    play_with_check(engine, clock, run_id)
    check_golden(f"letter-{lang}.html", letter(engine, run_id, tmp_path / "l.html", lang))


def test_the_letter_reads_as_a_council_letter_with_nothing_technical_in_it(
        engine: Engine, clock: HandClock, tmp_path: Path) -> None:
    run_id = start_run(engine, clock)
    play_with_check(engine, clock, run_id)
    text = letter(engine, run_id, tmp_path / "l.html", "nl")
    body = re.sub(r"<[^>]+>", " ", text.split("<main>", 1)[1])
    for expected in ("Aan de leden van de gemeenteraad van Maasdal", "Geachte leden van de raad,",
                     "ICT-storing van maandag 23 november 2026", "24 november 2026",
                     "Defecte kernswitch", "Publieke Dienstverlening", "Informatienummer 14020",
                     "geen storing gemeld", "Hoogachtend,", "J. Janssen",
                     "Wethouder Organisatie en ICT", "14 043", "Nederlandse tijd (CET)",
                     "Een aanval (hack of DDoS) is uitgesloten. Vastgesteld door Eef (CISO) op "
                     "maandag 23 november 2026 om 11.14 uur."):
        assert expected in body, expected
    # Only what a check established: the statement drafted by hand stays out of the letter.
    assert "Geen aanwijzingen voor een aanval" not in body
    # Times in the municipality's zone: the outage began at 09:05 UTC, 10.05 uur in Maasdal.
    assert "om 10.05 uur" in body
    shown = engine.events(run_id)
    technical = [run_id, *(e.id for e in shown), *(e.hash[:16] for e in shown),
                 "coordinator", "rollback-ok", "failover-schakel", "msg-stad"]
    assert not [t for t in technical if t in text]
    assert not re.search(r"[0-9a-f]{16}", body) and "sha256" not in body.lower()


def test_a_letter_says_draft_until_the_report_is_final(engine: Engine, clock: HandClock,
                                                      tmp_path: Path) -> None:
    run_id = start_run(engine, clock)
    play_run(engine, clock, run_id)
    assert "CONCEPT — niet verzenden" in letter(engine, run_id, tmp_path / "a.html", "nl")
    engine.finalise_report(run_id, actor="J. Janssen")
    final = letter(engine, run_id, tmp_path / "b.html", "nl")
    assert "CONCEPT" not in final and "niet verzenden" not in final
    engine.draft_report(run_id, "personal_data", "Persoonsgegevens zijn niet getroffen.",
                        actor="FG")
    again = letter(engine, run_id, tmp_path / "c.html", "en")
    assert "DRAFT (version 2, not yet finalised)" in again
    # A drafted statement is no check: the letter keeps it under investigation.
    assert "Persoonsgegevens zijn niet getroffen." not in again
    assert "Still under investigation:" in again
    assert "whether this was an attack (such as a hack or a DDoS attack)" in again


def test_nothing_established_is_said_as_still_under_investigation(
        engine: Engine, clock: HandClock, tmp_path: Path) -> None:
    run_id = start_run(engine, clock)
    engine.close(run_id, actor="Anna")
    text = letter(engine, run_id, tmp_path / "l.html", "en")
    assert "Still under investigation:" in text and "whether this was an attack" in text
    assert "The cause is still being investigated." in text
    assert "After investigation" not in text


def test_the_letter_is_a_pdf_too(engine: Engine, clock: HandClock, tmp_path: Path,
                                 qapp: object) -> None:
    run_id = start_run(engine, clock)
    play_run(engine, clock, run_id)
    out = tmp_path / "brief.pdf"
    export_run(engine, run_id, "letter", out, lang="nl", now=EXPORTED_AT)
    assert out.read_bytes().startswith(b"%PDF")
