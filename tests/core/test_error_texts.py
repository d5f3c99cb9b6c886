"""The core's refusals in Dutch and English: one catalogue, every code in both languages with the
same placeholders, and the engine's refusals carry their code."""

from __future__ import annotations

import ast
import builtins
import string
from pathlib import Path

import pytest

from runbook_assistant.core import error_texts
from runbook_assistant.core.errors import (
    CommandError,
    ExportError,
    RunbookAssistantError,
    SyncError,
)


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


# Built-in exceptions the core may raise with English words: none of them reaches a person as it
# is. (module, exception) -> why.
PLAIN_ALLOWED = {
    ("runbook/gates.py", "ValueError"): "the parser turns it into a file:line diagnostic",
    ("runbook/durations.py", "ValueError"): "the parser turns it into a file:line diagnostic",
    ("runbook/attrs.py", "ValueError"): "the parser turns it into a file:line diagnostic",
    ("log/clock.py", "ValueError"): "a malformed clock value; verify reports it as a finding",
    ("log/witness.py", "ValueError"): "caught by its callers, which raise a coded refusal",
    ("log/chain.py", "TypeError"): "a programming error (seq not an int)",
    ("log/chain.py", "ValueError"): "an unknown event kind or a payload that is not an object; "
                                    "the store turns it into its damaged-file error, verify "
                                    "reports it as a finding",
    ("log/store_writer.py", "TypeError"): "a programming error (a payload that is not a dict)",
    ("log/verify_sources.py", "TypeError"): "caught at once and turned into a coded VerifyError",
    ("library/pool.py", "EOFError"): "a worker process stopped; the scan falls back in-process",
    ("child.py", "EOFError"): "a child process stopped mid-message; its callers fall back "
                              "in-process",
    ("run/fold.py", "ValueError"): "a programming error (events out of fold order)",
    ("run/timeline.py", "ValueError"): "a programming error (stored rows the store did not "
                                       "check)",
    ("run/kinds/__init__.py", "RuntimeError"): "an undeclared event kind, at import (a bug)",
    ("run/kinds/declare.py", "ValueError"): "a wrong declaration of an event kind (a bug)",
    ("authoring/approval.py", "ValueError"): "caught at once in the same function",
    ("error_texts/__init__.py", "RuntimeError"): "a code given twice in the catalogue (a bug)",
    ("textfile.py", "NotRegularFile"): "an OSError: its words stand where the system's own "
                                       "reason would (parser diagnostics, import refusals)",
}


def core_sources() -> dict[str, ast.Module]:
    core = Path(error_texts.__file__).parent.parent
    return {str(path.relative_to(core)): ast.parse(path.read_text(encoding="utf-8"))
            for path in sorted(core.rglob("*.py"))}


def refusal_classes(trees: dict[str, ast.Module]) -> set[str]:
    """Every class of the core that is (indirectly) a ``RunbookAssistantError``."""
    bases = {node.name: {ast.unparse(b).split(".")[-1] for b in node.bases}
             for tree in trees.values() for node in ast.walk(tree)
             if isinstance(node, ast.ClassDef)}
    found = {"RunbookAssistantError"}
    while True:
        more = {name for name, of in bases.items() if of & found} - found
        if not more:
            return found
        found |= more


def test_the_core_raises_no_uncoded_refusal() -> None:
    """Every refusal the core makes comes from the catalogue (``X.of(code)``, or ``X.like``
    another), so the CLI and the app can say it in Dutch; plain exceptions only where listed."""
    trees = core_sources()
    refusals = refusal_classes(trees)
    others = {node.name for tree in trees.values() for node in ast.walk(tree)
              if isinstance(node, ast.ClassDef) and node.name not in refusals}
    exceptions = others | {name for name, value in vars(builtins).items()
                           if isinstance(value, type) and issubclass(value, BaseException)}
    uncoded, plain = [], []
    for module, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = ast.unparse(node.func).split(".")[-1]
                # Called without words, a class names its own code (ExportCancelled()).
                if name in refusals and module != "errors.py" and (node.args or node.keywords):
                    uncoded.append(f"{module}:{node.lineno}: {name}(...)")
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                name = ast.unparse(node.exc.func).split(".")[-1]
                if name in exceptions and (module, name) not in PLAIN_ALLOWED:
                    plain.append(f"{module}:{node.lineno}: raise {name}(...)")
    assert not uncoded, "refusals without a code:\n" + "\n".join(uncoded)
    assert not plain, "plain exceptions not in PLAIN_ALLOWED:\n" + "\n".join(plain)


def test_the_scan_finds_an_uncoded_refusal() -> None:
    tree = ast.parse("class Odd(StoreError):\n    pass\n\nraise Odd('cannot x')\n")
    assert "Odd" in refusal_classes({"x.py": tree, **core_sources()})


def test_an_error_may_carry_another_in_the_same_language() -> None:
    inner = SyncError.of("sync_tampered", source="b.sqlite", what="event 3 was changed",
                         nothing="")
    outer = ExportError.of("export_refused", error=inner, path="x.sqlite3")
    assert outer.message == "cannot export: b.sqlite has been tampered with: event 3 was changed."
    assert outer.text("nl") == ("kan niet exporteren: er is geknoeid met b.sqlite: "
                                "event 3 was changed.")
    whole = SyncError.of("sync_tampered", source="b.sqlite", what="event 3 was changed")
    assert ExportError.like(whole).text("nl").endswith("Er is niets samengevoegd.")
