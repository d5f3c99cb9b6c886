"""Settings files that work without a network: a bundled YAML file and the user's own beside it.

Shared by the contact book and the municipality settings. A broken file never stops the app: each
problem is a ``FileProblem`` (``file:line: message``) and whatever could be read is used. The YAML
is *composed* (not loaded) so every value keeps its line, and so numbers are taken exactly as
written (YAML would read ``0201234567`` as an octal number).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import Node, ScalarNode

from runbook_assistant.core import paths

_NULL = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class FileProblem:
    """Something wrong in a settings file; the rest of the file is still used."""

    path: str
    line: int
    message: str
    nl: str = ""  # the message in Dutch, where a person reads it in a Dutch app or --lang nl

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    def text(self, lang: str = "en") -> str:
        """``file:line: message`` in ``lang`` (English where no Dutch is given)."""
        message = self.nl if lang == "nl" and self.nl else self.message
        return f"{self.path}:{self.line}: {message}"


def bundled_path(file_name: str) -> Path:
    """The bundled file of that name (in the bundled runbooks folder)."""
    return paths.bundled_runbooks_dir() / file_name


def user_path(file_name: str) -> Path:
    """The user's own file of that name in the user data folder (it may not exist)."""
    return paths.user_data_dir() / file_name


def layered_files(file_name: str, bundled: Path | None = None,
                  user: Path | None = None) -> list[Path]:
    """The files to merge, bundled first, then the user's; only those that exist."""
    bundled = bundled if bundled is not None else bundled_path(file_name)
    if user is None:
        try:
            user = user_path(file_name)
        except OSError:  # no user data folder (read-only home): the bundled file still works
            user = None
    return [p for p in (bundled, user) if p is not None and p.is_file()]


def read_text(path: Path) -> tuple[str, FileProblem | None]:
    """The file's text, or ``""`` and the problem that kept it from being read."""
    try:
        return path.read_text(encoding="utf-8"), None
    except (OSError, UnicodeDecodeError) as exc:
        return "", FileProblem(str(path), 1, f"cannot read the file: {exc}",
                               f"kan het bestand niet lezen: {exc}")


def compose(text: str, path: str) -> tuple[Node | None, FileProblem | None]:
    """The YAML node tree of ``text``, or None and the problem with the line it is on."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader), None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, FileProblem(path, line, f"invalid YAML: {reason}", f"ongeldige YAML: {reason}")


class NodeReader:
    """Reads values from YAML nodes and collects the problems, each with its line."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[FileProblem] = []

    def problem(self, node: Node, message: str, nl: str = "") -> None:
        self.problems.append(FileProblem(self.path, line_of(node), message, nl))

    def text(self, node: Node, what: str) -> str | None:
        """A scalar as stripped text (``""`` for null); None (and a problem) for anything else."""
        if is_null(node):
            return ""
        if not isinstance(node, ScalarNode):
            self.problem(node, f"'{what}' must be text, not a list or mapping",
                         f"'{what}' moet tekst zijn, geen lijst of mapping")
            return None
        return str(node.value).strip()

    def sorted_problems(self) -> tuple[FileProblem, ...]:
        return tuple(sorted(self.problems, key=lambda p: p.line))


def key_name(node: Node) -> str:
    """A mapping key's text (``""`` for a key that is not a scalar)."""
    return str(node.value) if isinstance(node, ScalarNode) else ""


def is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _NULL


def line_of(node: Node) -> int:
    return node.start_mark.line + 1
