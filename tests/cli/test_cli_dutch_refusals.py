"""``--lang nl`` says the refusals of files, sync, exports, exercises and action items in Dutch:
no English word is left in what the command prints on stderr."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_support import ok

# Words that only an English refusal uses (the Dutch ones share none of them).
ENGLISH = re.compile(r"\b(error|hint|cannot|unknown|not|is a|does|the|use|give|found|"
                     r"folder|file|run|needs?|format|bundle|merged)\b", re.IGNORECASE)


def dutch_only(stderr: str) -> str:
    """The stderr of a refusal without its quoted parameters (paths, ids), checked for English."""
    plain = re.sub(r"'[^']*'|`[^`]*`|\S*/\S*|--\S+", "", stderr)
    found = ENGLISH.findall(plain)
    assert not found, f"English in: {stderr!r}: {found}"
    return stderr


@pytest.fixture
def run_id(ra) -> str:
    return ok(ra("run", "start", "netwerkstoring-wijziging", "--title", "t", "--actor", "Anna",
                 "--participant", "Anna=incident-lead"))[-1]


def test_files_that_are_no_bundle_are_refused_in_dutch(ra, tmp_path: Path) -> None:
    missing = ra("--lang", "nl", "sync", "import", tmp_path / "nergens.sqlite")
    assert missing.exit_code != 0
    assert dutch_only(missing.stderr).startswith("fout: ") and "niet gevonden" in missing.stderr
    text = tmp_path / "brief.txt"
    text.write_text("geen bundel\n", encoding="utf-8")
    wrong = ra("--lang", "nl", "sync", "import", text)
    assert "is geen syncbundel" in dutch_only(wrong.stderr)
    assert "tip: Er is niets samengevoegd." in wrong.stderr
    unknown = ra("--lang", "nl", "verify", text)
    assert "is geen database, syncbundel of JSON-export" in dutch_only(unknown.stderr)


def test_a_file_that_is_no_database_is_refused_in_dutch(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from runbook_assistant.cli import cli

    other = tmp_path / "notities.sqlite3"
    other.write_text("boodschappen\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--lang", "nl", "--db", str(other), "run", "list"])
    assert result.exit_code != 0
    assert "is geen database van Runbook Assistant of is beschadigd" in dutch_only(result.stderr)


def test_exports_are_refused_in_dutch(ra, run_id: str, tmp_path: Path) -> None:
    bad = ra("--lang", "nl", "export", run_id, "--format", "wat", "-o", tmp_path / "x.txt")
    assert "fout: onbekend formaat 'wat'" in dutch_only(bad.stderr)
    assert "tip: kies uit: " in bad.stderr
    debrief = ra("--lang", "nl", "export", run_id, "--format", "debrief",
                 "-o", tmp_path / "d.html")
    assert "vraagt een oefening" in dutch_only(debrief.stderr)
    folder = ra("--lang", "nl", "export", run_id, "--format", "md", "-o", tmp_path / "nee" / "x")
    assert "bestaat niet" in dutch_only(folder.stderr)


def test_action_items_and_dates_are_refused_in_dutch(ra, run_id: str) -> None:
    none_yet = ra("--lang", "nl", "run", "action", "done", run_id, "A9", "--actor", "Anna")
    assert "onbekend actiepunt 'A9'" in dutch_only(none_yet.stderr)
    assert "nog geen actiepunten" in none_yet.stderr
    date = ra("--lang", "nl", "run", "action", "add", run_id, "bellen", "--owner", "Bea",
              "--due", "morgen", "--actor", "Anna")
    assert "de datum 'morgen' is onleesbaar" in dutch_only(date.stderr)


def test_exercise_commands_are_refused_in_dutch(ra, run_id: str) -> None:
    observe = ra("--lang", "nl", "exercise", "observe", run_id, "iets", "--actor", "Olaf")
    assert f"uitvoering {run_id} is geen oefening" in dutch_only(observe.stderr)
    exercise = ok(ra("run", "start", "oefening-wijziging-zonder-tweede-persoon", "--title", "x",
                     "--actor", "Olaf", "--participant", "Anna=incident-lead"))[-1]
    at = ra("--lang", "nl", "run", "inject", exercise, "--actor", "Olaf", "--at", "T+1:75")
    assert "de oefentijd 'T+1:75' is onleesbaar" in dutch_only(at.stderr)


def test_the_same_refusals_stay_english_without_lang(ra, tmp_path: Path) -> None:
    result = ra("sync", "import", tmp_path / "nergens.sqlite")
    assert result.stderr.startswith("error: ") and "not found" in result.stderr


def test_validate_in_dutch(ra, tmp_path: Path) -> None:
    broken = tmp_path / "kapot.md"
    broken.write_text("---\nid: kapot\ntitle: Kapot\nversion: 1\nlang: nl\n---\n# Kapot\n"
                      "## Eerste uur {#eerste}\n- [ ] Bel de leverancier {#bel due=5q}\n",
                      encoding="utf-8")
    result = ra("--lang", "nl", "validate", str(broken))
    assert result.exit_code == 1
    assert result.stdout.strip().endswith(
        "kapot.md:9: fout: due=: onleesbare duur '5q' (schrijf bijv. 5m, 1h30m)"), result.stdout
    assert result.stderr.strip() == "1 bestand, 1 fout, 0 waarschuwingen"
    dutch_only(result.stdout.split(": ", 1)[1] + result.stderr)
    # Without --lang, the words scripts read stay as they were.
    english = ra("validate", str(broken))
    assert "kapot.md:9: error: due=: malformed duration '5q'" in english.stdout
    assert english.stderr.strip() == "1 file, 1 error, 0 warnings"
