"""Library benchmark: index 1,000 generated runbooks, reopen the index, search it.

Run with ``python bench/library.py [--count N] [--queries N] [--keep DIR]``. Prints wall and CPU
milliseconds (CPU time is what to read on a busy machine), and the goal of each figure:

- floor: reading and hashing every file, which any start-up does;
- cold index: a fresh cache file, every file parsed and indexed, up to ``summaries()``
  (goal ≤ 2 s; CPU includes the worker processes);
- warm start: in a new process as at an app start, a Library on the same cache up to
  ``summaries()``: reading and hashing every file, the index, the summaries (goal ≤ 0.1 s);
  also shown above the floor;
- loading every full runbook (``runbooks()``) after that, for reading the figures;
- search: p50 and p99 over a few hundred queries (goal ≤ 20 ms);
- as a user meets it, each in a new process: ``runbook-assistant list --json`` with an empty
  cache (goal ≤ 1.0 s over the CLI's own start, ``--version``), and warm ``list --json`` and
  ``search`` (goal ≤ 0.03 s over that start) on files unchanged since the last start. Medians of
  five. Also, without a goal: a warm ``list`` while the files are seconds old (each is hashed
  again, as after a checkout that touched them all).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from figures import Figures

from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.library.scan import SETTLED_NS

_PROSE = (
    "netwerk storing wijziging rollback failover server opslag back-up herstel telefonie "
    "koppeling loket burgerzaken belastingen inwoners woordvoerder coördinator leverancier "
    "firewall router switch datacenter stroom noodstroom brand ontruiming ransomware phishing "
    "wachtwoord account beheer monitoring melding escalatie crisisteam burgemeester "
    "outage mail exchange restore snapshot database cluster certificate expiry vpn remote "
    "laptop printer scanner telefooncentrale identity backup tape vendor contract escalation press "
    "één café réserve geïnformeerd coördinatie überprüfung naïef"
)
WORDS = tuple(_PROSE.split(" "))
ROLES = ("lead", "netwerk", "servers", "communicatie", "leverancier")
SEVERITIES = ("low", "medium", "high", "critical")


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def make_runbook(n: int, rng: random.Random) -> str:
    """One runbook in the project's format: sections, steps, details, decisions, messages."""
    sections = [f"s{k}" for k in range(rng.randint(3, 7))]
    lines = [
        "---",
        f"id: bench-{n:04d}",
        f"title: {sentence(rng, 4)} {n}",
        f"version: {rng.randint(1, 9)}",
        f"lang: {rng.choice(('nl', 'en'))}",
        f"severity: {rng.choice(SEVERITIES)}",
        f"summary: {sentence(rng, 12)}.",
        f"tags: [{', '.join(rng.sample(WORDS[:40], 3))}]",
        "roles:",
        *(f"  {role}: {role.capitalize()} {n}" for role in ROLES),
        "staffing:",
        "  lead: 1",
        "services:",
        *(f"  - {sentence(rng, 2)}" for _ in range(rng.randint(1, 4))),
        "---",
        "",
        f"# {sentence(rng, 4)}",
        "",
        sentence(rng, 20) + ".",
        "",
    ]
    for k, section in enumerate(sections):
        mode = rng.choice(("", " .read-do", " .do-confirm"))
        lines += [f"## {sentence(rng, 3)} {{#{section}{mode}}}", ""]
        for j in range(rng.randint(2, 8)):
            attrs = [f"#{section}-step{j}", f"role={rng.choice(ROLES)}"]
            if rng.random() < 0.2:
                attrs.append(".four-eyes")
            if rng.random() < 0.3:
                attrs.append(f"due={rng.randint(1, 90)}m")
            if rng.random() < 0.1:
                attrs.append(f"timebox={rng.randint(10, 60)}m")
            lines.append(f"- [ ] {sentence(rng, 7)} {{{' '.join(attrs)}}}")
            if rng.random() < 0.6:
                lines += [f"  {sentence(rng, 15)}.", f"  {sentence(rng, 10)}."]
        later = sections[k + 1:]
        if len(later) >= 2 and rng.random() < 0.5:
            first, second = rng.sample(later, 2)
            lines += [f"- [ ] {sentence(rng, 5)}? {{#{section}-decide .decision role=lead}}",
                      f"  - [{sentence(rng, 2)}](#{first})",
                      f"  - [{sentence(rng, 2)}](#{second})"]
        if rng.random() < 0.4:
            lines += ["", f"```message {{#msg-{section} channel=website audience=inwoners}}",
                      f"{sentence(rng, 12)} {{organisatie}} {sentence(rng, 6)} {{starttijd}}.",
                      f"{sentence(rng, 10)} {{volgende_update}}.", "```"]
        lines.append("")
    return "\n".join(lines)


def timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def children_cpu() -> float:
    """CPU seconds used by finished child processes (the parse workers); 0 where unknown."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_timed(action: Callable[[], object]) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result): CPU time ignores other load."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return time.perf_counter() - wall, time.process_time() - cpu, result


WARM_SCRIPT = """
import sys, time
from pathlib import Path
start = time.perf_counter()
from runbook_assistant.core.library.catalog import Library
imported, cpu = time.perf_counter(), time.process_time()
library = Library([Path(sys.argv[1])], Path(sys.argv[2]))
library.summaries()
warm, warm_cpu = time.perf_counter(), time.process_time()
library.runbooks()
print(warm - imported, warm_cpu - cpu, imported - start,
      time.perf_counter() - warm, time.process_time() - warm_cpu)
"""


def fresh_process_warm_start(folder: Path, cache: Path) -> list[float]:
    """In a new interpreter: seconds to summaries() (wall, CPU), to import the library, and to
    load every runbook after that (wall, CPU)."""
    out = subprocess.run([sys.executable, "-c", WARM_SCRIPT, str(folder), str(cache)],
                         check=True, capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parent.parent).stdout.split()
    return [float(value) for value in out]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _cli_seconds(args: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "runbook_assistant", *args], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def _settled(folder: Path) -> bool:
    """Whether every file is old enough for its stat to vouch for it at the next start."""
    newest = max(max(p.stat().st_mtime_ns, p.stat().st_ctime_ns) for p in folder.glob("*.md"))
    return newest < time.time_ns() - SETTLED_NS


def as_a_user(work: Path, folder: Path, runs: int = 5) -> None:
    """The library figures as a person meets them: the command, in a new process.

    The CLI's own start is ``--version``: Python, click and the command group, no command's
    module. (``--help`` imports every command module to list them, so it is shown too, but is no
    baseline: a command that needs fewer modules would seem to cost less than nothing.)"""
    env = dict(os.environ, XDG_DATA_HOME=str(work / "data"), XDG_CONFIG_HOME=str(work / "config"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    listing = ["--library", str(folder), "list", "--json"]
    while not _settled(folder):  # as at a usual start: files unchanged since the last one
        time.sleep(0.2)
    start, helps, cold, warm, search = [], [], [], [], []
    for n in range(runs):
        cache = work / f"cache-{n}"
        run_env = dict(env, XDG_CACHE_HOME=str(cache))
        start.append(_cli_seconds(["--version"], run_env))
        helps.append(_cli_seconds(["--help"], run_env))
        cold.append(_cli_seconds(listing, run_env))  # empty cache: every file parsed
        warm.append(_cli_seconds(listing, run_env))
        search.append(_cli_seconds(["--library", str(folder), "search", "netwerk"], run_env))
    base = statistics.median(start)
    print(f"as a user, new processes (median of {runs}): CLI start (--version) "
          f"{base * 1000:.0f} ms, --help {statistics.median(helps) * 1000:.0f} ms; "
          f"list --json cold {statistics.median(cold) * 1000:.0f} ms, warm "
          f"{statistics.median(warm) * 1000:.0f} ms; search warm "
          f"{statistics.median(search) * 1000:.0f} ms")
    FIGURES.add("CLI start (--version), new process", base, "s")
    FIGURES.add("CLI --help, new process (every command module)", statistics.median(helps), "s")
    FIGURES.add("list --json, empty cache, over the CLI start", statistics.median(cold) - base,
                "s", goal=1.0)
    FIGURES.add("list --json, warm, over the CLI start", statistics.median(warm) - base, "s",
                goal=0.03)
    FIGURES.add("search, warm, over the CLI start", statistics.median(search) - base, "s",
                goal=0.03)


def just_written(work: Path, folder: Path) -> None:
    """A warm ``list`` while the files are seconds old: each is read and hashed again (their stat
    cannot vouch for them yet, scan.SETTLED_NS), as after a checkout that touched them all."""
    env = dict(os.environ, XDG_DATA_HOME=str(work / "data"), XDG_CONFIG_HOME=str(work / "config"),
               XDG_CACHE_HOME=str(work / "cache-fresh"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    listing = ["--library", str(folder), "list", "--json"]
    _cli_seconds(listing, env)  # the cold start that fills the cache
    fresh = []
    while not _settled(folder) and len(fresh) < 3:
        fresh.append(_cli_seconds(listing, env))
    base = statistics.median(_cli_seconds(["--version"], env) for _ in range(3))
    if fresh:
        print(f"list --json warm while the files are less than {SETTLED_NS / 1e9:.0f} s old "
              f"(every file hashed again): {statistics.median(fresh) * 1000:.0f} ms, "
              f"CLI start {base * 1000:.0f} ms")
        FIGURES.add("list --json, warm, files just written (all hashed), over the CLI start",
                    statistics.median(fresh) - base, "s")


FIGURES = Figures("library")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--keep", type=Path, default=None,
                        help="write the runbooks and cache here instead of a temporary folder")
    return FIGURES.main(run, parser)


def run(args: argparse.Namespace) -> None:
    rng = random.Random(20240611)

    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        folder = work / "runbooks"
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(args.count):
            (folder / f"bench-{n:04d}.md").write_text(make_runbook(n, rng), encoding="utf-8")
        just_written(work, folder)
        cache = work / "library-index.sqlite3"
        cache.unlink(missing_ok=True)

        def read_and_hash() -> int:
            return sum(len(hashlib.sha256(p.read_bytes()).hexdigest())
                       for p in sorted(folder.rglob("*.md")))

        baseline, baseline_cpu, _ = cpu_timed(read_and_hash)

        from runbook_assistant.core.runbook import parser as runbook_parser

        children = children_cpu()
        cold, cold_cpu, summaries = cpu_timed(lambda: Library([folder], cache).summaries())
        cold_cpu += children_cpu() - children
        assert isinstance(summaries, list)
        usable = len(summaries)

        # An app start is a new process: measure there, where the heap is not already full; on
        # files old enough for their stat to vouch for them, as at a usual start.
        while not _settled(folder):
            time.sleep(0.2)
        warm_runs = [fresh_process_warm_start(folder, cache) for _ in range(5)]
        warm, warm_cpu, import_time, load_all, load_all_cpu = (
            statistics.median(run[n] for run in warm_runs) for n in range(5))

        sample = sorted(folder.glob("*.md"))[:100]
        _, parse_time, _ = cpu_timed(lambda: [runbook_parser.parse_bytes(p.read_bytes(), str(p))
                                              for p in sample])

        library = Library([folder], cache)
        library.summaries()
        queries = [" ".join(rng.sample(WORDS, rng.randint(1, 2))) for _ in range(args.queries)]
        queries += [rng.choice(WORDS)[:4] for _ in range(args.queries // 4)]  # prefixes
        queries += [rng.choice(WORDS)[:n] for n in (1, 2, 3) for _ in range(args.queries // 20)]
        library.search("netwerk")  # first query warms SQLite's page cache
        search_times, search_cpu = [], []
        hits = 0
        for query in queries:
            elapsed, cpu, found = cpu_timed(lambda q=query: library.search(q))
            search_times.append(elapsed)
            search_cpu.append(cpu)
            hits += len(found) if isinstance(found, list) else 0
        as_a_user(work, folder)

    def row(label: str, wall: float | None, cpu: float | None, goal: str = "",
            note: str = "") -> None:
        cells = [f"{v * 1000:9.1f}" if v is not None else " " * 9 for v in (wall, cpu)]
        print(f"{label:<38}{cells[0]} {cells[1]}  {goal:>5}  {note}".rstrip())

    def verdict(value: float, goal_ms: float) -> str:
        return "meets the goal" if value * 1000 <= goal_ms else "OVER the goal"

    print(f"runbooks: {args.count} files, {usable} usable; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'':38}{'wall ms':>9} {'CPU ms':>9}  {'goal':>5}")
    row("floor: read+sha256 of every file", baseline, baseline_cpu)
    row("cold index to summaries()", cold, cold_cpu, "2000",
        f"CPU with workers; wall {verdict(cold, 2000)}")
    row("  parse, per file", None, parse_time / len(sample))
    row("warm start, new process", warm, warm_cpu, "100",
        f"median of 5; CPU {verdict(warm_cpu, 100)}")
    row("  above the floor", warm - baseline, warm_cpu - baseline_cpu)
    row("  importing the library first", import_time, None)
    row("  then loading every runbook", load_all, load_all_cpu, "", "not part of a start")
    row(f"search p50 ({len(queries)} queries)", percentile(search_times, 0.5),
        percentile(search_cpu, 0.5), "20", f"CPU {verdict(percentile(search_cpu, 0.5), 20)}")
    row("search p99", percentile(search_times, 0.99), percentile(search_cpu, 0.99), "20",
        f"CPU {verdict(percentile(search_cpu, 0.99), 20)}; {hits / len(queries):.1f} hits/query")
    FIGURES.add("cold index in-process (explains the user figure)", cold, "s")
    FIGURES.add("warm start in-process, above the floor", warm - baseline, "s",
                baseline=baseline, baseline_name="read+sha256 of every file")
    FIGURES.add("search p99 in-process", percentile(search_times, 0.99) * 1000, "ms", goal=20)


if __name__ == "__main__":
    sys.exit(main())
