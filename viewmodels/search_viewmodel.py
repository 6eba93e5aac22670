"""Place search (the locator field, Ctrl+F): matches as you type, the chosen place marked.

The place index (:mod:`geo.places`, the basemap's GeoNames places) is built once in a worker
(about a second); a query typed before it is ready is answered as soon as it is. After that
every keystroke is answered synchronously, in a few milliseconds. Choosing a result marks the
place (until another is chosen or the search is cleared) and asks the map to zoom there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from viewmodels.tasks import TaskRunner

if TYPE_CHECKING:
    from collections.abc import Callable

    from geo.places import Place, PlaceIndex

BBox = tuple[float, float, float, float]
LIMIT = 12
"""Results listed for a query."""
COUNTRIES = {
    "UA": "Ukraine",
    "RU": "Russia",
    "BY": "Belarus",
    "MD": "Moldova",
    "PL": "Poland",
    "RO": "Romania",
    "SK": "Slovakia",
    "HU": "Hungary",
    "GE": "Georgia",
    "LT": "Lithuania",
    "LV": "Latvia",
    "TR": "Turkey",
    "BG": "Bulgaria",
    "KZ": "Kazakhstan",
}
"""Country names for the codes of the basemap's extent; other codes are shown as they are."""


@dataclass(frozen=True)
class PlaceResult:
    """One line of the result list.

    Attributes
    ----------
    name : str
        The place's GeoNames name.
    region : str
        Oblast (or the Russian region), as the basemap names it.
    country : str
        Country name.
    lon, lat : float
        Where the place is.
    population : int
    """

    name: str
    region: str
    country: str
    lon: float
    lat: float
    population: int

    @property
    def label(self) -> str:
        """``Kupyansk — Kharkiv, Ukraine``."""
        where = ", ".join(p for p in (self.region, self.country) if p)
        return f"{self.name} — {where}" if where else self.name


def result_of(place: Place) -> PlaceResult:
    """The list line of a :class:`geo.places.Place`."""
    country = COUNTRIES.get(place.country, place.country)
    return PlaceResult(place.name, place.admin, country, place.lon, place.lat, place.population)


def zoom_box(place: PlaceResult) -> BBox:
    """A lon/lat box around a place: ±8 km for a town, up to ±30 km for a big city."""
    half_km = 8.0 if place.population < 100_000 else 16.0 if place.population < 1e6 else 30.0
    dlat = half_km / 111.0
    dlon = dlat / max(0.2, math.cos(math.radians(place.lat)))
    return place.lon - dlon, place.lat - dlat, place.lon + dlon, place.lat + dlat


def default_index() -> PlaceIndex:
    """The default basemap's place index, with its key index built (slow; run in a worker)."""
    from geo.places import default_index as shared

    index = shared()
    index.search("a")
    return index


class SearchViewModel(QObject):
    """The query, its results and the marked place.

    Parameters
    ----------
    fit : callable
        Zooms the map to a lon/lat box (``MapViewModel.request_fit``).
    index : callable, optional
        Returns a ready :class:`geo.places.PlaceIndex`; run once in the worker.
    synchronous : bool
        Build the index inline (tests).
    parent : QObject, optional
    """

    sig_results_changed = Signal(object)
    """The result list changed (a list of :class:`PlaceResult`)."""
    sig_marked_changed = Signal(object)
    """The marked place changed (a :class:`PlaceResult` or None)."""
    sig_ready_changed = Signal(bool)
    """The place index became ready (True)."""
    sig_error_raised = Signal(str)
    """The place index could not be built (one line)."""

    def __init__(
        self,
        fit: Callable[[BBox], None],
        index: Callable[[], Any] = default_index,
        *,
        synchronous: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fit = fit
        self._load_index = index
        self._runner = TaskRunner(self, synchronous=synchronous)
        self._index: Any = None
        self._loading = False
        self._query = ""
        self._results: list[PlaceResult] = []
        self._marked: PlaceResult | None = None

    def query(self) -> str:
        return self._query

    def results(self) -> list[PlaceResult]:
        return list(self._results)

    def marked(self) -> PlaceResult | None:
        return self._marked

    def ready(self) -> bool:
        return self._index is not None

    def prepare(self) -> None:
        """Start building the place index (the field got focus); does nothing twice."""
        if self._index is None and not self._loading:
            self._loading = True
            self._runner.submit(self._load_index, self._on_index_ready, self._on_index_failed)

    def set_query(self, text: str) -> None:
        """List the places matching ``text`` (an empty text empties the list)."""
        self._query = text
        if self._index is None:
            self.prepare()
            return
        found = [result_of(p) for p in self._index.search(text, LIMIT)] if text.strip() else []
        if found != self._results:
            self._results = found
            self.sig_results_changed.emit(list(found))

    def choose(self, row: int) -> None:
        """Mark result ``row`` and zoom the map to it."""
        if not 0 <= row < len(self._results):
            return
        place = self._results[row]
        self._set_marked(place)
        self._fit(zoom_box(place))

    def clear(self) -> None:
        """Empty the query and the list, and take the mark off the map."""
        self.set_query("")
        self._set_marked(None)

    def _set_marked(self, place: PlaceResult | None) -> None:
        if place != self._marked:
            self._marked = place
            self.sig_marked_changed.emit(place)

    def _on_index_ready(self, index: Any) -> None:
        self._index, self._loading = index, False
        self.sig_ready_changed.emit(True)
        self.set_query(self._query)

    def _on_index_failed(self, exc: BaseException) -> None:
        from geo.errors import one_line

        self._loading = False
        self.sig_error_raised.emit(f"place search unavailable: {one_line(exc)}")

    def shutdown(self) -> None:
        """Stop the worker (the window is closing)."""
        self._runner.shutdown()
