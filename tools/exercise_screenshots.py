"""Render the exercise screenshots for the docs (offscreen, no display needed).

    python tools/exercise_screenshots.py [--out docs/screenshots] [--lang nl|en]...

Plays the bundled scenario "wijziging zonder tweede persoon" (or its English twin) for a while on
a hand-driven clock, then writes ``exercise-run-<lang>.png`` (the run view with the EXERCISE banner
and the exercise panel) and ``debrief-<lang>.png`` (the first page of the PDF debrief, rendered
with ``pdftoppm``). Uses a throwaway database and settings, so it never touches the user's own.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from screenshot_setup import HandClock, offscreen, parser, report, settle, use_look

START = datetime(2026, 2, 18, 9, 47, tzinfo=UTC)
SCENARIO = {"nl": "oefening-wijziging-zonder-tweede-persoon",
            "en": "exercise-change-without-second-person"}
TITLE = {"nl": "Oefening netwerkstoring, ploeg B", "en": "Network outage exercise, team B"}
PEOPLE = [("Anna", "incident-lead"), ("Bram", "netwerk"), ("Chris", "communicatie"),
          ("Dewi", "kcc"), ("Eva", "publiekszaken"), ("Frank", "wethouder")]
OBSERVATION = {"nl": "Coördinator vroeg niet wie de wijziging had gedaan",
               "en": "The coordinator did not ask who made the change"}


def main() -> int:
    options = parser(__doc__)
    options.add_argument("--lang", action="append", choices=("nl", "en"))
    args = options.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    tmp = offscreen("exercise-screenshots-")

    import shiboken6

    from runbook_assistant.core import paths
    from runbook_assistant.core.library.catalog import Library
    from runbook_assistant.core.run.engine import Engine
    from runbook_assistant.ui.app import create_application
    from runbook_assistant.ui.i18n import Translations
    from runbook_assistant.ui.main_window import MainWindow
    from runbook_assistant.ui.settings import Settings

    app = create_application([sys.argv[0]])
    translations = Translations()
    library = Library([paths.bundled_runbooks_dir()], tmp / "index.sqlite3")
    written: list[Path] = []
    for lang in args.lang or ["nl", "en"]:
        clock = HandClock(START)
        engine = Engine.open(tmp / f"runs-{lang}.sqlite3", clock=clock)
        use_look(app, translations, lang, "light")
        scenario = library.get(SCENARIO[lang])
        runbook = library.get(scenario.runbook or "")
        run_id = engine.start_run(runbook, library.source(runbook.id), title=TITLE[lang],
                                  actor="Olaf", participants=PEOPLE,
                                  scenario_id=scenario.id).run_id
        settings = Settings(tmp / f"settings-{lang}.ini")
        settings.actor = "Anna"
        window = MainWindow(settings)
        window.resize(1366, 860)
        window.attach_library(library)
        window.attach_engine(engine, resume=False)
        window.show()
        view = window.open_run(run_id)
        panel = getattr(view, "exercise", None)
        assert panel is not None, "the run view has no exercise panel"
        settle()
        _play(engine, run_id, panel, view, clock, lang)
        settle()
        written.append(args.out / f"exercise-run-{lang}.png")
        window.grab().save(str(written[-1]))
        written.append(_debrief(panel, tmp, args.out, lang))
        window.close()
        shiboken6.delete(window)  # before the store closes: its run view's timers read it
        engine.close_store()
    library.close()
    return report(written)


def _play(engine: object, run_id: str, panel: object, view: object, clock: HandClock,
          lang: str) -> None:
    """Twenty-odd minutes of an exercise: injects, checks, a late step, an observation."""
    e: object = engine
    tick = panel.tick  # type: ignore[attr-defined]
    steps = ((2, "appoint-lead", "Anna"), (5, "stop-freeze", "Anna"), (2, "record-change", "Bram"),
             (1.5, "check-info-number", "Dewi"))
    tick()
    for number, (minutes, step, who) in enumerate(steps):
        clock.advance(minutes * 0.7)
        tick()
        clock.advance(minutes * 0.3)  # the team reacts a little after the inject
        e.check(run_id, step, actor=who)  # type: ignore[attr-defined]
        if number == 1:
            panel.set_speed(5)  # type: ignore[attr-defined]
        if number == 2:
            panel.observation.setText(OBSERVATION[lang])  # type: ignore[attr-defined]
            panel.add_observation()  # type: ignore[attr-defined]
    clock.advance(0.6)
    tick()
    view.refresh()  # type: ignore[attr-defined]


def _debrief(panel: object, tmp: Path, out: Path, lang: str) -> Path:
    pdf = tmp / f"debrief-{lang}.pdf"
    panel.write_debrief(pdf)  # type: ignore[attr-defined]
    target = out / f"debrief-{lang}.png"
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm (poppler-utils) is needed to render the debrief page")
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(target.with_suffix(""))], check=True)
    return target


if __name__ == "__main__":
    sys.exit(main())
