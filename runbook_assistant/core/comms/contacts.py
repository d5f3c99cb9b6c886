"""Contacts: who to call for each role, from ``contacts.yaml`` files that work without a network.

The bundled ``runbooks/contacts.yaml`` is merged with the user's own ``contacts.yaml`` in the user
data folder: a user entry with the same name (case-insensitive) overrides the fields it gives and
adds its roles; other user entries are added, and the user's entries are listed first. Reading,
line numbers and problems are those of every settings file (``settings_files``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from runbook_assistant.core.comms.settings_files import (
    FileProblem,
    NodeReader,
    bundled_path,
    compose,
    is_null,
    key_name,
    layered_files,
    line_of,
    read_text,
    user_path,
)

FILE_NAME = "contacts.yaml"
TEXT_FIELDS = ("organisation", "phone", "alternate_phone", "email", "notes")
FIELDS = ("name", "roles", *TEXT_FIELDS, "on_call")
TOP_KEYS = ("organisation", "contacts")
_BOOL = "tag:yaml.org,2002:bool"


@dataclass(frozen=True)
class Contact:
    """One person or desk to call. ``on_call``: the first to call for their roles."""

    name: str
    roles: tuple[str, ...] = ()
    organisation: str = ""
    phone: str = ""
    alternate_phone: str = ""
    email: str = ""
    notes: str = ""
    on_call: bool = False
    source: str = ""  # "file:line" it was read from (the user's file when it overrides)

    @property
    def numbers(self) -> tuple[str, ...]:
        """The phone numbers, primary first, without empty ones."""
        return tuple(n for n in (self.phone, self.alternate_phone) if n)

    def has_role(self, role: str) -> bool:
        wanted = role.strip().casefold()
        return any(r.casefold() == wanted for r in self.roles)

    def to_dict(self) -> dict[str, object]:
        """The contact's fields as plain data (``contacts --json``)."""
        return {"name": self.name, "roles": list(self.roles), "organisation": self.organisation,
                "phone": self.phone, "alternate_phone": self.alternate_phone,
                "email": self.email, "notes": self.notes, "on_call": self.on_call}


ContactProblem = FileProblem  # a problem in a contacts file: ``file:line: message``


@dataclass(frozen=True)
class ContactFile:
    """What one contacts file gave."""

    organisation: str = ""
    contacts: tuple[Contact, ...] = ()
    problems: tuple[ContactProblem, ...] = ()
    given: tuple[frozenset[str], ...] = ()  # per contact: the keys its entry wrote


@dataclass(frozen=True)
class ContactBook:
    """The merged contacts (bundled, then the user's), the organisation name and any problems."""

    contacts: tuple[Contact, ...] = ()
    organisation: str = ""
    problems: tuple[ContactProblem, ...] = ()
    files: tuple[str, ...] = field(default=())

    def for_role(self, role: str) -> list[Contact]:
        """The contacts holding ``role`` (case-insensitive), on-call first, else in file order."""
        found = [c for c in self.contacts if c.has_role(role)]
        return sorted(found, key=lambda c: not c.on_call)

    def by_name(self, name: str) -> Contact | None:
        wanted = _key(name)
        return next((c for c in self.contacts if _key(c.name) == wanted), None)

    def roles(self) -> list[str]:
        """Every role id named in the contacts, in order of first appearance."""
        return list(dict.fromkeys(r for c in self.contacts for r in c.roles))

    def search(self, text: str) -> list[Contact]:
        """Contacts whose name, roles, organisation, numbers, e-mail or notes contain ``text``."""
        wanted = text.strip().casefold()
        if not wanted:
            return list(self.contacts)
        return [c for c in self.contacts if wanted in _haystack(c)]


@dataclass(frozen=True)
class DirectoryRow:
    """One line of "who fills each role": someone taking part in the run, or a contact to call.

    ``present``: takes part in the run in this role. ``contact``: their entry in the contacts (for
    a participant: the contact with the same name, if any).
    """

    role: str
    role_name: str
    name: str
    present: bool = False
    contact: Contact | None = None

    @property
    def numbers(self) -> tuple[str, ...]:
        return self.contact.numbers if self.contact is not None else ()


def role_directory(book: ContactBook, roles: Sequence[tuple[str, str]],
                   participants: Iterable[tuple[str, Sequence[str]]]) -> list[DirectoryRow]:
    """Per role (the runbook's ``(id, name)`` first, then other roles in the contacts): the
    people taking part in that role, then the contacts for it (on-call first); finally people
    taking part without a role (role ``""``). A role with nobody gets one row with no name."""
    people = [(name, tuple(held)) for name, held in participants]
    names = dict(roles)
    order = [*names, *(r for r in book.roles() if r.casefold() not in
                       {n.casefold() for n in names})]
    rows: list[DirectoryRow] = []
    for role in order:
        shown: set[str] = set()
        for name, held in people:
            if any(h.casefold() == role.casefold() for h in held):
                rows.append(DirectoryRow(role, names.get(role, role), name, True,
                                         book.by_name(name)))
                shown.add(_key(name))
        for contact in book.for_role(role):
            if _key(contact.name) not in shown:
                shown.add(_key(contact.name))
                rows.append(DirectoryRow(role, names.get(role, role), contact.name, False,
                                         contact))
        if not shown:  # a role nobody fills is worth seeing too
            rows.append(DirectoryRow(role, names.get(role, role), ""))
    for name, held in people:
        if not held:
            rows.append(DirectoryRow("", "", name, True, book.by_name(name)))
    return rows


def bundled_contacts_path() -> Path:
    return bundled_path(FILE_NAME)


def user_contacts_path() -> Path:
    """The user's own contacts file (it may not exist)."""
    return user_path(FILE_NAME)


def load_contacts(bundled: Path | None = None, user: Path | None = None) -> ContactBook:
    """The bundled contacts merged with the user's (defaults: the usual two files)."""
    files = layered_files(FILE_NAME, bundled, user)
    read = [read_contacts_file(p) for p in files]
    return merge(read, files=[str(p) for p in files])


def contacts_for_role(role: str, book: ContactBook | None = None) -> list[Contact]:
    """Who to call for ``role``, on-call first (from ``book`` or the default files)."""
    return (book or load_contacts()).for_role(role)


def merge(read: Sequence[ContactFile], *, files: Iterable[str] = ()) -> ContactBook:
    """Later files override earlier ones per contact name; roles are added, not replaced.

    Entries written in a later file come first (the user's own people before the bundled ones),
    each file's in its own order.
    """
    by_name: dict[str, tuple[int, int, Contact]] = {}  # key -> (file, position, contact)
    organisation = ""
    problems: list[ContactProblem] = []
    for number, one in enumerate(read):
        organisation = one.organisation or organisation
        problems.extend(one.problems)
        given = one.given or tuple(frozenset(FIELDS) for _ in one.contacts)
        for position, (contact, keys) in enumerate(zip(one.contacts, given, strict=True)):
            earlier = by_name.get(_key(contact.name))
            merged = _override(earlier[2], contact, keys) if earlier else contact
            by_name[_key(contact.name)] = (number, position, merged)
    ordered = sorted(by_name.values(), key=lambda item: (-item[0], item[1]))
    return ContactBook(tuple(c for _, _, c in ordered), organisation, tuple(problems),
                       tuple(files))


def _override(earlier: Contact, later: Contact, keys: frozenset[str]) -> Contact:
    # Only the fields the later entry writes change: a user who corrects one phone number need
    # not repeat the rest. Roles add up, so a user can give a bundled contact an extra role.
    changes: dict[str, object] = {f: getattr(later, f) for f in (*TEXT_FIELDS, "on_call")
                                  if f in keys}
    roles = tuple(dict.fromkeys((*earlier.roles, *later.roles)))
    return replace(earlier, **changes, name=later.name, roles=roles, source=later.source)


def read_contacts_file(path: Path) -> ContactFile:
    """Read one contacts file; problems are reported, never raised."""
    text, problem = read_text(path)
    if problem is not None:
        return ContactFile(problems=(problem,))
    return parse_contacts(text, str(path))


def parse_contacts(text: str, path: str = "<text>") -> ContactFile:
    """Contacts from YAML text: a mapping with ``organisation`` and a ``contacts`` list."""
    root, problem = compose(text, path)
    if problem is not None:
        return ContactFile(problems=(problem,))
    reader = _Reader(path)
    if root is None or is_null(root):
        return ContactFile()
    entries: Node | None = None
    organisation = ""
    if isinstance(root, SequenceNode):
        entries = root  # a bare list of contacts is fine too
    elif isinstance(root, MappingNode):
        for key, value in root.value:
            name = key_name(key)
            if name == "organisation":
                organisation = reader.text(value, "organisation")
            elif name == "contacts":
                entries = value
            else:
                reader.problem(key, f"unknown key '{name}' (known: {', '.join(TOP_KEYS)})",
                               f"onbekende sleutel '{name}' (bekend: {', '.join(TOP_KEYS)})")
    else:
        reader.problem(root, "expected a mapping with 'organisation' and 'contacts'",
                       "verwacht een mapping met 'organisation' en 'contacts'")
    contacts: list[Contact] = []
    given: list[frozenset[str]] = []
    if entries is not None and not is_null(entries):
        if not isinstance(entries, SequenceNode):
            reader.problem(entries, "'contacts' must be a list of entries ('- name: ...')",
                           "'contacts' moet een lijst van vermeldingen zijn ('- name: ...')")
        else:
            seen: dict[str, int] = {}
            for node in entries.value:
                read = reader.contact(node)
                if read is None:
                    continue
                contact, keys = read
                first = seen.get(_key(contact.name))
                if first is not None:
                    reader.problem(node, f"contact '{contact.name}' is listed twice "
                                         f"(first at line {first}); this entry is ignored",
                                   f"contact '{contact.name}' staat er twee keer in (eerst op "
                                   f"regel {first}); deze vermelding wordt overgeslagen")
                    continue
                seen[_key(contact.name)] = line_of(node)
                contacts.append(contact)
                given.append(keys)
    return ContactFile(organisation, tuple(contacts), reader.sorted_problems(), tuple(given))


class _Reader(NodeReader):
    """Reads contact entries from YAML nodes."""

    def contact(self, node: Node) -> tuple[Contact, frozenset[str]] | None:
        if not isinstance(node, MappingNode):
            self.problem(node, "a contact must be a mapping ('name: ...', 'phone: ...')",
                         "een contact moet een mapping zijn ('name: ...', 'phone: ...')")
            return None
        values: dict[str, object] = {}
        for key, value in node.value:
            name = key_name(key)
            if name in values:
                self.problem(key, f"'{name}' is given twice in this entry; the last one counts",
                             f"'{name}' staat twee keer in deze vermelding; de laatste telt")
            if name not in FIELDS:
                self.problem(key, f"unknown key '{name}' (known: {', '.join(FIELDS)})",
                             f"onbekende sleutel '{name}' (bekend: {', '.join(FIELDS)})")
            elif name == "roles":
                values["roles"] = self.roles(value)
            elif name == "on_call":
                values["on_call"] = self.flag(value)
            else:
                values[name] = self.text(value, name)
        if "name" in values and values["name"] is None:
            return None  # a name of the wrong type was reported already
        name = str(values.pop("name", "") or "").strip()
        if not name:
            self.problem(node, "contact without a name; this entry is ignored",
                         "contact zonder naam; deze vermelding wordt overgeslagen")
            return None
        good = {k: v for k, v in values.items() if v is not None}  # wrong types were reported
        contact = Contact(name=name, source=f"{self.path}:{line_of(node)}", **good)  # type: ignore[arg-type]
        return contact, frozenset(("name", *good))

    def roles(self, node: Node) -> tuple[str, ...] | None:
        if is_null(node):
            return ()
        if isinstance(node, ScalarNode):
            return (str(node.value).strip(),) if str(node.value).strip() else ()
        if not isinstance(node, SequenceNode) or not all(
                isinstance(item, ScalarNode) for item in node.value):
            self.problem(node, "'roles' must be a list of role ids, e.g. [incident-lead, kcc]",
                         "'roles' moet een lijst van rol-id's zijn, bijv. [incident-lead, kcc]")
            return None
        return tuple(str(item.value).strip() for item in node.value if str(item.value).strip())

    def flag(self, node: Node) -> bool | None:
        if isinstance(node, ScalarNode) and node.tag == _BOOL:
            return str(node.value).lower() in ("true", "yes", "on", "y")
        if is_null(node):
            return False
        self.problem(node, "'on_call' must be true or false", "'on_call' moet true of false zijn")
        return None


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _haystack(contact: Contact) -> str:
    parts = (contact.name, *contact.roles, contact.organisation, contact.phone,
             contact.alternate_phone, contact.email, contact.notes)
    return " ".join(parts).casefold()
