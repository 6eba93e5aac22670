"""Day-by-day change of a series: gained, lost and net between each pair of consecutive dates.

Consecutive DeepState days differ in a few places along the front (and 113 of 768 pairs not at
all), so each pair is compared only inside the boxes around its changed edges
(:func:`geo.localdiff.difference_pieces`); identical pairs cost one key comparison. The areas of
all the pieces are then taken in one vectorised pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from geo.areas import geodesic_areas_km2
from geo.localdiff import difference_pieces

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from geo.model import Snapshot


@dataclass(frozen=True)
class DailyChange:
    """The change from one snapshot to the next, in km².

    Attributes
    ----------
    date_before, date : datetime.date
        The earlier and the later snapshot's dates (there may be missing days between them).
    gained_km2, lost_km2, net_km2 : float
        area(later − earlier), area(earlier − later) and their difference.
    """

    date_before: dt.date
    date: dt.date
    gained_km2: float
    lost_km2: float
    net_km2: float


def daily_changes(snapshots: Sequence[Snapshot]) -> list[DailyChange]:
    """The change between each pair of consecutive snapshots.

    Parameters
    ----------
    snapshots : sequence of Snapshot
        One series, sorted by date.

    Returns
    -------
    list of DailyChange
        ``len(snapshots) - 1`` items.
    """
    pairs = list(pairwise(snapshots))
    pieces = [difference_pieces(a.geometry, b.geometry) for a, b in pairs]
    flat = [part for gained, lost in pieces for part in (gained, lost)]
    sizes = [len(part) for part in flat]
    owner = np.repeat(np.arange(len(flat)), sizes)
    areas = np.bincount(
        owner, geodesic_areas_km2(np.concatenate([np.empty(0, object), *flat])), len(flat)
    )
    return [
        DailyChange(a.date, b.date, float(gained), float(lost), float(gained - lost))
        for (a, b), gained, lost in zip(pairs, areas[0::2], areas[1::2], strict=True)
    ]
