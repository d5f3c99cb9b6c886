"""The council information letter (raadsinformatiebrief): ``export RUN --format letter``.

Modelled on the letter Maastricht's alderman sent its council on 4 February 2021: addressee,
subject, date and reference; what happened; the impact per service and the order of restoring
(the services residents depend on first); the cause; what was *established* (never assumed: a
check nobody recorded is named as still under investigation); the measures; and the portfolio
holder's signature. Sender, contact and signer come from the municipality's settings
(``municipality.yaml``), times are in its time zone, and the language is the one asked for, not
the runbook's. The letter's body holds nothing technical: the run id, fingerprints and chain
heads stay in the annex of the incident report. Until the report is finalised the letter says
DRAFT on every page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from runbook_assistant.core.comms.municipality import Municipality, load_municipality
from runbook_assistant.core.export.atomic import Progress
from runbook_assistant.core.export.html import environment, render_template
from runbook_assistant.core.export.letter_words import LETTER_WORDS, PENDING, STATEMENTS
from runbook_assistant.core.export.pdf_pages import STYLESHEET, HtmlBlock, Pages
from runbook_assistant.core.export.report import build_report
from runbook_assistant.core.export.run_data import RunData
from runbook_assistant.core.run.discipline import outcome_text
from runbook_assistant.core.run.services import ServiceRow, service_board
from runbook_assistant.core.run.state_types import CheckEntry

AMSTERDAM = "Europe/Amsterdam"


@dataclass(frozen=True)
class ServiceLine:
    """One service of the runbook and what happened to it, in a sentence."""

    service: str
    text: str
    affected: bool


@dataclass(frozen=True)
class Letter:
    """Everything the letter says, in order, as plain text (templates only lay it out)."""

    lang: str
    words: dict[str, str]
    draft: bool
    version: int
    exercise: bool
    sender: str
    sender_lines: tuple[str, ...]
    addressee: str
    subject: str
    date: str
    reference: str
    contact: str
    opening: str
    summary: tuple[str, ...]  # paragraphs
    period: str
    services: tuple[ServiceLine, ...]
    restore_order: tuple[str, ...]
    cause: tuple[str, ...]
    established: tuple[str, ...]  # only statements a recorded check established, with who
    pending: tuple[str, ...]  # the runbook's checks not (yet) established
    measures: tuple[str, ...]
    actions: tuple[str, ...]
    times: str
    signer_name: str
    signer_title: str

    @property
    def banner(self) -> str:
        """The band on every page: EXERCISE and/or DRAFT ("" for a final incident letter)."""
        parts = []
        if self.exercise:
            parts.append("OEFENING" if self.lang == "nl" else "EXERCISE")
        if self.draft:
            parts.append(self.words["draft_banner"])
        return " · ".join(parts)


def build_letter(data: RunData, municipality: Municipality | None = None) -> Letter:
    """The letter of a run, in ``data.lang``, dated at the export time."""
    town = municipality or load_municipality()
    w = LETTER_WORDS.get(data.lang, LETTER_WORDS["en"])
    report = build_report(data)
    state = data.state
    started = state.started_at or data.exported_at
    board = service_board(data.runbook, data.events, now=data.exported_at,
                          end=state.closed_at if state.closed else None)
    listed = [row for row in board if row.listed or row.out_since is not None]
    outs = [row.out_since for row in listed if row.out_since is not None]
    start = min(outs) if outs else started
    restored = [row.restored_at for row in listed if row.restored_at is not None]
    still_out = [row for row in listed if row.out_since is not None and row.restored_at is None]
    day = data.day(start)
    if restored and not still_out:
        end = max(restored)
        same_day = (data.local(end) or end).date() == (data.local(start) or start).date()
        period = w["period_restored_day" if same_day else "period_restored"].format(
            start=_moment(data, start), end=_moment(data, end, since=start))
    elif still_out:
        period = w["period_open"].format(start=_moment(data, start))
    else:
        period = w["period_start"].format(start=_moment(data, start))
    services = tuple(_service_line(data, w, row) for row in listed)
    order = sorted((row for row in listed if row.restored_at is not None),
                   key=lambda row: (row.restored_at, row.priority))
    established = tuple(_established(data, w, c) for c in state.checks.values()
                        if c.established)
    pending = tuple(PENDING.get(data.lang, PENDING["en"]).get(c.name, c.title)
                    for c in state.checks.values() if not c.established)
    place = town.name.removeprefix("Gemeente ").removeprefix("gemeente ").strip()
    summary = report.summary.text if report.summary.present else ""
    return Letter(
        lang=data.lang, words=w, draft=not report.status.final, version=report.status.version,
        exercise=data.exercise, sender=town.name,
        sender_lines=tuple(x for x in (town.address, town.website) if x),
        addressee=w["addressee"].format(place=place) if place else w["addressee_plain"],
        subject=w["subject"].format(day=day), date=_long_date(data, data.exported_at),
        reference=_reference(data, start), contact=_contact(w, town), opening=w["opening"].format(
            day=day), summary=_paragraphs(summary), period=period, services=services,
        restore_order=tuple(w["order_item"].format(service=row.service,
                                                   time=_moment(data, row.restored_at, start))
                            for row in order),
        cause=_paragraphs(report.cause.text) if report.cause.present else (w["cause_unknown"],),
        established=established, pending=pending,
        measures=_paragraphs(report.measures.text) if report.measures.present else (),
        actions=tuple(w["action_due"].format(text=a.text, due=_long_date(data, _noon(a.due)))
                      if a.due else a.text for a in report.actions if a.status == "open"),
        times=_times(w, data, town), signer_name=town.portfolio_holder.name,
        signer_title=town.portfolio_holder.title)


def render_letter_html(data: RunData, progress: Progress) -> Iterator[str]:
    """``--format letter`` as HTML (self-contained, like every export)."""
    letter = build_letter(data)
    return render_template("letter.html.j2", {"l": letter, "lang": letter.lang,
                                              "page_title": f"{letter.words['kind']}: "
                                                            f"{letter.subject}"})


def letter_pages(data: RunData, progress: Progress | None = None) -> Pages:
    """``--format letter`` as PDF: the same body, with the DRAFT band on every page."""
    letter = build_letter(data)
    module = environment().get_template("letter_parts.html.j2").module
    body = HtmlBlock(str(module.letter_body(letter)))  # type: ignore[attr-defined]
    footer = " · ".join(x for x in (letter.sender, *letter.sender_lines) if x)
    return Pages(title=f"{letter.words['kind']}: {letter.subject}", header=letter.sender,
                 footer=footer, page_label="Pagina {n}" if letter.lang == "nl" else "Page {n}",
                 lang=letter.lang, blocks=[body], banner=letter.banner,
                 stylesheet=STYLESHEET + LETTER_STYLE)


LETTER_STYLE = """
.head td { padding: 1px 8px 1px 0; }
.label { color: #555555; font-size: 8pt; }
.draft { color: #b00020; font-weight: bold; }
h2 { font-size: 11pt; margin-top: 12px; }
"""


# --- pieces ---------------------------------------------------------------------------------------
def _established(data: RunData, w: dict[str, str], check: CheckEntry) -> str:
    """``Een aanval (hack of DDoS) is uitgesloten. Vastgesteld door P. de Boer (CISO) op …``:
    the statement, then who established it (and who verified it) and when."""
    statement = STATEMENTS.get(data.lang, STATEMENTS["en"]).get(check.name)
    if statement is not None and f"est_{check.outcome}" in w:
        said = w[f"est_{check.outcome}"].format(statement=statement)
    else:
        said = w["est_other"].format(title=check.title,
                                     outcome=outcome_text(check.outcome, data.lang))
    role = data.runbook.role_name(check.role) if check.role else ""
    who = w["est_by_verified" if check.verified_by else "est_by"].format(
        who=check.by or "?", role=f" ({role})" if role else "", when=_moment(data, check.at),
        verifier=check.verified_by or "")
    return f"{said} {who}"


def _service_line(data: RunData, w: dict[str, str], row: ServiceRow) -> ServiceLine:
    name, out_since, restored_at = row.service, row.out_since, row.restored_at
    if out_since is None:
        return ServiceLine(name, w["svc_fine"], False)
    if restored_at is None:
        return ServiceLine(name, w["svc_still_out"].format(start=_moment(data, out_since)), True)
    return ServiceLine(name, w["svc_out"].format(
        start=_moment(data, out_since), end=_moment(data, restored_at, since=out_since),
        duration=_duration(w, restored_at - out_since)), True)


def _moment(data: RunData, when: datetime | None, since: datetime | None = None) -> str:
    """``maandag 23 november 2026 om 10.47 uur``; the time alone when on the same day as
    ``since``."""
    if when is None:
        return ""
    local = data.local(when) or when
    clock = f"{local.hour:02d}.{local.minute:02d} uur" if data.lang == "nl" \
        else f"{local.hour:02d}:{local.minute:02d}"
    if since is not None and (data.local(since) or since).date() == local.date():
        return clock
    joiner = " om " if data.lang == "nl" else " at "
    return f"{data.day(when)}{joiner}{clock}"


def _long_date(data: RunData, when: datetime) -> str:
    """``7 december 2026``: the day as a letter is dated."""
    return data.day(when).split(" ", 1)[1]


def _noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def _duration(w: dict[str, str], span: timedelta) -> str:
    minutes = max(0, int(span.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(w["duration_d1"] if days == 1 else w["duration_d"].format(d=days))
    if hours:
        parts.append(w["duration_h1"] if hours == 1 else w["duration_h"].format(h=hours))
    if mins or not parts:
        parts.append(w["duration_m1"] if mins == 1 else w["duration_m"].format(m=mins))
    return w["duration_and"].join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1
                                  else parts)


def _reference(data: RunData, start: datetime) -> str:
    """``ICT-2026-1123-1047``: the day and minute the outage began, nothing technical."""
    local = data.local(start) or start
    return f"ICT-{local:%Y-%m%d-%H%M}"


def _contact(w: dict[str, str], town: Municipality) -> str:
    ways = [x for x in (town.information_number, town.email) if x]
    return w["contact"].format(how=w["contact_or"].join(ways)) if ways else ""


def _times(w: dict[str, str], data: RunData, town: Municipality) -> str:
    zone = data.zone_name()
    if town.time_zone == AMSTERDAM:
        return w["times"].format(zone=zone)
    return w["times_other"].format(name=town.time_zone or zone, zone=zone)


def _paragraphs(text: str) -> tuple[str, ...]:
    """Each line a paragraph: people type one point per line."""
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())
