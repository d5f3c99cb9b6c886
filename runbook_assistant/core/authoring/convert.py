"""``runbook-assistant import``: a Word document or foreign Markdown → a runbook of the own format.

The foreign file is read by the same reader as a foreign file in a library folder (sections from
headings and bold-only paragraphs, steps from lists and numbered paragraphs, message templates
from announced texts), then written in the own format (``writer``) and checked by the parser.
Every guess is a note with the place it comes from: ``path:line`` (for a Word file the line is
the paragraph's number, a table counting as one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from runbook_assistant.core.atomic import atomic_path
from runbook_assistant.core.authoring.contact_tables import (
    ContactTable,
    contacts_yaml,
    find_contact_tables,
)
from runbook_assistant.core.authoring.docx_reader import ImportProblem, read_docx
from runbook_assistant.core.authoring.writer import write_runbook
from runbook_assistant.core.runbook.model import ParseResult, Runbook
from runbook_assistant.core.runbook.parser import MAX_FILE_BYTES, parse_text
from runbook_assistant.core.slug import is_slug, slugify
from runbook_assistant.core.textfile import not_text, read_limited, reason

__all__ = ["ImportProblem", "Imported", "Note", "contacts_path", "import_file", "write_import"]

LANGS = ("nl", "en")
_DUTCH = frozenset(re.findall(r"\w+", "de het een en van niet voor op met bij naar dat die "
                              "wordt worden zijn als ook aan om te er nog wij we je uw of stap "
                              "bel controleer"))
_ENGLISH = frozenset(re.findall(r"\w+", "the and of to for with on that be are if this from by "
                                "an or you your step call check all it as at"))
# Foreign-reading warnings that an import answers itself (it writes id, version and task boxes).
_ANSWERED = ("read as an imported playbook", "no version in the front matter",
             "list items without task boxes", "message block without an id")


@dataclass(frozen=True)
class Note:
    """One thing the import guessed or left out, at ``line`` of the source."""

    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return self.line_in("en")

    def line_in(self, lang: str) -> str:
        """``path:line: note: …`` (Dutch: ``path:line: opmerking: …``)."""
        from runbook_assistant.core.authoring.note_texts import note_in

        label = "opmerking" if lang == "nl" else "note"
        return f"{self.path}:{self.line}: {label}: {note_in(self.text, lang)}"


@dataclass
class Imported:
    """The runbook text, what was guessed, contact entries found, and the text's own check."""

    text: str
    runbook: Runbook
    check: ParseResult
    notes: list[Note] = field(default_factory=list)
    contacts: list[ContactTable] = field(default_factory=list)

    def contacts_yaml(self, source: str) -> str:
        return contacts_yaml(self.contacts, source)

    @property
    def contact_count(self) -> int:
        return sum(len(table.entries) for table in self.contacts)


def contacts_path(out: Path) -> Path:
    """Where an import writes the contact entries it found: ``OUT.contacts.yaml``."""
    return out.with_name(f"{out.stem}.contacts.yaml")


def write_import(imported: Imported, out: Path, source_name: str) -> Path | None:
    """Write the runbook to ``out`` and its contact entries (if any) beside it, each atomically;
    the contacts file written, or None."""
    with atomic_path(out, example="draaiboek.md") as temp:
        temp.write_text(imported.text, encoding="utf-8")
    if not imported.contacts:
        return None
    extra = contacts_path(out)
    with atomic_path(extra, example="contacts.yaml") as temp:
        temp.write_text(imported.contacts_yaml(source_name), encoding="utf-8")
    return extra


def import_file(path: Path, *, runbook_id: str | None = None, lang: str | None = None,
                out_name: str = "imported.md") -> Imported:
    """Convert the file at ``path``; raises ``ImportProblem`` when it cannot be read at all."""
    if runbook_id is not None and not is_slug(runbook_id):
        raise ImportProblem.of("import_not_slug", id=runbook_id,
                               suggestion=slugify(runbook_id) or "mijn-draaiboek")
    if lang is not None and lang not in LANGS:
        raise ImportProblem.of("import_unknown_lang", lang=lang)
    source = str(path)
    if _is_docx(path):
        docx = read_docx(path)
        markdown, where = docx.markdown, docx.paragraph_of_line
        document_title = docx.title
    else:
        markdown, where, document_title = _read_text(path), [], ""
    notes = _Notes(source, where)
    result = parse_text(markdown, source)
    if result.runbook is None:
        first = result.errors[0] if result.errors else None
        raise ImportProblem.of("import_unreadable", name=path.name,
                               why=first.message if first else "not readable",
                               place=f"{source}:{notes.line(first.line if first else 1)}")
    runbook = result.runbook
    if not runbook.foreign:
        return _own_format(markdown, result, out_name, notes)
    if not runbook.steps:
        raise ImportProblem.of("import_no_steps", name=path.name)
    chosen_id = runbook_id or slugify(_stem(path)) or "runbook"
    if runbook_id is None:
        notes.add(1, f"id '{chosen_id}' from the file name (give --id to choose another)")
    if document_title and runbook.title == document_title:
        notes.add(1, f"title '{runbook.title}' from the document's title")
    else:
        notes.add(1, f"title '{runbook.title}'")
    notes.add(1, "version 1")
    chosen_lang = lang or _guess_lang(markdown, runbook.lang, notes)
    for line, text in result.guesses:
        notes.add(line, text)
    for diagnostic in result.diagnostics:
        if not any(answered in diagnostic.message for answered in _ANSWERED):
            notes.add(diagnostic.line, diagnostic.message)
    written = write_runbook(runbook, runbook_id=chosen_id, lang=chosen_lang)
    for line, text in written.dropped:
        notes.add(line, text)
    tables = find_contact_tables(markdown.split("\n"),
                                 [(role.id, role.name) for role in runbook.roles])
    for table in tables:
        notes.add(table.line, f"a contact table: {len(table.entries)} contacts.yaml "
                  "entr" + ("y" if len(table.entries) == 1 else "ies") + " (the table is kept)")
    check = parse_text(written.text, out_name)
    assert check.runbook is not None  # the writer's own output always parses
    return Imported(written.text, check.runbook, check, notes.items, tables)


class _Notes:
    def __init__(self, path: str, paragraph_of_line: list[int]) -> None:
        self.path = path
        self.where = paragraph_of_line
        self.items: list[Note] = []

    def line(self, line: int) -> int:
        """A Markdown line as the source's line (a Word file's paragraph number)."""
        if not self.where:
            return line
        return self.where[min(max(line, 1), len(self.where)) - 1]

    def add(self, line: int, text: str) -> None:
        self.items.append(Note(self.path, self.line(line), text))


def _own_format(markdown: str, result: ParseResult, out_name: str, notes: _Notes) -> Imported:
    if result.errors:
        first = result.errors[0]
        raise ImportProblem.of("import_own_format_errors", place=f"{first.path}:{first.line}",
                               why=first.message)
    notes.add(1, "already in the runbook format: copied unchanged")
    check = parse_text(markdown, out_name)
    assert check.runbook is not None
    return Imported(markdown, check.runbook, check, notes.items, [])


def _is_docx(path: Path) -> bool:
    if path.suffix.lower() in (".docx", ".docm", ".dotx"):
        return True
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"  # a zip: a renamed Word file, say
    except OSError:
        return False


def _read_text(path: Path) -> str:
    try:
        data = read_limited(str(path), MAX_FILE_BYTES)
    except OSError as exc:
        raise ImportProblem.of("import_cannot_read", file=path, why=reason(exc)) from exc
    if len(data) > MAX_FILE_BYTES:
        raise ImportProblem.of("import_too_large", name=path.name, mb=MAX_FILE_BYTES // 2**20)
    if b"\x00" not in data:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    line, message = not_text(data) or (1, "not a text file")
    raise ImportProblem.of("import_not_text", place=f"{path}:{line}", why=message)


def _stem(path: Path) -> str:
    if path.stem.lower() in ("readme", "index", "_index") and path.parent.name:
        return path.parent.name
    return path.stem


def _guess_lang(text: str, default: str, notes: _Notes) -> str:
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    dutch = sum(1 for w in words if w in _DUTCH)
    english = sum(1 for w in words if w in _ENGLISH)
    lang = "nl" if dutch > english else "en" if english > dutch else default
    notes.add(1, f"language '{lang}' guessed ({dutch} common Dutch and {english} common English "
              "words; give --lang to choose)")
    return lang
