"""The runbook library: scanning folders, cross-file findings, look-ups and filters."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from runbook_assistant.core.errors import LibraryError
from runbook_assistant.core.library import scan as library_scan
from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.runbook.model import Severity

LIBRARY = Path(__file__).resolve().parent.parent / "fixtures" / "library"
GOOD, EXTRA, BROKEN = LIBRARY / "good", LIBRARY / "extra", LIBRARY / "broken"


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """A writable copy of the good fixture folder."""
    return Path(shutil.copytree(GOOD, tmp_path / "good"))


def messages(library: Library, name: str) -> list[str]:
    entry = next(e for e in library.entries() if e.path.name == name)
    return [d.message for d in entry.result.diagnostics]


def test_finds_every_markdown_file_recursively_sorted_by_id() -> None:
    library = Library([GOOD])
    assert [rb.id for rb in library.runbooks()] == [
        "test-email", "test-netwerk", "test-oefening", "test-printer"]
    assert {e.path.name for e in library.entries()} == {
        "test-email.md", "test-netwerk.md", "test-oefening.md", "test-printer.md"}
    assert all(e.path.is_absolute() and e.source_dir == GOOD.resolve()
               for e in library.entries())


def test_kind_separates_runbooks_from_scenarios() -> None:
    library = Library([GOOD])
    assert [rb.id for rb in library.runbooks("exercise")] == ["test-oefening"]
    assert "test-oefening" not in [rb.id for rb in library.runbooks("runbook")]
    assert library.get("test-oefening").runbook == "test-netwerk"


def test_get_returns_the_parsed_runbook() -> None:
    runbook = Library([GOOD]).get("test-netwerk")
    assert runbook.title == "Netwerkstoring na wijziging"
    assert runbook.version == 3 and runbook.lang == "nl"
    assert runbook.step("rollback-ok") is not None


def test_unknown_id_suggests_a_close_one() -> None:
    with pytest.raises(LibraryError) as caught:
        Library([GOOD]).get("test-netwerck")
    assert str(caught.value) == "unknown runbook 'test-netwerck'"
    assert "test-netwerk" in (caught.value.hint or "")


def test_unknown_id_without_neighbour_points_to_list() -> None:
    with pytest.raises(LibraryError) as caught:
        Library([GOOD]).get("zzz")
    assert "runbook-assistant list" in (caught.value.hint or "")


def test_source_is_the_text_that_was_parsed(good: Path) -> None:
    library = Library([good])
    original = (good / "test-email.md").read_text(encoding="utf-8")
    assert library.runbooks()
    (good / "test-email.md").write_text("changed afterwards", encoding="utf-8")
    assert library.source("test-email") == original


def test_first_folder_wins_a_duplicate_id_and_the_second_gets_an_error() -> None:
    library = Library([GOOD, EXTRA])
    assert library.get("test-email").title == "Mail outage"
    found = messages(library, "test-email-copy.md")
    assert found == [f"duplicate runbook id 'test-email' (also in {GOOD.resolve()}"
                     f"/test-email.md)"]
    copy = next(e for e in library.entries() if e.path.name == "test-email-copy.md")
    assert not copy.result.ok and copy.runbook is None
    assert "test-telefonie" in [rb.id for rb in library.runbooks()]


def test_scenario_for_a_missing_runbook_is_an_error() -> None:
    library = Library([BROKEN])
    assert "scenario exercises unknown runbook 'no-such-runbook'" in messages(
        library, "orphan-scenario.md")
    assert "test-orphan" not in [rb.id for rb in library.runbooks()]


def test_broken_files_are_entries_with_errors_not_exceptions() -> None:
    library = Library([BROKEN])
    assert library.runbooks() == []
    assert len(library.entries()) == 3
    assert all(e.result.errors for e in library.entries())
    with pytest.raises(LibraryError, match="has errors"):
        library.get("test-bad-target")


def test_missing_folder_is_a_library_error(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="library folder not found"):
        Library([tmp_path / "nowhere"]).runbooks()


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="permissions do not stop this user")
def test_unreadable_file_and_folder_are_diagnostics(good: Path) -> None:
    (good / "test-email.md").chmod(0)
    (good / "sub").chmod(0)
    try:
        library = Library([good])
        problems = [str(d) for e in library.entries() for d in e.result.errors]
    finally:
        (good / "test-email.md").chmod(0o644)
        (good / "sub").chmod(0o755)
    assert any("test-email.md:1: error: cannot read file" in p for p in problems)
    assert any("cannot read folder" in p for p in problems)
    assert "test-netwerk" in [rb.id for rb in library.runbooks()]


def test_dangling_link_is_a_diagnostic(good: Path) -> None:
    (good / "gone.md").symlink_to(good / "nowhere.md")
    library = Library([good])
    found = messages(library, "gone.md")
    assert len(found) == 1 and found[0].startswith("cannot read file")
    assert len(library.runbooks()) == 4


def test_refresh_picks_up_added_changed_and_removed_files(good: Path) -> None:
    library = Library([good])
    assert len(library.runbooks()) == 4
    (good / "sub" / "test-printer.md").unlink()
    text = (good / "test-email.md").read_text(encoding="utf-8")
    (good / "test-email.md").write_text(text.replace("version: 1", "version: 7"),
                                        encoding="utf-8")
    shutil.copy(EXTRA / "test-telefonie.md", good / "test-telefonie.md")
    library.refresh()
    assert [rb.id for rb in library.runbooks()] == [
        "test-email", "test-netwerk", "test-oefening", "test-telefonie"]
    assert library.get("test-email").version == 7


def test_hidden_folders_and_other_files_are_skipped(good: Path) -> None:
    (good / ".git").mkdir()
    shutil.copy(EXTRA / "test-telefonie.md", good / ".git" / "test-telefonie.md")
    (good / "notes.txt").write_text("not a runbook", encoding="utf-8")
    assert len(Library([good]).entries()) == 4


def test_tags_languages_severities_and_filter() -> None:
    library = Library([GOOD, EXTRA])
    assert library.languages() == ["en", "nl"]
    assert library.severities() == ["low", "high", "critical"]
    assert {"netwerk", "printing", "telefonie"} <= set(library.tags())
    assert [rb.id for rb in library.filter(lang="nl", kind="runbook")] == [
        "test-netwerk", "test-telefonie"]
    assert [rb.id for rb in library.filter(tag="printing")] == ["test-printer"]
    assert [rb.id for rb in library.filter(severity="critical")] == ["test-netwerk"]
    assert library.filter(tag="printing", lang="nl") == []


def test_check_validates_files_outside_the_library_against_it(tmp_path: Path) -> None:
    scenario = (GOOD / "test-oefening.md").read_text(encoding="utf-8")
    (tmp_path / "oefening.md").write_text(scenario.replace("id: test-oefening", "id: new"),
                                          encoding="utf-8")
    library = Library([GOOD])
    entries = library.check([tmp_path / "oefening.md", BROKEN])
    assert [e.path.name for e in entries] == [
        "oefening.md", "bad-target.md", "bad-yaml.md", "orphan-scenario.md"]
    assert entries[0].result.ok  # its runbook, test-netwerk, is in the library
    assert all(e.result.errors for e in entries[1:])


def test_check_finds_duplicates_within_the_set() -> None:
    entries = Library([GOOD]).check([GOOD / "test-email.md", EXTRA / "test-email-copy.md"])
    assert [len(e.result.errors) for e in entries] == [0, 1]
    assert entries[1].result.errors[0].severity is Severity.ERROR


# --- summaries and loading runbooks when asked --------------------------------------------------
def test_summaries_hold_the_same_values_as_the_runbooks() -> None:
    library = Library([GOOD, EXTRA])
    summaries = library.summaries()
    assert [s.id for s in summaries] == [rb.id for rb in library.runbooks()]
    for summary in summaries:
        runbook = library.get(summary.id)
        entry = library.entry(summary.id)
        assert (summary.title, summary.version, summary.lang, summary.kind, summary.path,
                summary.sha256, summary.tags, summary.severity, summary.summary,
                summary.runbook) == (
            runbook.title, runbook.version, runbook.lang, runbook.kind, runbook.path,
            runbook.sha256, runbook.tags, runbook.severity, runbook.summary, runbook.runbook)
        assert summary.steps == len(runbook.steps) and summary.injects == len(runbook.injects)
        assert (summary.errors, summary.warnings) == (0, len(entry.result.warnings))
    assert [s.id for s in library.summaries("exercise")] == ["test-oefening"]
    assert library.summary("test-oefening").injects == 2


def test_list_helpers_work_from_summaries(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "index.sqlite3"
    cold = Library([GOOD, EXTRA], cache).runbooks()
    unpickled: list[int] = []
    real = pickle.loads
    monkeypatch.setattr(pickle, "loads", lambda data: unpickled.append(1) or real(data))
    warm = Library([GOOD, EXTRA], cache)
    assert len(warm.summaries()) == len(cold)
    assert [s.id for s in warm.filter(lang="nl", kind="runbook")] == [
        "test-netwerk", "test-telefonie"]
    assert warm.tags() and warm.languages() == ["en", "nl"]
    assert warm.search("spooler")[0].id == "test-printer"
    assert warm.unusable_count() == 1  # the copy with a duplicate id
    assert unpickled == []  # no runbook was rebuilt for any of that
    assert warm.get("test-netwerk") == next(rb for rb in cold if rb.id == "test-netwerk")
    assert len(unpickled) == 1  # only the one asked for
    assert warm.runbooks() == cold
    assert len(unpickled) == len(cold)  # each loaded once, and kept


def test_a_cached_runbook_lost_from_the_cache_is_parsed_again(tmp_path: Path) -> None:
    cache = tmp_path / "index.sqlite3"
    Library([GOOD], cache).runbooks()
    library = Library([GOOD], cache)
    assert library.summaries()
    with sqlite3.connect(cache) as conn:  # as another build sharing the cache would do
        conn.execute("DELETE FROM blobs")
    assert library.get("test-netwerk").step("rollback-ok") is not None


def test_a_file_over_the_size_limit_is_a_diagnostic(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library_scan, "MAX_FILE_BYTES", 2000)
    folder = tmp_path / "lib"
    folder.mkdir()
    text = (GOOD / "test-email.md").read_text(encoding="utf-8")
    (folder / "big.md").write_text(text + "x" * (2001 - len(text.encode())), encoding="utf-8")
    (folder / "empty.md").write_bytes(b"")
    entries = {e.path.name: e for e in Library([folder]).entries()}
    assert "file larger than" in entries["big.md"].result.errors[0].message
    assert entries["empty.md"].sha256 == hashlib.sha256(b"").hexdigest()
