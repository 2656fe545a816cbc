"""Distances on the Earth (WGS84) and the nearest point of a line, for routes drawn on a map.

Distances are geodesic on the WGS84 ellipsoid by Vincenty's inverse formula (iterated to 10⁻¹²
rad, about 0.1 mm); checked in the tests against pyproj's ``Geod`` and against the equator, whose
arcs are exactly ``a × Δλ``. Vincenty does not converge for nearly antipodal points, which no
segment of a route is; there the mean-radius great circle (within 0.5 %) is used instead.

Snapping a point to a polyline picks the nearest segment in a local flat projection around the
point (x east, y north, in km), which ranks segments correctly near the point and is only used to
choose; the distance along the line and off it are then geodesic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

#: WGS84 semi-major axis (m) and flattening.
WGS84_A = 6_378_137.0
WGS84_F = 1 / 298.257223563
_B = WGS84_A * (1 - WGS84_F)
#: Mean Earth radius (IUGG, m), for the flat projection and the antipodal fallback.
MEAN_RADIUS_M = 6_371_008.8


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres on a sphere of the mean radius (within 0.5 % of WGS84)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * MEAN_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance in metres between two points on the WGS84 ellipsoid (Vincenty)."""
    if lat1 == lat2 and lon1 == lon2:
        return 0.0
    big_l = math.radians((lon2 - lon1 + 180.0) % 360.0 - 180.0)
    u1 = math.atan((1 - WGS84_F) * math.tan(math.radians(lat1)))
    u2 = math.atan((1 - WGS84_F) * math.tan(math.radians(lat2)))
    sin_u1, cos_u1, sin_u2, cos_u2 = math.sin(u1), math.cos(u1), math.sin(u2), math.cos(u2)
    lam = big_l
    for _ in range(200):
        sin_lam, cos_lam = math.sin(lam), math.cos(lam)
        sin_sigma = math.hypot(cos_u2 * sin_lam, cos_u1 * sin_u2 - sin_u1 * cos_u2 * cos_lam)
        if sin_sigma == 0.0:
            return 0.0  # the same point
        cos_sigma = sin_u1 * sin_u2 + cos_u1 * cos_u2 * cos_lam
        sigma = math.atan2(sin_sigma, cos_sigma)
        sin_alpha = cos_u1 * cos_u2 * sin_lam / sin_sigma
        cos2_alpha = 1 - sin_alpha * sin_alpha
        # On the equator cos²α is 0 and the term below is not used (C is 0 too).
        cos_2sm = cos_sigma - 2 * sin_u1 * sin_u2 / cos2_alpha if cos2_alpha else 0.0
        c = WGS84_F / 16 * cos2_alpha * (4 + WGS84_F * (4 - 3 * cos2_alpha))
        previous = lam
        lam = big_l + (1 - c) * WGS84_F * sin_alpha * (
            sigma + c * sin_sigma * (cos_2sm + c * cos_sigma * (-1 + 2 * cos_2sm * cos_2sm)))
        if abs(lam) > math.pi:
            break  # nearly antipodal: Vincenty diverges
        if abs(lam - previous) < 1e-12:
            u_sq = cos2_alpha * (WGS84_A ** 2 - _B ** 2) / _B ** 2
            big_a = 1 + u_sq / 16384 * (4096 + u_sq * (-768 + u_sq * (320 - 175 * u_sq)))
            big_b = u_sq / 1024 * (256 + u_sq * (-128 + u_sq * (74 - 47 * u_sq)))
            delta = big_b * sin_sigma * (cos_2sm + big_b / 4 * (
                cos_sigma * (-1 + 2 * cos_2sm * cos_2sm)
                - big_b / 6 * cos_2sm * (-3 + 4 * sin_sigma * sin_sigma) * (-3 + 4 * cos_2sm * cos_2sm)))
            return _B * big_a * (sigma - delta)
    return haversine_m(lat1, lon1, lat2, lon2)


@dataclass(frozen=True, slots=True)
class Snap:
    """Where a point meets a line: km along it from its start, km off it, and that point."""

    along_km: float
    off_km: float
    lat: float
    lon: float
    segment: int


class Polyline:
    """A line of (lat, lon) vertices with the geodesic length to each vertex."""

    def __init__(self, points: list[tuple[float, float]]) -> None:
        if len(points) < 2:
            raise ValueError("a line needs at least two points")
        self.points = points
        cumulative = [0.0]
        for (lat1, lon1), (lat2, lon2) in zip(points, points[1:], strict=False):
            cumulative.append(cumulative[-1] + distance_m(lat1, lon1, lat2, lon2) / 1000.0)
        self.cumulative_km = cumulative
        self._lat = np.array([p[0] for p in points], dtype=float)
        self._lon = np.array([p[1] for p in points], dtype=float)

    @property
    def length_km(self) -> float:
        """Geodesic length of the whole line."""
        return self.cumulative_km[-1]

    def snap(self, lat: float, lon: float) -> Snap:
        """The nearest point of the line to (lat, lon), its km along the line and the km off it."""
        scale = MEAN_RADIUS_M / 1000.0 * math.pi / 180.0
        x = ((self._lon - lon + 180.0) % 360.0 - 180.0) * scale * math.cos(math.radians(lat))
        y = (self._lat - lat) * scale
        ax, ay, bx, by = x[:-1], y[:-1], x[1:], y[1:]
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy
        with np.errstate(invalid="ignore", divide="ignore"):
            t = np.where(length2 > 0, -(ax * dx + ay * dy) / length2, 0.0)
        t = np.clip(t, 0.0, 1.0)
        px, py = ax + t * dx, ay + t * dy
        segment = int(np.argmin(px * px + py * py))
        share = float(t[segment])
        (lat1, lon1), (lat2, lon2) = self.points[segment], self.points[segment + 1]
        dlon = (lon2 - lon1 + 180.0) % 360.0 - 180.0
        snap_lat = lat1 + (lat2 - lat1) * share
        snap_lon = (lon1 + dlon * share + 180.0) % 360.0 - 180.0
        along = self.cumulative_km[segment] + distance_m(lat1, lon1, snap_lat, snap_lon) / 1000.0
        off = distance_m(lat, lon, snap_lat, snap_lon) / 1000.0
        return Snap(along, off, snap_lat, snap_lon, segment)
