"""Finding the front matter block and loading it: YAML between ``---`` lines (the format's own),
or TOML between ``+++`` lines (Hugo's, so that its pages import with their titles and tags).

Loading never raises: a block that cannot be read gives one error with the file line of the
problem and, where a common slip explains it, what to write instead.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

import yaml

from runbook_assistant.core.runbook.diagnostics import Findings

# libyaml when present: several times faster, and front matter is parsed for every file.
_BASE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_TOML_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)\s*$")
_YAML_TOP_KEY = re.compile(r"""["']?([^\s#:"'][^:"']*?)["']?\s*:(?:\s|$)""")
_TOML_TOP_KEY = re.compile(r"""\s*["']?([A-Za-z0-9_.-]+)["']?\s*=""")
_TOML_TABLE = re.compile(r"""\s*\[\[?\s*["']?([A-Za-z0-9_-]+)""")
_COLON_VALUE = re.compile(r"""(\s*[^\s#:"'][^:"']*?:[ \t]+)([^"'\s].*:\s.*)$""")


@dataclass(frozen=True)
class FrontMatterBlock:
    """Where the front matter is: file lines ``first``..``last`` (1-based, the fence lines)."""

    first: int
    last: int
    text: str
    closed: bool = True
    syntax: str = "yaml"  # or "toml"

    def key_lines(self) -> dict[str, int]:
        """File line of each top-level key, found in the text (loading keeps no positions)."""
        found: dict[str, int] = {}
        pattern = _YAML_TOP_KEY if self.syntax == "yaml" else _TOML_TOP_KEY
        in_table = False
        for index, line in enumerate(self.text.split("\n")):
            table = _TOML_TABLE.match(line) if self.syntax == "toml" else None
            if table:  # [params]: a top-level key; the keys below it are the table's
                in_table = True
                found.setdefault(table.group(1), self.first + 1 + index)
                continue
            match = None if in_table else pattern.match(line)
            if match:
                found.setdefault(match.group(1).strip(), self.first + 1 + index)
        return found


class _Loader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader, noting keys written twice (YAML keeps the last one without a word)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.repeated: list[tuple[str, int, int]] = []  # (key, 0-based line, first line)

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value != "<<":
                    line = key_node.start_mark.line
                    first = seen.setdefault(key_node.value, line)
                    if first != line:
                        self.repeated.append((key_node.value, line, first))
        return super().construct_mapping(node, deep)


def find_front_matter(lines: list[str]) -> FrontMatterBlock | None:
    """The front matter at the top of ``lines``: ``---`` YAML ``---`` (or ``...``), or ``+++``
    TOML ``+++``."""
    if not lines or lines[0].rstrip() not in _FENCES:
        return None
    opening = lines[0].rstrip()
    syntax = "yaml" if opening == "---" else "toml"
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _FENCES[opening]:
            return FrontMatterBlock(1, index + 1, "\n".join(lines[1:index]), syntax=syntax)
    first = next((line for line in lines[1:] if line.strip()), "")
    pattern = _YAML_TOP_KEY if syntax == "yaml" else _TOML_TOP_KEY
    if not pattern.match(first) or first.startswith("#"):
        return None  # a thematic break above a Markdown text, not front matter left open
    return FrontMatterBlock(1, len(lines), "\n".join(lines[1:]), closed=False, syntax=syntax)


def load_front_matter(block: FrontMatterBlock, findings: Findings) -> dict[Any, Any] | None:
    """The front matter as a mapping; None (and an error) when it cannot be read or is not one."""
    if not block.closed:
        fence = "---" if block.syntax == "yaml" else "+++"
        findings.error(block.first, "the front matter that starts here is never closed: "
                       f"add a line '{fence}' after the last key")
        return None
    data = _load_toml(block, findings) if block.syntax == "toml" else _load_yaml(block, findings)
    if data is None or isinstance(data, dict):
        return data
    findings.error(block.first, "the front matter must be a mapping of keys (id: ..., "
                   f"title: ...), not {'a list' if isinstance(data, list) else repr(data)[:60]}")
    return None


def _load_toml(block: FrontMatterBlock, findings: Findings) -> dict[str, Any] | None:
    try:
        return tomllib.loads(block.text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = _TOML_LINE.search(message)
        line = block.first + int(where.group(1)) if where else block.first
        findings.error(line, f"invalid TOML in the front matter: {_TOML_LINE.sub('', message)}")
        return None


def _load_yaml(block: FrontMatterBlock, findings: Findings) -> Any:
    loader = _Loader(block.text)
    try:
        data = loader.get_single_data()  # a safe loader: plain data only
    except yaml.MarkedYAMLError as exc:
        _yaml_error(block, exc, findings)
        return None
    except yaml.YAMLError as exc:
        findings.error(block.first, f"invalid YAML in the front matter: {exc}")
        return None
    except RecursionError:
        findings.error(block.first, "the front matter is nested too deeply to read")
        return None
    finally:
        loader.dispose()
    for key, line, first in loader.repeated:
        findings.warning(block.first + 1 + line, f"the key '{key}' is written twice in the "
                         f"front matter (also on line {block.first + 1 + first}): the last one "
                         "counts; remove the other")
    return {} if data is None else data


def _yaml_error(block: FrontMatterBlock, exc: yaml.MarkedYAMLError, findings: Findings) -> None:
    mark = exc.problem_mark or exc.context_mark
    line = block.first + 1 + (mark.line if mark is not None else 0)
    problem = exc.problem or exc.context or "unreadable"
    text_lines = block.text.split("\n")
    written = text_lines[mark.line] if mark is not None and mark.line < len(text_lines) else ""
    if "\t" in written:
        findings.error(line, "invalid YAML in the front matter: this line holds a tab "
                       "(YAML is indented with spaces, not tabs)")
        return
    if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in problem:
        findings.error(line, f"invalid YAML in the front matter: {problem} (front matter "
                       "holds plain text, numbers, lists and mappings only)")
        return
    colon = _COLON_VALUE.match(written)
    if problem.startswith("mapping values are not allowed") and colon:
        value = colon.group(2).rstrip().replace("\\", "\\\\").replace('"', '\\"')
        findings.error(line, "invalid YAML in the front matter: a value holding ': ' must be "
                       f"in quotes: {colon.group(1).strip()} \"{value}\"")
        return
    if exc.problem and exc.context and exc.context_mark is not None:
        start = block.first + 1 + exc.context_mark.line
        problem += f" {exc.context} that starts on line {start}"
    findings.error(line, f"invalid YAML in the front matter: {problem} "
                   "(check indentation and quoting; indent with spaces, not tabs)")
