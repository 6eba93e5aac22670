"""Frontline Atlas entry point: ``frontline-atlas [PATH ...]`` or a sub-command.

With a sub-command (``inspect``, ``areas``, ``delta``, ``snapshot``, ``animate``) it runs headless
and never imports Qt widgets; ``--help`` and ``--version`` print and exit; otherwise it opens the
map window with the given paths.
"""

from __future__ import annotations

import sys

COMMANDS = ("inspect", "areas", "delta", "snapshot", "animate")
DESKTOP_FLAGS = ("--install-desktop", "--uninstall-desktop")


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        from ui.cli import run_command

        return run_command(args)
    if args and args[0] in DESKTOP_FLAGS:
        from ui.desktop_install import run

        return run(args[0])
    from ui.app_args import parse_app_args

    parsed = parse_app_args(args)  # --help, --version: print and exit, no Qt, no settings
    if isinstance(parsed, int):
        return parsed
    from ui.app import run_app

    return run_app(parsed.paths, parsed.as_series)


if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # a no-op unless frozen; importing it costs ~15 ms
        import multiprocessing

        multiprocessing.freeze_support()  # the build's loader workers re-run this executable
    sys.exit(main())
