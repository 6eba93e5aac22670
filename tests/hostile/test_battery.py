"""The hostile-input battery: every case through ``inspect``, ``areas`` and ``delta``.

Each run happens in its own process limited to 1 GB of address space and 10 s (see
:mod:`tests.hostile.harness`), with its own cache, data and temporary folders. A run passes when
it ends cleanly: exit 1 with exactly one ``error:`` line naming the file (or exit 0 with only
``warning:`` lines where the case can load), no traceback, no file left in its temporary folder
or working folder, and the input folder exactly as it was.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.hostile import cases_archives, cases_files, cases_formats  # noqa: F401 - register
from tests.hostile.common import CASES, Case, Spec
from tests.paths import ROOT

BATTERY_TIMEOUT_S = 600


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for entry in sorted(folder.rglob("*")):
        info = entry.lstat()
        found[os.fsencode(entry).hex()] = (info.st_size, info.st_mtime_ns)
    return found


def _prepare(root: Path, number: int, item: Case) -> tuple[Spec, dict[str, Path]]:
    base = root / f"{number:03d}"
    folders = {name: base / name for name in ("input", "home", "tmp", "work")}
    for folder in folders.values():
        folder.mkdir(parents=True)
    return item.build(folders["input"]), folders


def run_jobs(jobs: list[dict[str, Any]], scratch: Path, parallel: int = 2) -> list[dict[str, Any]]:
    """Run ``jobs`` through the harness subprocess, ``parallel`` at once; results in job order."""
    jobs_file, results_file = scratch / "jobs.json", scratch / "results.json"
    jobs_file.write_text(json.dumps(jobs))
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.hostile.harness",
            str(jobs_file),
            str(results_file),
            str(parallel),
        ],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=BATTERY_TIMEOUT_S,
    )
    return json.loads(results_file.read_text())


def job(job_id: str, args: list[str], folders: dict[str, Path]) -> dict[str, Any]:
    """One run with the case's private folders as its home, cache, data and TMPDIR."""
    home = folders["home"]
    env = {
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "TMPDIR": str(folders["tmp"]),
    }
    return {
        "id": job_id,
        "args": args,
        "cwd": str(folders["work"]),
        "env": env,
        "stdout": str(home / f"{job_id}.out"),
        "stderr": str(home / f"{job_id}.err"),
    }


@pytest.fixture(scope="module")
def battery(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Every case run; for each case the list of what went wrong in its runs (empty: passed)."""
    root = tmp_path_factory.mktemp("hostile")
    prepared = [(item, *_prepare(root, n, item)) for n, item in enumerate(CASES)]
    before = {item.key: _snapshot(folders["input"]) for item, _, folders in prepared}
    jobs, owners = [], []
    for item, spec, folders in prepared:
        for index, args in enumerate(spec.runs()):
            jobs.append(job(f"{item.klass}-{item.name}-{index}", args, folders))
            owners.append((item, spec, folders))
    results = run_jobs(jobs, root)
    failures: dict[str, list[str]] = {item.key: [] for item in CASES}
    for result, (item, spec, _) in zip(results, owners, strict=True):
        failures[item.key] += judge(result, spec)
    for item, _, folders in prepared:
        failures[item.key] += leftovers(folders, before[item.key])
    _report(results, failures)
    return failures


def judge(result: dict[str, Any], spec: Spec) -> list[str]:
    """What is wrong with one run (nothing when it ended as the case expects)."""
    run = result["id"]
    err, status = result["stderr"], result["exit"]
    if result["killed"]:
        return [f"{run}: killed after {result['seconds']} s"]
    if status < 0:
        return [f"{run}: died of signal {-status}"]
    if "Traceback" in err or "Traceback" in result["stdout"]:
        return [f"{run}: traceback: {err[-300:]!r}"]
    lines = err.splitlines()
    clean_error = status == 1 and len(lines) == 1 and lines[0].startswith("error: ")
    clean_ok = status == 0 and all(line.startswith("warning: ") for line in lines)
    if spec.expect == "error" and not (clean_error and spec.names in lines[0]):
        return [f"{run}: expected one error naming {spec.names!r}, got {status}: {err!r}"]
    if spec.expect == "ok" and not clean_ok:
        return [f"{run}: expected success, got {status}: {err!r}"]
    if spec.expect == "either" and not (clean_error or clean_ok):
        return [f"{run}: expected a clean end, got {status}: {err!r}"]
    return []


def leftovers(folders: dict[str, Path], before: dict[str, tuple[int, int]]) -> list[str]:
    """Files written outside the case's home (temporary extractions, writes beside the input)."""
    found = [f"left in {name}: {sorted(os.listdir(folders[name]))}" for name in ("tmp", "work")]
    found = [f for f in found if not f.endswith("[]")]
    after = _snapshot(folders["input"])
    if after != before:
        changed = sorted(
            bytes.fromhex(k).decode(errors="replace") for k in after.keys() ^ before.keys()
        )
        found.append(f"the input folder changed: {changed or 'sizes or times'}")
    return found


def _report(results: list[dict[str, Any]], failures: dict[str, list[str]]) -> None:
    runs_failed = sum(len(f) for f in failures.values())
    slowest = max(results, key=lambda r: r["seconds"])
    largest = max(results, key=lambda r: r["max_rss_mb"])
    print(
        f"\nhostile battery: {len(failures)} cases, {len(results)} runs, "
        f"{len(results) - runs_failed} runs passed; slowest {slowest['id']} "
        f"{slowest['seconds']} s, largest {largest['id']} {largest['max_rss_mb']} MB"
    )


@pytest.mark.parametrize("item", CASES, ids=[c.key for c in CASES])
def test_case_ends_cleanly(battery: dict[str, list[str]], item: Case) -> None:
    assert battery[item.key] == []


REAL_PROCESS_CASES = (
    "file kind:fifo_named",
    "compression:gzip_bomb_geojson",
    "coordinates:crs84_1e308",
)


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.parametrize("key", REAL_PROCESS_CASES)
def test_a_fresh_frontline_atlas_process_ends_cleanly_too(tmp_path: Path, key: str) -> None:
    """The harness forks from a warm parent; a few cases through ``main.py`` itself as well."""
    (item,) = [c for c in CASES if c.key == key]
    folders = {name: tmp_path / name for name in ("input", "home", "tmp", "work")}
    for folder in folders.values():
        folder.mkdir()
    spec = item.build(folders["input"])
    env = {**os.environ, **job("x", [], folders)["env"]}
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *spec.runs()[0]],
        cwd=folders["work"],
        env=env,
        capture_output=True,
        text=True,
        timeout=10,
        preexec_fn=_limit_memory,
        check=False,
    )
    result = {"id": key, "exit": done.returncode, "killed": False, "seconds": 0}
    assert judge({**result, "stdout": done.stdout, "stderr": done.stderr}, spec) == []
