"""Load files and folders into a :class:`~geo.model.Catalog`.

Files come from the cache when unchanged, otherwise they are read (in two worker processes when
there are many, returning WKB) and stored back. Every file that fails becomes a
:class:`~geo.model.Problem`; loading goes on. Snapshots of the same series and date from different
files are merged (unioned) with a recorded repair.
"""

from __future__ import annotations

import os
import sys
from collections import defaultdict
from typing import TYPE_CHECKING

import shapely

from geo import areas
from geo.discovery import discover
from geo.errors import AtlasError
from geo.model import Catalog, Repair, Snapshot
from geo.records import FileResult, Record, read_file, read_files
from geo.repair import polygonal

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from multiprocessing.context import BaseContext

    from geo.cache import LoadCache

#: With fewer files to read than this, reading serially beats starting worker processes.
PARALLEL_THRESHOLD = 24
CHUNKS_PER_WORKER = 24
#: Files read afresh are written to the cache this many at a time, as they arrive.
STORE_BATCH = 32


class LoadCancelled(AtlasError):
    """The caller's ``cancelled()`` returned True; nothing was loaded."""


def _chunks(items: Sequence[str], count: int) -> list[list[str]]:
    size = max(1, -(-len(items) // count))
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def _pool_context() -> BaseContext | None:
    """``fork`` when this process has one thread (fast); ``forkserver`` when it has several.

    Forking a multi-threaded process (the app loads from a worker thread) can deadlock the child on
    a lock another thread held; the fork server is a clean single-threaded parent, started once
    with the readers preloaded (about 0.15 s, first load only).
    """
    import multiprocessing
    import threading

    if not sys.platform.startswith("linux"):
        return None
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["geo.records"])
    return context


def _read_parallel(
    paths: list[str],
    workers: int,
    on_done: Callable[[FileResult], None],
    cancelled: Callable[[], bool],
) -> None:
    """Read ``paths`` in worker processes; if the pool breaks, read what is left serially."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    finished: set[str] = set()

    def deliver(result: FileResult) -> None:
        finished.add(result.path)
        on_done(result)

    chunks = _chunks(paths, workers * CHUNKS_PER_WORKER)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context()) as pool:
            pending = {pool.submit(read_files, chunk) for chunk in chunks}
            while pending:
                done, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
                if cancelled():
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise LoadCancelled("loading cancelled")
                for future in done:
                    for result in future.result():
                        deliver(result)
    except (BrokenProcessPool, OSError):
        for path in paths:
            if path not in finished:
                if cancelled():
                    raise LoadCancelled("loading cancelled") from None
                deliver(read_file(path))


def _read(
    paths: list[str],
    workers: int | None,
    on_done: Callable[[FileResult], None],
    cancelled: Callable[[], bool],
) -> None:
    if workers is None:
        workers = min(2, os.cpu_count() or 1) if len(paths) >= PARALLEL_THRESHOLD else 1
    if workers > 1 and len(paths) > 1:
        _read_parallel(paths, workers, on_done, cancelled)
        return
    for path in paths:
        if cancelled():
            raise LoadCancelled("loading cancelled")
        on_done(read_file(path))


def _merge(snapshots: list[Snapshot]) -> Snapshot:
    """One snapshot from several of the same series and date (from different files)."""
    if len(snapshots) == 1:
        return snapshots[0]
    first = snapshots[0]
    distinct = {shapely.to_wkb(s.geometry): s.geometry for s in snapshots}
    if len(distinct) == 1:  # the same file twice (a zip and its extracted folder)
        geometry = first.geometry
    else:
        geometry = polygonal(shapely.union_all(list(distinct.values()))) or first.geometry
    others = ", ".join(s.source for s in snapshots[1:])
    merged = Repair("merged_duplicate_date", len(snapshots), first.source, f"unioned with {others}")
    return Snapshot(
        series=first.series,
        date=first.date,
        geometry=geometry,
        source=first.source,
        layer=first.layer,
        area_km2=areas.geodesic_area_km2(geometry),
        repairs=(*(r for s in snapshots for r in s.repairs), merged),
        crs=first.crs,
    )


def build_catalog(results: Iterable[FileResult]) -> Catalog:
    """A catalog from file results, in the order given; duplicates merged, series sorted."""
    catalog = Catalog()
    records: list[Record] = []
    for result in results:
        records += result.records
        catalog.problems += result.problems
    snapshots = [
        Snapshot.from_wkb(
            record.wkb,
            series=record.series,
            date=record.date,
            source=record.source,
            layer=record.layer,
            area_km2=record.area_km2,
            repairs=record.repairs,
            crs=record.crs,
        )
        for record in records
    ]
    fill_catalog(catalog, snapshots)
    return catalog


def fill_catalog(catalog: Catalog, snapshots: Iterable[Snapshot]) -> None:
    """Put ``snapshots`` into ``catalog`` by series and date, same series and date merged."""
    grouped: dict[tuple[str, object], list[Snapshot]] = defaultdict(list)
    for snapshot in snapshots:
        grouped[(snapshot.series, snapshot.date)].append(snapshot)
    by_series: dict[str, list[Snapshot]] = defaultdict(list)
    for items in grouped.values():
        merged = _merge(items)
        by_series[merged.series].append(merged)
    for name in sorted(by_series):
        catalog.series[name] = sorted(by_series[name], key=lambda s: s.date)


def load_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    use_cache: bool = True,
    workers: int | None = None,
    cache: LoadCache | None = None,
) -> Catalog:
    """Load files and folders into a catalog.

    Parameters
    ----------
    paths : iterable of str or path
        Files and folders; see :func:`discover`.
    progress : callable(done, total, path), optional
        Called each time a file completes.
    cancelled : callable() -> bool, optional
        Polled between files; when it returns True, :class:`LoadCancelled` is raised.
    use_cache : bool
        Read unchanged files from, and store new results in, the loading cache.
    workers : int, optional
        Worker processes; default 2 when there are many files to read, else serial.
    cache : LoadCache, optional
        A specific cache (tests); default the user's.

    Returns
    -------
    Catalog
        Snapshots by series and date, plus one Problem per file (or part) that failed.
    """
    entries = discover(paths)
    is_cancelled = cancelled or (lambda: False)
    results: dict[str, FileResult] = {}
    fresh: list[FileResult] = []
    store = None
    if use_cache:
        from geo.cache import LoadCache

        store = cache or LoadCache()

    def on_done(result: FileResult, *, new: bool = True) -> None:
        results[result.path] = result
        if new:
            fresh.append(result)
            if store is not None and len(fresh) >= STORE_BATCH:  # while the workers go on
                store.put_many(fresh)
                fresh.clear()
        if progress is not None:
            progress(len(results), len(entries), result.path)

    try:
        if store is not None:
            for result in store.get_many(entries).values():
                on_done(result, new=False)
            if is_cancelled():
                raise LoadCancelled("loading cancelled")
        _read([p for p in entries if p not in results], workers, on_done, is_cancelled)
        if store is not None and fresh:
            store.put_many(fresh)
    finally:
        if store is not None and cache is None:
            store.close()
    catalog = build_catalog(results.pop(p) for p in entries)
    if store is not None and store.problem is not None:
        catalog.problems.append(store.problem)  # one warning: running without a cache
    fresh.clear()
    release_free_memory()
    return catalog


def release_free_memory() -> None:
    """Give the heap's free pages back to the system (glibc ``malloc_trim``; no-op elsewhere).

    A load allocates the WKB payload of every file (from the cache or the workers) next to the
    geometries decoded from it; once the payloads are freed, glibc keeps their pages, about 35 MB
    for the DeepState corpus, so the resident size stays as if they were still there.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        return  # not glibc (musl): nothing to trim
