"""The Linux build's smaller ICU data (``packaging/icu_data.py``): Qt's uses of ICU still work."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

from tests.packaging.modules import load

icu_data = load("icu_data")

QT_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"
ICU = sorted(QT_LIB.glob("libicudata.so.*"))
pytestmark = pytest.mark.skipif(
    not ICU or not all(shutil.which(t) for t in ("icupkg", "cc", "nm")),
    reason="needs PySide6's ICU (Linux wheel), icupkg (icu-devtools) and cc",
)

USES = """
from PySide6.QtCore import QCollator, QDateTime, QLocale, QStringDecoder, QTimeZone
collator = QCollator(QLocale("en_US"))
collator.setNumericMode(True)
print(sorted(["file10", "Zulu", "file9", "Été", "apple"], key=collator.sortKey))
print(QLocale("tr_TR").toUpper("istanbul"), QLocale("en_US").toUpper("straße"))
when = QDateTime(2024, 1, 15, 12, 0, 0)
kyiv = QTimeZone(b"Europe/Kyiv")
print(kyiv.displayName(when, QTimeZone.NameType.LongName, QLocale("en_GB")))
print(QStringDecoder("UTF-8").isValid(), QStringDecoder("ISO-8859-1").isValid())
"""
WANT = [
    "['apple', 'Été', 'file9', 'file10', 'Zulu']",
    "İSTANBUL STRASSE",
    "Eastern European Standard Time",
    "True True",
]


def _qt_output(preload: Path | None) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if preload is not None:
        env["LD_PRELOAD"] = str(preload)  # the same soname: Qt's ICU uses it instead
    out = subprocess.run(
        [sys.executable, "-c", USES], capture_output=True, text=True, env=env, check=True
    )
    return out.stdout.splitlines()


def test_the_slim_data_serves_collation_case_time_zones_and_unicode(tmp_path: Path) -> None:
    entry = (f"PySide6/Qt/lib/{ICU[0].name}", str(ICU[0]), "BINARY")
    [(name, src, kind)] = icu_data.slim_icu([entry], tmp_path)
    slim = Path(src)
    assert (name, kind) == entry[0::2]
    assert slim.parent == tmp_path
    assert slim.stat().st_size < ICU[0].stat().st_size / 3
    assert _qt_output(None) == WANT
    assert _qt_output(slim) == WANT


def test_only_unused_items_are_removed() -> None:
    removed = ["brkitr/word.brk", "curr/de.res", "zone/de.res", "ibm-5347_P100-1998.cnv"]
    kept = ["coll/root.res", "coll/ucadata.icu", "zone/en.res", "zone/en_GB.res", "zone/pool.res"]
    kept += ["zoneinfo64.res", "metaZones.res", "root.res", "en.res", "cnvalias.icu", "uts46.nrm"]
    assert all(icu_data.UNUSED_ITEMS.search(item) for item in removed)
    assert not any(icu_data.UNUSED_ITEMS.search(item) for item in kept)
