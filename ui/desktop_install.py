"""``frontline-atlas --install-desktop`` / ``--uninstall-desktop``: freedesktop integration.

Install writes, under ``$XDG_DATA_HOME`` (``~/.local/share``): the ``.desktop`` entry, the icon
in the theme sizes (``icons/hicolor/<N>x<N>/apps`` and ``scalable/apps``), the shared-mime-info
package, and a manifest of every file it wrote and every folder it created. It then refreshes
the desktop's caches (``update-mime-database``, ``update-desktop-database``) when present.
Uninstall reads the manifest and removes exactly those files; a folder it created goes too
once only the caches it regenerated are left in it. It never writes ``mimeapps.list``: the
user's default applications are never changed. No Qt is imported.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from geo.resources import resource_path
from ui.desktop_entry import desktop_entry, mime_package
from ui.file_types import APP_ID

MANIFEST = Path(APP_ID) / "desktop-install.json"
"""The manifest's place below ``$XDG_DATA_HOME``."""
_DESKTOP_CACHE = "mimeinfo.cache"
_WATCHED = ("mime", "mime/packages", "applications")
"""Folders whose listing install records, to tell the caches it caused from older ones."""


class DesktopInstallError(Exception):
    """A one-line reason the install or uninstall could not finish."""


def data_home() -> Path:
    """``$XDG_DATA_HOME``, else ``~/.local/share`` (the XDG base directory default)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """The command a double-click runs: the built executable, or this source install's."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.executable).with_name(APP_ID)
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script.absolute())]
    import main

    return [str(Path(sys.executable).absolute()), str(Path(main.__file__).resolve())]


def _planned_files(command: list[str]) -> dict[Path, bytes]:
    """Every file install writes, relative to the data home, with its content."""
    files = {
        Path("applications") / f"{APP_ID}.desktop": desktop_entry(command).encode(),
        Path("mime") / "packages" / f"{APP_ID}.xml": mime_package().encode(),
    }
    icons = Path("icons") / "hicolor"
    svg = resource_path("icons", f"{APP_ID}.svg")
    files[icons / "scalable" / "apps" / f"{APP_ID}.svg"] = svg.read_bytes()
    for png in sorted(resource_path("icons", "png").glob("*.png"), key=lambda p: int(p.stem)):
        files[icons / f"{png.stem}x{png.stem}" / "apps" / f"{APP_ID}.png"] = png.read_bytes()
    return files


def _refresh(home: Path) -> None:
    """Rebuild the MIME and desktop caches the files below ``home`` feed, where tools exist."""
    for tool, folder in (
        ("update-mime-database", home / "mime"),
        ("update-desktop-database", home / "applications"),
    ):
        if shutil.which(tool) and folder.is_dir():
            subprocess.run([tool, str(folder)], check=False, capture_output=True)


def install(home: Path | None = None) -> list[Path]:
    """Write the entry, icons and MIME package; return the files written (absolute)."""
    home = home or data_home()
    if (home / MANIFEST).is_file():
        uninstall(home)
    try:
        files = _planned_files(launch_command())
    except OSError as exc:
        raise DesktopInstallError(f"{exc.filename}: icon missing ({exc.strerror})") from exc
    created: list[str] = []
    written: list[str] = []
    prior = {folder: _names(home / folder) for folder in _WATCHED}
    for rel, data in {**files, MANIFEST: b""}.items():
        for parent in reversed(rel.parents):
            if not (home / parent).exists():
                (home / parent).mkdir(parents=True)
                created.append(str(parent))
        if rel != MANIFEST:
            (home / rel).write_bytes(data)
            written.append(str(rel))
    record = {"files": written, "created_dirs": created, "prior": prior}
    (home / MANIFEST).write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    _refresh(home)
    return [home / rel for rel in written]


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def _drop_new_caches(home: Path, prior: dict[str, list[str]]) -> None:
    """Remove the caches the refresh tools created that did not exist before install.

    Only when their sources are back to what they were: if another program has added its own
    MIME package or desktop entry since, the refreshed caches serve it and stay.
    """
    if _names(home / "mime" / "packages") == prior.get("mime/packages", []):
        for name in set(_names(home / "mime")) - set(prior.get("mime", [])):
            path = home / "mime" / name
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    apps_before = prior.get("applications", [])
    entries = [n for n in _names(home / "applications") if n != _DESKTOP_CACHE]
    if _DESKTOP_CACHE not in apps_before and entries == [
        n for n in apps_before if n != _DESKTOP_CACHE
    ]:
        (home / "applications" / _DESKTOP_CACHE).unlink(missing_ok=True)


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what :func:`install` recorded; return the files removed (absolute)."""
    home = home or data_home()
    manifest = home / MANIFEST
    if not manifest.is_file():
        raise DesktopInstallError(f"{manifest}: not installed (no manifest)")
    try:
        record = json.loads(manifest.read_text(encoding="utf-8"))
        files, created = list(record["files"]), list(record["created_dirs"])
        prior = dict(record["prior"])
    except (ValueError, KeyError, TypeError) as exc:
        raise DesktopInstallError(f"{manifest}: unreadable manifest ({exc})") from exc
    removed = []
    for rel in files:
        path = home / rel
        if path.is_file() and home in path.parents:
            path.unlink()
            removed.append(path)
    manifest.unlink()
    _refresh(home)
    _drop_new_caches(home, prior)
    for rel in sorted(created, key=lambda r: -len(Path(r).parts)):
        folder = home / rel
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return removed


def run(flag: str) -> int:
    """The command-line flag's action; prints a summary, one line on stderr on failure."""
    try:
        if flag == "--install-desktop":
            paths = install()
            print(f"installed {len(paths)} files under {data_home()}:")
        else:
            paths = uninstall()
            print(f"removed {len(paths)} files under {data_home()}:")
    except (DesktopInstallError, OSError) as exc:
        print(f"frontline-atlas: {flag[2:]}: {exc}", file=sys.stderr)
        return 1
    for path in paths:
        print(f"  {path}")
    return 0
