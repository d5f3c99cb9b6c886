"""validate, list, show and search as people and scripts use them."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import ok, ok_json, refused

from runbook_assistant.core import paths

LIBRARY = Path(__file__).resolve().parent.parent / "fixtures" / "library"
GOOD, EXTRA, BROKEN, FOREIGN = (LIBRARY / name for name in ("good", "extra", "broken", "foreign"))
DIAGNOSTIC = re.compile(r"^(?P<path>.+\.md):(?P<line>\d+): (?P<severity>error|warning): .+$")


# --- validate ----------------------------------------------------------------------------------
def test_validate_good_folder_exits_0_with_a_summary(ra) -> None:
    result = ra("validate", GOOD)
    assert ok(result) == []
    assert result.stderr.strip() == "4 files, 0 errors, 0 warnings"


def test_validate_broken_files_prints_one_line_per_problem_and_exits_1(ra) -> None:
    result = ra("validate", BROKEN)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert all(DIAGNOSTIC.match(line) for line in lines), lines
    assert {DIAGNOSTIC.match(line)["severity"] for line in lines} == {"error"}  # type: ignore[index]
    assert any("bad-target.md:14: error: option 'Nowhere'" in line for line in lines)
    assert any("orphan-scenario.md:1: error: scenario exercises unknown runbook "
               "'no-such-runbook'" in line for line in lines)
    assert result.stderr.strip() == "3 files, 3 errors, 0 warnings"


def test_validate_paths_are_shown_relative_to_the_working_folder(ra,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(LIBRARY)
    result = ra("validate", "broken/bad-target.md")
    assert result.stdout.startswith(f"broken{os.sep}bad-target.md:14: error: ")


def test_validate_warnings_alone_exit_0(ra) -> None:
    result = ra("validate", FOREIGN)
    lines = ok(result)
    assert lines and all(": warning: " in line for line in lines)
    assert result.stderr.strip() == f"1 file, 0 errors, {len(lines)} warnings"


def test_validate_files_and_folders_together(ra) -> None:
    result = ra("validate", GOOD / "test-email.md", EXTRA)
    assert result.exit_code == 1  # the copy in extra/ repeats test-email's id
    assert "duplicate runbook id 'test-email'" in result.stdout
    assert result.stderr.strip() == "3 files, 1 error, 0 warnings"


def test_validate_without_paths_checks_the_whole_library_with_added_folders(ra,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # outside the fixtures: paths are shown absolute
    ok(ra("--library", GOOD, "validate"))
    result = ra("--library", GOOD, "--library", EXTRA, "validate")
    assert result.exit_code == 1
    assert [line for line in result.stdout.splitlines() if ": error: " in line] == [
        f"{EXTRA / 'test-email-copy.md'}:1: error: duplicate runbook id 'test-email' "
        f"(also in {GOOD / 'test-email.md'})"]


def test_validate_a_missing_path_is_a_usage_error(ra, tmp_path: Path) -> None:
    result = ra("validate", tmp_path / "nothing.md")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_the_bundled_library_validates_without_errors_or_warnings(ra) -> None:
    result = ra("validate", paths.bundled_runbooks_dir())
    assert ok(result) == []
    assert result.stderr.strip().endswith(" files, 0 errors, 0 warnings")


SCENARIO = """---
id: mijn-oefening
title: Mijn oefening
version: 1
lang: nl
kind: exercise
runbook: {runbook}
---

# Mijn oefening

## Injects {{#injects}}

- T+00:05 — De loketten melden dat niemand kan inloggen {{expect=coordinator-aanstelen}}
- T+00:20 — Een journalist belt {{expect="rollback message:msg-pers" within=30m}}
- T+00:30 — De wethouder belt {{expect="message:msg-stad coordinator-aanstellen"}}
"""


def test_validate_warns_at_the_inject_for_expected_ids_its_runbook_lacks(ra,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A user's own scenario, in a library folder of its own, for a runbook of another folder.
    mine = tmp_path / "mijn"
    mine.mkdir()
    (mine / "mijn-oefening.md").write_text(SCENARIO.format(runbook="test-netwerk"), "utf-8")
    monkeypatch.chdir(tmp_path)
    result = ra("--library", GOOD, "--library", mine, "validate")
    assert result.exit_code == 0  # warnings: the scenario still runs
    found = [line for line in result.stdout.splitlines() if "mijn-oefening.md" in line]
    path = Path("mijn", "mijn-oefening.md")  # under the working folder: shown relative
    assert found == [
        f"{path}:14: warning: inject expects 'coordinator-aanstelen', but runbook "
        "'test-netwerk' has no step with that id (did you mean 'coordinator-aanstellen'?); "
        "the debrief would count this reaction as missed",
        f"{path}:15: warning: inject expects 'message:msg-pers', but runbook 'test-netwerk' "
        "has no message template with that id (did you mean 'message:msg-stad'?); the debrief "
        "would count this reaction as missed"]
    # The same file given as a PATH finds its runbook in the library.
    alone = ra("--library", GOOD, "validate", mine / "mijn-oefening.md")
    assert alone.stdout.splitlines() == found
    assert alone.stderr == "1 file, 0 errors, 2 warnings\n"


def test_validate_checks_expected_ids_against_a_runbook_given_beside_the_scenario(ra,
        tmp_path: Path) -> None:
    (tmp_path / "oefening.md").write_text(SCENARIO.format(runbook="test-netwerk"), "utf-8")
    (tmp_path / "netwerk.md").write_text(
        (GOOD / "test-netwerk.md").read_text("utf-8").replace(
            "{#coordinator-aanstellen", "{#coordinator-aanstelen"), "utf-8")
    result = ra("validate", tmp_path)  # the set's own runbook, not the library's
    assert [line.split(": warning: ")[1][:45] for line in result.stdout.splitlines()] == [
        "inject expects 'message:msg-pers', but runboo",
        "inject expects 'coordinator-aanstellen', but "]


def test_validate_ends_every_line_and_the_summary_with_a_newline(ra, tmp_path: Path) -> None:
    # Findings on stdout, the summary on stderr: each a whole line, so a terminal that shows
    # both never runs the summary on from the last finding.
    (tmp_path / "oefening.md").write_text(SCENARIO.format(runbook="test-netwerk"), "utf-8")
    result = ra("--library", GOOD, "validate", tmp_path)
    assert result.stdout.endswith("\n") and result.stdout.count("\n") == 2
    assert result.stderr == "1 file, 0 errors, 2 warnings\n"


# --- list --------------------------------------------------------------------------------------
def test_list_json_describes_every_runbook_and_scenario(ra) -> None:
    items = ok_json(ra("--library", GOOD, "list", "--json"))
    by_id = {item["id"]: item for item in items}
    assert [item["id"] for item in items] == sorted(by_id)
    netwerk = by_id["test-netwerk"]
    path = Path(netwerk["path"])
    assert path.is_absolute() and path == (GOOD / "test-netwerk.md").resolve()
    assert netwerk["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (netwerk["title"], netwerk["version"], netwerk["lang"], netwerk["kind"]) == (
        "Netwerkstoring na wijziging", 3, "nl", "runbook")
    assert netwerk["steps"] == 7
    assert netwerk["tags"] == ["netwerk", "wijziging"] and netwerk["severity"] == "critical"
    assert "runbook" not in netwerk
    scenario = by_id["test-oefening"]
    assert (scenario["kind"], scenario["runbook"]) == ("exercise", "test-netwerk")


def test_list_kind_filters(ra) -> None:
    exercises = ok_json(ra("--library", GOOD, "list", "--json", "--kind", "exercise"))
    assert "test-oefening" in [item["id"] for item in exercises]
    assert {item["kind"] for item in exercises} == {"exercise"}
    runbooks = ok_json(ra("--library", GOOD, "list", "--json", "--kind", "runbook"))
    assert "test-oefening" not in [item["id"] for item in runbooks]
    assert ra("list", "--kind", "drill").exit_code == 2


def test_list_text_is_aligned_columns_of_id_lang_version_title(ra) -> None:
    lines = ok(ra("--library", GOOD, "list"))
    row = next(line for line in lines if line.startswith("test-printer "))
    assert re.match(r"^test-printer +en +v2 +not-approved +Printers offline$", row)
    starts = {line.index(" v") for line in lines}
    assert len(starts) == 1  # the version column lines up


def test_list_notes_files_it_leaves_out(ra) -> None:
    result = ra("--library", BROKEN, "list")
    assert result.exit_code == 0
    assert "3 files with errors not listed" in result.stderr
    assert "test-bad-target" not in result.stdout


def test_the_bundled_library_has_at_least_twelve_runbooks(ra) -> None:
    items = ok_json(ra("list", "--json"))
    assert len([item for item in items if item["kind"] == "runbook"]) >= 12
    assert {item["lang"] for item in items} == {"nl", "en"}


def test_list_json_is_utf8_not_ascii_escaped(ra, tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "kou.md").write_text(
        "---\nid: kou\ntitle: Storing in de koelinstallatie — één ruimte\nversion: 1\nlang: nl\n"
        "---\n\n# Koeling\n\n## Eerst {#eerst}\n\n- [ ] Bel de storingsdienst\n",
        encoding="utf-8")
    output = "\n".join(ok(ra("--library", folder, "list", "--json")))
    assert "— één ruimte" in output and "\\u" not in output


# --- show --------------------------------------------------------------------------------------
def test_show_json_has_the_whole_structure(ra) -> None:
    data = ok_json(ra("--library", GOOD, "show", "test-netwerk", "--json"))
    assert {"id", "title", "version", "lang", "kind", "path", "sha256", "summary", "owner",
            "severity", "tags", "roles", "staffing", "services", "sections",
            "messages"} <= set(data)
    assert data["roles"][0] == {"id": "incident-lead", "name": "Coördinator ICT-storing"}
    assert data["staffing"] == [{"role": "netwerk", "minimum": 2}]
    assert data["services"] == ["Publieke dienstverlening", "E-mail"]
    assert [s["id"] for s in data["sections"]] == [
        "opschalen", "terugdraaien", "herstel", "failover", "communicatie"]
    assert data["sections"][0]["mode"] == "read-do"
    first = data["sections"][0]["steps"][0]
    assert (first["id"], first["role"], first["due"]) == (
        "coordinator-aanstellen", "incident-lead", 300)
    decision = data["sections"][1]["steps"][1]
    assert decision["decision"] is True
    assert decision["options"] == [{"label": "Ja", "target": "herstel"},
                                   {"label": "Nee", "target": "failover"}]
    rollback = data["sections"][1]["steps"][0]
    assert (rollback["four_eyes"], rollback["timebox"], rollback["every"]) == (True, 1800, None)
    inform = data["sections"][4]["steps"][0]
    assert (inform["due"], inform["every"]) == (1800, 3600)
    assert data["sections"][0]["steps"][1]["details"].startswith("Minder dan twee")
    message = data["messages"][0]
    assert (message["id"], message["channel"], message["audience"], message["section"]) == (
        "msg-stad", "website", "inwoners", "communicatie")
    assert message["placeholders"] == ["organisatie", "starttijd", "hersteltijd"]
    assert message["title"] == "Storing loketten"
    assert "{hersteltijd}" in message["text"]


def test_show_json_of_a_scenario_has_its_runbook_and_injects(ra) -> None:
    data = ok_json(ra("--library", GOOD, "show", "test-oefening", "--json"))
    assert (data["kind"], data["runbook"]) == ("exercise", "test-netwerk")
    assert [(i["offset"], i["to"]) for i in data["injects"]] == [
        (300, None), (1200, "communicatie")]


def test_show_text_is_a_readable_outline(ra) -> None:
    output = "\n".join(ok(ra("--library", GOOD, "show", "test-netwerk")))
    assert output.startswith("Netwerkstoring na wijziging\n")
    assert "## Opschalen  (#opschalen)  [read-do]" in output
    assert re.search(r"^ +1\. Stel de coördinator aan  \[Coördinator ICT-storing\] due 5m$",
                     output, re.MULTILINE)
    assert "[4-eyes]" in output and "timebox 30m" in output
    assert "[decision → Ja (#herstel) | Nee (#failover)]" in output
    assert "due 30m every 1h" in output
    assert "message #msg-stad → inwoners via website" in output
    assert "netwerk: Netwerkspecialist  (at least 2)" in output


def test_show_unknown_id_is_an_error_with_a_hint(ra) -> None:
    result = ra("--library", GOOD, "show", "test-netwerck")
    refused(result, "unknown runbook 'test-netwerck'")
    assert result.stderr.splitlines()[1].startswith("hint: did you mean 'test-netwerk'")


def test_show_a_runbook_with_errors_says_so(ra) -> None:
    result = ra("--library", BROKEN, "show", "test-bad-target")
    refused(result, "runbook 'test-bad-target' has errors and cannot be used")
    assert "runbook-assistant validate" in result.stderr


def test_a_missing_library_folder_is_an_error(ra, tmp_path: Path) -> None:
    refused(ra("--library", tmp_path / "gone", "list"),
           f"library folder not found: {tmp_path / 'gone'}")


# --- search ------------------------------------------------------------------------------------
def test_search_prints_id_title_and_a_marked_snippet(ra) -> None:
    lines = ok(ra("--library", GOOD, "search", "spool"))
    assert lines[0] == "test-printer  Printers offline"
    assert "[spooler]" in lines[1]


def test_search_json(ra) -> None:
    hits = ok_json(ra("--library", GOOD, "search", "koppelingen", "--json"))
    hit = next(hit for hit in hits if hit["id"] == "test-netwerk")
    assert {"id", "title", "path", "snippet"} <= set(hit)
    assert Path(hit["path"]) == (GOOD / "test-netwerk.md").resolve()
    assert "[koppelingen]" in hit["snippet"]


def test_search_several_words_need_not_be_quoted(ra) -> None:
    found = ok_json(ra("--library", GOOD, "search", "mail", "gateway", "--json"))
    assert "test-email" in [hit["id"] for hit in found]
    none = ok_json(ra("--library", GOOD, "search", "mail", "spooler", "--json"))
    assert not [hit for hit in none if hit["id"].startswith("test-")]


def test_search_finds_the_bundled_playbooks(ra) -> None:
    hits = ok_json(ra("search", "ransomware", "--json"))
    assert {"ransomware-eerste-uren", "ransomware-first-hours"} <= {hit["id"] for hit in hits}


@pytest.mark.parametrize("query", ["zzzqqq", '"', "(((", "NEAR(", ""])
def test_search_without_hits_exits_0_and_says_so(ra, query: str) -> None:
    result = ra("--library", GOOD, "search", query)
    assert ok(result) == []
    assert result.stderr.strip() == f"no runbooks match '{query}'"
    assert ok_json(ra("--library", GOOD, "search", query, "--json")) == []


# --- the installed command ---------------------------------------------------------------------
def test_the_console_command_lists_and_fails_like_the_contract_says(ra, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    command = [sys.executable, "-m", "runbook_assistant", "--library", str(GOOD)]
    listed = subprocess.run([*command, "list", "--json"], capture_output=True, env=env,
                            timeout=120, check=False)
    assert listed.returncode == 0, listed.stderr
    assert "test-netwerk" in [item["id"] for item in json.loads(listed.stdout.decode("utf-8"))]
    unknown = subprocess.run([*command, "show", "nope"], capture_output=True, env=env,
                             timeout=120, check=False)
    assert unknown.returncode == 1
    assert unknown.stderr.decode("utf-8").startswith("error: unknown runbook 'nope'")
    assert b"Traceback" not in unknown.stderr
    assert (tmp_path / "cache" / "runbook-assistant" / "library-index.sqlite3").exists()
