"""Whatever the input, the parser gives a result: never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from runbook_assistant.core.runbook import parser
from runbook_assistant.core.runbook.model import Diagnostic, ParseResult, Runbook, Severity
from runbook_assistant.core.runbook.parser import parse_bytes, parse_file, parse_text

OWN = "---\nid: x\ntitle: X\nversion: 1\n---\n"


def _sane(result: ParseResult) -> None:
    assert isinstance(result, ParseResult)
    assert result.runbook is None or isinstance(result.runbook, Runbook)
    assert all(isinstance(d, Diagnostic) and d.line >= 1 for d in result.diagnostics)
    assert not any("internal parser problem" in d.message for d in result.diagnostics)


def test_empty_file() -> None:
    result = parse_text("", "leeg.md")
    _sane(result)
    assert result.runbook.id == "leeg"
    assert result.errors == ()  # a foreign file: warnings only


def test_binary_file() -> None:
    result = parse_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "plaatje.md")
    assert result.runbook is None
    (diagnostic,) = result.diagnostics
    assert str(diagnostic) == "plaatje.md:3: error: not a text file (NUL byte at byte 8)"


def test_invalid_utf8_names_the_byte_and_line() -> None:
    result = parse_bytes("# Titel\n\nCoördinator\n".encode("latin-1"), "latin1.md")
    assert result.runbook is None
    assert str(result.diagnostics[0]).startswith(
        "latin1.md:3: error: not a text file (invalid UTF-8 at byte 11)")


def test_invalid_utf8_after_a_bom_counts_file_bytes() -> None:
    result = parse_bytes(b"\xef\xbb\xbfab\xff", "bom.md")
    assert "invalid UTF-8 at byte 5" in result.diagnostics[0].message


def test_unreadable_file(tmp_path: Path) -> None:
    missing = parse_file(tmp_path / "weg.md")
    folder = parse_file(tmp_path)
    for result in (missing, folder):
        assert result.runbook is None
        assert result.diagnostics[0].severity is Severity.ERROR
        assert result.diagnostics[0].message.startswith("cannot read the file")


def test_oversized_file_is_refused_without_reading_it_all(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parser, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "groot.md"
    path.write_bytes(b"a" * 1001)
    result = parse_file(os.fspath(path))
    assert result.runbook is None
    assert "larger than" in result.diagnostics[0].message


def test_300_kb_file() -> None:
    sections = "".join(f"## Sectie {i}\n\n" + "".join(
        f"- [ ] Stap {j} van sectie {i} {{due=5m}}\n  Details van de stap.\n" for j in range(9))
        for i in range(700))
    text = OWN + "# Groot\n\n" + sections
    assert len(text.encode()) > 300_000
    result = parse_text(text)
    _sane(result)
    assert result.ok
    assert len(result.runbook.steps) == 6300


def test_lists_nested_fourteen_deep() -> None:
    nested = "".join("  " * depth + f"- [ ] niveau {depth}\n" for depth in range(14))
    result = parse_text(OWN + "## Diep\n\n" + nested)
    _sane(result)
    (step,) = result.runbook.steps
    assert step.title == "niveau 0"
    assert step.details.splitlines()[-1] == "  " * 12 + "- [ ] niveau 13"  # dedented by 2


def test_deeper_nesting_than_markdown_it_allows() -> None:
    nested = "".join("  " * depth + "- x\n" for depth in range(300)) + ">" * 500 + " quote\n"
    _sane(parse_text(nested))


def test_only_front_matter() -> None:
    result = parse_text(OWN)
    _sane(result)
    assert result.runbook.id == "x"
    assert [d.message for d in result.errors] == [
        "the runbook has no steps: add a ## section with task items ('- [ ] what to do')"]


@pytest.mark.parametrize("text", [
    "---\nid: x\ntitle: X\n",  # unterminated
    "---\n- a\n- b\n---\n",  # a list
    "---\nid: x\nroles:\n\tnetwerk: N\n---\n",  # a tab
    "---\nid: x\ntitle: 'open\n---\n",  # an open quote
    "---\nplain scalar\n---\n",
])
def test_unusable_front_matter(text: str) -> None:
    result = parse_text(text)
    _sane(result)
    assert result.runbook is None
    assert len(result.errors) == 1


@pytest.mark.parametrize("yaml", [
    "id: 2024-01-01\ntitle: 2024-01-01\nversion: 1",  # dates
    "id: x\ntitle: &t Titel\nsummary: *t\nversion: 1",  # anchors
    "id: x\ntitle: X\nversion: 99999999999999999999999999999",  # a huge int
    "id: [a, b]\ntitle: X\nversion: 1",  # a list as id
    "id: {a: b}\ntitle: [x]\nversion: 1.5\nlang: 3\ntags: {a: b}\nservices: 7",
    "id: x\ntitle: X\nversion: 1\nroles: &r {a: *r}\nstaffing: &s [*s]",  # self-reference
    "id: x\ntitle: X\nversion: true\nstaffing: {netwerk: true}\nroles: {1: 2, null: ~}",
    "id: x\ntitle: X\nversion: 1\n" + "".join(  # a "billion laughs" of aliases
        f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9) if i else 'lol'}]\n" for i in range(9)),
    "? [complex, key]\n: value",
])
def test_weird_yaml(yaml: str) -> None:
    result = parse_text(f"---\n{yaml}\n---\n## S\n\n- [ ] a\n")
    _sane(result)


def test_weird_yaml_values_become_text_or_errors() -> None:
    result = parse_text("---\nid: 2024-01-01\ntitle: 2024-01-01\nversion: 1\n---\n## S\n- [ ] a\n")
    assert (result.runbook.id, result.runbook.title) == ("2024-01-01", "2024-01-01")
    huge = parse_text(f"---\nid: x\ntitle: X\nversion: {10**30}\n---\n## S\n- [ ] a\n")
    assert huge.runbook.version == 1
    assert "version must be a whole number" in huge.errors[0].message
    listed = parse_text("---\nid: [a, b]\ntitle: X\nversion: 1\n---\n## S\n- [ ] a\n", "f.md")
    assert listed.runbook.id == "f"
    assert listed.errors[0].message == "the id must be text, not a list"


def test_an_internal_bug_becomes_a_diagnostic(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(parser, "read_body", broken)
    result = parse_text(OWN + "## S\n- [ ] a\n", "bug.md")
    assert result.runbook is None
    assert str(result.diagnostics[0]) == ("bug.md:1: error: internal parser problem: "
                                          "RecursionError: maximum recursion depth exceeded")


@pytest.mark.parametrize("text", [
    "\ufeff" + OWN + "## S\n- [ ] a\n",
    OWN.replace("\n", "\r") + "## S\r- [ ] a\r",
    OWN + "## S\n- [ ] a\x00b\n",
    OWN + "## S\n- [ ] a\u2028b\x0c\n",
    OWN + "## S\n- [ ] \ud800 lone surrogate\n",
    OWN + "## S {\n- [ ] {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{}}}}}}}}}}}}}}}}}}}}}}}}}\n",
    OWN + "## S\n- [ ] a {.decision}\n  - [](#)\n  - [x](#s)\n",
    OWN + "```message\nunclosed fence\n",
    OWN + "- [ ]\n- [x]\n-\n",
])
def test_odd_text(text: str) -> None:
    _sane(parse_text(text))
