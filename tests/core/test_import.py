"""``runbook-assistant import`` in the core: Word documents and foreign Markdown become runbooks
of the own format that validate, keep their sections and steps in order, and say what was
guessed. Nothing a user can hand it ends in a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx_support import word_draaiboek
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runbook_assistant.core.authoring.convert import ImportProblem, import_file
from runbook_assistant.core.comms.contacts import parse_contacts
from runbook_assistant.core.runbook.parser import parse_file, parse_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FOREIGN = sorted([*(FIXTURES / "foreign").glob("*.md"), *(FIXTURES / "realworld").glob("*.md")])


def test_a_word_draaiboek_imports_into_a_runbook_that_validates(tmp_path: Path) -> None:
    source = word_draaiboek(tmp_path / "Draaiboek netwerk.docx")
    imported = import_file(source, out_name="netwerk.md")
    assert imported.check.errors == ()
    again = parse_text(imported.text, "netwerk.md")
    assert again.ok and not again.runbook.foreign
    runbook = imported.runbook
    assert (runbook.id, runbook.title, runbook.version, runbook.lang) == (
        "draaiboek-netwerk", "Draaiboek uitval netwerk stadhuis", 1, "nl")
    assert runbook.intro.startswith("Dit draaiboek gebruikt het crisisteam")
    assert [(s.title, [step.title for step in s.steps]) for s in runbook.sections] == [
        ("Opschalen", ["Stel de coördinator ICT-storing aan.",
                       "Controleer de bezetting van het netwerkteam.",
                       "Bevries alle wijzigingen."]),
        ("Herstel", ["Voer de rollback uit volgens het wijzigingsplan.",
                     "Test vanaf een werkplek in het stadhuis."]),
        ("Communicatie", ["Informeer de inwoners via de website.", "Informeer het bestuur."]),
        ("Contacten", []),
    ]
    assert runbook.sections[0].steps[1].details == "- Minimaal twee netwerkspecialisten."
    (message,) = runbook.messages
    assert (message.channel, message.section_id) == ("website", "communicatie")
    assert message.text.startswith("Door een storing zijn de loketten")
    assert "| Sanne de Vries | Coördinator | 06-00000001 |" in runbook.section("contacten").intro
    contacts = parse_contacts(imported.contacts_yaml(source.name), "c.yaml")
    assert contacts.problems == ()
    assert [(c.name, c.phone, c.notes) for c in contacts.contacts] == [
        ("Sanne de Vries", "06-00000001", "Coördinator"),
        ("Mehmet Yilmaz", "06-00000003", "Netwerkspecialist")]
    notes = [str(n) for n in imported.notes]
    assert f"{source}:8: note: bold paragraph '**Herstel**' read as a heading" in notes
    assert any(n.startswith(f"{source}:1: note: language 'nl' guessed") for n in notes)
    assert any(":17: note: a contact table: 2 contacts.yaml entries" in n for n in notes)


def test_id_and_language_can_be_chosen(tmp_path: Path) -> None:
    source = word_draaiboek(tmp_path / "x.docx")
    imported = import_file(source, runbook_id="netwerk-stadhuis", lang="en")
    assert (imported.runbook.id, imported.runbook.lang) == ("netwerk-stadhuis", "en")
    assert not any("guessed" in n.text or "from the file name" in n.text
                   for n in imported.notes)
    with pytest.raises(ImportProblem, match="not a slug"):
        import_file(source, runbook_id="Netwerk Stadhuis")


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.name)
def test_foreign_fixtures_round_trip_into_the_own_format(path: Path) -> None:
    foreign = parse_file(path).runbook
    if foreign is None or not foreign.steps:
        with pytest.raises(ImportProblem):
            import_file(path)
        return
    imported = import_file(path, out_name=f"{path.stem}.md")
    assert imported.check.errors == (), [str(d) for d in imported.check.diagnostics]
    runbook = imported.runbook
    assert not runbook.foreign and runbook.title == foreign.title
    kept = [s for s in foreign.sections if s.steps or s.messages or s.intro.strip()]
    assert [s.id for s in runbook.sections] == [s.id for s in kept]
    left_out = {n.text.split("'")[1] for n in imported.notes if "left out: it does not" in n.text}
    assert [(s.id, s.title, s.details) for s in runbook.steps] == [
        (s.id, s.title, _without_options(s.details, left_out) if s.decision else s.details)
        for s in foreign.steps]
    assert [(m.text, m.channel) for m in runbook.messages] == [
        (m.text, m.channel) for m in foreign.messages]


def _without_options(details: str, labels: set[str]) -> str:
    """Details without the option lines an import leaves out of a decision (it says so)."""
    return "\n".join(line for line in details.split("\n")
                     if not any(line.strip().startswith(f"- [{label}](") for label in labels))


def test_an_own_format_runbook_is_copied_unchanged(tmp_path: Path) -> None:
    source = FIXTURES / "good" / "complete-example.md"
    imported = import_file(source)
    assert imported.text == source.read_text(encoding="utf-8")
    assert [n.text for n in imported.notes] == ["already in the runbook format: copied unchanged"]


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.docx", b"", "is not a Word document"),
    ("renamed.docx", b"%PDF-1.7 not a zip", "is not a Word document"),
    ("plain.docx", None, "is a zip file but not a Word document"),
    ("broken.docx", "broken", "cannot read broken.docx as a Word document"),
    ("bomb.docx", "bomb", "unpacks to far more than a document holds"),
    ("renamed.md", "docx-as-md", None),
    ("utf16.md", "draaiboek".encode("utf-16"), "UTF-16"),
    ("binary.md", bytes(range(256)) * 4, "not a text file"),
    ("huge.md", b"- stap\n" * (2 * 1024 * 1024), "larger than 10 MB"),
    ("empty.md", b"", "found no steps"),
    ("prose.md", b"# Kop\n\nAlleen tekst.\n", "found no steps"),
    ("open-front-matter.md", b"---\ntitle: x\n- stap\n", "cannot import"),
])
def test_unusable_files_give_one_clear_problem(tmp_path: Path, name: str, content: object,
                                               message: str | None) -> None:
    path = tmp_path / name
    if content is None:
        _zip(path, {"readme.txt": b"hello"})
    elif content == "broken":
        _zip(path, {"word/document.xml": b"<w:document><unclosed", "[Content_Types].xml": b"<"})
    elif content == "bomb":
        _zip(path, {"word/document.xml": b"\0" * (60 * 1024 * 1024)})
    elif content == "docx-as-md":
        document = docx.Document()
        document.add_paragraph("Bel de servicedesk", style="List Number")
        buffer = io.BytesIO()
        document.save(buffer)
        path.write_bytes(buffer.getvalue())
    else:
        assert isinstance(content, bytes)
        path.write_bytes(content)
    if message is None:  # a Word file renamed to .md is still read as Word
        assert [s.title for s in import_file(path).runbook.steps] == ["Bel de servicedesk"]
        return
    with pytest.raises(ImportProblem, match=message):
        import_file(path)


_BLOCKS = st.sampled_from([
    "# Titel", "## Kop", "### Sub", "**(P) Voorbereiding**", "**Vet.**", "1. Stap een",
    "2. Stap twee\n   - detail", "- punt", "- [ ] taak {#t role=x due=5m}", "1.1 Genummerd",
    "Stap 3: doe", "Tekst voor de website:", "> geciteerd", "```\ncode\n```",
    "```message\nbericht {x}\n```", "| Naam | Telefoon |\n|---|---|\n| A | 1 |", "---",
    "Gewone tekst.", "- [Ja](#kop)\n- [Nee](#sub)", "- Beslis {.decision}\n  - [Ja](#kop)",
    "<div>html</div>", "Kop\n===", "* * *", "{#id}", "- **Vet** en `code` {.four-eyes}",
    "**Factsheet**", "  Naam   Telefoon   Mobiel\n  ------ ---------- ------\n  A      1     2",
    "<table><tr><th>Naam</th><th>E-mail</th></tr><tr><td>A</td><td>a@b</td></tr></table>",
    "<table><tr><td>", "<ac:structured-macro ac:name=\"info\">x</ac:structured-macro>",
    "<ol><li>Stap</li></ol>", "<script>alert(1)</script>",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_BLOCKS, st.text(max_size=40)), max_size=14))
def test_any_markdown_imports_into_a_valid_runbook_or_one_problem(tmp_path: Path,
                                                                  blocks: list[str]) -> None:
    path = tmp_path / "fuzz.md"
    path.write_text("\n\n".join(blocks), encoding="utf-8", errors="surrogatepass")
    try:
        imported = import_file(path)
    except ImportProblem:
        return
    assert imported.check.errors == (), (imported.text, imported.check.diagnostics)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400), st.sampled_from(["word/document.xml", "other.xml"]))
def test_any_zip_named_docx_gives_a_runbook_or_one_problem(tmp_path: Path, data: bytes,
                                                           member: str) -> None:
    path = _zip(tmp_path / "fuzz.docx", {member: data})
    try:
        imported = import_file(path)
    except ImportProblem as problem:
        assert problem.message and "fuzz.docx" in problem.message
        return
    assert imported.check.errors == ()
