"""OblastViewModel: the same rows as ``delta --by-oblast`` on real DeepState days, computed in
the worker; a row zooms to its change; no comparison, no rows."""

from __future__ import annotations

import datetime as dt
import json
import threading
from typing import TYPE_CHECKING, Any

import pytest

from geo.oblasts import oblast_breakdown
from tests.shell.deepstate import deepstate_files, engine, read_catalog
from ui.cli import run_command
from viewmodels.compare_viewmodel import CompareViewModel
from viewmodels.oblast_viewmodel import OblastViewModel
from viewmodels.tasks import TaskRunner

if TYPE_CHECKING:
    from geo.model import Catalog
    from geo.oblasts import OblastChange

A, B = dt.date(2024, 11, 1), dt.date(2024, 11, 20)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return read_catalog("20241101", 20)


def test_rows_equal_delta_by_oblast(qtbot, catalog, capsys) -> None:
    runner = TaskRunner(synchronous=True)
    compare = CompareViewModel(runner, engine()[1])
    fits: list[tuple[float, ...]] = []
    vm = OblastViewModel(compare, runner, fits.append)
    with qtbot.waitSignal(vm.sig_rows_changed) as blocker:
        compare.request(catalog, catalog.series_names()[0], A, B)
    rows = blocker.args[0]
    files = [str(p) for p in deepstate_files("20241101", 20)]
    args = ["delta", *files, "--from", str(A), "--to", str(B), "--by-oblast", "--format", "json"]
    assert run_command(args) == 0
    printed = json.loads(capsys.readouterr().out)["by_oblast"]
    assert [r["name_en"] for r in printed] == [r.name_en for r in rows]
    for want, got in zip(printed, rows, strict=True):
        assert round(got.gained_km2, 3) == want["gained_km2"]
        assert round(got.lost_km2, 3) == want["lost_km2"]
        assert round(got.net_km2, 3) == want["net_km2"]
    assert rows[0].name_en == "Donetsk"
    table = vm.table()
    assert table.headers[:2] == ("region", "country")
    assert table.rows[0][:3] == ("Donetsk", "UA", rows[0].gained_km2)
    vm.zoom_to(0)
    west, south, east, north = fits[-1]
    bw, bs, be, bn = rows[0].bounds
    assert west < bw < be < east
    assert south < bs < bn < north
    vm.zoom_to(len(rows) - 1)  # "outside oblasts" has no place to zoom to
    assert len(fits) == 1


def test_breakdown_runs_off_the_ui_thread_and_clears(qtbot, catalog) -> None:
    threads: list[threading.Thread] = []

    def breakdown(gained: Any, lost: Any) -> list[OblastChange]:
        threads.append(threading.current_thread())
        return oblast_breakdown(gained, lost)

    runner = TaskRunner()
    compare = CompareViewModel(runner, engine()[1])
    vm = OblastViewModel(compare, runner, lambda _box: None, breakdown)
    with qtbot.waitSignal(vm.sig_rows_changed, timeout=20000):
        compare.request(catalog, catalog.series_names()[0], A, B)
    assert threads
    assert threads[0] is not threading.main_thread()
    assert vm.rows()
    assert vm.source() is compare.result()
    with qtbot.waitSignal(vm.sig_rows_changed):
        compare.clear()
    assert vm.rows() == []
    runner.shutdown()


def test_a_failing_breakdown_is_a_message(qtbot, catalog) -> None:
    def broken(_gained: Any, _lost: Any) -> list[OblastChange]:
        raise ValueError("oblasts_hi layer missing\nmore")

    runner = TaskRunner(synchronous=True)
    compare = CompareViewModel(runner, engine()[1])
    vm = OblastViewModel(compare, runner, lambda _box: None, broken)
    compare.request(catalog, catalog.series_names()[0], A, B)
    assert vm.error() == "by oblast: oblasts_hi layer missing"
    assert vm.rows() == []
    assert not vm.computing()
