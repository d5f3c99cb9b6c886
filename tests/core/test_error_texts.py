"""The core's refusals in Dutch and English: one catalogue, every code in both languages with the
same placeholders, and the engine's refusals carry their code."""

from __future__ import annotations

import re
import string

import pytest

from runbook_assistant.core import error_texts
from runbook_assistant.core.errors import CommandError, RunbookAssistantError


def fields(text: str | None) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text or "") if name}


@pytest.mark.parametrize("code", sorted(error_texts.TEXTS))
def test_every_code_has_dutch_and_english(code: str) -> None:
    texts = error_texts.TEXTS[code]
    assert set(texts) == {"nl", "en"}
    (en, en_hint), (nl, nl_hint) = texts["en"], texts["nl"]
    assert en and nl and (en_hint is None) == (nl_hint is None)
    nl_names = {n.removesuffix("_nl") for n in fields(nl) | fields(nl_hint)}
    assert nl_names == fields(en) | fields(en_hint), code
    assert nl != en


def test_an_error_with_a_code_speaks_both_languages() -> None:
    error = CommandError.of("verifier_is_performer", actor="Anna")
    assert error.message == "the verifier must be someone other than the performer (Anna)"
    assert error.text("nl") == "de controleur moet iemand anders zijn dan de uitvoerder (Anna)"
    assert error.hint_text("nl") == "vier ogen: de een voert uit, de ander controleert"
    assert error.code == "verifier_is_performer" and error.params == {"actor": "Anna"}


def test_an_error_without_a_code_stays_as_written() -> None:
    plain = RunbookAssistantError("cannot write x", "free some space")
    assert plain.text("nl") == "cannot write x" and plain.hint_text("nl") == "free some space"


def test_the_engine_raises_no_uncoded_command_errors() -> None:
    """The engine's step and run refusals come from the catalogue (none written in place)."""
    from pathlib import Path

    core = Path(error_texts.__file__).parent
    for module in ("run/command_checks.py",):
        source = (core / module).read_text(encoding="utf-8")
        assert not re.search(r"CommandError\(", source), module
