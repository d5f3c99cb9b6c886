"""A warm start reads only the files whose stat changed since they were hashed, and never misses
an edit: a new inode, size or time, or a file changed too recently to vouch for, is read again."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from runbook_assistant.core.library import scan as library_scan
from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.library.scan import Scanned

GOOD = Path(__file__).resolve().parent.parent / "fixtures" / "library" / "good"
LONG_AGO_NS = 1_600_000_000 * 10**9  # September 2020


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return Path(shutil.copytree(GOOD, tmp_path / "runbooks"))


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every file the library reads (and still read it)."""
    seen: list[str] = []
    real = library_scan.read

    def counting(path: Path, root: Path) -> Scanned:
        seen.append(path.name)
        return real(path, root)

    monkeypatch.setattr(library_scan, "read", counting)
    return seen


@pytest.fixture
def settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # A test cannot wait for a file's change time to age: every stat counts as settled at once.
    monkeypatch.setattr(library_scan, "SETTLED_NS", 0)


def _same_size_edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(old) == len(new) and old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.usefixtures("settled_at_once")
def test_a_warm_start_reads_no_unchanged_file(folder: Path, tmp_path: Path,
                                              reads: list[str]) -> None:
    cache = tmp_path / "index.sqlite3"
    cold = Library([folder], cache).runbooks()
    assert len(reads) == 4
    reads.clear()
    warm = Library([folder], cache)
    assert warm.runbooks() == cold
    assert warm.search("spooler")[0].id == "test-printer"
    assert reads == []


@pytest.mark.usefixtures("settled_at_once")
def test_a_file_saved_as_a_new_file_with_the_old_size_and_time_is_read_again(
        folder: Path, tmp_path: Path, reads: list[str]) -> None:
    # As editors save: a new file renamed over the old one. Size and time may well match.
    cache = tmp_path / "index.sqlite3"
    path = folder / "test-email.md"
    os.utime(path, ns=(LONG_AGO_NS, LONG_AGO_NS))
    Library([folder], cache).summaries()
    reads.clear()
    saved = folder / ".test-email.md.tmp"
    shutil.copy(path, saved)
    _same_size_edit(saved, "gateway", "relay--")
    os.utime(saved, ns=(LONG_AGO_NS, LONG_AGO_NS))
    os.replace(saved, path)
    library = Library([folder], cache)
    assert [hit.id for hit in library.search("relay")] == ["test-email"]
    assert reads == ["test-email.md"]


def test_a_file_changed_just_before_it_was_hashed_is_read_again(folder: Path, tmp_path: Path,
                                                                reads: list[str]) -> None:
    # Edited in place, same size, its time set back: only a change time too recent to vouch for
    # the bytes (a second write in the same tick of the clock) keeps this from being missed.
    cache = tmp_path / "index.sqlite3"
    path = folder / "test-email.md"
    os.utime(path, ns=(LONG_AGO_NS, LONG_AGO_NS))
    Library([folder], cache).summaries()
    _same_size_edit(path, "gateway", "relay--")
    os.utime(path, ns=(LONG_AGO_NS, LONG_AGO_NS))
    reads.clear()
    library = Library([folder], cache)
    assert [hit.id for hit in library.search("relay")] == ["test-email"]
    assert "test-email.md" in reads


@pytest.mark.usefixtures("settled_at_once")
def test_an_unchanged_file_whose_parse_is_no_longer_cached_is_read_and_parsed(
        folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "index.sqlite3"
    Library([folder], cache).summaries()
    with sqlite3.connect(cache) as conn:  # as when another build of the app replaced the rows
        conn.execute("DELETE FROM docs_fts")
        conn.execute("DELETE FROM blobs")
        conn.execute("DELETE FROM files")
    library = Library([folder], cache)
    assert len(library.runbooks()) == 4
    assert library.search("spooler")[0].id == "test-printer"
    assert "# " in library.source("test-printer")


@pytest.mark.usefixtures("settled_at_once")
def test_a_removed_file_is_forgotten_and_a_new_one_found(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "index.sqlite3"
    Library([folder], cache).summaries()
    moved = tmp_path / "test-email.md"
    (folder / "test-email.md").rename(moved)
    assert "test-email" not in {s.id for s in Library([folder], cache).summaries()}
    with sqlite3.connect(cache) as conn:
        assert not conn.execute("SELECT 1 FROM stats WHERE path = ?",
                                (str(folder / "test-email.md"),)).fetchone()
    moved.rename(folder / "test-email.md")
    assert "test-email" in {s.id for s in Library([folder], cache).summaries()}
