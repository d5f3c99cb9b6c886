"""Property tests: any text, and Markdown-ish text built from runbook pieces, gives a result."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runbook_assistant.core.runbook.model import Diagnostic, ParseResult, Runbook
from runbook_assistant.core.runbook.parser import parse_bytes, parse_text

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(result: ParseResult) -> None:
    assert isinstance(result, ParseResult)
    assert result.runbook is None or isinstance(result.runbook, Runbook)
    for diagnostic in result.diagnostics:
        assert isinstance(diagnostic, Diagnostic)
        assert diagnostic.line >= 1
        assert "internal parser problem" not in diagnostic.message, diagnostic.message
    if result.runbook is not None:
        for kind in ("steps", "messages"):
            ids = [item.id for item in getattr(result.runbook, kind)]
            assert len(ids) == len(set(ids)), f"{kind} ids are unique"
        section_ids = [s.id for s in result.runbook.sections]
        assert len(section_ids) == len(set(section_ids))


@FUZZ
@given(st.text())
def test_any_text(text: str) -> None:
    _check(parse_text(text))


@FUZZ
@given(st.binary())
def test_any_bytes(data: bytes) -> None:
    _check(parse_bytes(data, "fuzz.md"))


_words = st.text(alphabet="abcXYZ éö-_{}#.=\"[]()|<>`*:", min_size=0, max_size=12)
_attr = st.sampled_from(["#id", "#x", ".decision", ".four-eyes", ".optional", ".read-do",
                         ".do-confirm", "role=netwerk", "role=", "due=5m", "due=5", "every=0m",
                         "timebox=1h30m", 'title="a b"', "to=netwerk", "channel=web", "x=y",
                         ".", "#", "=", '"'])
_attrs = st.lists(_attr, max_size=4).map(lambda items: "{" + " ".join(items) + "}")
_indent = st.sampled_from(["", "  ", "    ", "\t", "      "])
_piece = st.one_of(
    st.tuples(st.sampled_from(["# ", "## ", "### ", "#### "]), _words, _attrs)
    .map(lambda t: "".join(t)),
    st.tuples(_indent, st.sampled_from(["- [ ] ", "- [x] ", "- ", "1. ", "* ", "+ "]), _words,
              st.one_of(st.just(""), _attrs)).map(lambda t: f"{t[0]}{t[1]}{t[2]} {t[3]}"),
    st.tuples(_indent, _words, st.sampled_from(["(#a)", "(#x)", "(#id)", "(x.md)"]))
    .map(lambda t: f"{t[0]}- [{t[1]}]{t[2]}"),
    st.tuples(_indent, st.sampled_from(["T+00:10 — ", "T+5 - ", "T+1:5 ", "T+99:99:99 – "]),
              _words, st.one_of(st.just(""), _attrs)).map(lambda t: "".join(t)),
    st.tuples(st.sampled_from(["```message ", "```", "~~~message", "```message {"]),
              st.one_of(st.just(""), _attrs)).map(lambda t: "".join(t)),
    st.sampled_from(["---", "...", "", "===", "> quote", "> [!NOTE]", "!!! note", "<div>",
                     "</div>", "| a | b |", "|---|---|", "id: x", "title: X", "version: 1",
                     "kind: exercise", "roles:", "  netwerk: N", "staffing: {netwerk: 0}",
                     "tags: [a, {b: c}]", "{organisatie} {x}", "\t- tab", "    code"]),
    _words,
)


@FUZZ
@given(st.lists(_piece, max_size=40), st.booleans())
def test_markdownish_text(pieces: list[str], with_front_matter: bool) -> None:
    head = "---\nid: fuzz\ntitle: Fuzz\nversion: 1\nroles: {netwerk: N}\n---\n"
    text = (head if with_front_matter else "") + "\n".join(pieces)
    _check(parse_text(text))


