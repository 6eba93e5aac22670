"""The desktop app's own arguments: ``frontline-atlas [--as-series NAME] [PATH ...]``.

``--help``/``-h`` and ``--version`` print and exit 0 before anything starts: no Qt import, no
window, no settings touched (so the recent-files list stays as it was). An unknown option is one
line on stderr and exit status 2, never a path called ``--foo`` opened in the window.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

PROG = "frontline-atlas"
USAGE_ERROR = 2

HELP = f"""usage: {PROG} [--as-series NAME] [PATH ...] [FILE.frontline]
       {PROG} --help | --version
       {PROG} inspect|areas|delta|snapshot|animate ... (headless; '{PROG} COMMAND --help')

Frontline Atlas: an offline map viewer for front-line territorial-control data.
Opens the map window with the files and folders given (the last session, or a demo, if none).

options:
  -h, --help         show this help and exit
  --version          show the version and exit
  --as-series NAME   treat every loaded snapshot as one series called NAME
  --install-desktop  add the app to the Linux applications menu and "Open with" (per user)
  --uninstall-desktop  remove exactly what --install-desktop wrote

headless commands (no window; every one that loads data also takes --as-series NAME):
  inspect PATH ...   series, dates, CRS, repairs, problems, outliers
  areas PATH ...     geodesic area of every snapshot (of every series, or --series S)
  delta PATH ...     gained, lost and net km² between --from and --to (every series, or --series S)
  snapshot PATH ...  print a map to PDF, PNG or SVG
  animate PATH ...   a time-lapse as MP4, GIF, WebP or PDF
"""


@dataclass(frozen=True)
class AppArgs:
    """What the window should open: paths, and the series they are all shown as (if chosen)."""

    paths: list[str]
    as_series: str = ""


def version() -> str:
    """The installed version (from the package metadata, else the checkout's pyproject.toml)."""
    from importlib import metadata

    try:
        return metadata.version(PROG)
    except metadata.PackageNotFoundError:
        pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
        for line in (
            pyproject.read_text(encoding="utf-8").splitlines() if pyproject.is_file() else []
        ):
            if line.startswith("version"):
                return line.split("=", 1)[1].strip().strip('"')
        return "unknown"


def parse_app_args(args: list[str]) -> AppArgs | int:
    """The window's paths and options, or an exit status when there is nothing to start.

    Parameters
    ----------
    args : list of str
        The arguments after the program name (no sub-command).

    Returns
    -------
    AppArgs or int
        What to open; or 0 after printing help or the version, 2 after a usage error.
    """
    paths: list[str] = []
    as_series = ""
    items = iter(args)
    for arg in items:
        if arg in ("-h", "--help"):
            sys.stdout.write(HELP)
            return 0
        if arg == "--version":
            sys.stdout.write(f"{PROG} {version()}\n")
            return 0
        if arg == "--":
            paths += list(items)
        elif arg == "--as-series" or arg.startswith("--as-series="):
            value = arg.partition("=")[2] if "=" in arg else next(items, "")
            if not value.strip():
                return _usage("--as-series needs a series name")
            as_series = " ".join(value.split())
        elif arg.startswith("-psn_"):
            continue  # the process serial number old macOS Finder launches add
        elif arg.startswith("-") and len(arg) > 1:
            return _usage(f"unknown option {arg!r} (see {PROG} --help)")
        else:
            paths.append(arg)
    return AppArgs(paths, as_series)


def _usage(message: str) -> int:
    print(f"error: {PROG}: {message}", file=sys.stderr)
    return USAGE_ERROR
