"""Shrink Qt's ICU data library to the languages the app speaks (used by the PyInstaller spec).

PySide6 on Linux ships ``libicudata.so.NN``: 31 MB of Unicode and locale data for some 800
locales, a quarter of the whole bundle. Qt uses ICU for collation, locale-aware case mapping and
legacy text codecs; the app needs those for Dutch and English only. This module rewrites the
library with the same soname and symbol (``icudtNN_dat``), holding the same ICU "common data"
package minus: locale data of other languages (every tree: locales, collation, currencies, units,
zones...), transliterators, legacy multi-byte code pages, and the data of ICU services Qt never
calls. What is left is about 2.7 MB. A locale that is gone falls back to ICU's root data, as ICU
does for any locale it does not know.

Which services Qt calls is read from what libQt6Core imports from ICU (``nm -D --undefined-only``;
QtGui, QtWidgets and the bindings import nothing from it): converters (``ucnv_*``), locale-aware
case mapping (``u_strToUpper``/``u_strToLower``), collation (``ucol_*``) and time zones (``ucal_*``:
canonical ids and display names). Kept for those: collation (``coll/``), time zones and their names
(``zoneinfo64``, ``metaZones``, ``timezoneTypes``, ``windowsZones``, ``zone/``, ``region/``),
converter aliases, normalization, and the locale plumbing every service uses (root, pool,
res_index, likely subtags, supplemental and locale metadata). Left out: break iteration
(``brkitr/``, ``ubrk_*``), number, currency, unit and plural formatting (``curr/``, ``unit/``,
``rbnf/``, ``plurals``, ``units``...), language display names (``lang/``), character names
(``unames.icu``), IDNA and StringPrep (``uts46.nrm``, ``*.spp``) and spoof checking
(``confusables.cfu``): none of them is reachable through those calls.

Needs the GNU assembler and linker (``as``, ``ld``, from binutils, which PyInstaller needs on
Linux anyway to strip binaries). Without them, or for a library it does not recognise, the
original is kept and the reason printed. Runs with ``python build/icu_trim.py LIB OUT_DIR`` too.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

KEEP_LANGUAGES = ("en", "nl")
# windows-1252 and ISO-8859-15: Western European files; UTF-8/16/32, ASCII and Latin-1 are
# built into ICU's code, not data.
KEEP_CONVERTERS = ("ibm-5348_P100-1997.cnv", "ibm-923_P100-1998.cnv")
DROPPED_TREES = ("translit", "brkitr", "curr", "lang", "unit", "rbnf")
DROPPED_ITEMS = ("unames.icu", "uts46.nrm", "confusables.cfu", "plurals.res", "pluralRanges.res",
                 "dayPeriods.res", "units.res", "grammaticalFeatures.res", "genderList.res",
                 "currencyNumericCodes.res")
_LOCALE = re.compile(r"^([a-z]{2,3})(_\w+)?\.res$")
_NOT_LOCALES = ("root.res", "pool.res", "res_index.res")  # shared by every locale of a tree
_SYMBOL = re.compile(rb"^icudt\d+_dat$")


def keep_item(name: str) -> bool:
    """True for an item of the ICU package (``icudt73l/coll/nl.res``) that the app may use."""
    path = name.split("/", 1)[1] if "/" in name else name
    tree, _, base = path.rpartition("/")
    if tree in DROPPED_TREES or base.endswith((".dict", ".spp")) or (
            not tree and base in DROPPED_ITEMS):
        return False
    if base.endswith(".cnv"):
        return base in KEEP_CONVERTERS
    match = _LOCALE.match(base)
    if match and base not in _NOT_LOCALES:
        return match.group(1) in KEEP_LANGUAGES
    return True


def _data_symbol(elf: bytes) -> tuple[str, int, int]:
    """Name, file offset and size of the ``icudtNN_dat`` symbol of a 64-bit little-endian ELF."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF library")
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * shentsize)
                for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strtab = sections[link][4]
        for start in range(offset, offset + size, entsize):
            st_name, _st_info, _other, shndx, value, st_size = struct.unpack_from(
                "<IBBHQQ", elf, start)
            symbol = elf[strtab + st_name: elf.index(b"\0", strtab + st_name)]
            if _SYMBOL.match(symbol) and shndx:
                home = sections[shndx]
                return symbol.decode(), home[4] + value - home[3], st_size
    raise ValueError("no icudtNN_dat symbol")


def _items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and the (name, data) items of an ICU common data package ("CmnD")."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", package, 0)
    if (magic1, magic2) != (0xDA, 0x27) or package[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    count, = struct.unpack_from("<I", package, header_size)
    table = [struct.unpack_from("<II", package, header_size + 4 + 8 * i) for i in range(count)]
    starts = [header_size + data for _name, data in table] + [len(package)]
    items = []
    for index, (name_at, _data) in enumerate(table):
        at = header_size + name_at
        name = package[at: package.index(b"\0", at)].decode("ascii")
        items.append((name, package[starts[index]: starts[index + 1]]))
    return package[:header_size], items


def _pad(data: bytes, to: int = 16) -> bytes:
    return data + b"\xaa" * (-len(data) % to)  # the filler ICU's own packaging tools use


def repack(package: bytes, keep: Callable[[str], bool] | None = None) -> tuple[bytes, int, int]:
    """The package with only the items ``keep`` (default ``keep_item``) accepts; returns it,
    the number of items kept and the number dropped."""
    header, items = _items(package)
    kept = [(name, data) for name, data in items if (keep or keep_item)(name)]
    names = b""
    name_offsets = []
    table_size = 4 + 8 * len(kept)
    for name, _data in kept:
        name_offsets.append(table_size + len(names))
        names += name.encode("ascii") + b"\0"
    body_start = len(_pad(b"\0" * (table_size + len(names))))
    data_offsets = []
    body = b""
    for _name, data in kept:
        data_offsets.append(body_start + len(body))
        body += _pad(data)  # items stay 16-byte aligned, as ICU's own tools write them
    table = struct.pack("<I", len(kept)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True))
    out = header + _pad(table + names) + body
    return out, len(kept), len(items) - len(kept)


def trim_icu_library(library: Path, out_dir: Path) -> Path | None:
    """A trimmed copy of ``library`` in ``out_dir`` (same name), or None to keep the original."""
    tools = [shutil.which("as"), shutil.which("ld")]
    if not all(tools):
        print(f"icu_trim: keeping {library.name} whole: 'as' and 'ld' (binutils) not found")
        return None
    elf = library.read_bytes()
    try:
        symbol, offset, size = _data_symbol(elf)
        soname = library.name
        original = elf[offset: offset + size]
        # Repacking everything must give back the very same bytes: proof that the format is
        # read as written, before anything is dropped.
        if repack(original, keep=lambda _name: True)[0] != original:
            raise ValueError("its data package is laid out in an unexpected way")
        package, kept, dropped = repack(original)
    except (ValueError, struct.error) as exc:
        print(f"icu_trim: keeping {library.name} whole: {exc}")
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    data = out_dir / "icudata.bin"
    data.write_bytes(package)
    source = out_dir / "icudata.s"
    source.write_text(
        '\t.section .rodata\n\t.balign 16\n'
        f'\t.globl {symbol}\n\t.type {symbol}, @object\n{symbol}:\n'
        f'\t.incbin "{data.name}"\n\t.size {symbol}, . - {symbol}\n'
        '\t.section .note.GNU-stack,"",@progbits\n', encoding="ascii")
    target = out_dir / soname
    subprocess.run([tools[0], "-o", "icudata.o", source.name], cwd=out_dir, check=True)
    subprocess.run([tools[1], "-shared", "-soname", soname, "-o", soname, "icudata.o"],
                   cwd=out_dir, check=True)
    print(f"icu_trim: {soname}: {size / 1e6:.1f} MB -> {target.stat().st_size / 1e6:.1f} MB "
          f"({kept} items kept, {dropped} dropped; languages: {', '.join(KEEP_LANGUAGES)})")
    return target


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: icu_trim.py LIBICUDATA OUT_DIR")
    sys.exit(0 if trim_icu_library(Path(sys.argv[1]), Path(sys.argv[2])) else 1)
