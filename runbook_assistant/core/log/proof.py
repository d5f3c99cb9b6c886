"""The one set of rules ``verify`` applies to a database, a copy, a JSON export and a bundle.

A ``LogSource`` is what a file (or, later, a hub's push) holds, as plain values; ``prove`` checks
everything the file itself can prove and says what only a witness can:

1. SQLite's own integrity check passed (``integrity``): damage is never "intact";
2. every hash, link and signature, and every chain's signed head (``verify.verify_rows``);
3. in a database, each device that recorded there has every number of its sequence, across all
   its runs (events and witness statements share it); devices named by a witness statement of
   another device arrived by import and may hold only some runs;
4. every run record agrees with its signed ``run_started`` event (title, mode, runbook, ...);
5. the signed manifest of a bundle or export: its maker signed exactly these runs and heads;
6. every witness statement is signed and everything it names is still there;
7. with ``trusted`` given: a device that no trusted path vouches for is flagged;
8. each ``witnesses`` source holds no more of a chain than the file (else it was cut); a team
   hub's signed statement (kind "hub") is held against the file as rule 6 holds the file's own.

A receiver that already holds, verified, the start of the chains a bundle continues (a hub, a
laptop pulling from it) gives their last held events as ``anchors`` and the run records it holds
as ``held_runs``: the same rules then check only what was sent, from there (``sync.tails``).

A tail cut or a history re-signed under a new key cannot be seen in the file alone: the
``checkpoints`` (per device: fingerprint, last seq, time, head hash) are what a person compares
with paper, and rules 7 and 8 are what another laptop's copy proves.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any

from runbook_assistant.core.gc_pause import gc_paused
from runbook_assistant.core.log.chain import ChainHead
from runbook_assistant.core.log.identity import (
    fingerprint_of,
    key_matches_device,
    verify_signature,
)
from runbook_assistant.core.log.manifest import SignedManifest
from runbook_assistant.core.log.store import RunRecord
from runbook_assistant.core.log.verify import Anchor, VerifyReport, verify_rows
from runbook_assistant.core.log.verify_checks import (
    BAD_SIGNATURE,
    CHANGED,
    CUT,
    DAMAGED,
    INSERTED,
    REMOVED,
    UNKNOWN_DEVICE,
    UNWITNESSED,
    Problem,
)
from runbook_assistant.core.log.witness import Statement, statement_signed

# run_started payload keys that repeat the run's own record: the signed copy must agree.
RUN_FIELDS = ("runbook_id", "runbook_version", "runbook_sha256", "title", "mode", "lang",
              "scenario_id")


@dataclass
class LogSource:
    """What one file holds, as plain values. ``rows``: event tuples in ``EVENT_COLUMNS`` order."""

    kind: str  # "database" | "bundle" | "export"
    name: str
    rows: list[tuple[Any, ...]]
    devices: dict[str, str]  # device id -> public key (hex)
    heads: list[ChainHead]
    runs: list[RunRecord] | None = None  # the run records the file claims (None: it has none)
    manifest: SignedManifest | None = None
    manifest_required: bool = False
    integrity: list[str] = field(default_factory=list)  # SQLite's complaints (empty: fine)
    statements: list[Statement] = field(default_factory=list)
    whole_log: bool = False  # a database: its own devices' sequences must be whole
    presorted: bool = False  # rows already ordered by (device_id, run_id, seq)
    # What the checker already holds, verified (a hub's records, a laptop's own log): the
    # chains' rows continue from these events, and runs that started there are on file.
    anchors: dict[tuple[str, str], Anchor] = field(default_factory=dict)
    held_runs: dict[str, RunRecord] = field(default_factory=dict)


@dataclass(frozen=True)
class Checkpoint:
    """Where one device's log ends in the file: what a person compares with paper."""

    device_id: str
    fingerprint: str
    events: int
    last_seq: int
    last_time: str
    head_hash: str
    trusted: bool | None  # None: trust was not asked about


def prove(source: LogSource, *, all_signatures: bool = False,
          trusted: Collection[str] | None = None,
          witnesses: Sequence[LogSource] = ()) -> VerifyReport:
    """Check ``source`` by every rule above; the report lists what is wrong, first bad first.

    ``trusted``: device ids known good by a path outside the file (this laptop's key, an
    enrolment); None leaves trust unjudged. ``witnesses``: other files to hold this one against
    (check them with ``prove`` first).
    """
    with gc_paused():  # many rows and problems, no cycles: see gc_pause.py
        return _prove(source, all_signatures, trusted, witnesses)


def _prove(source: LogSource, all_signatures: bool, trusted: Collection[str] | None,
           witnesses: Sequence[LogSource]) -> VerifyReport:
    rows = source.rows if source.presorted else sorted(source.rows, key=_chain_key)
    report = verify_rows(rows, source.devices, chain_heads=source.heads, presorted=True,
                         all_signatures=all_signatures, heads_required=True,
                         anchors=source.anchors)
    report.source_kind = source.kind
    problems: list[Problem] = [Problem("", None, None, DAMAGED, f"SQLite's own check of "
                                       f"the file says: {line}") for line in source.integrity[:5]]
    problems += report.problems
    chains = _chains(rows) if source.statements or witnesses else {}
    valid = _valid_statements(source, problems)
    if source.whole_log:
        problems += _gaps(rows, source.statements, _imported(valid))
    if source.runs is not None:
        problems += _run_records(rows, source.runs, source.held_runs)
    if source.manifest is not None or source.manifest_required:
        problems += _manifest(source, rows, report.held_events)
    problems += _witnessed(valid, chains)
    for witness in witnesses:
        problems += _against_witness(source, chains, witness)
        if witness.kind == "hub":  # a team hub's signed word of the heads it holds
            problems += _witnessed(_valid_statements(witness, []), chains, by=witness.name,
                                   relevant=_relevant(source, chains, _imported(valid)))
    vouched = None if trusted is None else _vouched(source, set(trusted), valid, witnesses)
    report.checkpoints = _checkpoints(rows, source.devices, vouched)
    if vouched is not None:
        problems += [Problem(c.device_id, None, None, UNWITNESSED,
                             f"fingerprint {c.fingerprint}: it is not this laptop's key, no "
                             "import recorded by a trusted laptop names it and no witness holds "
                             "it; its whole history could have been re-signed under a new key")
                     for c in report.checkpoints if not c.trusted]
    report.problems = _unique(problems)
    return report


def _chain_key(row: tuple[Any, ...]) -> tuple[str, str, int]:
    return (str(row[2]), str(row[1]), row[3] if type(row[3]) is int else -1)


def _chains(rows: list[tuple[Any, ...]]) -> dict[tuple[str, str], list[tuple[Any, ...]]]:
    return {(str(d), str(r)): list(chain) for (d, r), chain in groupby(rows, key=itemgetter(2, 1))}


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[Any, ...]] = set()
    result = []
    for p in problems:
        key = (p.device_id, p.seq, p.event_id, p.what, p.detail)
        if key not in seen:
            seen.add(key)
            result.append(p)
    return result


# --- 3. whole sequences ---------------------------------------------------------------------
def _imported(statements: list[Statement]) -> set[str]:
    """Devices named by another device's witness statement: their events came by import."""
    return {d for st in statements for d, *_ in st.heads() if d != st.device_id}


def _gaps(rows: list[tuple[Any, ...]], statements: list[Statement],
          imported: set[str]) -> list[Problem]:
    stated: dict[str, list[int]] = {}
    for st in statements:
        if type(st.seq) is int:
            stated.setdefault(st.device_id, []).append(st.seq)
    problems = []
    seen: set[str] = set()
    for device, device_rows in groupby(rows, key=itemgetter(2)):
        seen.add(str(device))
        problems += _device_gap(str(device), list(device_rows), stated.get(str(device), []),
                                imported)
    for device in stated.keys() - seen:
        problems += _device_gap(device, [], stated[device], imported)
    return problems


def _device_gap(device: str, device_rows: list[tuple[Any, ...]], stated: list[int],
                imported: set[str]) -> list[Problem]:
    """The first number missing from the device's sequence (events and statements together)."""
    if device in imported:
        return []
    seqs = [r[3] for r in device_rows if type(r[3]) is int] + stated
    if not seqs or len(set(seqs)) == max(seqs):  # 1..n, each once: whole (the usual case)
        return []
    numbers = set(seqs)
    missing = next(n for n in range(1, max(numbers) + 1) if n not in numbers)
    after = min(n for n in numbers if n > missing)
    row = next((r for r in device_rows if r[3] == after), None)
    where = f"event {row[0]} in run {row[1]}" if row else "a witness statement"
    return [Problem(device, missing, None, REMOVED,
                    f"seq {missing} of this device is missing from its log (the next one "
                    f"present is seq {after}, {where})", str(row[1]) if row else None)]


# --- 4. run records -------------------------------------------------------------------------
def _run_records(rows: list[tuple[Any, ...]], runs: list[RunRecord],
                 held: dict[str, RunRecord]) -> list[Problem]:
    started: dict[str, list[tuple[Any, ...]]] = {}
    for r in rows:
        if r[7] == "run_started":
            started.setdefault(str(r[1]), []).append(r)
    problems = []
    for run in runs:
        candidates = started.get(run.id, [])
        first = next((r for r in candidates if r[2] == run.device_id),
                     candidates[0] if candidates else None)
        if first is None and run.id in held:  # its start is held: so is its checked record
            differ = [f"{name} {getattr(run, name)!r} (held: {getattr(held[run.id], name)!r})"
                      for name in (*RUN_FIELDS, "device_id")
                      if getattr(run, name) != getattr(held[run.id], name)]
            if run.runbook_text != held[run.id].runbook_text:
                differ.append("another runbook text than the one held")
            if differ:
                problems.append(Problem(str(run.device_id), None, None, CHANGED,
                                        f"the record of run {run.id} was changed: it says "
                                        f"{'; '.join(differ)}", run.id))
            continue
        if first is None:
            problems.append(Problem(str(run.device_id), None, None, REMOVED,
                                    f"run {run.id} has a record but no signed run_started "
                                    "event: the run's events were removed", run.id))
            continue
        try:
            payload = json.loads(first[9])
            payload = payload if isinstance(payload, dict) else {}
        except (TypeError, ValueError):
            payload = {}
        differ = [f"{name} {getattr(run, name)!r} (signed: {payload[name]!r})"
                  for name in RUN_FIELDS if name in payload and payload[name] != getattr(run, name)]
        if first[2] != run.device_id:
            differ.append(f"device {run.device_id} (signed: {first[2]})")
        text_sha = hashlib.sha256(str(run.runbook_text).encode("utf-8")).hexdigest()
        if text_sha != run.runbook_sha256:
            differ.append("a runbook text that is not the one the run was started with")
        if differ:
            problems.append(Problem(str(first[2]), first[3], str(first[0]), CHANGED,
                                    f"the record of run {run.id} was changed: it says "
                                    f"{'; '.join(differ)}", run.id))
    recorded = {run.id for run in runs}
    for run_id in sorted({str(r[1]) for r in rows} - recorded):
        problems.append(Problem("", None, None, REMOVED, f"the record of run {run_id} is "
                                                         "missing (its events are here)", run_id))
    return problems


# --- 5. the signed manifest -----------------------------------------------------------------
def _manifest(source: LogSource, rows: list[tuple[Any, ...]], held_events: int
              ) -> list[Problem]:
    m = source.manifest
    if m is None:
        return [Problem("", None, None, REMOVED, f"the {source.kind} has no signed manifest: "
                        "whole chains (events and head) could have been left out unseen")]
    key = source.devices.get(m.made_by)
    if key is None or not key_matches_device(m.made_by, key):
        return [Problem(m.made_by, None, None, UNKNOWN_DEVICE, "the key of the laptop that made "
                        "the file is missing or is not that laptop's key")]
    if not verify_signature(key, m.message, m.sig):
        return [Problem(m.made_by, None, None, BAD_SIGNATURE, f"the {source.kind}'s manifest "
                        "(its list of runs and chain heads) is not signed by the laptop that "
                        "made it: runs or chains were changed, added or left out")]
    problems = []
    held = {(str(h.device_id), str(h.run_id)): (h.seq, str(h.hash)) for h in source.heads}
    claimed = {(d, r): (s, h) for d, r, s, h in m.heads}
    for (d, r), (s, h) in sorted(claimed.items()):
        have = held.get((d, r))
        if have != (s, h):
            ends = f"its head is seq {have[0]}" if have else "it holds no head of that chain"
            problems.append(Problem(d, s, None, REMOVED, f"the signed manifest names the chain "
                                    f"of this device in run {r} up to seq {s}; {ends}", r))
    for d, r in sorted(held.keys() - claimed.keys()):
        problems.append(Problem(d, None, None, INSERTED, f"the chain of this device in run {r} "
                                "is not in the signed manifest: it was added afterwards", r))
    present = {str(r[1]) for r in rows} | {run.id for run in source.runs or []}
    for run_id in sorted(set(m.runs) - present):
        problems.append(Problem("", None, None, REMOVED, f"run {run_id} is named in the signed "
                                                         "manifest but missing", run_id))
    for run_id in sorted(present - set(m.runs)):
        problems.append(Problem("", None, None, INSERTED, f"run {run_id} is not in the signed "
                                                          "manifest: it was added", run_id))
    if m.event_count != len(rows) + held_events:
        more = type(m.event_count) is int and m.event_count > len(rows) + held_events
        holds = f"{len(rows)}" + (f" and {held_events} more are held here" if held_events
                                  else "")
        problems.append(Problem("", None, None, REMOVED if more else INSERTED,
                                f"the signed manifest lists {m.event_count} events; the file "
                                f"holds {holds}"))
    return problems


# --- 6. witness statements in the file ------------------------------------------------------
def _valid_statements(source: LogSource, problems: list[Problem]) -> list[Statement]:
    valid = []
    for st in source.statements:
        key = source.devices.get(st.device_id)
        if key is not None and key_matches_device(st.device_id, key) and statement_signed(key, st):
            valid.append(st)
        else:
            problems.append(Problem(st.device_id, st.seq if type(st.seq) is int else None, None,
                                    BAD_SIGNATURE, "its witness statement (what it saw on an "
                                    "import) is not signed by it: it was changed or forged"))
    return valid


def _relevant(source: LogSource, chains: dict[tuple[str, str], list[tuple[Any, ...]]],
              imported: set[str]) -> Callable[[str, str], bool]:
    """Which chains a witness's statement may hold the file to: those of its runs, and in a
    database every chain of the devices that recorded there (not those it imported, nor the
    ones it never met)."""
    runs_here = {r for _, r in chains} | {run.id for run in source.runs or []}
    own = set(source.devices) - imported if source.whole_log else set()
    return lambda d, r: r in runs_here or d in own


def _witnessed(statements: list[Statement],
               chains: dict[tuple[str, str], list[tuple[Any, ...]]], *, by: str | None = None,
               relevant: Callable[[str, str], bool] | None = None) -> list[Problem]:
    """What the statements name that the file lacks or holds otherwise. ``by``: the statements
    come from that witness (a hub), not from the file: what the file lacks was cut."""
    problems = []
    for st in statements:
        for d, r, s, h in st.heads():
            if relevant is not None and not relevant(d, r):
                continue
            chain = chains.get((d, r), [])
            at = next((row for row in chain if row[3] == s), None)
            if at is not None and at[12] == h:
                continue
            if at is not None:
                problems.append(Problem(d, s, str(at[0]), CHANGED, f"it differs from the event "
                                        f"{st.source()} held, as witnessed by device "
                                        f"{st.device_id} at {st.recorded_at}", r))
                continue
            ends = f"ends at seq {chain[-1][3]}" if chain else "holds none of it"
            if by is not None:
                problems.append(Problem(d, s, None, CUT, f"this log was cut: the witness {by} "
                                        f"holds its chain in run {r} up to seq {s} (stated at "
                                        f"{st.recorded_at}); this file {ends}", r))
                continue
            problems.append(Problem(d, s, None, REMOVED, f"{st.source()} held its chain in run "
                                    f"{r} up to seq {s} (witnessed by device {st.device_id} at "
                                    f"{st.recorded_at}); this file {ends}", r))
    return problems


# --- 7. trust -------------------------------------------------------------------------------
def _vouched(source: LogSource, trusted: set[str], statements: list[Statement],
             witnesses: Sequence[LogSource]) -> set[str]:
    """The devices a trusted path vouches for: the given ones, those a witness holds, and
    (repeatedly) those named by a valid statement of a vouched device."""
    vouched = set(trusted)
    for witness in witnesses:
        vouched.update(str(r[2]) for r in witness.rows)
        if witness.kind == "hub":  # a hub holds only devices an administrator enrolled
            vouched.update(d for st in witness.statements for d, *_ in st.heads())
    grew = True
    while grew:
        grew = False
        for st in statements:
            if st.device_id in vouched:
                new = {d for d, *_ in st.heads()} - vouched
                if new:
                    vouched |= new
                    grew = True
    return vouched


def _checkpoints(rows: list[tuple[Any, ...]], devices: dict[str, str],
                 vouched: set[str] | None) -> list[Checkpoint]:
    result = []
    for device, device_rows in groupby(rows, key=itemgetter(2)):
        numbered = [r for r in device_rows if type(r[3]) is int]
        if not numbered:
            continue
        last = max(numbered, key=itemgetter(3))
        key = devices.get(str(device))
        result.append(Checkpoint(
            str(device), fingerprint_of(key) if key and key_matches_device(str(device), key)
            else "?", len(numbered), last[3], str(last[5]), str(last[12]),
            None if vouched is None else str(device) in vouched))
    return result


# --- 8. witnesses ---------------------------------------------------------------------------
def _against_witness(source: LogSource, chains: dict[tuple[str, str], list[tuple[Any, ...]]],
                     witness: LogSource) -> list[Problem]:
    """What the witness holds that the file lacks or holds otherwise."""
    witness_rows = witness.rows if witness.presorted else sorted(witness.rows, key=_chain_key)
    runs_here = {r for _, r in chains} | {run.id for run in source.runs or []}
    problems = []
    for (d, r), theirs in _chains(witness_rows).items():
        ours = chains.get((d, r), [])
        if not ours and not (source.whole_log or r in runs_here):
            continue  # a bundle or export of other runs: not expected here
        first, last = theirs[0][3], theirs[-1][3]
        mine = {row[3]: row[12] for row in ours}
        differs = next((row for row in theirs if row[3] in mine and mine[row[3]] != row[12]),
                       None)
        if differs is not None:
            problems.append(Problem(d, differs[3], str(differs[0]), CHANGED,
                                    f"the witness {witness.name} holds another event at this "
                                    f"place in run {r}: this history was rewritten", r))
        elif not ours or ours[-1][3] < last:
            ends = f"this file ends at seq {ours[-1][3]}" if ours else "this file holds none"
            problems.append(Problem(d, last, None, CUT, f"this log was cut: the witness "
                                    f"{witness.name} holds seq {first}–{last} of run {r}, {ends}",
                                    r))
    return problems
