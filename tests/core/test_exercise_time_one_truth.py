"""Exercise time, one truth: a moment of an exercise reads the same in every export, exercise time
first and the real clock time beside it, ``T+00:12 (09:01)``; an incident keeps its clock time."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from exercise_support import session, start_drill
from hand_clock import HandClock

from runbook_assistant.core.export import export_run, load_run
from runbook_assistant.core.export.debrief import export_debrief
from runbook_assistant.core.export.html import display_rows
from runbook_assistant.core.formatting import exercise_moment
from runbook_assistant.core.log.ordering import parse_time
from runbook_assistant.core.run.engine import Engine


@pytest.fixture
def sped_up(engine: Engine, clock: HandClock) -> tuple[str, str]:
    """An exercise at ×10: twelve exercise minutes pass in 1.2 real ones, then an observation.
    Returns the run id and the observation's moment as every view must show it."""
    run_id = start_drill(engine)
    sim = session(engine, run_id, clock)
    sim.tick("Olaf")
    sim.set_speed(10, "Olaf")
    clock.advance(1.2)
    note = sim.observe("De router staat uit", "Olaf")
    data = load_run(engine, run_id)
    real = parse_time(note.wall_time)
    started = data.exercise_timeline.started_at
    assert (real - started).total_seconds() == pytest.approx(72)
    # The clock time it really was, not the exercise's simulated clock (start + 12 minutes).
    assert data.hm(real) != data.hm(started + timedelta(minutes=12))
    return run_id, f"T+00:12 ({data.hm(real)})"


def test_the_form_is_exercise_time_then_clock_time() -> None:
    assert exercise_moment(12 * 60 + 5, "14:32") == "T+00:12 (14:32)"
    assert exercise_moment(None, "14:32") == "–"


def test_markdown_html_and_the_pdf_timeline_show_the_same_moment(
        engine: Engine, sped_up: tuple[str, str], tmp_path: Path) -> None:
    run_id, moment = sped_up
    md = export_run(engine, run_id, "md", tmp_path / "x.md").read_text(encoding="utf-8")
    assert f"| {moment} | Olaf | " in md and "De router staat uit" in md
    html = export_run(engine, run_id, "html", tmp_path / "x.html").read_text(encoding="utf-8")
    assert f'<td class="time">{moment}</td>' in html
    rows = list(display_rows(load_run(engine, run_id)))  # what the PDF timeline draws
    assert any(r.time == moment and "De router staat uit" in r.text for r in rows)


def test_the_csv_gives_the_exercise_time_beside_the_clock_time(
        engine: Engine, sped_up: tuple[str, str], tmp_path: Path) -> None:
    run_id, moment = sped_up
    lines = export_run(engine, run_id, "csv", tmp_path / "x.csv",
                       lang="en").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].endswith(",Exercise time")
    row = next(line for line in lines if "De router staat uit" in line)
    exercise, wall = moment.split(" (")
    assert row.endswith(f",{exercise}") and f" {wall.rstrip(')')}:" in row


def test_the_debrief_shows_the_same_moment(engine: Engine, sped_up: tuple[str, str],
                                           tmp_path: Path) -> None:
    run_id, moment = sped_up
    path = export_debrief(engine, run_id, tmp_path / "d.html")
    html = path.read_text(encoding="utf-8")
    assert f'<td class="num">{moment}</td><td class="who">Olaf</td>' in html


def test_an_incident_keeps_its_clock_time(engine: Engine, clock: HandClock,
                                          tmp_path: Path) -> None:
    run_id = start_drill(engine, scenario=False)
    clock.advance(5)
    engine.note(run_id, "Storing gemeld", actor="Anna")
    md = export_run(engine, run_id, "md", tmp_path / "x.md").read_text(encoding="utf-8")
    assert "T+" not in md
    csv = export_run(engine, run_id, "csv", tmp_path / "x.csv", lang="en")
    assert csv.read_text(encoding="utf-8-sig").splitlines()[1].endswith(",")
