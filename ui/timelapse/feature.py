"""Plugs File → Export time-lapse… into the main window.

The action is enabled once a series is loaded. It captures the app's state (series on the
timeline, shown extent, layer styles, visible regions) into an immutable
:class:`~ui.timelapse.request.ExportContext` and opens a non-modal :class:`TimelapseDialog`; the
export has its own worker thread, so loading, comparing and scrubbing keep working meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from viewmodels.tasks import TaskRunner
from viewmodels.timelapse_viewmodel import ExportViewModel

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.timelapse.dialog import TimelapseDialog
    from ui.timelapse.request import ExportContext

ACTION_TEXT = "Export &time-lapse…"


@dataclass
class TimelapseFeature:
    """The pieces of the installed feature (kept on ``window.timelapse``)."""

    action: QAction
    vm: ExportViewModel
    previews: TaskRunner
    dialog: TimelapseDialog | None = None


def capture_context(window: MainWindow) -> ExportContext | None:
    """The app's state for an export, or None when no series is loaded.

    Layers and regions are captured as Print captures them (:mod:`ui.printing.capture`). The
    export's modules load here, on first use, not before the window's first frame.
    """
    from ui.printing.capture import capture_content, visible_regions
    from ui.timelapse.request import ExportContext

    app_vm = window.app_vm
    catalog, series = app_vm.dataset.catalog(), app_vm.timeline.series()
    if catalog is None or not catalog.series:
        return None
    if series not in catalog.series:
        series = catalog.series_names()[0]
    layers = capture_content(app_vm, []).layers
    regions = visible_regions(window)
    return ExportContext(catalog, series, app_vm.map.view_bbox(), layers, regions)


def open_dialog(window: MainWindow, feature: TimelapseFeature) -> TimelapseDialog | None:
    """Open (or raise) the dialog on the app's current state."""
    if feature.dialog is not None and feature.dialog.isVisible():
        feature.dialog.raise_()
        return feature.dialog
    context = capture_context(window)
    if context is None:
        window.statusBar().showMessage("Load a series before exporting a time-lapse", 8000)
        return None
    folder = str(Path.home())
    from ui.timelapse.dialog import TimelapseDialog  # imported on first use, after the first frame

    feature.dialog = TimelapseDialog(context, feature.vm, feature.previews, folder, window)
    feature.dialog.show()
    return feature.dialog


def install_timelapse(window: MainWindow) -> TimelapseFeature:
    """Add File → Export time-lapse… to ``window``; returns the feature (``window.timelapse``)."""
    action = QAction(ACTION_TEXT, window)
    action.setStatusTip("Export the front line moving as MP4, GIF, WebP or a PDF page per date")
    file_menu = window.menu("&File")
    quit_action = window.actions_by_key.get("quit")
    file_menu.insertAction(quit_action, action) if quit_action else file_menu.addAction(action)
    feature = TimelapseFeature(action, ExportViewModel(TaskRunner(window)), TaskRunner(window))
    action.triggered.connect(lambda: open_dialog(window, feature))
    dataset = window.app_vm.dataset

    def follow() -> None:
        catalog = dataset.catalog()
        action.setEnabled(catalog is not None and bool(catalog.series))

    dataset.sig_catalog_changed.connect(follow)
    follow()
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(feature.vm.shutdown)
        app.aboutToQuit.connect(feature.previews.shutdown)
    window.timelapse = feature  # type: ignore[attr-defined]
    return feature
