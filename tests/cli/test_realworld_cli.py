"""Every library command over other tools' playbooks and broken files, as a user would run them.

The rule: never a traceback; a broken runbook gets ``file:line: what is wrong`` and exit 1; a
foreign playbook imports as a usable checklist with warnings only (exit 0).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import ok, refused
from click.testing import CliRunner, Result
from realworld_support import REALWORLD, huge_playbook, trap_folder

from runbook_assistant.cli import cli
from runbook_assistant.core.runbook.parser import parse_file

FOREIGN = sorted(REALWORLD.glob("*.md"))
BROKEN = sorted((REALWORLD / "broken").glob("*.md"))
NO_STEPS = {"readme-prose", "headings-only", "empty", "empty-front-matter"}
DIAGNOSTIC = re.compile(r"^(?P<path>.+\.md):(?P<line>\d+): (?P<severity>error|warning): \S.*$")
Ra = Callable[..., Result]


@pytest.fixture
def cli_library() -> Path:
    return REALWORLD


def _clean(result: Result) -> Result:
    """No traceback, whether click caught an exception or printed one."""
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception))
    assert "Traceback" not in result.output
    return result


def _expected(path: Path) -> list[tuple[int, str, str]]:
    rows = []
    for raw in path.with_suffix(".expected").read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            line, severity, text = raw.split(": ", 2)
            rows.append((int(line), severity, text))
    return rows


# --- validate ----------------------------------------------------------------------------------
@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.name)
def test_validate_a_foreign_playbook_warns_and_exits_0(ra: Ra, path: Path) -> None:
    result = _clean(ra("validate", str(path)))
    lines = ok(result)
    assert lines and all(DIAGNOSTIC.match(line) for line in lines), lines
    assert {DIAGNOSTIC.match(line)["severity"] for line in lines} == {"warning"}  # type: ignore[index]
    assert result.stderr.startswith("1 file, 0 errors, ")


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_validate_a_broken_file_names_file_and_line(ra: Ra, path: Path) -> None:
    result = _clean(ra("validate", str(path)))
    expected = _expected(path)
    assert result.exit_code == (1 if any(s == "error" for _, s, _ in expected) else 0)
    got = [DIAGNOSTIC.match(line) for line in result.stdout.splitlines()]
    assert all(got), result.stdout
    assert [(Path(m["path"]).name, int(m["line"]), m["severity"]) for m in got] == [  # type: ignore[index]
        (path.name, line, severity) for line, severity, _ in expected]
    for line, (_, _, text) in zip(result.stdout.splitlines(), expected, strict=True):
        assert text in line


def test_validate_the_whole_library_with_the_broken_files_in_it(ra: Ra) -> None:
    result = _clean(ra("validate"))
    assert result.exit_code == 1
    assert all(DIAGNOSTIC.match(line) for line in result.stdout.splitlines())
    errors = {Path(m["path"]).name for line in result.stdout.splitlines()
              if (m := DIAGNOSTIC.match(line)) and m["severity"] == "error"}
    assert errors == {p.name for p in BROKEN if p.stem != "repeated-version"}


# --- list, show, search ------------------------------------------------------------------------
def test_list_shows_every_foreign_playbook_and_counts_the_broken(ra: Ra) -> None:
    result = _clean(ra("list", "--json"))
    listed = {item["id"]: item for item in json.loads("\n".join(ok(result)))}
    for path in FOREIGN:
        item = listed[path.stem]
        assert item["path"] == str(path) and item["version"] == 1
        assert (item["steps"] == 0) is (path.stem in NO_STEPS)
    assert not {p.stem for p in BROKEN if p.stem != "repeated-version"} & set(listed)
    unusable = len(BROKEN) - 1  # repeated-version.md has a warning only
    assert result.stderr.startswith(f"note: {unusable} files with errors not listed")
    assert _clean(ra("list")).exit_code == 0


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.name)
def test_show_a_foreign_playbook(ra: Ra, path: Path) -> None:
    shown = json.loads("\n".join(ok(_clean(ra("show", path.stem, "--json")))))
    runbook = parse_file(path).runbook
    assert (shown["id"], shown["title"], shown["path"]) == (path.stem, runbook.title, str(path))
    steps = [step for section in shown["sections"] for step in section["steps"]]
    assert [step["title"] for step in steps] == [step.title for step in runbook.steps]
    text = ok(_clean(ra("show", path.stem)))
    assert text[0] == runbook.title


@pytest.mark.parametrize(("query", "found"), [
    ("gitaly disk", "gitlab-runbook"),
    ("telefonie omleiding", "draaiboek-gemeente"),
    ("ransom", "obsidian-note"),
    ("scrubbing", "html-blocks"),
    ("certificate expiry", "hugo-toml"),
    ("crisiscoordinator", "draaiboek-gemeente"),  # crisiscoördinator, without diaeresis
])
def test_search_finds_foreign_playbooks(ra: Ra, query: str, found: str) -> None:
    hits = json.loads("\n".join(ok(_clean(ra("search", *query.split(), "--json")))))
    assert found in [hit["id"] for hit in hits]


def test_show_a_broken_file_is_refused_with_a_validate_hint(ra: Ra) -> None:
    result = _clean(ra("show", "latin1"))  # unreadable: it never got an id, but it is there
    refused(result, "runbook 'latin1' has errors and cannot be used")
    assert result.stderr.splitlines()[1] == (
        f"hint: run `runbook-assistant validate {REALWORLD / 'broken' / 'latin1.md'}`")


def test_an_imported_scenario_without_a_runbook_says_so(db: Path, tmp_path: Path) -> None:
    (tmp_path / "oefening.md").write_text(
        "---\nkind: exercise\ntitle: Oefening\n---\n\n- T+00:10 — Telefonie valt uit\n",
        encoding="utf-8")
    base = ["--db", str(db), "--library", str(tmp_path)]
    listed = ok(_clean(CliRunner().invoke(cli, [*base, "list", "--kind", "exercise"])))
    assert [line.split()[0] for line in listed if "it names no runbook" in line] == ["oefening"]
    shown = ok(_clean(CliRunner().invoke(cli, [*base, "show", "oefening"])))
    assert "exercise; it names no runbook" in shown[2]


# --- runs and paper ----------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["gitlab-runbook", "cisa-incident-response", "obsidian-note",
                                  "windows-crlf-bom", "html-blocks"])
def test_run_a_foreign_playbook_and_print_it(ra: Ra, tmp_path: Path, qapp: object,
                                             name: str) -> None:
    run_id = ok(_clean(ra("run", "start", name, "--title", "Storing", "--actor", "AB")))[-1]
    ok(_clean(ra("run", "check", run_id, "1", "--actor", "AB")))
    state = json.loads("\n".join(ok(_clean(ra("run", "show", run_id, "--json")))))
    assert state["state"]["steps"]
    for output in ("run.pdf", "run.html"):
        fmt = "pdf" if output.endswith(".pdf") else "html"
        ok(_clean(ra("export", run_id, "--format", fmt, "-o", str(tmp_path / output))))
    ok(_clean(ra("checklist", name, "-o", str(tmp_path / "x.pdf"))))
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "run.pdf").read_bytes().startswith(b"%PDF")


def test_a_half_converted_playbook_can_be_worked_to_the_end(ra: Ra) -> None:
    run_id = ok(_clean(ra("run", "start", "half-converted", "--title", "T", "--actor", "AB")))[-1]
    ok(_clean(ra("run", "check", run_id, "landelijk", "--actor", "AB")))  # a plain step now
    ok(_clean(ra("run", "decide", run_id, "leverancier-gebeld", "Ja", "--actor", "AB")))
    for name in ("AB", "CD"):  # four eyes: both are participants (the playbook has no roles)
        ok(_clean(ra("run", "join", run_id, name, "--actor", "AB")))
    ok(_clean(ra("run", "check", run_id, "lokaal-herstart-de-centrale", "--actor", "AB",
                 "--verified-by", "CD")))
    state = json.loads("\n".join(ok(_clean(ra("run", "show", run_id, "--json")))))["state"]
    done = {step["step_id"] for step in state["steps"] if step["status"] == "done"}
    assert {"landelijk", "lokaal-herstart-de-centrale"} <= done
    assert state["done"] == state["total"] == 3  # the branch not chosen left the checklist


def test_a_playbook_without_steps_starts_but_has_nothing_to_check(ra: Ra, tmp_path: Path) -> None:
    run_id = ok(_clean(ra("run", "start", "readme-prose", "--title", "T", "--actor", "AB")))[-1]
    refused(_clean(ra("run", "check", run_id, "1", "--actor", "AB")), "there is no step 1")
    ok(_clean(ra("checklist", "readme-prose", "-o", str(tmp_path / "x.html"))))


def test_a_huge_wiki_export_lists_shows_runs_and_prints(ra: Ra, db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "wiki"
    folder.mkdir()
    (folder / "handbook.md").write_text(huge_playbook(), encoding="utf-8")
    def run(*args: str) -> Result:
        return _clean(CliRunner().invoke(cli, ["--db", str(db), "--library", str(folder), *args]))

    listed = json.loads("\n".join(ok(run("list", "--json"))))
    assert next(i for i in listed if i["id"] == "handbook")["steps"] > 2500
    assert len(json.loads("\n".join(ok(run("show", "handbook", "--json"))))["sections"]) > 300
    run_id = ok(run("run", "start", "handbook", "--title", "T", "--actor", "AB"))[-1]
    ok(run("run", "check", run_id, "2500", "--actor", "AB"))
    ok(run("checklist", "handbook", "-o", str(tmp_path / "handbook.html")))


# --- folders with traps ------------------------------------------------------------------------
@pytest.mark.skipif(sys.platform == "win32", reason="links, pipes and byte names are POSIX")
def test_a_library_folder_full_of_traps_is_validated_and_listed(db: Path, tmp_path: Path) -> None:
    folder = trap_folder(tmp_path)
    def run(*args: str) -> Result:
        return _clean(CliRunner().invoke(cli, ["--db", str(db), "--library", str(folder), *args]))

    result = run("validate", str(folder))
    assert result.exit_code == 1
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert all(DIAGNOSTIC.match(line) for line in errors)
    assert {Path(line.split(":")[0]).name for line in errors} >= {
        "a.md", "b.md", "dangling.md", "x.md"}
    listed = json.loads("\n".join(ok(run("list", "--json"))))
    assert {"ok", "inside"} <= {item["id"] for item in listed}


@pytest.mark.skipif(sys.platform == "win32", reason="links are POSIX here")
def test_a_library_option_that_is_a_loop_of_links(db: Path, tmp_path: Path) -> None:
    (tmp_path / "self").symlink_to("self")
    result = _clean(CliRunner().invoke(cli, ["--db", str(db), "--library",
                                             str(tmp_path / "self"), "list"]))
    refused(result, f"library folder not found: {tmp_path / 'self'}")
    assert result.stderr.splitlines()[1] == "hint: it is a link that leads to no folder"


# --- the installed command ---------------------------------------------------------------------
def _command() -> list[str]:
    installed = Path(sys.executable).with_name("runbook-assistant")
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "runbook_assistant"]


@pytest.mark.skipif(sys.platform == "win32", reason="links, pipes and byte names are POSIX")
def test_the_installed_command_over_real_playbooks_and_traps(tmp_path: Path) -> None:
    # Strict output encoding: a name that is not UTF-8 must not stop the output.
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "PYTHONIOENCODING": "utf-8:strict", "QT_QPA_PLATFORM": "offscreen"}
    traps = trap_folder(tmp_path)
    base = [*_command(), "--db", str(tmp_path / "runs.sqlite3"), "--library", str(REALWORLD),
            "--library", str(traps)]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([*base, *args], capture_output=True, env=env, timeout=300,
                              check=False, encoding="utf-8", errors="replace", cwd=tmp_path)
        assert "Traceback" not in done.stderr + done.stdout, done.stderr
        assert not done.stderr.startswith("error: unexpected problem"), done.stderr
        return done

    validated = run("validate")
    assert validated.returncode == 1
    assert all(DIAGNOSTIC.match(line) for line in validated.stdout.splitlines())
    assert "x.md:1: error: cannot read file: not a regular file but a named pipe" in (
        validated.stdout)
    listed = run("list", "--json")
    assert listed.returncode == 0
    assert {p.stem for p in FOREIGN} <= {item["id"] for item in json.loads(listed.stdout)}
    shown = run("show", "gitlab-runbook", "--json")
    assert json.loads(shown.stdout)["title"] == "Gitaly: repository storage unavailable"
    assert run("search", "gitaly").returncode == 0
    started = run("run", "start", "pagerduty-response", "--title", "T", "--actor", "AB")
    assert started.returncode == 0, started.stderr
    assert run("run", "check", started.stdout.split()[-1], "1", "--actor", "AB").returncode == 0
    printed = run("checklist", "draaiboek-gemeente", "-o", str(tmp_path / "x.pdf"))
    assert printed.returncode == 0, printed.stderr
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")
    broken = run("validate", str(REALWORLD / "broken" / "latin1.md"))
    assert broken.returncode == 1
    assert broken.stdout.startswith(f"{REALWORLD / 'broken' / 'latin1.md'}:8: error: ")
