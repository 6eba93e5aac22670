"""The display projection's formulas: Lambert conformal conic (2 standard parallels) on WGS84.

Closed-form forward and iterative inverse (Snyder, *Map Projections — A Working Manual*, USGS
1987, pp. 107–109), vectorised with numpy. They give the same numbers as PROJ for
:data:`geo.projection.DISPLAY_CRS` (to well under a millimetre; ``tests/geo/test_lcc.py``)
without building two pyproj transformers (about 70 ms), so the first frame of the map and every
north arrow, scale bar and label pass cost nothing to set up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np

WGS84_A = 6_378_137.0
WGS84_F = 1.0 / 298.257223563


def _m(phi: float, e: float) -> float:
    return math.cos(phi) / math.sqrt(1.0 - (e * math.sin(phi)) ** 2)


def _t(phi: np.ndarray | float, e: float) -> np.ndarray:
    sin = np.sin(phi)
    ratio = ((1 - e * sin) / (1 + e * sin)) ** (e / 2)
    return np.asarray(np.tan(np.pi / 4 - np.asarray(phi) / 2) / ratio)


@dataclass(frozen=True)
class LambertConic:
    """An ellipsoidal Lambert conformal conic with two standard parallels (degrees, metres)."""

    lat_1: float
    lat_2: float
    lat_0: float
    lon_0: float
    a: float = WGS84_A
    f: float = WGS84_F

    @property
    def e(self) -> float:
        return math.sqrt(self.f * (2 - self.f))

    @cached_property
    def _constants(self) -> tuple[float, float, float]:
        """``n``, ``a·F`` and ``ρ0`` of Snyder's equations (15-8 to 15-10, 14-15)."""
        e = self.e
        p1, p2, p0 = (math.radians(v) for v in (self.lat_1, self.lat_2, self.lat_0))
        t1, t2, t0 = (float(_t(p, e)) for p in (p1, p2, p0))
        n = (math.log(_m(p1, e)) - math.log(_m(p2, e))) / (math.log(t1) - math.log(t2))
        af = self.a * _m(p1, e) / (n * t1**n)
        return n, af, af * t0**n

    def scale_factor(self, lat: float) -> float:
        """Projected metres per ground metre at latitude ``lat`` (Snyder 15-4: ``k = ρn / am``).

        The projection is conformal, so this holds in every direction and at every longitude.
        """
        n, af, _rho0 = self._constants
        phi = math.radians(lat)
        rho = af * float(_t(phi, self.e)) ** n
        return rho * n / (self.a * _m(phi, self.e))

    def forward(self, lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Lon/lat degrees to metres; non-finite where the latitude is beyond the poles."""
        n, af, rho0 = self._constants
        phi = np.radians(np.asarray(lat, dtype=float))
        dlon = np.radians(np.asarray(lon, dtype=float) - self.lon_0)
        dlon = (dlon + np.pi) % (2 * np.pi) - np.pi
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            rho = af * _t(phi, self.e) ** n
            rho = np.where(np.abs(phi) <= np.pi / 2, rho, np.nan)
            rho = np.where(phi == -np.pi / 2 * np.sign(n), np.inf, rho)
            theta = n * dlon
            x, y = rho * np.sin(theta), rho0 - rho * np.cos(theta)
        return _inf_where_not_finite(x, y)

    def inverse(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Metres to lon/lat degrees (latitude by fixed-point iteration to machine precision)."""
        n, af, rho0 = self._constants
        x, dy = np.asarray(x, dtype=float), rho0 - np.asarray(y, dtype=float)
        sign = 1.0 if n > 0 else -1.0
        rho = sign * np.hypot(x, dy)
        theta = np.arctan2(sign * x, sign * dy)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            t = (rho / af) ** (1 / n)
            e = self.e
            phi = np.pi / 2 - 2 * np.arctan(t)
            for _ in range(15):
                sin = np.sin(phi)
                phi = np.pi / 2 - 2 * np.arctan(t * ((1 - e * sin) / (1 + e * sin)) ** (e / 2))
            lon = (np.degrees(theta / n) + self.lon_0 + 180.0) % 360.0 - 180.0
        return _inf_where_not_finite(lon, np.degrees(phi))


def _inf_where_not_finite(u: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Both coordinates ``inf`` where either is not finite, as PROJ reports a failed point."""
    bad = ~(np.isfinite(u) & np.isfinite(v))
    if bad.any():
        u, v = np.where(bad, np.inf, u), np.where(bad, np.inf, v)
    return u, v
