"""Start the desktop application: ``frontline-atlas [PATH ...]``.

Imports are lazy: the window is built and painted first; the geo engine (shapely readers,
pyproj, fiona) is imported by the worker when the first load starts.
"""

from __future__ import annotations

import sys
import traceback
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import TracebackType

    from PySide6.QtWidgets import QApplication, QWidget

    from ui.main_window import MainWindow


def create_app() -> QApplication:
    """The QApplication, named so that ``QSettings()`` finds the app's settings."""
    from ui import pyside_import_probe

    pyside_import_probe.install()  # before the imports below: see the module's docstring
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    collect_garbage_on_the_gui_thread()
    app.setOrganizationName("frontline-atlas")
    app.setApplicationName("Frontline Atlas")
    from ui.app_identity import apply_identity

    apply_identity()
    return app  # type: ignore[return-value]


_COLLECTOR: list[object] = []


def collect_garbage_on_the_gui_thread() -> None:
    """Run Python's cycle collector only on the GUI thread, from a timer (once per process).

    Left automatic, a collection runs in whichever thread happens to allocate. When a loader or
    task thread then frees a Qt wrapper or a signal connection, Qt takes its connection lock in
    that thread and PySide waits there for the GIL, which the GUI thread may hold while waiting
    for the same lock: the window freezes (seen as a deadlock in ``QObject::connect``), or Qt
    objects die in the wrong thread. pyqtgraph's ``GarbageCollector`` exists for this.
    """
    if _COLLECTOR:
        return
    from pyqtgraph.util.garbage_collector import GarbageCollector

    _COLLECTOR.append(GarbageCollector(interval=1.0))


def create_window(paths: list[str], as_series: str = "") -> MainWindow:
    """Build the main window and queue the opening of ``paths`` (see :func:`open_at_launch`).

    ``as_series`` (``--as-series NAME``) shows every loaded snapshot as one series.
    """
    from ui.main_window import MainWindow
    from viewmodels.app_viewmodel import AppViewModel

    app_vm = AppViewModel()
    if as_series:
        app_vm.dataset.set_as_series(as_series)
    window = MainWindow(app_vm)
    from ui.regions_feature import install_regions

    install_regions(window)
    from ui.numbers_feature import install_numbers
    from ui.tools_feature import install_measure, install_search

    install_search(window)
    install_measure(window)
    install_numbers(window)
    from ui.timelapse.feature import install_timelapse

    install_timelapse(window)
    from ui.printing.feature import install_printing

    install_printing(window)
    from ui.first_paint import call_after_first_paint
    from ui.session_feature import install_session

    install_session(window)
    # The last session loads hundreds of files in the worker, which competes with the UI thread
    # for the interpreter: started after the first frame, it never delays that frame.
    call_after_first_paint(window, lambda: open_at_launch(window, paths), fallback_ms=300)
    return window


def open_at_launch(window: MainWindow, paths: list[str]) -> None:
    """``paths`` when given; else the last session; else, on a true first launch, the demo."""
    app_vm = window.app_vm
    first = not app_vm.settings.launched_before()
    app_vm.settings.mark_launched()
    if paths:
        open_in_window(window, paths)
    elif not app_vm.session.restore_last() and first:
        app_vm.open_demo(at_launch=True)


def open_in_window(window: MainWindow, paths: list[str]) -> None:
    """Open ``paths`` in ``window``: from the command line, a second launch or the OS.

    A ``.frontline`` project file restores its session; other paths are opened as data.
    """
    from ui.session_feature import open_paths_or_projects

    open_paths_or_projects(window, paths)


def _install_excepthook(window: MainWindow) -> None:
    """An unexpected exception in a slot becomes a status-bar message; the session survives."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        traceback.print_exception(kind, exc, tb)
        window.statusBar().showMessage(f"unexpected error: {kind.__name__}: {exc}", 15000)

    sys.excepthook = hook


def map_viewport(window: MainWindow) -> QWidget:
    """The widget the map is painted in: the canvas's viewport (its containers get no paint
    event of their own); the window when the central widget is not a map."""
    from ui.map import MapView

    view = window.map_view
    return view.canvas.viewport() if isinstance(view, MapView) else window


def run_app(paths: list[str], as_series: str = "") -> int:
    """Open the map window with ``paths`` (files or folders) and run the event loop."""
    from ui.handover import forward_to_running, install_handover

    if forward_to_running(paths):  # a window is open already: it takes the paths
        return 0
    app = create_app()
    window = create_window(paths, as_series)
    install_handover(app, window, lambda forwarded: open_in_window(window, forwarded))
    from ui.startup_probe import install_probe

    install_probe(window, map_viewport(window))
    _install_excepthook(window)
    window.show()
    return app.exec()
