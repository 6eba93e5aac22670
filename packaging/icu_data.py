"""A smaller ICU data library for the Linux build: only the data Qt can ask for.

PySide6's Qt links ICU, whose ``libicudata`` (31 MB) is one data blob, ``icudtNN_dat``. Qt
calls ICU for case conversion (compiled into ``libicuuc``), collation (``QCollator``, the file
dialog's sorting: ``coll/``), time-zone IDs and display names (``ucal``: the top-level
``zoneinfo64``/``timezoneTypes``/``metaZones``) and legacy text codecs (``ucnv``). It never
asks for break iterators, transliteration, spelled-out numbers, or the display names of
currencies, units, languages and regions; zone names stay in English only (the interface's
language); and the app decodes text in Python (GDAL its own way), never through Qt's
``QStringConverter``, so the ``.cnv`` code pages go too (UTF-8/16/32, Latin-1 and ASCII are
built into ICU's code). ``icupkg`` (Debian's ``icu-devtools``) removes those items;
the blob is assembled into a library of the same soname and symbol.

Without ``icupkg`` or a C compiler the original library stays (a bigger build, same app).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from elf_files import Entry, load_segments

ICU_DATA = re.compile(r"(^|/)libicudata\.so\.(\d+)$")
UNUSED_ITEMS = re.compile(
    r"^(brkitr|curr|lang|rbnf|region|translit|unit)/|\.cnv$"
    r"|^zone/(?!(root|pool|res_index|tzdbNames|en|en_\w+)\.res$)"
)
"""Package items (paths inside ``icudtNNl.dat``) Qt never reads (see the module docstring);
time-zone display names stay in English, the language of the interface."""


def _file_offset(data: bytes, address: int) -> int:
    """The file offset of virtual ``address`` in a 64-bit little-endian ELF image."""
    for segment in load_segments(data) or []:
        if segment.vaddr <= address < segment.vaddr + segment.filesz:
            return address - segment.vaddr + segment.offset
    raise ValueError(f"address {address:#x} is in no loaded segment")


def extract_blob(library: Path, symbol: str) -> bytes:
    """The bytes of the data ``symbol`` in ``library`` (its address and size from ``nm``)."""
    out = subprocess.run(
        ["nm", "-D", "-S", "--defined-only", str(library)], capture_output=True, text=True
    ).stdout
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 4 and fields[3] == symbol:
            address, size = int(fields[0], 16), int(fields[1], 16)
            data = library.read_bytes()
            start = _file_offset(data, address)
            return data[start : start + size]
    raise ValueError(f"{library.name}: no symbol {symbol}")


def slim_package(package: Path, out: Path) -> list[str]:
    """Write ``package`` without :data:`UNUSED_ITEMS` to ``out``; the items removed."""
    listing = subprocess.run(["icupkg", "-l", str(package)], capture_output=True, text=True)
    removed = [item for item in listing.stdout.split() if UNUSED_ITEMS.search(item)]
    names = out.with_suffix(".remove.txt")
    names.write_text("\n".join(removed) + "\n")
    subprocess.run(["icupkg", "-r", str(names), str(package), str(out)], check=True)
    return removed


def _assemble(blob: Path, symbol: str, soname: str, out: Path) -> None:
    source = out.with_suffix(".s")
    source.write_text(
        f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n"
        f'{symbol}:\n\t.incbin "{blob}"\n\t.size {symbol}, . - {symbol}\n'
        '\t.section .note.GNU-stack,"",@progbits\n'
    )
    subprocess.run(
        [
            "cc",
            "-shared",
            "-o",
            str(out),
            str(source),
            f"-Wl,-soname,{soname}",
            "-Wl,--build-id=none",
        ],
        check=True,
    )


def slim_icu(binaries: list[Entry], work: Path) -> list[Entry]:
    """``binaries`` with ``libicudata`` replaced by one without the unused items."""
    if not all(shutil.which(tool) for tool in ("icupkg", "cc", "nm")):
        return binaries
    out = []
    for name, src, kind in binaries:
        match = ICU_DATA.search(name.replace("\\", "/"))
        if match and kind == "BINARY":
            work.mkdir(parents=True, exist_ok=True)
            symbol = f"icudt{match.group(2)}_dat"
            package = work / f"icudt{match.group(2)}l.dat"
            package.write_bytes(extract_blob(Path(src), symbol))
            slim = work / "slim" / package.name  # icupkg names the package after its file
            slim.parent.mkdir(exist_ok=True)
            slim_package(package, slim)
            library = work / Path(name).name
            _assemble(slim, symbol, Path(name).name, library)
            src = str(library)
        out.append((name, src, kind))
    return out
