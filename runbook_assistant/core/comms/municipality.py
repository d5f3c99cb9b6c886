"""The municipality's own settings: its name, information number, website, who signs and who leads.

The bundled ``runbooks/municipality.yaml`` holds fictional defaults; the user's own
``municipality.yaml`` in the user data folder (beside ``contacts.yaml``) overrides the fields it
gives, a person's fields one by one. Message templates use these as placeholders
(``{gemeente}``, ``{informatienummer}`` …) so no template carries one municipality's number.
A broken file never stops the app: its problems are ``file:line: message`` and the rest is used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from yaml.nodes import MappingNode, Node

from runbook_assistant.core.comms.settings_files import (
    FileProblem,
    NodeReader,
    bundled_path,
    compose,
    is_null,
    key_name,
    layered_files,
    read_text,
    user_path,
)

FILE_NAME = "municipality.yaml"
PERSON_KEYS = ("name", "title")


@dataclass(frozen=True)
class Person:
    """Someone the municipality's texts name: ``title`` is the office (``Wethouder ICT``)."""

    name: str = ""
    title: str = ""

    def signature(self) -> str:
        """Name and office on two lines, as under a letter."""
        return "\n".join(p for p in (self.name, self.title) if p)


@dataclass(frozen=True)
class Municipality:
    """The settings of one municipality; empty text where nothing is set."""

    name: str = ""
    information_number: str = ""
    website: str = ""
    email: str = ""
    address: str = ""
    time_zone: str = "Europe/Amsterdam"
    portfolio_holder: Person = field(default_factory=Person)
    mayor: Person = field(default_factory=Person)
    council_clerk: Person = field(default_factory=Person)
    problems: tuple[FileProblem, ...] = ()
    files: tuple[str, ...] = ()

    def tz(self) -> tzinfo | None:
        """The time zone for dates in letters and messages (None if this computer lacks it)."""
        try:
            return ZoneInfo(self.time_zone) if self.time_zone else None
        except (ZoneInfoNotFoundError, ValueError):
            return None

    def to_dict(self) -> dict[str, object]:
        """The settings as plain data (without problems and files)."""
        out: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Person):
                out[f.name] = {"name": value.name, "title": value.title}
            elif f.name not in ("problems", "files"):
                out[f.name] = value
        return out

    def placeholder_values(self) -> dict[str, str]:
        """The values message templates can use, by canonical placeholder name (empty left out)."""
        values = {
            "municipality": self.name,
            "information_number": self.information_number,
            "website": self.website,
            "municipality_email": self.email,
            "address": self.address,
            "mayor": self.mayor.name,
            "portfolio_holder": self.portfolio_holder.name,
            "portfolio_holder_title": self.portfolio_holder.title,
            "council_clerk": self.council_clerk.name,
        }
        return {k: v for k, v in values.items() if v}


TEXT_KEYS = ("name", "information_number", "website", "email", "address", "time_zone")
PEOPLE_KEYS = ("portfolio_holder", "mayor", "council_clerk")
KEYS = (*TEXT_KEYS, *PEOPLE_KEYS)


def bundled_municipality_path() -> Path:
    return bundled_path(FILE_NAME)


def user_municipality_path() -> Path:
    """The user's own municipality file (it may not exist)."""
    return user_path(FILE_NAME)


def load_municipality(bundled: Path | None = None, user: Path | None = None) -> Municipality:
    """The bundled settings with the user's on top (defaults: the usual two files)."""
    files = layered_files(FILE_NAME, bundled, user)
    return merge([read_municipality_file(p) for p in files], files=[str(p) for p in files])


def merge(read: Sequence[Municipality], *, files: Sequence[str] = ()) -> Municipality:
    """Later files override the fields they set; a person's name and office separately."""
    result = Municipality(time_zone="")
    problems: list[FileProblem] = []
    for one in read:
        problems.extend(one.problems)
        changes: dict[str, object] = {k: getattr(one, k) for k in TEXT_KEYS if getattr(one, k)}
        for key in PEOPLE_KEYS:
            earlier, later = getattr(result, key), getattr(one, key)
            changes[key] = Person(later.name or earlier.name, later.title or earlier.title)
        result = replace(result, **changes)  # type: ignore[arg-type]
    return replace(result, time_zone=result.time_zone or Municipality.time_zone,
                   problems=tuple(problems), files=tuple(files))


def read_municipality_file(path: Path) -> Municipality:
    """Read one municipality file; problems are reported, never raised."""
    text, problem = read_text(path)
    if problem is not None:
        return Municipality(time_zone="", problems=(problem,))
    return parse_municipality(text, str(path))


def parse_municipality(text: str, path: str = "<text>") -> Municipality:
    """Settings from YAML text: a mapping of the keys in ``KEYS``; unset fields stay empty."""
    root, problem = compose(text, path)
    if problem is not None:
        return Municipality(time_zone="", problems=(problem,))
    reader = NodeReader(path)
    values: dict[str, object] = {"time_zone": ""}
    if root is not None and not is_null(root):
        if not isinstance(root, MappingNode):
            reader.problem(root, "expected a mapping ('name: Gemeente …', 'website: …')",
                           "verwacht een mapping ('name: Gemeente …', 'website: …')")
        else:
            seen: set[str] = set()
            for key, value in root.value:
                name = key_name(key)
                if name in seen:
                    reader.problem(key, f"'{name}' is given twice; the last one counts",
                                   f"'{name}' staat er twee keer in; de laatste telt")
                seen.add(name)
                _read_key(reader, name, key, value, values)
    return replace(Municipality(), **values, problems=reader.sorted_problems())  # type: ignore[arg-type]


def _read_key(reader: NodeReader, name: str, key: Node, value: Node,
              values: dict[str, object]) -> None:
    if name in TEXT_KEYS:
        text = reader.text(value, name)
        if text is not None and name == "time_zone" and text and not _known_zone(text):
            reader.problem(value, f"unknown time zone '{text}' (e.g. Europe/Amsterdam)",
                           f"onbekende tijdzone '{text}' (bijv. Europe/Amsterdam)")
        elif text is not None:
            values[name] = text
    elif name in PEOPLE_KEYS:
        person = _person(reader, name, value)
        if person is not None:
            values[name] = person
    else:
        reader.problem(key, f"unknown key '{name}' (known: {', '.join(KEYS)})",
                       f"onbekende sleutel '{name}' (bekend: {', '.join(KEYS)})")


def _person(reader: NodeReader, what: str, node: Node) -> Person | None:
    if is_null(node):
        return Person()
    if not isinstance(node, MappingNode):
        reader.problem(node, f"'{what}' must be a mapping with 'name' and 'title'",
                       f"'{what}' moet een mapping zijn met 'name' en 'title'")
        return None
    given: dict[str, str] = {}
    for key, value in node.value:
        name = key_name(key)
        if name not in PERSON_KEYS:
            reader.problem(key, f"unknown key '{name}' in '{what}' (known: name, title)",
                           f"onbekende sleutel '{name}' in '{what}' (bekend: name, title)")
            continue
        text = reader.text(value, f"{what}.{name}")
        if text is not None:
            given[name] = text
    return Person(**given)


def _known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except ZoneInfoNotFoundError:
        # A computer without a time-zone database cannot judge; do not call a good name wrong.
        return not _has_zone_data()
    except ValueError:
        return False
    return True


def _has_zone_data() -> bool:
    try:
        ZoneInfo("UTC")
    except ZoneInfoNotFoundError:
        return False
    return True
