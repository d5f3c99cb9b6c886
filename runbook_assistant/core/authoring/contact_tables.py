"""Contact tables in an imported playbook, offered as ``contacts.yaml`` entries.

A pipe table is a contact table when its header names a person (naam, name, contact) and a way to
reach them (telefoon, phone, mobiel, e-mail). Each row becomes an entry; a role column fills
``roles`` when it names one of the runbook's roles (by id or name), and is kept in ``notes``
otherwise. The table itself stays in the runbook as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import yaml

from runbook_assistant.core.slug import slugify

COLUMNS = {
    "name": ("naam", "name", "contact", "contactpersoon", "persoon", "wie", "who"),
    "role": ("rol", "role", "functie", "function", "taak", "task"),
    "phone": ("telefoon", "telefoonnummer", "tel", "phone", "mobiel", "mobile", "gsm", "nummer",
              "number", "06"),
    "email": ("e-mail", "email", "mail", "e-mailadres"),
    "organisation": ("organisatie", "organisation", "organization", "bedrijf", "company",
                     "leverancier", "supplier", "afdeling", "department"),
}
_SEPARATOR = re.compile(r"\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*")


@dataclass(frozen=True)
class ContactTable:
    """A contact table found at ``line`` (1-based) and the entries read from it."""

    line: int
    entries: tuple[dict[str, object], ...]


def find_contact_tables(lines: Sequence[str],
                        roles: Sequence[tuple[str, str]] = ()) -> list[ContactTable]:
    """Every contact table among Markdown ``lines``; ``roles`` are (id, name) of the runbook."""
    found = []
    k = 0
    while k + 1 < len(lines):
        if lines[k].lstrip().startswith("|") and _SEPARATOR.fullmatch(lines[k + 1].strip()):
            end = k + 2
            while end < len(lines) and lines[end].lstrip().startswith("|"):
                end += 1
            table = _read(lines[k], lines[k + 2:end], roles)
            if table:
                found.append(ContactTable(k + 1, tuple(table)))
            k = end
        else:
            k += 1
    return found


def contacts_yaml(tables: Sequence[ContactTable], source: str) -> str:
    """The entries of ``tables`` as a ``contacts.yaml`` file, with a comment saying where from."""
    entries = [entry for table in tables for entry in table.entries]
    body = yaml.safe_dump({"contacts": entries}, allow_unicode=True, sort_keys=False, width=100)
    return (f"# Contacts read from the tables of {source}.\n"
            "# Check them, then merge them into the contacts.yaml of your user data folder.\n"
            + body)


def _cells(line: str) -> list[str]:
    text = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", text)]


def _read(header: str, rows: Sequence[str],
          roles: Sequence[tuple[str, str]]) -> list[dict[str, object]]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(_cells(header)):
        word = cell.lower().strip("*_ :").strip()
        for field, names in COLUMNS.items():
            if field not in columns and (word in names or word.split(" ")[0] in names):
                columns[field] = index
                break
    if "name" not in columns or not ({"phone", "email"} & columns.keys()):
        return []
    role_ids = {slugify(name): role_id for role_id, name in roles} | {
        role_id: role_id for role_id, _ in roles}
    entries = []
    for row in rows:
        cells = _cells(row)

        def get(field: str, cells: list[str] = cells) -> str:
            index = columns.get(field)
            return cells[index] if index is not None and index < len(cells) else ""

        name = get("name")
        if not name:
            continue
        entry: dict[str, object] = {"name": name}
        role = get("role")
        role_id = role_ids.get(slugify(role)) if role else None
        if role_id:
            entry["roles"] = [role_id]
        for field in ("organisation", "phone", "email"):
            if get(field):
                entry[field] = get(field)
        if role and not role_id:
            entry["notes"] = role
        entries.append(entry)
    return entries
