"""Playbooks as other tools publish them, and files broken the way real files break.

``tests/fixtures/realworld/*.md`` are foreign playbooks (GitLab, Hugo, Docusaurus, MkDocs,
Obsidian, PagerDuty- and CISA-style, a Dutch draaiboek, Notepad's CRLF and BOM...): each imports
with warnings only. ``realworld/broken/NAME.md`` has ``NAME.expected`` beside it, in the format
of ``tests/fixtures/broken`` (``line: severity: text``, ``# no runbook`` when unusable).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from realworld_support import REALWORLD, huge_playbook, trap_folder

from runbook_assistant.core.library import scan as library_scan
from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.runbook.branches import branch_status
from runbook_assistant.core.runbook.model import ParseResult
from runbook_assistant.core.runbook.parser import parse_bytes, parse_file, parse_text

FOREIGN = sorted(REALWORLD.glob("*.md"))
BROKEN = sorted((REALWORLD / "broken").glob("*.md"))
# Foreign files that hold no list at all: they import, with a warning that there are no steps.
NO_STEPS = {"readme-prose.md", "headings-only.md", "empty.md", "empty-front-matter.md"}


def _summary(result: ParseResult) -> list[str]:
    return [str(d) for d in result.diagnostics]


# --- foreign playbooks -------------------------------------------------------------------------
def test_the_set_is_there() -> None:
    assert len(FOREIGN) >= 20 and len(BROKEN) >= 10


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.name)
def test_a_foreign_playbook_imports_with_warnings_only(path: Path) -> None:
    result = parse_file(path)
    assert result.errors == (), _summary(result)
    runbook = result.runbook
    assert runbook is not None and runbook.foreign and runbook.version == 1
    assert runbook.id == path.stem
    first = result.warnings[0]
    assert (first.line, "read as an imported playbook" in first.message) == (1, True)
    if path.name in NO_STEPS:
        assert any("the runbook has no steps" in d.message for d in result.warnings)
    else:
        assert runbook.steps, "a foreign playbook gives a checklist"
        assert all(step.title.strip() for step in runbook.steps)
    assert all(d.line >= 1 and d.path == str(path) for d in result.diagnostics)


def _outline(path: Path) -> list[tuple[str, list[str]]]:
    runbook = parse_file(REALWORLD / path).runbook
    assert runbook is not None
    return [(s.title, [step.title for step in s.steps]) for s in runbook.sections]


def test_gitlab_runbook_keeps_commands_as_step_details() -> None:
    runbook = parse_file(REALWORLD / "gitlab-runbook.md").runbook
    assert runbook.title == "Gitaly: repository storage unavailable"
    step = runbook.step("troubleshooting-check-whether-the-gitaly-process")
    assert step.details.startswith("```shell\nssh file-01")
    assert "| Gitaly team | @gitaly-oncall |" in runbook.section("overview").intro


def test_cisa_playbook_keeps_three_levels_of_numbering_under_each_step() -> None:
    runbook = parse_file(REALWORLD / "cisa-incident-response.md").runbook
    document = runbook.sections[0].steps[0]
    assert document.title == "Document the incident response plan."  # no ** left in a title
    assert document.details.splitlines()[:3] == [
        "1. Define roles and responsibilities.",
        "   1. Name an incident commander and a deputy.",
        "   2. Name a communications lead."]
    assert runbook.intro.startswith("**Purpose:**") and "NOTE: This playbook" in runbook.intro


def test_pagerduty_checklist_reads_every_kind_of_task_box() -> None:
    assert _outline(Path("pagerduty-response.md"))[0][1] == [
        "Make sure you are available and have a working laptop.",
        "Join the #incident-response Slack channel.",
        "Read the [Incident Commander training](https://response.pagerduty.com/training/"
        "incident_commander/)"]
    during = _outline(Path("pagerduty-response.md"))[1]
    assert len(during[1]) == 4  # the + bullets without a box stay text of the section
    assert _outline(Path("pagerduty-response.md"))[2][1][0] == "Announce the end of the call."


def test_notion_export_page_title_is_the_title_not_a_section() -> None:
    runbook = parse_file(REALWORLD / "notion-export.md").runbook
    assert runbook.title == "Major incident – Service desk procedure"
    assert runbook.intro.startswith("Owner: Service Desk Team")
    assert [s.title for s in runbook.sections] == ["Recognise", "Declare", "Communicate"]
    # A file whose # headings each hold steps keeps every one of them as a section.
    plain = parse_text("# Stap 1\n- a\n# Stap 2\n- b\n", "stappen.md").runbook
    assert (plain.title, [s.title for s in plain.sections]) == ("Stappen", ["Stap 1", "Stap 2"])


def test_a_half_converted_playbook_leaves_no_section_waiting_for_ever() -> None:
    result = parse_file(REALWORLD / "half-converted.md")
    runbook = result.runbook
    plain, decision = runbook.section("beoordelen").steps
    assert (plain.decision, plain.options) == (False, ())
    assert plain.details.splitlines() == [
        "- [Ja, landelijk](#beoordelen)", "- [Nee, alleen bij ons](#lokaal)",
        "- [Weet niet](#nergens)"]
    assert [o.target for o in decision.options] == ["lokaal", "landelijk-afwachten"]
    status = branch_status(runbook, {})
    home = {step.id: step.section_id for step in runbook.steps}
    assert status.status["beoordelen"] == "active"
    assert all(status.status[home[decider]] == "active"
               for decider in status.waiting_for.values())
    chosen = branch_status(runbook, {decision.id: "lokaal"}).status
    assert (chosen["lokaal"], chosen["landelijk-afwachten"]) == ("active", "inactive")


def test_options_in_a_loop_are_an_error_in_a_runbook_of_our_own() -> None:
    result = parse_file(REALWORLD / "broken" / "options-in-a-loop.md")
    assert [d.line for d in result.errors if "can never be reached" in d.message] == [9, 15, 21]


def test_hugo_toml_front_matter_gives_title_and_tags() -> None:
    result = parse_file(REALWORLD / "hugo-toml.md")
    runbook = result.runbook
    assert (runbook.title, runbook.tags) == ("Certificate expiry", ("tls", "certificates"))
    assert "+++" not in runbook.intro and runbook.intro.startswith("When a certificate")
    unknown = {d.line: d.message for d in result.warnings if "unknown front matter" in d.message}
    assert sorted(unknown) == [3, 4, 6]  # date, draft and the [params] table


def test_hugo_yaml_page_with_draft_and_a_title_with_a_colon() -> None:
    runbook = parse_file(REALWORLD / "hugo-page.md").runbook
    assert runbook.title == "Database failover: primary is down"
    assert dict(runbook.extra)["draft"] == "True"


@pytest.mark.parametrize(("name", "keys"), [
    ("docusaurus-doc.md", "'sidebar_label', 'sidebar_position', 'slug'"),
    ("obsidian-zettel.md", "'aliases', 'created'"),
])
def test_an_id_of_another_tool_does_not_make_a_runbook_of_our_own(name: str, keys: str) -> None:
    result = parse_file(REALWORLD / name)
    assert result.errors == ()
    assert result.warnings[0].message.startswith(f"front matter of another tool ({keys}; an id")
    assert result.runbook.id == Path(name).stem


def test_windows_line_endings_and_bom_keep_line_numbers() -> None:
    raw = (REALWORLD / "windows-crlf-bom.md").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # the fixture is what it says
    runbook = parse_file(REALWORLD / "windows-crlf-bom.md").runbook
    assert runbook.title == "Backup restore (Windows)"
    assert [step.line for step in runbook.steps] == [7, 8, 10, 14, 15]
    assert runbook.steps[1].details == ("Offline: the restore points are also listed on the "
                                        "printed report.")


def test_odd_front_matter_values_are_warnings_with_their_lines() -> None:
    result = parse_file(REALWORLD / "odd-front-matter-values.md")
    runbook = result.runbook
    assert (runbook.tags, runbook.services) == (("netwerk",), ("E-mail",))
    assert [r.id for r in runbook.roles] == ["netwerk", "communicatie"]
    found = [(d.line, d.message.split(",")[0].split(";")[0]) for d in result.warnings[1:]]
    assert found == [
        (3, "the version must be a whole number of at least 1"),
        (5, "'roles' maps each role id to its name"),
        (6, "staffing for 'netwerk' must be a whole number of at least 1"),
        (8, "'owner' must be text"),
        (15, "cannot read the attribute block '{role=netwerk timebox=15 min}' (cannot read 'min')"),
    ]
    assert not any("no version" in d.message for d in result.warnings)  # it has one, written wrong


def test_a_key_written_twice_is_a_warning_on_its_second_line() -> None:
    result = parse_file(REALWORLD / "duplicate-keys.md")
    assert result.runbook.title == "Storing printers"  # the last one counts, as in YAML
    (twice,) = [d for d in result.warnings if "written twice" in d.message]
    assert (twice.line, "(also on line 2)" in twice.message) == (4, True)


def test_a_thematic_break_at_the_top_is_not_front_matter_left_open() -> None:
    result = parse_text("---\n\n# Storing\n\n- [ ] Stap een\n", "streep.md")
    assert result.errors == ()
    assert (result.runbook.title, len(result.runbook.steps)) == ("Storing", 1)
    still_open = parse_text("---\ntitle: Storing\n\n# Storing\n\n- [ ] Stap\n", "open.md")
    assert [d.line for d in still_open.errors] == [1]


@pytest.mark.parametrize("name", ["README.md", "index.md", "_index.md"])
def test_generic_file_names_take_the_folder_name(name: str) -> None:
    runbook = parse_text("- Stap\n", f"/wiki/gitaly/{name}").runbook
    assert (runbook.id, runbook.title) == ("gitaly", "Gitaly")


def test_a_huge_wiki_export_imports() -> None:
    text = huge_playbook()
    assert len(text) >= 300_000
    result = parse_text(text, "handbook.md")
    assert result.errors == ()
    assert len(result.runbook.steps) > 2500
    assert result.runbook.steps[0].details == "```\nsystemctl status svc1-1\n```"


# --- broken files ------------------------------------------------------------------------------
def _expected(path: Path) -> tuple[list[tuple[int, str, str]], bool]:
    rows, usable = [], True
    for raw in path.with_suffix(".expected").read_text(encoding="utf-8").splitlines():
        if raw.strip() == "# no runbook":
            usable = False
        if raw.strip() and not raw.startswith("#"):
            line, severity, text = raw.split(": ", 2)
            rows.append((int(line), severity, text))
    return rows, usable


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_a_broken_file_names_file_and_line(path: Path) -> None:
    expected, usable = _expected(path)
    assert expected
    result = parse_file(path)
    got = [(d.line, d.severity.value, d.message) for d in result.diagnostics]
    assert [(line, severity) for line, severity, _ in got] == [
        (line, severity) for line, severity, _ in expected], _summary(result)
    for (_, _, message), (_, _, text) in zip(got, expected, strict=True):
        assert text in message
    assert (result.runbook is not None) is usable
    assert all(d.path == str(path) for d in result.diagnostics)


def test_every_broken_file_has_expectations() -> None:
    assert {p.stem for p in BROKEN} == {
        p.stem for p in (REALWORLD / "broken").glob("*.expected")}


def test_latin1_names_the_likely_encoding() -> None:
    result = parse_bytes("# Storing\n\n- [ ] Bel de coördinator\n".encode("cp1252"), "x.md")
    assert result.errors[0].line == 3
    assert "it looks like Windows-1252 or Latin-1 text ('ö')" in result.errors[0].message


def test_an_unquoted_colon_gets_the_quoted_line_as_the_fix() -> None:
    result = parse_text('---\ntitle: Storing: "netwerk" uit\n---\n', "x.md")
    assert result.errors[0].message.endswith(
        'must be in quotes: title: "Storing: \\"netwerk\\" uit"')


# --- files that are not files ------------------------------------------------------------------
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@needs_fifo
def test_a_named_pipe_is_reported_not_waited_on(tmp_path: Path) -> None:
    pipe = tmp_path / "x.md"
    os.mkfifo(pipe)
    result = parse_file(pipe)
    assert [str(d) for d in result.diagnostics] == [
        f"{pipe}:1: error: cannot read the file: not a regular file but a named pipe"]


def _messages(library: Library) -> dict[str, list[str]]:
    return {e.path.name: [d.message for d in e.result.errors] for e in library.entries()}


@pytest.mark.skipif(sys.platform == "win32", reason="links, pipes and byte names are POSIX")
def test_a_library_folder_full_of_traps(tmp_path: Path) -> None:
    folder = trap_folder(tmp_path)
    library = Library([folder])
    found = _messages(library)
    assert found["ok.md"] == [] and found["inside.md"] == []
    assert found["a.md"] == found["b.md"] == [
        "cannot read file: it is a link in a loop of links, which never reaches a file"]
    assert found["dangling.md"] == [
        f"cannot read file: it is a link to '{tmp_path / 'gone'}', which does not exist"]
    assert found["x.md"] == ["cannot read file: not a regular file but a named pipe"]
    if "zero.md" in found:
        assert found["zero.md"] == ["cannot read file: not a regular file but a device"]
    byte_named = os.fsdecode(b"caf\xe9.md")
    if byte_named in found:
        assert found[byte_named][0].startswith("the file's name or folder is not valid UTF-8")
    assert [s.id for s in library.summaries()] == ["inside", "ok"]


def test_a_file_removed_while_the_folder_is_read_is_left_out(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "blijft.md").write_text("- [ ] Stap\n", encoding="utf-8")
    (tmp_path / "weg.md").write_text("- [ ] Stap\n", encoding="utf-8")
    original = library_scan.read_limited

    def removed_first(path: str, limit: int) -> bytes:
        if path.endswith("weg.md"):
            os.unlink(path)  # an editor's temporary file, saved and removed in between
        return original(path, limit)

    monkeypatch.setattr(library_scan, "read_limited", removed_first)
    library = Library([tmp_path])
    assert [e.path.name for e in library.entries()] == ["blijft.md"]
    assert library.unusable_count() == 0


def test_an_unreadable_file_is_an_error_of_its_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "geheim.md").write_text("- [ ] Stap\n", encoding="utf-8")
    (tmp_path / "open.md").write_text("- [ ] Stap\n", encoding="utf-8")
    original = library_scan.read_limited

    def refused(path: str, limit: int) -> bytes:
        if path.endswith("geheim.md"):  # root may read anything: refuse as a locked file would
            raise PermissionError(13, "Permission denied", path)
        return original(path, limit)

    monkeypatch.setattr(library_scan, "read_limited", refused)
    library = Library([tmp_path])
    assert _messages(library) == {"geheim.md": ["cannot read file: Permission denied"],
                                  "open.md": []}
    assert [s.id for s in library.summaries()] == ["open"]
