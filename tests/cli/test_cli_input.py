"""Global options and arguments that are wrong: a usage error (exit 2) that changes nothing; and
``--lang nl``: refusals, warnings and labels in Dutch."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from cli_support import ok
from click.testing import CliRunner

from runbook_assistant.cli import cli
from runbook_assistant.cli.texts import TEXTS


def test_a_db_in_a_folder_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent" / "dir"
    result = CliRunner().invoke(cli, ["--db", str(missing / "x.sqlite3"), "run", "list"])
    assert result.exit_code == 2, result.output
    assert "folder" in result.stderr and str(missing) in result.stderr
    assert not missing.parent.exists()


def test_a_participant_without_a_role_is_refused(ra) -> None:
    result = ra("run", "start", "network-outage-change", "--title", "t", "--actor", "A",
                "--participant", "noequals")
    assert result.exit_code == 2, result.output
    assert "NAME=ROLE" in result.stderr and "noequals" in result.stderr
    assert ra("run", "list").stderr == "no runs\n"


def test_a_participant_with_an_empty_name_or_role_is_refused(ra) -> None:
    for bad in ("=netwerk", "Anna="):
        result = ra("run", "start", "network-outage-change", "--title", "t", "--actor", "A",
                    "--participant", bad)
        assert result.exit_code == 2, (bad, result.output)


def test_exercise_status_names_the_roles_an_inject_goes_to(ra) -> None:
    run_id = ok(ra("run", "start", "oefening-wijziging-zonder-tweede-persoon", "--title", "x",
                   "--actor", "Olaf", "--participant", "Anna=incident-lead"))[-1]
    text = "\n".join(ok(ra("exercise", "status", run_id)))
    assert "Klantcontactcentrum" in text
    assert "(to kcc)" not in text and "kcc)" not in text


def test_lang_nl_says_refusals_in_dutch(ra) -> None:
    run_id = ok(ra("run", "start", "netwerkstoring-wijziging", "--title", "t", "--actor", "Anna",
                   "--participant", "Anna=incident-lead"))[-1]
    result = ra("--lang", "nl", "run", "skip", run_id, "zzz", "--actor", "Anna", "--reason", "x")
    assert result.exit_code == 1
    assert result.stderr.startswith("fout: onbekende stap 'zzz' in draaiboek")
    assert "tip: `runbook-assistant run show RUN` toont de stap-id's" in result.stderr
    english = ra("run", "skip", run_id, "zzz", "--actor", "Anna", "--reason", "x")
    assert english.stderr.startswith("error: unknown step 'zzz'")  # the default stays English


def test_lang_nl_gives_dutch_warnings(ra) -> None:
    result = ra("--lang", "nl", "run", "start", "netwerkstoring-wijziging", "--title", "t",
                "--actor", "Anna", "--participant", "Anna=incident-lead")
    assert result.exit_code == 0
    assert "waarschuwing: onderbezetting: Netwerkspecialist 0 van 2 aanwezig" in result.stderr
    assert "warning" not in result.stderr


ENGLISH_WORDS = re.compile(r"\b(version|lang|severity|file|owner|tags|Roles|at least|Services|"
                           r"restore order|message|placeholders|none|4-eyes|verifier|check|"
                           r"needs|optional|decision|due|timebox|every|from discovery|read-do|"
                           r"do-confirm|critical|high)\b")


def test_lang_nl_show_has_no_english_labels(ra) -> None:
    lines = ok(ra("--lang", "nl", "show", "netwerkstoring-wijziging"))
    labels = [line for line in lines if ENGLISH_WORDS.search(line)]
    assert labels == [], labels
    assert any(line.startswith("id netwerkstoring-wijziging · versie") for line in lines)
    assert "Rollen:" in lines


def test_lang_nl_exercise_status_in_dutch(ra) -> None:
    run_id = ok(ra("run", "start", "oefening-wijziging-zonder-tweede-persoon", "--title", "x",
                   "--actor", "Olaf", "--participant", "Anna=incident-lead"))[-1]
    text = ok(ra("--lang", "nl", "exercise", "status", run_id))
    assert text[0].startswith("oefenklok T+") and any("(aan Klantcontactcentrum)" in line
                                                       for line in text)


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_cli_text_has_both_languages(key: str) -> None:
    assert set(TEXTS[key]) == {"nl", "en"}
    names = [{n for _l, n, _s, _c in string.Formatter().parse(TEXTS[key][lang]) if n}
             for lang in ("en", "nl")]
    assert names[0] == names[1]


def test_an_exercise_can_keep_its_clock_running(ra) -> None:
    import json

    run_id = ok(ra("run", "start", "oefening-wijziging-zonder-tweede-persoon", "--title", "x",
                   "--actor", "Olaf", "--keeps-running"))[-1]
    first = json.loads(ra("run", "show", run_id, "--json").stdout)["events"][0]
    assert first["payload"]["clock_keeps_running"] is True
