"""Helpers for tests that start the app as a real process (source or build)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid
from pathlib import Path

from ui.instance_client import NAME_ENV, server_address


def private_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment with private user folders below ``tmp_path`` and a private instance."""
    env = dict(os.environ, **{NAME_ENV: f"fa-test-{uuid.uuid4().hex[:12]}"})
    for key in ("CONFIG", "CACHE", "DATA"):
        env[f"XDG_{key}_HOME"] = str(tmp_path / key.lower())
    env.update(extra)
    return env


def instance_socket(env: dict[str, str]) -> Path:
    """Where the app started with ``env`` listens (QLocalServer's path in the temp folder)."""
    return Path(server_address(env[NAME_ENV]))


def wait_for_path(path: Path, process: subprocess.Popen[str], timeout_s: float) -> None:
    """Wait until ``path`` exists while ``process`` runs."""
    deadline = time.monotonic() + timeout_s
    while not path.exists():
        assert process.poll() is None, "the app exited before it listened"
        assert time.monotonic() < deadline, f"no {path} after {timeout_s} s"
        time.sleep(0.1)


def terminate(process: subprocess.Popen[str], timeout_s: float = 60) -> str:
    """SIGTERM ``process`` (as a logout would) and return its stderr; killed if it hangs."""
    try:
        process.send_signal(signal.SIGTERM)
        return process.communicate(timeout=timeout_s)[1]
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def stale_build_reason(exe: Path, root: Path) -> str:
    """Why the build at ``exe`` cannot be tested against the source at ``root`` ("" if it can).

    A build older than any source file would test old code against new (``./dev bundle`` and
    then the tests, as ``.ci/run`` does, keep them in step).
    """
    if not exe.is_file():
        return "no build: run ./dev bundle"
    built = exe.stat().st_mtime
    sources = [
        root / "main.py",
        *(p for d in ("geo", "viewmodels", "ui") for p in (root / d).rglob("*.py")),
    ]
    newer = [p for p in sources if p.stat().st_mtime > built]
    return f"build older than {newer[0].relative_to(root)}: run ./dev bundle" if newer else ""
