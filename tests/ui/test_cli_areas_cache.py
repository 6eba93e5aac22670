"""``areas`` answered from the cache's heads: the same output, without the geometry stack, and a
file changed or a head damaged since the cache was filled still gives the true numbers."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from geo.cache import LoadCache
from tests.paths import DEEPSTATE, ROOT

FILES = sorted(DEEPSTATE.glob("*.geojson"))[:6]
#: Runs ``areas`` in this process and says which heavy modules it imported.
PROBE = """
import sys
from ui.cli import run_command
status = run_command(["areas", *sys.argv[1:]])
heavy = sorted(m for m in ("numpy", "shapely", "pyproj", "fiona") if m in sys.modules)
print("heavy:", ",".join(heavy), file=sys.stderr)
sys.exit(status)
"""


def _areas(*args: str) -> tuple[str, str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout, done.stderr


def test_warm_areas_prints_the_same_without_numpy_or_shapely(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    for path in FILES:
        shutil.copyfile(path, folder / path.name)
    cold, cold_err = _areas(str(folder), "--format", "json")
    warm, warm_err = _areas(str(folder), "--format", "json")
    assert warm == cold
    assert "numpy" in cold_err
    assert warm_err == "heavy: \n"


def test_a_file_changed_after_caching_gives_its_new_numbers(tmp_path: Path) -> None:
    path = tmp_path / FILES[0].name
    shutil.copyfile(FILES[0], path)
    first, _ = _areas(str(path))
    shutil.copyfile(FILES[5], path)
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    changed, err = _areas(str(path))
    assert "numpy" in err  # read again
    assert changed != first
    assert changed.split(",")[-1] == _areas(str(FILES[5]))[0].split(",")[-1]


def test_a_damaged_head_is_read_again_and_prints_the_same(tmp_path: Path) -> None:
    paths = [str(p) for p in FILES[:3]]
    first, _ = _areas(*paths)
    with closing(sqlite3.connect(LoadCache().path)) as db:
        db.execute("UPDATE heads SET head = x'7b7d' WHERE path = ?", (paths[1],))
        db.commit()
    again, err = _areas(*paths)
    assert again == first
    assert "numpy" in err
    assert _areas(*paths) == (first, "heavy: \n")  # the load stored a good head again
