"""Library commands: validate, list, show, search."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from runbook_assistant.cli import cli, pass_app
from runbook_assistant.cli.common import echo_json, plural
from runbook_assistant.cli.context import AppContext
from runbook_assistant.cli.errors import cli_lang
from runbook_assistant.cli.texts import t

if TYPE_CHECKING:  # list and search need none of these: each is imported where it is used
    from runbook_assistant.core.authoring.approval import Status
    from runbook_assistant.core.library.catalog import LibraryEntry, RunbookSummary
    from runbook_assistant.core.runbook.model import Runbook, Step

KINDS = ("runbook", "exercise")


def _display_path(path: str | Path) -> str:
    """A path as people want to read it: relative when under the working folder.

    Bytes of a name that are not UTF-8 are shown as ``\\xe9``: printed as they are, they
    would make the output unreadable or stop it.
    """
    text = str(path)
    try:
        relative = os.path.relpath(text)
    except ValueError:  # another drive on Windows
        relative = ".."
    shown = text if relative.startswith("..") else relative
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


# --- validate ----------------------------------------------------------------------------------
@cli.command()
@click.argument("targets", metavar="[PATH]...", nargs=-1,
                type=click.Path(exists=True, path_type=Path))
@pass_app
def validate(app: AppContext, targets: tuple[Path, ...]) -> None:
    """Lint runbooks and scenarios: files or folders (default: the whole library).

    Prints `path:line: error|warning: message`, one a line. Exit 0 when there are no errors
    (warnings allowed), 1 when there are errors.
    """
    from runbook_assistant.core.runbook.finding_texts import finding_in
    from runbook_assistant.core.runbook.model import Severity

    entries: Sequence[LibraryEntry] = (
        app.library.check(list(targets)) if targets else app.library.entries())
    errors = warnings = 0
    for entry in entries:
        for diagnostic in entry.result.diagnostics:
            if diagnostic.severity is Severity.ERROR:
                errors += 1
            else:
                warnings += 1
            click.echo(f"{_display_path(diagnostic.path)}:{diagnostic.line}: "
                       f"{_finding_kind(diagnostic.severity.value)}: "
                       f"{finding_in(diagnostic.message, cli_lang())}")
    click.echo(_counted(len(entries), "file") + ", " + _counted(errors, "error") + ", "
               + _counted(warnings, "warning"), err=True)
    if errors:
        raise click.exceptions.Exit(1)


def _finding_kind(kind: str) -> str:
    return {"error": "fout", "warning": "waarschuwing"}.get(kind, kind) \
        if cli_lang() == "nl" else kind


def _counted(count: int, word: str) -> str:
    """``2 warnings`` (``2 waarschuwingen`` under --lang nl)."""
    if cli_lang() != "nl":
        return plural(count, word)
    one, many = {"file": ("bestand", "bestanden"), "error": ("fout", "fouten"),
                 "warning": ("waarschuwing", "waarschuwingen")}[word]
    return f"{count} {one if count == 1 else many}"


def _severity(severity: str) -> str:
    dutch = {"low": "laag", "medium": "middel", "high": "hoog", "critical": "kritiek"}
    return dutch.get(severity, severity) if cli_lang() == "nl" else severity


def _exercise_of(runbook_id: str | None) -> str:
    # An imported scenario may name no runbook (a warning there): say so rather than "None".
    return t("exercise_of", runbook=runbook_id) if runbook_id else t("exercise_of_none")


# --- approval ----------------------------------------------------------------------------------
def _approval(path: str | Path, sha256: str, review_by: str) -> Status:
    from runbook_assistant.core.authoring.approval import approval_status

    return approval_status(path, sha256, review_by)


def _approvals(summaries: Sequence[RunbookSummary]) -> dict[str, str]:
    """The approval state of every runbook (not scenario) among ``summaries``, by id."""
    from runbook_assistant.core.authoring.approval import approval_statuses

    runbooks = [s for s in summaries if s.kind != "exercise"]
    statuses = approval_statuses((s.path, s.sha256, s.review_by) for s in runbooks)
    return {s.id: status.state.value for s, status in zip(runbooks, statuses, strict=True)}


# --- list --------------------------------------------------------------------------------------
def _summary_json(summary: RunbookSummary, approvals: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": summary.id, "title": summary.title, "version": summary.version,
        "lang": summary.lang, "kind": summary.kind, "path": summary.path,
        "sha256": summary.sha256, "steps": summary.steps, "summary": summary.summary,
        "tags": list(summary.tags), "severity": summary.severity or None,
    }
    if summary.kind == "exercise":
        data["runbook"] = summary.runbook
        data["injects"] = summary.injects
    else:
        data["approval"] = approvals[summary.id]
    return data


def _approval_word(summary: RunbookSummary, approvals: dict[str, str]) -> str:
    if summary.kind == "exercise":
        return "-"  # a scenario is not approved itself: its runbook is
    return t("state_" + approvals[summary.id])


@cli.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="A JSON array instead of a table.")
@click.option("--kind", type=click.Choice(KINDS), default=None,
              help="Only runbooks or only exercise scenarios.")
@pass_app
def list_(app: AppContext, as_json: bool, kind: str | None) -> None:
    """Runbooks and exercise scenarios in the library, sorted by id."""
    library = app.library
    summaries = library.summaries(kind)
    approvals = _approvals(summaries)
    if as_json:
        echo_json([_summary_json(s, approvals) for s in summaries])
    elif summaries:
        rows = [(s.id, s.lang, f"v{s.version}", _approval_word(s, approvals),
                 s.title + (f"  ({_exercise_of(s.runbook)})" if s.kind == "exercise" else ""))
                for s in summaries]
        widths = [max(len(row[n]) for row in rows) for n in range(4)]
        for row in rows:
            click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths,
                                                                            strict=False))
                       + "  " + row[4])
    unusable = library.unusable_count()
    if unusable:
        click.echo(t("unusable_not_listed", files=_counted(unusable, "file")), err=True)
    elif not summaries and not as_json:
        click.echo(t("no_runbooks"), err=True)


# --- show --------------------------------------------------------------------------------------
def _step_json(step: Step) -> dict[str, Any]:
    return {
        "id": step.id, "title": step.title, "role": step.role, "four_eyes": step.four_eyes,
        "decision": step.decision, "optional": step.optional, "due": step.due,
        "timebox": step.timebox, "every": step.every, "line": step.line,
        "options": [{"label": o.label, "target": o.target} for o in step.options],
        "details": step.details, "verifier": step.verifier,
        "needs": [{"role": r, "minimum": n} for r, n in step.needs],
        "needs_staffing": step.needs_staffing, "due_from": step.due_from, "check": step.check,
        "message": step.message,
    }


def runbook_json(runbook: Runbook, entry: LibraryEntry) -> dict[str, Any]:
    """The structure of a runbook as ``show --json`` prints it."""
    data: dict[str, Any] = {
        "id": runbook.id, "title": runbook.title, "version": runbook.version,
        "lang": runbook.lang, "kind": runbook.kind, "path": str(entry.path),
        "sha256": entry.sha256, "summary": runbook.summary, "owner": runbook.owner,
        "severity": runbook.severity or None, "tags": list(runbook.tags),
        "roles": [{"id": r.id, "name": r.name} for r in runbook.roles],
        "staffing": [{"role": role, "minimum": minimum} for role, minimum in runbook.staffing],
        "services": list(runbook.services),
        "sections": [
            {"id": s.id, "title": s.title, "mode": s.mode, "line": s.line,
             "steps": [_step_json(step) for step in s.steps]}
            for s in runbook.sections],
        "messages": [
            {"id": m.id, "channel": m.channel, "audience": m.audience,
             "placeholders": list(m.placeholders), "section": m.section_id, "title": m.title,
             "text": m.text}
            for m in runbook.messages],
    }
    if runbook.kind == "exercise":
        data["runbook"] = runbook.runbook
        data["injects"] = [{"offset": i.offset, "text": i.text, "to": i.to, "line": i.line}
                           for i in runbook.injects]
    else:
        # What a run started now would record (run_started's ``approval``).
        data["approval"] = _approval(entry.path, entry.sha256, runbook.review_by).record()
    return data


def _markers(runbook: Runbook, step: Step) -> str:
    from runbook_assistant.core.runbook.durations import format_duration

    marks = []
    if step.role:
        marks.append(f"[{runbook.role_name(step.role)}]")
    if step.four_eyes:
        marks.append(t("four_eyes_verifier", role=runbook.role_name(step.verifier))
                     if step.verifier else t("four_eyes"))
    if step.check:
        marks.append(t("check", check=step.check))
    needs = runbook.staffing_needs(step)
    if needs:
        marks.append(t("needs", needs=", ".join(f"{n} {runbook.role_name(r)}" for r, n in needs)))
    if step.optional:
        marks.append(t("optional"))
    if step.decision:
        options = " | ".join(f"{o.label} (#{o.target})" for o in step.options)
        marks.append(t("decision", options=options))
    for label, value in (("due", step.due), ("timebox", step.timebox), ("every", step.every)):
        if value is not None:
            marks.append(t(label, t=format_duration(value)))
            if label == "due" and step.due_from == "discovery":
                marks.append(t("from_discovery"))
    return ("  " + " ".join(marks)) if marks else ""


def _outline(runbook: Runbook, entry: LibraryEntry) -> list[str]:
    lines = [runbook.title, "=" * min(len(runbook.title), 78)]
    facts = [t("id", id=runbook.id), t("version", version=runbook.version),
             t("lang", language=runbook.lang)]
    if runbook.kind == "exercise":
        facts.append(_exercise_of(runbook.runbook))
    if runbook.severity:
        facts.append(t("severity", severity=_severity(runbook.severity)))
    lines.append(" · ".join(facts))
    lines.append(t("file", path=_display_path(entry.path)))
    if runbook.kind != "exercise":
        from runbook_assistant.core.run.kinds import approval_text

        status = _approval(entry.path, entry.sha256, runbook.review_by)
        lines.append(t("approval", text=approval_text(status.record(), cli_lang())))
    if runbook.owner:
        lines.append(t("owner", owner=runbook.owner))
    if runbook.tags:
        lines.append(t("tags", tags=", ".join(runbook.tags)))
    if runbook.summary:
        lines += ["", runbook.summary]
    if runbook.roles:
        lines += ["", t("roles")]
        staffing = dict(runbook.staffing)
        for role in runbook.roles:
            minimum = t("at_least", n=staffing[role.id]) if role.id in staffing else ""
            lines.append(f"  {role.id}: {role.name}{minimum}")
    if runbook.services:
        lines += ["", t("services")]
        lines += [f"  {n}. {name}" for n, name in enumerate(runbook.services, 1)]
    number = 0
    for section in runbook.sections:
        mode = f"  [{t('mode_' + section.mode)}]" if section.mode else ""
        lines += ["", f"## {section.title}  (#{section.id}){mode}"]
        for step in section.steps:
            number += 1
            lines.append(f"  {number:>2}. {step.title}{_markers(runbook, step)}")
        for message in section.messages:
            lines.append(t("message_line", id=message.id, audience=message.audience or "-",
                           channel=message.channel or "-",
                           names=", ".join(message.placeholders) or t("none")))
    if runbook.injects:
        lines += ["", t("injects")]
        for inject in runbook.injects:
            to = f"  → {runbook.role_name(inject.to)}" if inject.to else ""
            hours, rest = divmod(inject.offset, 3600)
            lines.append(f"  T+{hours:02d}:{rest // 60:02d}  {inject.text}{to}")
    return lines


@cli.command()
@click.argument("runbook_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="The structure as JSON.")
@pass_app
def show(app: AppContext, runbook_id: str, as_json: bool) -> None:
    """One runbook's structure: sections, steps, decisions, timers and messages."""
    entry = app.library.entry(runbook_id)
    runbook = entry.result.runbook
    assert runbook is not None  # entry() only returns usable runbooks
    if as_json:
        echo_json(runbook_json(runbook, entry))
    else:
        click.echo("\n".join(_outline(runbook, entry)))


# --- search ------------------------------------------------------------------------------------
@cli.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="A JSON array of {id, title, path, snippet}.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True,
              help="At most this many results.")
@pass_app
def search(app: AppContext, query: tuple[str, ...], as_json: bool, limit: int) -> None:
    """Full-text search over the library (every word, also as the start of a longer word)."""
    text = " ".join(query)
    hits = app.library.search(text, limit=limit)
    if as_json:
        echo_json([{"id": h.id, "title": h.title, "path": h.path, "snippet": h.snippet,
                     "kind": h.kind, "lang": h.lang} for h in hits])
    else:
        for hit in hits:
            click.echo(f"{hit.id}  {hit.title}")
            click.echo(f"    {hit.snippet}")
    if not hits:
        click.echo(f"no runbooks match '{text}'", err=True)
