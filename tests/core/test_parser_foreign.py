"""Playbooks written for other tools import as usable checklists, with warnings only."""

from __future__ import annotations

from pathlib import Path

import pytest

from runbook_assistant.core.runbook.parser import parse_file, parse_text

FOREIGN = Path(__file__).resolve().parent.parent / "fixtures" / "foreign"


@pytest.mark.parametrize("path", sorted(FOREIGN.glob("*.md")), ids=lambda p: p.name)
def test_foreign_playbooks_import_with_warnings_only(path: Path) -> None:
    result = parse_file(path)
    assert result.ok, [str(d) for d in result.errors]
    runbook = result.runbook
    assert runbook.foreign
    assert runbook.id == path.stem
    assert runbook.version == 1
    assert runbook.steps, "a foreign playbook still gives a checklist"
    assert result.warnings[0].message.startswith("no front matter with an id")
    assert result.warnings[0].line == 1


def _structure(name: str) -> list[tuple[str, list[str]]]:
    runbook = parse_file(FOREIGN / name).runbook
    return [(s.title, [step.title for step in s.steps]) for s in runbook.sections]


def test_no_front_matter_ordered_and_nested_lists() -> None:
    result = parse_file(FOREIGN / "no-front-matter.md")
    runbook = result.runbook
    assert runbook.title == "Server Room Power Failure"
    assert runbook.intro.startswith("Use this when the UPS alarm sounds")
    assert _structure("no-front-matter.md") == [
        ("Assess", ["Check the UPS display for remaining battery time.",
                    "Call the facilities desk.",
                    "Decide whether to start a controlled shutdown."]),
        ("Shut down", ["Shut down test and acceptance servers first.",
                       "Then file servers, then databases.",
                       "Leave the core switches running."]),
        ("Afterwards", ["Write down what was shut down and when.", "Report to the ICT manager."]),
    ]
    step = runbook.step("shut-down-then-file-servers-then-databases")
    assert step.details == ("1. Databases: stop the applications before the database.\n"
                            "2. Wait for a clean stop in the log.")
    plain = [d for d in result.warnings if "without task boxes" in d.message]
    assert [d.line for d in plain] == [7]  # once per file, at the first such item


def test_jekyll_front_matter_setext_headings_html_and_tables() -> None:
    result = parse_file(FOREIGN / "jekyll-post.md")
    runbook = result.runbook
    assert runbook.title == "Phishing wave: what the service desk does"  # the front matter's
    assert runbook.tags == ("security", "phishing")
    assert dict(runbook.extra) == {"layout": "post", "date": "2023-05-04",
                                   "categories": "playbooks"}
    unknown = [(d.line, d.message) for d in result.warnings if "unknown front matter" in d.message]
    assert [line for line, _ in unknown] == [2, 4, 6]
    assert _structure("jekyll-post.md") == [
        ("Triage", ["Ask the caller to forward the mail as an attachment.",
                    "Do not click links in the mail.",
                    "Check whether others reported the same mail:"]),
        ("Contain", ["Block the sender domain on the mail gateway.",
                     "Reset the password of anyone who entered it."]),
    ]
    contain = runbook.section("contain")
    assert "<summary>Background</summary>" in contain.intro
    assert "| CISO | 0000 |" in contain.intro


def test_h3_only_file_gets_its_title_from_the_file_name() -> None:
    result = parse_file(FOREIGN / "h3-only.md")
    assert result.runbook.title == "H3 only"
    assert [s.id for s in result.runbook.sections] == [
        "before-you-start", "restore-the-file-share", "notes"]
    prose = [d for d in result.warnings if "heading with only prose" in d.message]
    assert [(d.line, "'notes'" in d.message) for d in prose] == [(12, True)]


def test_github_checklist_uses_task_items_and_keeps_quotes() -> None:
    result = parse_file(FOREIGN / "github-checklist.md")
    runbook = result.runbook
    assert [s.id for s in runbook.sections] == ["stop", "roll-back", "roll-back-2"]
    assert [s.id for s in runbook.section("roll-back").steps] == [
        "roll-back-redeploy-the-previous-tag",
        "roll-back-verify-the-health-checks-are-green",
        "roll-back-verify-the-health-checks-are-green-2",
    ]
    assert runbook.section("roll-back").intro.startswith("> [!NOTE]")
    assert runbook.step("roll-back-redeploy-the-previous-tag").details == (
        "```sh\ndeploy --tag previous\n```")
    assert not any("without task boxes" in d.message for d in result.diagnostics)


def test_list_without_headings_is_one_section() -> None:
    runbook = parse_file(FOREIGN / "plain-no-headings.md").runbook
    (section,) = runbook.sections
    assert section.id == "plain-no-headings"
    assert len(section.steps) == 4


def test_admonitions_stay_in_details_and_intro() -> None:
    runbook = parse_file(FOREIGN / "mkdocs-admonitions.md").runbook
    assert runbook.tags == ("printing",)
    assert runbook.intro.startswith('!!! warning "Before you start"')
    step = runbook.step("check-look-at-the-print-server-queue")
    assert step.details.startswith("!!! tip")
    assert runbook.section("fix").intro == "<!-- internal: printers are leased -->"


def test_structural_problems_of_a_foreign_file_are_warnings() -> None:
    result = parse_file(FOREIGN / "foreign-with-problems.md")
    assert result.errors == ()
    messages = " | ".join(d.message for d in result.warnings)
    for expected in ("malformed duration 'soon'", "role 'netwerk'", "points to '#network'",
                     "'.four-eye'", "section 'empty' is empty", "duplicate section id 'apps'",
                     "malformed duration '1.5h'"):
        assert expected in messages


def test_group_heading_without_content_is_dropped() -> None:
    runbook = parse_text("# T\n\n## Phase 1\n\n### A\n\n- do a\n\n### B\n\n- do b\n").runbook
    assert [s.id for s in runbook.sections] == ["a", "b"]


def test_bullets_before_the_first_heading_are_intro_when_there_are_sections() -> None:
    runbook = parse_text("# T\n\nScope:\n\n- servers\n- network\n\n## Steps\n\n1. do\n").runbook
    assert runbook.intro == "Scope:\n\n- servers\n- network"
    assert [s.title for s in runbook.steps] == ["do"]
