"""Paths of the snapshots a timeline step shows next, prepared while the canvas is idle.

A step to a date not drawn before costs about 4 ms before anything is painted: projecting the
day's geometry, simplifying it for the zoom and building its path. Once the canvas has been idle
for :data:`IDLE_MS` after a paint, the snapshots next to the shown one
(:attr:`geo.shown.SeriesShown.nearby`, nearest first) get their paths made one per event-loop
turn, at the zoom and view the series was last painted at; the next step then only paints.
Steps in quick succession (a benchmark, a dragged slider) prepare nothing, and nothing is drawn
differently: the cache holds what the paint would have made.

It runs on the UI thread on purpose: on a worker, the preparation took the interpreter lock from
the painting thread often enough that a step's wall time grew (measured on 2 shared cores).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, QTimer

if TYPE_CHECKING:
    from collections.abc import Mapping

    from geo.model import Snapshot
    from geo.shown import SeriesShown
    from ui.map.geometry_paths import PathCache
    from ui.map.layer_items import GeometryLayerItem

IDLE_MS = 15
"""Quiet time after a paint before the first nearby path is made (one per turn after that)."""


class PathPrefetcher(QObject):
    """Prepares the nearby snapshots' paths of every shown series into ``cache`` when idle.

    Parameters
    ----------
    cache : PathCache
        The canvas's path cache.
    parent : QObject, optional
        The owner.
    """

    def __init__(self, cache: PathCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache = cache
        self._queue: list[tuple[Snapshot, float, QRectF | None]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    def follow(
        self, shown: Mapping[str, SeriesShown], items: Mapping[str, GeometryLayerItem]
    ) -> None:
        """What the visible series ``items`` will show next, at their last painted view."""
        queue = []
        for name, item in items.items():
            series, painted = shown.get(name), item.painted_at()
            if series is not None and painted is not None and item.isVisible():
                queue += [(snapshot, *painted) for snapshot in series.nearby]
        self._queue = queue
        self._timer.stop()  # the step is painted first

    def painted(self) -> None:
        """The canvas was just painted: start counting idle time again."""
        if self._queue:
            self._timer.start(IDLE_MS)

    def pending(self) -> int:
        """Snapshots still to prepare."""
        return len(self._queue)

    def _on_timer_timeout(self) -> None:
        """Make the next path not cached yet, then give the event loop back."""
        while self._queue:
            snapshot, metres_per_pixel, view = self._queue.pop(0)
            geometry = snapshot.geometry
            if geometry is not None and not self._cache.has_path(geometry, metres_per_pixel, view):
                self._cache.path(geometry, metres_per_pixel, view)
                break
        if self._queue:
            self._timer.start(0)
