"""The suffix table of ``geo.formats`` agrees with the registered readers it stands in for."""

from __future__ import annotations

import pytest

from geo import formats
from geo.errors import UnsupportedFormatError
from geo.readers import find_reader

READ = [f"day_2024-01-01{s}" for s in formats.READABLE]
NOT_READ = ["notes.txt", "a.shx", "a.dbf", "a.prj", "a.shp.xml", "a.gz", "a.geojsonl", "geojson"]


@pytest.mark.parametrize("name", READ + [n.upper() for n in READ])
def test_every_readable_suffix_has_a_reader(name: str) -> None:
    assert formats.readable(name)
    assert find_reader(name).label


@pytest.mark.parametrize("name", NOT_READ)
def test_other_names_have_no_reader(name: str) -> None:
    assert not formats.readable(name)
    with pytest.raises(UnsupportedFormatError):
        find_reader(name)
