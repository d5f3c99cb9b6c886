"""The bundle's ICU data keeps Dutch, English and everything shared by the services Qt calls
(collation, case mapping, converters, time zones), and drops other languages, dictionaries,
transliterators and the data of services Qt never calls, in a package ICU can still read
(build/icu_trim.py)."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path
from types import ModuleType

import pytest

BUILD = Path(__file__).resolve().parent.parent / "build"


@pytest.fixture(scope="module")
def icu_trim() -> ModuleType:
    spec = importlib.util.spec_from_file_location("icu_trim", BUILD / "icu_trim.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _package(items: list[tuple[str, bytes]]) -> bytes:
    """An ICU common data package as ICU's pkgdata lays it out (names, then 16-byte items)."""
    header = struct.pack("<HBBHHBBBB4s4s4s", 32, 0xDA, 0x27, 20, 0, 0, 0, 2, 0, b"CmnD",
                         b"\x01\0\0\0", b"\0\0\0\0")
    header += b"\xaa" * (32 - len(header))
    table_size = 4 + 8 * len(items)
    names = b"".join(name.encode() + b"\0" for name, _ in items)
    body_start = table_size + len(names) + (-(table_size + len(names)) % 16)
    offsets, at = [], table_size
    data_at = body_start
    for name, data in items:
        offsets.append((at, data_at))
        at += len(name) + 1
        data_at += len(data)
    table = struct.pack("<I", len(items)) + b"".join(struct.pack("<II", *o) for o in offsets)
    head = table + names
    return header + head + b"\xaa" * (body_start - len(head)) + b"".join(d for _, d in items)


ITEMS = [(f"icudt73l/{name}", bytes([n]) * 16) for n, name in enumerate([
    "brkitr/cjdict.dict", "brkitr/line.brk", "cnvalias.icu", "coll/de.res", "coll/nl.res",
    "coll/root.res", "coll/ucadata.icu", "confusables.cfu", "curr/nl.res", "de.res", "en.res",
    "en_GB.res", "ibm-5348_P100-1997.cnv", "ibm-943_P15A-2003.cnv", "lang/nl.res",
    "metaZones.res", "nl.res", "nl_BE.res", "plurals.res", "pool.res", "rbnf/nl.res",
    "region/nl.res", "res_index.res", "rfc3491.spp", "root.res", "supplementalData.res",
    "translit/root.res", "unames.icu", "unit/en.res", "uts46.nrm", "zh_Hant.res", "zone/nl.res",
    "zoneinfo64.res",
], start=1)]


def test_other_languages_dictionaries_and_code_pages_are_dropped(icu_trim: ModuleType) -> None:
    kept = {name.split("/", 1)[1] for name, _ in ITEMS if icu_trim.keep_item(name)}

    assert kept == {"cnvalias.icu", "coll/nl.res", "coll/root.res", "coll/ucadata.icu",
                    "en.res", "en_GB.res", "ibm-5348_P100-1997.cnv", "metaZones.res", "nl.res",
                    "nl_BE.res", "pool.res", "region/nl.res", "res_index.res", "root.res",
                    "supplementalData.res", "zone/nl.res", "zoneinfo64.res"}


def test_repacking_keeps_the_layout_and_the_kept_items_intact(icu_trim: ModuleType) -> None:
    package = _package(ITEMS)
    assert icu_trim.repack(package, keep=lambda _name: True)[0] == package

    trimmed, kept, dropped = icu_trim.repack(package)

    header, items = icu_trim._items(trimmed)
    assert header == package[:32]
    assert (kept, dropped) == (17, 16)
    assert items == [item for item in ITEMS if icu_trim.keep_item(item[0])]
    assert all(struct.unpack_from("<II", trimmed, 32 + 4 + 8 * i)[1] % 16 == 0
               for i in range(kept))


def test_a_library_that_is_not_icu_data_is_kept_whole(icu_trim: ModuleType,
                                                       tmp_path: Path) -> None:
    library = tmp_path / "libicudata.so.73"
    library.write_bytes(b"not an ELF file")

    assert icu_trim.trim_icu_library(library, tmp_path / "out") is None
