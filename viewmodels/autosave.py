"""Autosave of the drawn regions, so that nothing the user drew is lost in a crash.

After every change (debounced a little, so a drag writes once) all regions are written
atomically to ``<user data dir>/regions.autosave.geojson``; ``platformdirs`` honours
``XDG_DATA_HOME``. On start, :meth:`RegionsAutosave.restore` reads them back. A file that cannot
be read is never dropped silently: it is moved aside to
``regions.autosave.corrupt-<timestamp>.geojson`` (or, in a read-only folder, ignored) and reported
through :attr:`RegionsAutosave.sig_corrupt_found`; the app starts either way.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from geo.errors import AtlasError, one_line

if TYPE_CHECKING:
    from viewmodels.regions_viewmodel import RegionsViewModel

AUTOSAVE_NAME = "regions.autosave.geojson"
DELAY_MS = 200


def default_autosave_path() -> Path:
    """``<user data dir>/frontline-atlas/regions.autosave.geojson``."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("frontline-atlas")) / AUTOSAVE_NAME


class RegionsAutosave(QObject):
    """Writes the regions after each change and restores them on start.

    Parameters
    ----------
    regions : RegionsViewModel
        The regions to watch.
    path : Path, optional
        The autosave file; :func:`default_autosave_path` by default.
    delay_ms : int
        Quiet time after a change before writing.
    """

    sig_saved = Signal(str)
    """The autosave file was written (its path)."""
    sig_corrupt_found = Signal(str)
    """The autosave file could not be read; it was moved aside or ignored (one-line message)."""
    sig_save_failed = Signal(str)
    """Writing the autosave failed (one-line message)."""

    def __init__(
        self, regions: RegionsViewModel, path: Path | None = None, delay_ms: int = DELAY_MS
    ) -> None:
        super().__init__(regions)
        self._regions = regions
        self.path = path or default_autosave_path()
        self.last_problem: str | None = None
        self._restoring = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)
        regions.sig_regions_changed.connect(self._on_regions_changed)
        regions.sig_region_changed.connect(self._on_regions_changed)

    @property
    def pending(self) -> bool:
        """Whether a change has not been written yet."""
        return self._timer.isActive()

    def restore(self) -> int:
        """Add the autosaved regions (not undoable); return how many were restored."""
        if not self.path.exists():
            return 0
        from geo.regions import read_regions

        try:
            saved = read_regions(self.path)
        except Exception as exc:  # whatever is wrong with the file, the app must start
            self._move_aside(exc)
            return 0
        self._restoring = True
        try:
            self._regions.add_loaded([(r.name, r.color, r.geometry) for r in saved], "Restore")
            self._regions.undo_stack.clear()
        finally:
            self._restoring = False
        return len(saved)

    def save_now(self) -> None:
        """Write every region now (atomic, via :func:`geo.regions.write_regions`)."""
        self._timer.stop()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._regions.save(self.path)
        except (AtlasError, OSError) as exc:
            self.last_problem = f"{self.path}: autosave failed: {exc}"
            self.sig_save_failed.emit(self.last_problem)
            return
        self.sig_saved.emit(str(self.path))

    def flush(self) -> None:
        """Write now if a change is waiting (call on quit)."""
        if self.pending:
            self.save_now()

    def _on_regions_changed(self, *_args: object) -> None:
        if not self._restoring:
            self._timer.start()

    def _move_aside(self, exc: BaseException) -> None:
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        aside = self.path.with_name(f"regions.autosave.corrupt-{stamp}.geojson")
        reason = one_line(exc)
        try:
            self.path.replace(aside)
        except OSError as error:  # a read-only data folder: ignore the file, start anyway
            kept = one_line(error, type(error).__name__)
            self.last_problem = (
                f"{self.path}: unreadable autosave ignored ({reason}; not moved: {kept})"
            )
        else:
            self.last_problem = f"{self.path}: unreadable autosave moved to {aside.name} ({reason})"
        self.sig_corrupt_found.emit(self.last_problem)
