"""The municipality's settings: bundled defaults, the user's override, problems with their line,
and the placeholders they fill in message templates."""

from __future__ import annotations

from pathlib import Path

from runbook_assistant.core.comms.contacts import user_contacts_path
from runbook_assistant.core.comms.messages import MessageContext, fill_message
from runbook_assistant.core.comms.municipality import (
    load_municipality,
    parse_municipality,
    user_municipality_path,
)


def test_the_bundled_defaults_are_fictional_and_complete() -> None:
    settings = load_municipality(user=Path("/nonexistent/municipality.yaml"))
    assert settings.problems == ()
    assert settings.name == "Gemeente Voorbeeldstad"
    assert settings.information_number == "14 0XX"  # a placeholder, never a real number
    assert settings.time_zone == "Europe/Amsterdam"
    assert settings.tz() is not None
    assert settings.portfolio_holder.name and settings.portfolio_holder.title
    assert settings.mayor.name and settings.council_clerk.name
    assert "example.nl" in settings.website and "example.nl" in settings.email


def test_the_users_file_beside_contacts_overrides_only_what_it_sets(tmp_path: Path) -> None:
    user = user_municipality_path()
    assert user.parent == user_contacts_path().parent  # beside contacts.yaml
    user.write_text("name: Gemeente Maasdal\ninformation_number: '14 043'\n"
                    "portfolio_holder:\n  name: J. Jansen\n", encoding="utf-8")
    settings = load_municipality()
    assert settings.name == "Gemeente Maasdal"
    assert settings.information_number == "14 043"
    assert settings.website == "www.voorbeeldstad.example.nl"  # kept from the bundled file
    assert settings.portfolio_holder.name == "J. Jansen"
    assert settings.portfolio_holder.title == "Wethouder Bedrijfsvoering en ICT"
    assert settings.files[-1] == str(user)


def test_a_broken_file_names_file_and_line_and_the_bundled_values_stay(tmp_path: Path) -> None:
    user = tmp_path / "municipality.yaml"
    user.write_text("name: Gemeente Maasdal\nwebsite: [oops\n", encoding="utf-8")
    settings = load_municipality(user=user)
    assert [str(p) for p in settings.problems] == [
        f"{user}:3: invalid YAML: expected ',' or ']', but got '<stream end>'"]
    assert settings.name == "Gemeente Voorbeeldstad"


def test_wrong_keys_and_values_are_problems_with_their_line() -> None:
    settings = parse_municipality("name: Gemeente Maasdal\nphone: 1\ntime_zone: Mars/Olympus\n"
                                  "mayor: Piet\nwebsite: [a, b]\nname: Maasdal\n", "m.yaml")
    assert [str(p) for p in settings.problems] == [
        "m.yaml:2: unknown key 'phone' (known: name, information_number, website, email, "
        "address, time_zone, portfolio_holder, mayor, council_clerk)",
        "m.yaml:3: unknown time zone 'Mars/Olympus' (e.g. Europe/Amsterdam)",
        "m.yaml:4: 'mayor' must be a mapping with 'name' and 'title'",
        "m.yaml:5: 'website' must be text, not a list or mapping",
        "m.yaml:6: 'name' is given twice; the last one counts",
    ]
    assert settings.name == "Maasdal"


def test_templates_get_the_municipalitys_values_in_either_spelling() -> None:
    settings = parse_municipality("name: Gemeente Maasdal\ninformation_number: '14 043'\n"
                                  "mayor: {name: A. Burg}\n")
    context = MessageContext(lang="nl", municipality=settings)
    filled = fill_message("Bel {informatienummer} of kijk op {website}. {gemeente}, "
                          "{burgemeester}; {information_number}", context)
    assert filled.text == ("Bel 14 043 of kijk op {website}. Gemeente Maasdal, A. Burg; "
                           "14 043")
    assert filled.missing == ["website"]  # not set: stays visible, never guessed
    assert filled.asked == []  # the app fills these itself; a form does not ask for them


def test_the_organisation_falls_back_to_the_municipalitys_name() -> None:
    settings = parse_municipality("name: Gemeente Maasdal\n")
    context = MessageContext(municipality=settings)
    assert fill_message("{organisatie}", context).text == "Gemeente Maasdal"
    with_contacts = MessageContext(organisation="ICT Maasdal", municipality=settings)
    assert fill_message("{organisation}", with_contacts).text == "ICT Maasdal"
