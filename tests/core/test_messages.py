"""Filling message templates (both spellings of what the app knows) and messages in the fold."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hand_clock import T0, HandClock

from runbook_assistant.core.comms.messages import (
    MessageContext,
    fill_message,
    format_moment,
    next_update_due,
    update_interval,
)
from runbook_assistant.core.errors import CommandError
from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.run.state import fold
from runbook_assistant.core.run.state_types import ServiceState
from runbook_assistant.core.runbook.model import Runbook
from runbook_assistant.core.runbook.parser import parse_text

RUNBOOK_NL = """---
id: storing-proef
title: Storing bij de gemeente
version: 1
lang: nl
roles:
  communicatie: Communicatieadviseur
services:
  - Loketten
  - Informatienummer 14020
  - E-mail
---

# Storing bij de gemeente

## Inwoners {#inwoners}

- [ ] Zet het bericht op de website {#website role=communicatie}

```message {#msg-web channel=website audience=inwoners title="Storing"}
{organisatie}: storing sinds {starttijd} ({storing}, draaiboek {draaiboek}).
Kom naar de balie: {balie}.
Stand: {diensten}
Volgende update uiterlijk {volgende_update}.
```

## Ritme {#ritme}

- [ ] Werk de website bij {#ritme-web role=communicatie every=30m}
- [ ] Bel de wethouder {#ritme-bel every=2h}

```message {#msg-update channel=website audience=inwoners title="Update"}
Update: volgende uiterlijk {volgende_update}.
```
"""

RUNBOOK_EN = """---
id: outage-test
title: Network outage
version: 1
lang: en
services: [Counters, E-mail]
---

# Network outage

## Residents {#residents}

- [ ] Post the message {#post}

```message {#msg-site channel=website audience=residents}
{organisation}: outage since {start_time} ({run_title}, runbook {runbook_title}).
Services: {services}. Next update by {next_update}. Urgent? {urgent_instruction}
```
"""


def runbook(text: str) -> Runbook:
    result = parse_text(text, "test.md")
    assert result.runbook is not None, result.diagnostics
    return result.runbook


def start(engine: Engine, text: str) -> str:
    return engine.start_run(runbook(text), text, title="Storing 23 november",
                            actor="Anna").run_id


def test_dutch_placeholders_are_filled_from_the_run(engine: Engine, clock: HandClock) -> None:
    run_id = start(engine, RUNBOOK_NL)
    clock.moment = T0 + timedelta(minutes=5)
    engine.service(run_id, "E-mail", "down", actor="Anna")
    engine.service(run_id, "Loketten", "degraded", actor="Anna")
    clock.moment = T0 + timedelta(minutes=12)
    state = engine.state(run_id)
    template = state.runbook.message("msg-web")
    filled = fill_message(template, state, {"balie": "Stadhuis, Markt 1"},
                          organisation="Gemeente Proefstad", tz=UTC)
    assert filled.text == (
        "Gemeente Proefstad: storing sinds 09:00 (UTC) (Storing 23 november, draaiboek Storing "
        "bij de gemeente).\nKom naar de balie: Stadhuis, Markt 1.\n"
        "Stand: Loketten: beperkt beschikbaar; E-mail: niet beschikbaar\n"
        # No recurring step in its own section: the runbook's first (every=30m) sets the rhythm.
        "Volgende update uiterlijk 09:42 (UTC).")
    assert filled.missing == [] and filled.unused == []
    assert filled.known["starttijd"] == "09:00 (UTC)"
    assert filled.known["balie"] == "Stadhuis, Markt 1"
    assert filled.asked == ["balie"]


def test_english_spellings_and_a_placeholder_nobody_filled(engine: Engine,
                                                           clock: HandClock) -> None:
    run_id = start(engine, RUNBOOK_EN)
    engine.service(run_id, "Counters", "down", actor="Anna")
    state = engine.state(run_id)
    filled = fill_message(state.runbook.message("msg-site"), state, {"balie": "x"},
                          organisation="Example Town", tz=UTC)
    assert filled.text == (
        "Example Town: outage since 09:00 (UTC) (Storing 23 november, runbook Network outage).\n"
        "Services: Counters: not available. Next update by 10:00 (UTC). Urgent? "
        "{urgent_instruction}")  # no recurring step anywhere: an hour
    assert filled.missing == ["urgent_instruction"]
    assert filled.unused == ["balie"]
    assert not filled.complete


def test_a_given_value_wins_in_either_spelling_and_unknown_values_stay_visible() -> None:
    context = MessageContext(lang="nl", organisation="Gemeente A", started_at=T0, now=T0)
    filled = fill_message("{organisatie} / {organisation} / {starttijd} / {diensten} / {x}",
                          context, {"organisation": "Gemeente B", "start_time": "08:55"},
                          lang="nl")
    assert filled.text == "Gemeente B / Gemeente B / 08:55 / {diensten} / {x}"
    # Nothing reported on the services yet: the app has nothing to say, so it asks.
    assert filled.missing == ["diensten", "x"]
    assert filled.unused == []


def test_a_date_is_added_when_the_moment_is_not_today() -> None:
    start = datetime(2026, 11, 22, 23, 50, tzinfo=UTC)
    now = datetime(2026, 11, 23, 0, 20, tzinfo=UTC)
    assert format_moment(start, "nl", now=now, tz=UTC) == "22 november 23:50"
    assert format_moment(start, "en", now=now, tz=UTC) == "23:50 on 22 November"
    assert format_moment(now, "en", now=now, tz=UTC) == "00:20"
    new_year = datetime(2027, 1, 1, 0, 5, tzinfo=UTC)
    assert format_moment(new_year, "nl", now=start, tz=UTC) == "1 januari 2027 00:05"


def test_the_update_rhythm_comes_from_the_message_section_then_the_runbook() -> None:
    book = runbook(RUNBOOK_NL)
    assert update_interval(book, "ritme") == 30 * 60
    assert update_interval(book, "inwoners") == 30 * 60  # the runbook's first recurring step
    assert update_interval(runbook(RUNBOOK_EN), "residents") == 60 * 60
    context = MessageContext(lang="en", now=T0, update_every=update_interval(book, "ritme"),
                             services=(ServiceState("Loketten", "restored", T0),
                                       ServiceState("E-mail")), tz=UTC)
    filled = fill_message("{next_update} | {services}", context)
    assert filled.text == "09:30 (UTC) | Loketten: available again"  # unknown services left out


def test_messages_sent_are_in_the_fold_with_their_exact_text(engine: Engine,
                                                             clock: HandClock) -> None:
    run_id = start(engine, RUNBOOK_NL)
    clock.moment = T0 + timedelta(minutes=20)
    state = engine.state(run_id)
    filled = fill_message(state.runbook.message("msg-update"), state, {}, tz=UTC)
    event = engine.message_sent(run_id, "msg-update", actor="Iris", text=filled.text)
    clock.moment = T0 + timedelta(minutes=25)
    engine.message_sent(run_id, "msg-web", actor="Iris", text="Handgeschreven tekst",
                        channel="loket", audience="inwoners")
    assert event.kind is EventKind.MESSAGE_SENT
    state = engine.state(run_id)
    first, second = state.messages
    assert (first.message_id, first.text, first.channel, first.audience, first.actor) == (
        "msg-update", "Update: volgende uiterlijk 09:50 (UTC).", "website", "inwoners", "Iris")
    assert first.at == T0 + timedelta(minutes=20) and first.event_id == event.id
    assert (second.channel, second.text) == ("loket", "Handgeschreven tekst")
    # The same events folded anew give the same messages.
    again = fold(state.runbook, engine.run_record(run_id), reversed(engine.events(run_id)))
    assert again.messages == state.messages
    # The countdown follows the last message: msg-web's section has no rhythm of its own.
    assert next_update_due(state) == T0 + timedelta(minutes=25 + 30)


def test_an_unknown_message_or_an_empty_text_is_refused(engine: Engine) -> None:
    run_id = start(engine, RUNBOOK_NL)
    with pytest.raises(CommandError, match="unknown message 'msg-nope'") as caught:
        engine.message_sent(run_id, "msg-nope", actor="Iris", text="x")
    assert caught.value.hint == "messages: msg-web, msg-update"
    with pytest.raises(CommandError, match="message text is required"):
        engine.message_sent(run_id, "msg-web", actor="Iris", text="  ")
    assert len(engine.events(run_id)) == 1
    assert next_update_due(engine.state(run_id)) is None


def test_service_lists_read_as_sentences_and_restored_lists_the_restore_order() -> None:
    services = (ServiceState("Balies", "restored", T0 + timedelta(hours=3)),
                ServiceState("Sociale Zaken", "restored", T0 + timedelta(hours=1)),
                ServiceState("Informatienummer", "down", T0),
                ServiceState("E-mail", "degraded", T0),
                ServiceState("Website", "up", T0))
    context = MessageContext(lang="nl", services=services, now=T0 + timedelta(hours=4))
    text = fill_message("Niet of beperkt: {diensten_uit}. Hersteld in deze volgorde: {hersteld}.",
                        context).text
    assert text == ("Niet of beperkt: Informatienummer en E-mail. "
                    "Hersteld in deze volgorde: Sociale Zaken en Balies.")
    parking = ServiceState("Parking", "down", T0)
    english = MessageContext(lang="en", services=(*services[:3], parking),
                             now=T0 + timedelta(hours=4))
    assert fill_message("{services_down}; {restored}", english).text == (
        "Informatienummer and Parking; Sociale Zaken and Balies")


def test_times_in_a_message_are_the_municipalitys_with_the_zone_named(
        engine: Engine, clock: HandClock) -> None:
    """A laptop set to UTC fills the Amsterdam municipality's times, and says which they are."""
    from runbook_assistant.core.comms.municipality import Municipality

    run_id = start(engine, RUNBOOK_EN)
    state = engine.state(run_id)
    town = Municipality(name="Gemeente Proefstad", time_zone="Europe/Amsterdam")
    filled = fill_message("{start_time} / {next_update}", state, municipality=town)
    assert filled.text == "10:00 (CET) / 11:00 (CET)"  # T0 is 09:00 UTC in November
    summer = Municipality(name="Gemeente Proefstad", time_zone="Europe/Lisbon")
    assert fill_message("{start_time}", state, municipality=summer).text == "09:00 (WET)"
