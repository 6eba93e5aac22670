"""Run command-line jobs each in its own child process, limited to 1 GB and 10 s.

``python -m tests.hostile.harness JOBS.json RESULTS.json [PARALLEL]`` imports the command line
once, then forks one child per job (two at a time by default): the child sets ``RLIMIT_AS`` to
1 GB, moves into the job's folder with the job's environment (its own cache, data and temporary
folders), sends stdout and stderr to files and calls :func:`ui.cli.run_command`, exactly what
``frontline-atlas`` does after start-up. Forking from a warm parent saves the ~0.6 s import of
every fresh process, which keeps several hundred runs well inside the CI budget; a crash
(signal), a hang (killed at 10 s) or a traceback in a child is still seen as such.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import time
from pathlib import Path
from typing import Any

MEMORY_LIMIT = 1 << 30
TIME_LIMIT_S = 10.0
PARALLEL = 2


def _child(job: dict[str, Any]) -> None:
    """In the forked child: limits, folders, redirections, then the command; never returns."""
    status = 70
    try:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        os.chdir(job["cwd"])
        os.environ.update(job["env"])
        out = os.open(job["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        err = os.open(job["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(out, 1)
        os.dup2(err, 2)
        import tempfile

        tempfile.tempdir = None  # pick up the job's TMPDIR
        from ui.cli import run_command

        status = run_command([os.fsdecode(a) for a in job["args"]])
    except BaseException:  # what escapes run_command is exactly what the battery looks for
        import traceback

        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(status)


def _start(job: dict[str, Any]) -> tuple[int, float]:
    pid = os.fork()
    if pid == 0:
        _child(job)
    return pid, time.monotonic()


def _finish(job: dict[str, Any], status: int, usage: Any, began: float, killed: bool) -> dict:
    return {
        "id": job["id"],
        "exit": os.waitstatus_to_exitcode(status),
        "killed": killed,
        "seconds": round(time.monotonic() - began, 3),
        "max_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "stdout": Path(job["stdout"]).read_text(errors="backslashreplace"),
        "stderr": Path(job["stderr"]).read_text(errors="backslashreplace"),
    }


def run(jobs: list[dict[str, Any]], parallel: int = PARALLEL) -> list[dict[str, Any]]:
    """Run every job (at most ``parallel`` at once); one result per job, in job order."""
    waiting = list(jobs)
    running: dict[int, tuple[dict[str, Any], float, bool]] = {}
    results: dict[str, dict[str, Any]] = {}
    while waiting or running:
        while waiting and len(running) < parallel:
            job = waiting.pop(0)
            pid, began = _start(job)
            running[pid] = (job, began, False)
        for pid, (job, began, killed) in list(running.items()):
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                del running[pid]
                results[job["id"]] = _finish(job, status, usage, began, killed)
            elif not killed and time.monotonic() - began > TIME_LIMIT_S:
                os.kill(pid, signal.SIGKILL)
                running[pid] = (job, began, True)
        time.sleep(0.005)
    return [results[job["id"]] for job in jobs]


def main() -> int:
    import fiona  # noqa: F401 - warm the parent: children fork with the imports done

    import ui.cli  # noqa: F401
    from geo import areas, cache, delta, loader, oblasts, regions  # noqa: F401

    jobs = json.loads(Path(sys.argv[1]).read_text())
    parallel = int(sys.argv[3]) if len(sys.argv) > 3 else PARALLEL
    Path(sys.argv[2]).write_text(json.dumps(run(jobs, parallel)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
