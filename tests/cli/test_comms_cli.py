"""`contacts` and `run message` through click's CliRunner, on the bundled library."""

from __future__ import annotations

import json
import re

import pytest
from cli_support import ok, run_events, start_run

from runbook_assistant.core import paths

EVENT_ID = re.compile(r"^[A-Za-z0-9-]{16,}$")
RUNBOOK = "informatienummer-14020-email"


def start(ra) -> str:
    return start_run(ra, RUNBOOK, title="Storing 14020", actor="Sanne",
                     participants=("Sanne=incident-lead",))


def test_contacts_json_lists_every_field_in_utf8(ra) -> None:
    result = ra("contacts", "--json")
    data = json.loads("\n".join(ok(result)))
    assert result.stderr == ""
    assert set(data[0]) == {"name", "roles", "organisation", "phone", "alternate_phone",
                            "email", "notes", "on_call"}
    ibd = next(c for c in data if c["name"] == "IBD Meldpunt")
    assert ibd["roles"] == ["ibd"] and ibd["on_call"] is True
    assert "—" in result.stdout and "\\u" not in result.stdout  # not ASCII-escaped


def test_contacts_for_a_role_put_the_on_call_first(ra) -> None:
    data = json.loads(ra("contacts", "--role", "kcc", "--json").stdout)
    assert [c["on_call"] for c in data] == [True, True, False]
    assert data[-1]["name"] == "Lisa de Graaf"
    text = ok(ra("contacts", "--role", "kcc"))
    assert text[0] == "Yasmina Haddou  [on call]  (kcc)"
    assert text[1] == "  phone 06-00000019   alternate 010-0000019   yasmina.haddou@example.nl"


def test_contacts_for_an_unknown_role_is_an_empty_list_with_a_note(ra) -> None:
    result = ra("contacts", "--role", "brandweer", "--json")
    assert json.loads("\n".join(ok(result))) == []
    assert result.stderr.startswith("no contacts for role 'brandweer'; roles: incident-lead,")


def test_a_broken_user_contacts_file_is_reported_and_the_bundled_ones_still_work(ra) -> None:
    user = paths.user_data_dir() / "contacts.yaml"
    user.write_text("contacts:\n  - name: Eigen Persoon\n    roles: [kcc\n", encoding="utf-8")
    result = ra("contacts", "--role", "kcc", "--json")
    assert len(json.loads("\n".join(ok(result)))) == 3
    assert re.match(rf"warning: {re.escape(str(user))}:\d+: invalid YAML: ", result.stderr)


def test_problems_in_the_settings_files_in_dutch_with_lang_nl(ra) -> None:
    (paths.user_data_dir() / "contacts.yaml").write_text(
        "contacts:\n  - name: Eigen Persoon\n    telefoon: 06 1234\n", encoding="utf-8")
    (paths.user_data_dir() / "municipality.yaml").write_text(
        "time_zone: Europe/Amsterdan\n", encoding="utf-8")
    result = ra("--lang", "nl", "contacts", "--json")
    assert re.search(r"waarschuwing: \S*contacts\.yaml:3: onbekende sleutel 'telefoon' "
                     r"\(bekend: ", result.stderr), result.stderr
    run_id = ok(ra("run", "start", "netwerkstoring-wijziging", "--title", "t",
                   "--actor", "Anna"))[-1]
    message = ra("--lang", "nl", "run", "message", run_id, "msg-website", "--actor", "Iris")
    assert re.search(r"waarschuwing: \S*municipality\.yaml:1: onbekende tijdzone "
                     r"'Europe/Amsterdan' \(bijv\. Europe/Amsterdam\)", message.stderr), \
        message.stderr
    english = ra("contacts", "--json")
    assert "unknown key 'telefoon' (known: " in english.stderr


def test_run_message_fills_what_is_known_and_names_what_is_not(ra) -> None:
    run_id = start(ra)
    ok(ra("run", "service", run_id, "Bellen met de gemeente", "down", "--actor", "Sanne"))
    result = ra("run", "message", run_id, "msg-sociaal", "--actor", "Iris",
                "--set", "balie=Stadhuis, Markt 1", "--set", "wachttijd=10 min")
    (text,) = ok(result)
    # The number comes from the municipality's settings, never from the template.
    assert text.startswith("Storing: het informatienummer 14 0XX en e-mail van "
                           "Gemeente Voorbeeldstad werken sinds ")
    assert "Kom naar de balie: Stadhuis, Markt 1." in text
    assert re.search(r"Volgende update uiterlijk \d\d:\d\d \(CES?T\)\.$", text)  # the zone named
    assert result.stderr.splitlines() == [
        "warning: --set wachttijd is not a placeholder of msg-sociaal; ignored"]
    assert [e["kind"] for e in run_events(ra, run_id)] == ["run_started", "service_status_changed"]


def test_a_placeholder_nobody_filled_stays_visible_and_is_named(ra) -> None:
    run_id = start(ra)
    result = ra("run", "message", run_id, "msg-website", "--actor", "Iris")
    lines = ok(result)
    assert "- Dringend? Kom naar de balie: {balie}." in lines
    assert "warning: placeholder {balie} not filled; use --set balie=..." in result.stderr
    assert "warning: placeholder {afspraken} not filled; use --set afspraken=..." in result.stderr
    # No service reported yet: the app has no status to give, so it asks for it.
    assert "warning: placeholder {diensten} not filled; use --set diensten=..." in result.stderr


def test_run_message_sent_records_the_exact_text_and_prints_the_event_id_last(ra) -> None:
    run_id = start(ra)
    shown = ok(ra("run", "message", run_id, "msg-sociaal", "--actor", "Iris",
                  "--set", "balie=Stadhuis"))
    lines = ok(ra("run", "message", run_id, "msg-sociaal", "--actor", "Iris",
                  "--set", "balie=Stadhuis", "--sent"))
    assert EVENT_ID.match(lines[-1])
    assert lines[:-1] == shown
    ok(ra("run", "message", run_id, "msg-raad", "--actor", "Iris", "--sent",
          "--channel", "telefoon"))
    sent = [e for e in run_events(ra, run_id) if e["kind"] == "message_sent"]
    assert sent[0]["id"] == lines[-1]
    assert sent[0]["payload"] == {"message_id": "msg-sociaal", "text": shown[0],
                                  "channel": "sociale-media", "audience": "inwoners"}
    assert sent[0]["actor"] == "Iris"
    assert (sent[1]["payload"]["channel"], sent[1]["payload"]["audience"]) == ("telefoon",
                                                                                "raad")
    show = ok(ra("run", "show", run_id))
    assert "Messages sent:" in show
    assert any("msg-sociaal via sociale-media to inwoners by Iris" in line for line in show)


def test_run_show_lists_the_services_in_restore_order(ra) -> None:
    run_id = start(ra)
    ok(ra("run", "service", run_id, "E-mail", "degraded", "--actor", "Sanne"))
    show = ok(ra("run", "show", run_id))
    board = show[show.index("Services:") + 1:show.index("Services:") + 5]
    assert [line.split(":")[0].strip() for line in board] == [
        "Bellen met de gemeente (informatienummer)",
        "Balies voor paspoort, rijbewijs en verhuizing", "E-mail aan de gemeente", "Website"]
    assert "E-mail aan de gemeente: verminderd" in board[2]


@pytest.mark.parametrize("args, message, hint", [
    (("msg-nope",), "error: unknown message 'msg-nope' in runbook 'informatienummer-14020-email'",
     "hint: messages: msg-loket-open, msg-loket-urgent, msg-loket-dicht, msg-website,"),
    (("msg-website", "--set", "balie"), "error: cannot read --set 'balie'",
     "hint: use --set KEY=VALUE"),
])
def test_run_message_refusals_are_one_error_line(ra, args: tuple[str, ...], message: str,
                                                 hint: str) -> None:
    run_id = start(ra)
    result = ra("run", "message", run_id, *args, "--actor", "Iris")
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    error, hint_line = result.stderr.splitlines()
    assert error == message and hint_line.startswith(hint)
    assert "Traceback" not in result.output


def test_unknown_service_and_status_are_refused_clearly(ra) -> None:
    run_id = start(ra)
    result = ra("run", "service", run_id, "Parkeren", "down", "--actor", "Sanne")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: unknown service 'Parkeren'",
        "hint: services: Bellen met de gemeente (informatienummer), Balies voor paspoort, "
        "rijbewijs en verhuizing, E-mail aan de gemeente, Website"]
    result = ra("run", "service", run_id, "E-mail", "kapot", "--actor", "Sanne")
    assert result.exit_code == 2 and "'kapot' is not one of" in result.stderr


def test_a_closed_run_records_no_message_and_prints_no_text(ra) -> None:
    run_id = start(ra)
    ok(ra("run", "close", run_id, "--actor", "Sanne"))
    result = ra("run", "message", run_id, "msg-sociaal", "--actor", "Iris", "--sent")
    assert result.exit_code == 1 and result.stdout == ""
    assert f"error: run {run_id} is closed" in result.stderr
    assert ok(ra("run", "message", run_id, "msg-sociaal", "--actor", "Iris"))  # filling still works
