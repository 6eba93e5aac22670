"""Paths of the snapshots a timeline step shows next, prepared on a worker thread.

A step to a date not drawn before costs about 4 ms before anything is painted: projecting the
day's geometry, simplifying it for the zoom and building its path. While the user looks at one
date, the snapshots next to it (:attr:`geo.shown.SeriesShown.nearby`) are prepared on a worker
(:meth:`~ui.map.geometry_paths.PathCache.prepare`, pure shapely and numpy) for the zoom and
view the series was last painted at, and handed to the path cache on the UI thread; the next
step then only paints. Nothing is drawn differently: the cache holds what it would have made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF

from viewmodels.tasks import TaskRunner

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from shapely.geometry.base import BaseGeometry

    from geo.model import Snapshot
    from geo.shown import SeriesShown
    from ui.map.geometry_paths import PathCache, Prepared
    from ui.map.layer_items import GeometryLayerItem


class PathPrefetcher(QObject):
    """Prepares the nearby snapshots' paths of every shown series into ``cache``.

    Parameters
    ----------
    cache : PathCache
        The canvas's path cache (touched only on the UI thread).
    parent : QObject, optional
        The owner; the private worker is its child and ends with it.
    runner : TaskRunner, optional
        Where the work runs (a private asynchronous runner by default).
    """

    def __init__(
        self, cache: PathCache, parent: QObject | None = None, *, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self._cache = cache
        self._runner = runner if runner is not None else TaskRunner(self)
        self._busy = False
        self._next: tuple[tuple[Snapshot, ...], float, QRectF | None] | None = None

    def follow(
        self, shown: Mapping[str, SeriesShown], items: Mapping[str, GeometryLayerItem]
    ) -> None:
        """Prepare what the visible series ``items`` will show next, at their last painted view."""
        for name, item in items.items():
            series, painted = shown.get(name), item.painted_at()
            if series is not None and painted is not None and item.isVisible():
                self.request(series.nearby, *painted)

    def request(
        self, snapshots: Sequence[Snapshot], metres_per_pixel: float, view: QRectF | None
    ) -> None:
        """Prepare these snapshots' paths (one batch at a time; the newest request waits)."""
        self._next = (tuple(snapshots), metres_per_pixel, None if view is None else QRectF(view))
        if not self._busy:
            self._submit()

    def _submit(self) -> None:
        if self._next is None:
            return
        (snapshots, mpp, view), self._next = self._next, None
        cache = self._cache

        def work() -> list[tuple[BaseGeometry, Prepared]]:
            out = []
            for snapshot in snapshots:
                geometry = snapshot.geometry
                if geometry is not None and not cache.has_path(geometry, mpp, view):
                    out.append((geometry, cache.prepare(geometry, mpp, view)))
            return out

        self._busy = True
        self._runner.submit(work, self._on_prepared, self._on_failed)

    def _on_prepared(self, prepared: list[tuple[BaseGeometry, Prepared]]) -> None:
        for geometry, result in prepared:
            self._cache.adopt(geometry, result)
        self._busy = False
        self._submit()

    def _on_failed(self, _error: BaseException) -> None:
        """A geometry that cannot be prepared is left to the paint, which reports nothing more."""
        self._busy = False
        self._submit()
