"""Loading the same regions file twice adds its regions once, and says so."""

from __future__ import annotations

import shapely

from geo.regions import Region, densify_geometry, write_regions
from viewmodels.regions_viewmodel import RegionsViewModel


def test_same_file_twice_adds_each_region_once(qtbot, tmp_path) -> None:
    path = tmp_path / "regions.geojson"
    kurakhove = densify_geometry(shapely.box(37.20, 47.93, 37.40, 48.03))
    pokrovsk = densify_geometry(shapely.box(37.10, 48.22, 37.25, 48.32))
    write_regions(path, [Region("Kurakhove", kurakhove), Region("Pokrovsk", pokrovsk)])
    vm = RegionsViewModel()
    assert len(vm.load(path)) == 2
    assert vm.last_skipped() == 0
    assert vm.load(path) == []
    assert vm.last_skipped() == 2
    assert [r.name for r in vm.regions()] == ["Kurakhove", "Pokrovsk"]
    vm.save(path)  # saved from the app: drawn vertices round-tripped, still the same shapes
    assert vm.load(path) == []
    vm.rename(vm.regions()[0].id, "Kurakhove town")
    assert len(vm.load(path)) == 1  # a different name is a different region
