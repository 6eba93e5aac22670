"""The basemap: read once in the worker (state + command); the canvas only draws what it holds.

:meth:`BasemapViewModel.load` runs the slow read (seconds) on the shared
:class:`~viewmodels.tasks.TaskRunner`'s second worker, so the comparison and the chart never
wait behind it. A read that fails leaves the map without a basemap and says why in one line
naming the file (:meth:`~BasemapViewModel.problem`), which the application lists with the other
load problems.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from geo.basemap_data import BasemapData
from geo.errors import ReadError, one_line

if TYPE_CHECKING:
    from collections.abc import Callable

    from viewmodels.tasks import TaskRunner


def default_loader() -> BasemapData:
    """``geo.basemap_data.load_basemap`` (the bundled ``resources/basemap.gpkg``)."""
    from geo.basemap_data import load_basemap

    return load_basemap()


def default_source() -> str:
    """The file the default loader reads (``$FRONTLINE_ATLAS_BASEMAP`` or the bundled one)."""
    from geo.basemap import default_path

    return str(default_path())


def loaded_basemap(loader: Callable[[], BasemapData] | None = None) -> BasemapViewModel:
    """A basemap viewmodel whose data are read already, on this thread (tools, benchmarks)."""
    from viewmodels.tasks import TaskRunner

    vm = BasemapViewModel(TaskRunner(synchronous=True), loader or default_loader)
    vm.load()
    return vm


class BasemapViewModel(QObject):
    """The basemap data the map draws, whether they are loading, and what went wrong.

    Parameters
    ----------
    runner : TaskRunner
        The application's runner; the read goes to its ``slow`` worker.
    loader : callable, optional
        Returns a :class:`~geo.basemap_data.BasemapData`; :func:`default_loader` by default.
    source : callable, optional
        Names the file ``loader`` reads, for a message about an error that does not name it.
    parent : QObject, optional
    """

    sig_basemap_changed = Signal()
    """New basemap data arrived."""
    sig_problem_changed = Signal()
    """:meth:`problem` changed (a read failed, or a later one succeeded)."""

    def __init__(
        self,
        runner: TaskRunner,
        loader: Callable[[], BasemapData] = default_loader,
        source: Callable[[], str] = default_source,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner, self._loader, self._source = runner, loader, source
        self._basemap = BasemapData()
        self._problem: tuple[str, str] | None = None
        self._loading = False
        self._loaded = False

    def basemap(self) -> BasemapData:
        """The basemap data (empty until loaded, or when the read failed)."""
        return self._basemap

    def problem(self) -> tuple[str, str] | None:
        """Why there is no basemap: (the file, one line of reason); None when nothing failed."""
        return self._problem

    def loading(self) -> bool:
        return self._loading

    def load(self) -> None:
        """Read the basemap in the worker, unless it is loaded or being loaded already."""
        if self._loading or self._loaded:
            return
        self._loading = True
        self._runner.submit(self._loader, self._on_loaded, self._on_failed, slow=True)

    def _on_loaded(self, data: BasemapData) -> None:
        self._loading, self._loaded = False, True
        self._basemap = data
        self._set_problem(None)
        self.sig_basemap_changed.emit()

    def _on_failed(self, error: BaseException) -> None:
        self._loading = False
        if isinstance(error, ReadError):
            self._set_problem((error.path, one_line(error.reason)))
        else:
            self._set_problem((self._source(), one_line(error)))

    def _set_problem(self, problem: tuple[str, str] | None) -> None:
        if problem != self._problem:
            self._problem = problem
            self.sig_problem_changed.emit()
