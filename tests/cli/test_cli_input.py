"""Global options and arguments that are wrong: a usage error (exit 2) that changes nothing."""

from __future__ import annotations

from pathlib import Path

from cli_support import ok
from click.testing import CliRunner

from runbook_assistant.cli import cli


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
