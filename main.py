"""Frontline Atlas entry point: ``frontline-atlas [PATH ...]`` or a sub-command.

With a sub-command (``inspect``, ``areas``, ``delta``, ``snapshot``) it runs headless and never
imports Qt widgets; otherwise it opens the map window with the given paths.
"""

from __future__ import annotations

import sys

COMMANDS = ("inspect", "areas", "delta", "snapshot")
DESKTOP_FLAGS = ("--install-desktop", "--uninstall-desktop")


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        from ui.cli import run_command

        return run_command(args)
    if args and args[0] in DESKTOP_FLAGS:
        from ui.desktop_install import run

        return run(args[0])
    from ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
