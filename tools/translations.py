"""Keep the Dutch translation of the desktop app complete.

    python tools/translations.py update   # lupdate the .ts from runbook_assistant/ui, fill it from
                                          # tools/translations_nl.py, lrelease the .qm
    python tools/translations.py check    # exit 1 if a string in the UI code has no translation

Every user-facing string in ``runbook_assistant/ui`` goes through ``tr()`` or
``QCoreApplication.translate``; ``pyside6-lupdate`` collects them into
``resources/translations/runbook_assistant_nl.ts`` (committed), ``pyside6-lrelease`` compiles the
``.qm`` the app loads (committed too). Dutch texts are written in ``translations_nl.py`` beside this
file, keyed by the English source text (or ``"Context|source"`` where one English text needs two
Dutch ones; a ``%n`` text takes a pair: singular, plural), so a translator edits one readable list
instead of XML.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
UI = REPO / "runbook_assistant" / "ui"
TS = REPO / "resources" / "translations" / "runbook_assistant_nl.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from translations_nl import DUTCH  # noqa: E402


def lupdate(target: Path) -> None:
    """Collect the UI's strings into ``target`` (keeping translations already there)."""
    sources = sorted(str(p) for p in UI.glob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(target),
                    "-source-language", "en", "-target-language", "nl",
                    "-locations", "none", "-no-obsolete", "-silent"], check=True)


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message of a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def dutch_for(context: str, source: str) -> str | tuple[str, str] | None:
    return DUTCH.get(f"{context}|{source}") or DUTCH.get(source)


def is_translated(translation: ET.Element) -> bool:
    if translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    forms = translation.findall("numerusform")
    if forms:  # a "%n" text: one translation per plural form
        return all((form.text or "").strip() for form in forms)
    return bool((translation.text or "").strip())


def set_translation(translation: ET.Element, dutch: str | tuple[str, str]) -> None:
    for child in list(translation):
        translation.remove(child)
    translation.attrib.pop("type", None)
    if isinstance(dutch, tuple):  # Dutch has two plural forms: one, other
        translation.text = None
        for form in dutch:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = dutch


def fill(ts: Path) -> list[tuple[str, str]]:
    """Write every known Dutch text into the .ts; returns the (context, source) still missing."""
    tree = ET.parse(ts)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            dutch = dutch_for(name, source)
            if dutch is None:
                if not is_translated(translation):
                    missing.append((name, source))
                continue
            set_translation(translation, dutch)
    ET.indent(tree)
    with ts.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    return missing


def untranslated() -> list[tuple[str, str]]:
    """Strings in the UI code without a finished Dutch text in the committed .ts."""
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe_nl.ts"
        probe.write_bytes(TS.read_bytes())
        lupdate(probe)
        return [(ctx, src) for ctx, src, tr in messages(probe) if not is_translated(tr)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "check"))
    args = parser.parse_args()
    if args.command == "update":
        lupdate(TS)
        missing = fill(TS)
        subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(QM)],
                       check=True)
    else:
        missing = untranslated()
    for context, source in missing:
        print(f"untranslated: {context}: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
