"""The library's parse cache and full-text search."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runbook_assistant.core.library import index as library_index
from runbook_assistant.core.library import pool as library_pool
from runbook_assistant.core.library import scan as library_scan
from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.library.index import fts_query
from runbook_assistant.core.runbook.model import ParseResult

LIBRARY = Path(__file__).resolve().parent.parent / "fixtures" / "library"
GOOD, EXTRA, BROKEN = LIBRARY / "good", LIBRARY / "extra", LIBRARY / "broken"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return Path(shutil.copytree(GOOD, tmp_path / "runbooks"))


@pytest.fixture
def parse_count(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every file the library parses (and still parse it)."""
    parsed: list[str] = []
    real = library_scan.parse_one

    def counting(data: bytes, path: Path) -> ParseResult:
        parsed.append(path.name)
        return real(data, path)

    monkeypatch.setattr(library_scan, "parse_one", counting)
    return parsed


def test_warm_start_parses_nothing(folder: Path, tmp_path: Path, parse_count: list[str]) -> None:
    cache = tmp_path / "index.sqlite3"
    cold = Library([folder], cache).runbooks()
    assert len(parse_count) == 4
    parse_count.clear()
    warm = Library([folder], cache)
    assert warm.runbooks() == cold
    assert warm.search("rollback")[0].id == "test-netwerk"
    assert warm.source("test-email") == (folder / "test-email.md").read_text(encoding="utf-8")
    assert parse_count == []


def test_only_changed_files_are_parsed_again(folder: Path, tmp_path: Path,
                                             parse_count: list[str]) -> None:
    cache = tmp_path / "index.sqlite3"
    Library([folder], cache).runbooks()
    parse_count.clear()
    path = folder / "test-email.md"
    path.write_text(path.read_text(encoding="utf-8").replace("gateway", "relay"),
                    encoding="utf-8")
    library = Library([folder], cache)
    assert library.get("test-email").step("assess-check-the-mail-queue-on-the-relay")
    assert parse_count == ["test-email.md"]
    assert [hit.id for hit in library.search("relay")] == ["test-email"]
    assert library.search("gateway") == []  # the old text left the index


def test_corrupt_cache_file_is_rebuilt_silently(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "index.sqlite3"
    cache.write_bytes(b"this is not a database" * 100)
    library = Library([folder], cache)
    assert len(library.runbooks()) == 4
    assert library.search("printer")[0].id == "test-printer"
    with sqlite3.connect(cache) as conn:  # and it is a working cache again
        assert conn.execute("SELECT count(*) FROM files").fetchone()[0] == 4


def test_unwritable_cache_location_falls_back_to_memory(folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    library = Library([folder], blocker / "index.sqlite3")
    assert len(library.runbooks()) == 4
    assert library.search("spooler")[0].id == "test-printer"


def test_a_code_change_invalidates_the_cache(folder: Path, tmp_path: Path,
                                             parse_count: list[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "index.sqlite3"
    Library([folder], cache).runbooks()
    parse_count.clear()
    monkeypatch.setattr(library_index, "code_fingerprint", lambda: "another-build")
    assert len(Library([folder], cache).runbooks()) == 4
    assert len(parse_count) == 4
    with sqlite3.connect(cache) as conn:  # the old build's rows are gone
        assert conn.execute("SELECT count(*) FROM files").fetchone()[0] == 4


def test_libraries_with_different_folders_share_one_cache(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "index.sqlite3"
    both = Library([folder, EXTRA], cache)
    assert [h.id for h in both.search("telefonie")] == ["test-telefonie"]
    alone = Library([folder], cache)
    assert alone.search("telefonie") == []  # another library's runbook is not found here
    assert [h.id for h in both.search("telefonie")] == ["test-telefonie"]


# --- search ------------------------------------------------------------------------------------
def test_words_match_as_prefixes_and_are_marked_in_the_snippet() -> None:
    hits = Library([GOOD]).search("spool")
    assert [h.id for h in hits] == ["test-printer"]
    assert "[spooler]" in hits[0].snippet
    assert hits[0].path == str((GOOD / "sub" / "test-printer.md").resolve())
    assert (hits[0].kind, hits[0].lang, hits[0].title) == ("runbook", "en", "Printers offline")


def test_diacritics_do_not_matter() -> None:
    library = Library([GOOD])
    assert [h.id for h in library.search("coordinator")] == ["test-netwerk"]
    assert [h.id for h in library.search("eenheid")] == ["test-netwerk"]
    assert [h.id for h in library.search("ÉÉNHEID")] == ["test-netwerk"]


def test_every_word_is_required() -> None:
    library = Library([GOOD])
    assert [h.id for h in library.search("mail gateway")] == ["test-email"]
    assert library.search("mail spooler") == []


def test_a_title_match_ranks_above_a_body_match(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    for name, title, step in (("a", "Storage trouble", "Call the router vendor"),
                              ("b", "Router trouble", "Call the storage vendor")):
        (folder / f"{name}.md").write_text(
            f"---\nid: {name}\ntitle: {title}\nversion: 1\nlang: en\n---\n\n# {title}\n\n"
            f"## Act {{#act}}\n\n- [ ] {step}\n", encoding="utf-8")
    library = Library([folder])
    assert [h.id for h in library.search("router")] == ["b", "a"]
    assert [h.id for h in library.search("storage")] == ["a", "b"]


def test_messages_and_scenario_injects_are_searchable() -> None:
    library = Library([GOOD])
    assert [h.id for h in library.search("hersteltijd")] == ["test-netwerk"]
    assert [h.id for h in library.search("journalist")] == ["test-oefening"]


def test_unusable_runbooks_are_not_found(tmp_path: Path) -> None:
    library = Library([GOOD, EXTRA])
    assert [h.id for h in library.search("mail outage")] == ["test-email"]  # not the duplicate
    assert Library([BROKEN]).search("decision") == []


def test_limit_caps_the_hits() -> None:
    library = Library([GOOD])
    assert len(library.search("the", limit=1)) == 1


@pytest.mark.parametrize("query", ["", "   ", '"', "'", "***", "(((", "AND", "OR NOT",
                                   "NEAR(a b)", "col:value", "-x", "^start", "a\x00b", "_"])
def test_odd_input_never_raises(query: str) -> None:
    assert isinstance(Library([GOOD]).search(query), list)


def test_operators_are_searched_as_words() -> None:
    # As an FTS5 operator OR would find both runbooks; as a word it finds neither.
    assert Library([GOOD]).search("gateway OR spooler") == []


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_makes_a_valid_fts_query(text: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO t VALUES ('netwerk storing')")
    query = fts_query(text)
    if query:
        conn.execute("SELECT * FROM t WHERE t MATCH ?", (query,)).fetchall()


def test_fts_query_quotes_every_word_as_a_prefix() -> None:
    assert fts_query('netw "storing" OR') == '"netw"* "storing"* "OR"*'
    assert fts_query(" -- ") == ""
    assert fts_query("n netw") == '"n" "netw"*'


def test_a_single_letter_is_a_word_not_the_start_of_every_word(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    for name, step in (("a", "Call the router vendor"), ("b", "Restart the switch")):
        (folder / f"{name}.md").write_text(
            f"---\nid: {name}\ntitle: Trouble {name}\nversion: 1\nlang: en\n---\n\n"
            f"# Trouble\n\n## Act {{#act}}\n\n- [ ] {step}\n", encoding="utf-8")
    library = Library([folder])
    assert library.search("r") == []
    assert [h.id for h in library.search("ro")] == ["a"]
    assert [h.id for h in library.search("trouble b")] == ["b"]  # "b" is a word of its title


@pytest.mark.slow
def test_a_big_batch_is_shared_with_worker_processes_with_the_same_results(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = Path(shutil.copytree(GOOD, tmp_path / "runbooks"))
    serial = Library([folder]).entries()
    monkeypatch.setattr(library_pool, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(library_pool, "CHUNK_FILES", 1)
    monkeypatch.setattr(library_pool, "_workers", lambda: 2)
    in_this_process: list[str] = []
    real = library_scan.parse_one
    monkeypatch.setattr(library_scan, "parse_one",
                        lambda data, path: in_this_process.append(path.name) or real(data, path))
    pooled = Library([folder], tmp_path / "index.sqlite3").entries()
    assert len(in_this_process) < 4  # a worker parsed at least the first file
    assert pooled == serial
    in_this_process.clear()
    assert Library([folder], tmp_path / "index.sqlite3").entries() == serial  # and cached them
    assert in_this_process == []


@pytest.mark.slow
def test_a_worker_that_fails_leaves_its_files_to_this_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parse_count: list[str]) -> None:
    folder = Path(shutil.copytree(GOOD, tmp_path / "runbooks"))
    serial = Library([folder]).entries()
    parse_count.clear()
    monkeypatch.setattr(library_pool, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(library_pool, "CHUNK_FILES", 1)
    monkeypatch.setattr(library_pool, "_workers", lambda: 2)
    monkeypatch.setattr(library_pool, "_WORKER_CODE", "raise SystemExit(3)")
    assert Library([folder], tmp_path / "index.sqlite3").entries() == serial
    assert len(parse_count) == 4


def test_a_cache_of_another_schema_is_rebuilt(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "index.sqlite3"
    with sqlite3.connect(cache) as conn:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute("INSERT INTO meta VALUES ('schema', 'ancient')")
        conn.execute("CREATE TABLE parsed (docid INTEGER PRIMARY KEY, whatever TEXT)")
    assert len(Library([folder], cache).runbooks()) == 4
    assert [h.id for h in Library([folder], cache).search("spooler")] == ["test-printer"]


@pytest.mark.slow
def test_a_cache_locked_by_another_process_does_not_stop_the_library(folder: Path,
                                                                    tmp_path: Path) -> None:
    cache = tmp_path / "index.sqlite3"
    Library([folder], cache).runbooks()
    (folder / "test-email.md").write_text(
        (folder / "test-email.md").read_text(encoding="utf-8").replace("gateway", "relay"),
        encoding="utf-8")
    other = sqlite3.connect(cache, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # holds the write lock, as a slow writer elsewhere would
    try:
        library = Library([folder], cache)
        assert len(library.runbooks()) == 4
        assert [h.id for h in library.search("relay")] == ["test-email"]
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_summaries_read_back_from_the_cache_equal_the_parsed_ones(folder: Path,
                                                                  tmp_path: Path) -> None:
    """A warm start builds summaries without the dataclass constructor: the same objects."""
    (folder / "tagless.md").write_text("---\nid: tagless\ntitle: Geen tags\nversion: 1\n---\n\n"
                                       "## Doen\n\n- [ ] Iets {#iets}\n", encoding="utf-8")
    cache = tmp_path / "index.sqlite3"
    parsed = Library([folder], cache).summaries()
    read_back = Library([folder], cache).summaries()
    assert read_back == parsed and [hash(s) for s in read_back] == [hash(s) for s in parsed]
    assert any(not s.tags for s in read_back) and any(s.tags for s in read_back)
    assert [type(s.tags) for s in read_back] == [tuple] * len(read_back)
    with pytest.raises(AttributeError):
        read_back[0].title = "changed"  # type: ignore[misc]
    values = [getattr(parsed[0], name) for name in library_index._SUMMARY_COLUMNS]
    assert library_index.summary_of_row(values) == type(parsed[0])(*values)


def test_search_finds_only_the_usable_runbooks_of_the_current_scan(folder: Path,
                                                                   tmp_path: Path) -> None:
    """Which rows search may return is told to the index at the first search after a scan."""
    library = Library([folder], tmp_path / "index.sqlite3")
    before = {hit.id for hit in library.search("netwerk")}
    assert before
    victim = next(iter(before))
    path = next(p for p in folder.glob("*.md") if f"id: {victim}\n" in p.read_text("utf-8"))
    path.write_text(path.read_text("utf-8").replace(f"id: {victim}\n", "id: [\n"), "utf-8")
    library.refresh()
    after = {hit.id for hit in library.search("netwerk")}
    assert victim not in after and after < before
    assert after == {hit.id for hit in Library([folder], tmp_path / "fresh.sqlite3")
                     .search("netwerk")}


def test_the_log_is_folded_into_the_index_file_while_a_batch_is_parsed(tmp_path: Path) -> None:
    """While a big batch is parsed, what was written reaches the index file itself (not only the
    write-ahead log, which the close would otherwise copy over, waiting for the disk)."""
    index = library_index.LibraryIndex(tmp_path / "index.sqlite3")
    index.conn.execute("INSERT INTO meta VALUES ('written', 'before the checkpoint')")

    def in_the_file_alone() -> list[tuple[str]]:
        alone = tmp_path / "file-alone.sqlite3"  # the index file without its log beside it
        alone.write_bytes((tmp_path / "index.sqlite3").read_bytes())
        with contextlib.closing(sqlite3.connect(alone)) as conn:
            if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchall():
                return []  # not even the tables are in the file yet
            return conn.execute("SELECT value FROM meta WHERE key = 'written'").fetchall()

    assert in_the_file_alone() == []
    checkpoints = library_pool._Checkpoints(tmp_path / "index.sqlite3")
    checkpoints.stop()
    assert in_the_file_alone() == [("before the checkpoint",)]
    assert index.conn.execute("SELECT value FROM meta WHERE key = 'written'").fetchall() == [
        ("before the checkpoint",)]
    index.close()
