"""Contact tables in an imported playbook, offered as ``contacts.yaml`` entries.

A table (a pipe table, a pandoc "simple table" of columns under runs of dashes, or an HTML
``<table>`` as wiki exports keep them) is a contact table when its header names a person (naam,
name, contact, organisatie) and a way to reach them (telefoon, phone, mobiel, e-mail). Each row
becomes an entry; a second phone column (Telefoon and Mobiel) becomes ``alternate_phone``; a role
column fills ``roles`` when it names one of the runbook's roles (by id or name), and is kept in
``notes`` otherwise. The table itself stays in the runbook as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

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
_SIMPLE_RULE = re.compile(r" *-{3,}(?: +-{3,})+ *")  # pandoc: the dashes under each column
MAX_TABLE_LINES = 2000


@dataclass(frozen=True)
class ContactTable:
    """A contact table found at ``line`` (1-based) and the entries read from it."""

    line: int
    entries: tuple[dict[str, object], ...]


def find_contact_tables(lines: Sequence[str],
                        roles: Sequence[tuple[str, str]] = ()) -> list[ContactTable]:
    """Every contact table among Markdown ``lines``; ``roles`` are (id, name) of the runbook."""
    found = []
    for line, header, rows in _tables(lines):
        table = _read(header, rows, roles)
        if table:
            found.append(ContactTable(line, tuple(table)))
    return found


def _tables(lines: Sequence[str]) -> Iterator[tuple[int, list[str], list[list[str]]]]:
    """(line, header cells, rows of cells) of every table among ``lines``."""
    k = 0
    while k + 1 < len(lines):
        line, below = lines[k], lines[k + 1]
        if line.lstrip().startswith("|") and _SEPARATOR.fullmatch(below.strip()):
            end = k + 2
            while end < len(lines) and lines[end].lstrip().startswith("|"):
                end += 1
            yield k + 1, _cells(line), [_cells(row) for row in lines[k + 2:end]]
            k = end
        elif line.strip() and _SIMPLE_RULE.fullmatch(below):
            end = k + 2
            while end < len(lines) and lines[end].strip() and not _SIMPLE_RULE.fullmatch(
                    lines[end]):
                end += 1
            spans = [m.span() for m in re.finditer(r"-+", below)]
            yield k + 1, _columns(line, spans), [_columns(row, spans) for row in lines[k + 2:end]]
            k = end + 1
        elif line.lstrip().lower().startswith("<table"):
            end = k
            while end < len(lines) and end - k < MAX_TABLE_LINES and \
                    "</table>" not in lines[end].lower():
                end += 1
            rows = _html_rows("\n".join(lines[k:end + 1]))
            if rows:
                yield k + 1, rows[0], rows[1:]
            k = end + 1
        else:
            k += 1


def _columns(line: str, spans: list[tuple[int, int]]) -> list[str]:
    """A simple table's row cut at its columns: each cell runs from its dashes to the next's
    (a cell may stick out past its dashes, as pandoc allows)."""
    starts = [start for start, _ in spans] + [max(len(line), spans[-1][1])]
    return [line[starts[n]:starts[n + 1]].strip() for n in range(len(spans))]


class _HtmlTable(HTMLParser):
    """The text of every cell of the first table, row by row (tags inside cells dropped)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self.rows:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _html_rows(text: str) -> list[list[str]]:
    reader = _HtmlTable()
    reader.feed(text)
    reader.close()
    return [row for row in reader.rows if any(row)]


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


def _read(header: list[str], rows: list[list[str]],
          roles: Sequence[tuple[str, str]]) -> list[dict[str, object]]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        word = cell.lower().strip("*_ :").strip()
        for field, names in COLUMNS.items():
            if word in names or word.split(" ")[0] in names:
                if field not in columns:
                    columns[field] = index
                elif field == "phone" and "alternate_phone" not in columns:
                    columns["alternate_phone"] = index  # Telefoon and Mobiel
                break
    if "name" not in columns and "organisation" in columns:
        columns["name"] = columns.pop("organisation")  # a table of organisations to call
    if "name" not in columns or not ({"phone", "email"} & columns.keys()):
        return []
    role_ids = {slugify(name): role_id for role_id, name in roles} | {
        role_id: role_id for role_id, _ in roles}
    entries = []
    for cells in rows:

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
        for field in ("organisation", "phone", "alternate_phone", "email"):
            if get(field):
                entry[field] = get(field)
        if role and not role_id:
            entry["notes"] = role
        entries.append(entry)
    return entries
