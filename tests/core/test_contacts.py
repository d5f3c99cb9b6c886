"""Contacts: bundled and user files merged, on-call first, broken files reported with lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from runbook_assistant.core import paths
from runbook_assistant.core.comms.contacts import (
    contacts_for_role,
    load_contacts,
    parse_contacts,
    role_directory,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"
BUNDLED = FIXTURES / "bundled.yaml"


def test_the_bundled_contacts_file_is_clean_and_covers_the_playbook_roles() -> None:
    book = load_contacts()
    assert book.problems == ()
    assert book.organisation == "Gemeente Voorbeeldstad"
    for role in ("incident-lead", "netwerk", "communicatie", "kcc", "publiekszaken",
                 "gemeentesecretaris", "wethouder", "contractmanager", "applicatie"):
        assert book.for_role(role), role


def test_contacts_for_a_role_put_the_on_call_first_and_keep_file_order() -> None:
    book = load_contacts(BUNDLED, FIXTURES / "absent.yaml")
    assert [c.name for c in book.for_role("KCC")] == ["Cem Öztürk", "Bram de Wit"]
    assert [c.name for c in contacts_for_role("incident-lead", book)] == ["Anna Visser"]
    assert book.for_role("ciso") == []


def test_a_user_entry_overrides_what_it_writes_and_adds_roles_and_people() -> None:
    book = load_contacts(BUNDLED, FIXTURES / "user-override.yaml")
    assert book.problems == ()
    assert book.organisation == "Gemeente Eigenstad"
    bram = book.by_name("Bram de Wit")
    assert bram is not None
    # The number is taken as written: YAML alone would read 0201234567 as an octal number.
    assert bram.phone == "0201234567"
    assert bram.roles == ("kcc", "communicatie")
    assert bram.on_call is True
    assert bram.source.endswith("user-override.yaml:3") and bram.name == "bram de wit"
    anna = book.by_name("anna visser")
    assert anna is not None and anna.email == "anna@example.nl"  # untouched bundled entry
    assert [c.name for c in book.for_role("netwerk")] == ["Dirk Dijkstra"]
    assert [c.name for c in book.for_role("kcc")] == ["bram de wit", "Cem Öztürk"]


def test_invalid_yaml_names_file_and_line_and_the_bundled_contacts_still_load() -> None:
    user = FIXTURES / "broken-yaml.yaml"
    book = load_contacts(BUNDLED, user)
    assert [str(p).split(": ", 1)[0] for p in book.problems] == [f"{user}:4"]
    assert "invalid YAML" in book.problems[0].message
    assert [c.name for c in book.contacts] == ["Anna Visser", "Bram de Wit", "Cem Öztürk"]
    assert book.organisation == "Gemeente Proefstad"


def test_wrong_types_and_unknown_keys_are_reported_per_line_and_good_entries_kept() -> None:
    path = FIXTURES / "wrong-types.yaml"
    read = parse_contacts(path.read_text(encoding="utf-8"), str(path))
    assert [str(p) for p in read.problems] == [
        f"{path}:5: unknown key 'pager' (known: name, roles, organisation, phone, "
        "alternate_phone, email, notes, on_call)",
        f"{path}:7: 'on_call' must be true or false",
        f"{path}:8: 'notes' must be text, not a list or mapping",
        f"{path}:9: a contact must be a mapping ('name: ...', 'phone: ...')",
        f"{path}:10: contact without a name; this entry is ignored",
        f"{path}:11: contact 'Eva Mulder' is listed twice (first at line 2); this entry is "
        "ignored",
        f"{path}:13: unknown key 'telefoonboek' (known: organisation, contacts)",
    ]
    eva, fleur = read.contacts
    assert eva.roles == ("kcc",) and eva.phone == "06-00000004"  # a single role is fine
    assert fleur.name == "Fleur Kok" and fleur.notes == "" and fleur.on_call is False


@pytest.mark.parametrize("text, message", [
    ("- name: A\n", None),  # a bare list of contacts
    ("", None),
    ("contacts: 12\n", "'contacts' must be a list of entries ('- name: ...')"),
    ("just text\n", "expected a mapping with 'organisation' and 'contacts'"),
    ("contacts:\n  - name: A\n    roles: {a: b}\n",
     "'roles' must be a list of role ids, e.g. [incident-lead, kcc]"),
])
def test_odd_shapes_of_a_contacts_file(text: str, message: str | None) -> None:
    read = parse_contacts(text, "c.yaml")
    assert [p.message for p in read.problems] == ([message] if message else [])


def test_the_user_file_lives_in_the_user_data_folder() -> None:
    (paths.user_data_dir() / "contacts.yaml").write_text(
        "contacts:\n  - name: Zora Bakker\n    roles: [kcc]\n    phone: '06-1'\n"
        "    on_call: true\n", encoding="utf-8")
    book = load_contacts()
    assert book.for_role("kcc")[0].name == "Zora Bakker"
    assert book.organisation == "Gemeente Voorbeeldstad"  # the user file does not set one


def test_role_directory_shows_who_takes_part_then_who_to_call() -> None:
    book = load_contacts(BUNDLED, FIXTURES / "absent.yaml")
    rows = role_directory(
        book, [("incident-lead", "Coördinator"), ("kcc", "KCC"), ("netwerk", "Netwerk")],
        [("Bram de Wit", ("kcc",)), ("Gast", ())])
    assert [(r.role, r.name, r.present) for r in rows] == [
        ("incident-lead", "Anna Visser", False),
        ("kcc", "Bram de Wit", True),  # taking part: first, even though not on call
        ("kcc", "Cem Öztürk", False),
        ("netwerk", "", False),  # nobody fills it
        ("", "Gast", True),
    ]
    assert rows[1].numbers == ("06-00000002",)
    assert rows[1].role_name == "KCC"
